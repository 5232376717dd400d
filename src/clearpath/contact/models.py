"""Tables of the contact area."""

from __future__ import annotations
