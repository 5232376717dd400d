"""Rule packs, one per direction and language. Incoming-message packs plug in here too."""

from __future__ import annotations

from collections.abc import Callable

from clearpath.analysis.packs import drafts_en
from clearpath.analysis.rules import RulePack

# Each entry builds one pack; the engine builds them once, on first use.
PACK_BUILDERS: tuple[Callable[[], RulePack], ...] = (drafts_en.build,)
