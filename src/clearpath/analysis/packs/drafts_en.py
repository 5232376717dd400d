"""The draft checker's rule pack: outgoing drafts in English."""

from __future__ import annotations

from collections.abc import Sequence

from clearpath.analysis.model import Direction, Flag, Sentence
from clearpath.analysis.packs.drafts_en_details import HOSTILE, PERSONAL_DETAIL
from clearpath.analysis.packs.drafts_en_words import (
    APOLOGY,
    CATEGORIES,
    EMOTIONAL,
    JADE,
    OPEN_QUESTION,
)
from clearpath.analysis.rules import RulePack

MAX_SENTENCES = 5
_TOO_LONG = next(category for category in CATEGORIES if category.name == "too_long")


def too_many_sentences(text: str, sentences: Sequence[Sentence]) -> list[Flag]:
    """Flag the words after the fifth sentence, so the person sees where it grows long."""
    if len(sentences) <= MAX_SENTENCES:
        return []
    start, end = sentences[MAX_SENTENCES].start, sentences[-1].end
    return [
        Flag(
            "out.too_long.sentences",
            "too_long",
            start,
            end,
            text[start:end],
            f"{len(sentences)} sentences. {_TOO_LONG.explanation}",
            _TOO_LONG.suggestion,
        )
    ]


def build() -> RulePack:
    """The compiled pack (built once by the engine)."""
    return RulePack(
        name="drafts-en",
        direction=Direction.OUT,
        language="en",
        categories=CATEGORIES,
        rules=(*JADE, *EMOTIONAL, *APOLOGY, *OPEN_QUESTION, *PERSONAL_DETAIL, *HOSTILE),
        checks=(too_many_sentences,),
        ignore_quoted=True,
    )
