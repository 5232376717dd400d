"""Readers for chat and mail exports: bytes in, messages out. Pure: no vault, no web.

Each format is one module behind the ``Importer`` protocol (``base.py``); ``registry.py``
picks the right one by looking at the file's first bytes.
"""
