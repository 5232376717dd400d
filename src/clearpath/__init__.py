"""Clearpath: a private companion for leaving an abusive relationship and healing afterwards."""

__version__ = "0.1.0"
