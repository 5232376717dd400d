"""Tables of the evidence area."""

from __future__ import annotations
