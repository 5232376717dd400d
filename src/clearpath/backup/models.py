"""Tables of the backup area."""

from __future__ import annotations
