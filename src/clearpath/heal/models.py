"""Tables of the heal area."""

from __future__ import annotations
