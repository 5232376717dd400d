"""Tables of the plan area."""

from __future__ import annotations
