"""The one entry point: analyse a text in a direction with the rule pack that covers it."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from clearpath.analysis.language import guess_language
from clearpath.analysis.model import Analysis, Direction
from clearpath.analysis.packs import PACK_BUILDERS
from clearpath.analysis.rules import Category, RulePack
from clearpath.analysis.sentences import split_sentences

MAX_TEXT_CHARS = 100_000


class TextTooLong(ValueError):
    """A text over MAX_TEXT_CHARS: split it into messages first."""


@cache
def packs() -> tuple[RulePack, ...]:
    """Every rule pack, compiled once per process."""
    return tuple(build() for build in PACK_BUILDERS)


def pack_for(direction: Direction, language: str) -> RulePack | None:
    """The pack for this direction and language, if there is one."""
    for pack in packs():
        if pack.direction is direction and pack.language == language:
            return pack
    return None


def categories(direction: Direction, language: str = "en") -> Sequence[Category]:
    """The categories a direction's pack can find (none when there is no pack)."""
    pack = pack_for(direction, language)
    return pack.categories if pack else ()


def analyse(text: str, direction: Direction, language: str | None = None) -> Analysis:
    """Split ``text`` into sentences and run the pack for its direction and language.

    ``language`` (ISO 639-1) skips the guess. Text in a language or direction without a pack
    comes back with ``analysed=False`` and a reason, never as if nothing had been found.
    """
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLong(
            f"The text has {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}."
        )
    sentences = split_sentences(text)
    chosen = language or guess_language(text)
    if chosen is None:
        return Analysis(
            text, direction, False, None, sentences, reason="The language was not recognised."
        )
    pack = pack_for(direction, chosen)
    if pack is None:
        known = sorted(p.language for p in packs() if p.direction is direction)
        what = "drafts" if direction is Direction.OUT else "incoming messages"
        also = f" (rules exist for: {', '.join(known)})" if known else ""
        reason = f"There are no rules for {what} in this language ({chosen}) yet{also}."
        return Analysis(text, direction, False, chosen, sentences, reason=reason)
    flags = tuple(pack.find(text, sentences))
    return Analysis(text, direction, True, chosen, sentences, flags)
