"""Tables of the understand area."""

from __future__ import annotations
