"""What an analysis gives back: flags with exact spans, the sentences, and guidance.

Plain frozen dataclasses, so the web page, the command line and the benchmarks all read the
same values. Offsets are Python string indices (code points) into the text as given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Direction(StrEnum):
    """Who wrote the text: the person (a draft going out) or someone else (a message coming in)."""

    OUT = "out"
    IN = "in"


@dataclass(frozen=True)
class Sentence:
    """One sentence of the text: ``text[start:end] == words``."""

    start: int
    end: int
    words: str


@dataclass(frozen=True)
class Flag:
    """One finding: which rule, which category, where, the exact words, why, and what instead."""

    rule: str
    category: str
    start: int
    end: int
    match: str
    explanation: str
    suggestion: str


@dataclass(frozen=True)
class Analysis:
    """The result for one text.

    ``analysed`` is False when no rule pack covers the text (a language without rules, or a
    direction without rules yet); ``reason`` then says why, and ``flags`` is empty. An empty
    ``flags`` with ``analysed`` True still only means the rules found nothing: rules miss things.
    """

    text: str
    direction: Direction
    analysed: bool
    language: str | None
    sentences: tuple[Sentence, ...] = ()
    flags: tuple[Flag, ...] = ()
    reason: str | None = None

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories found, each once, in the order of their first flag."""
        return tuple(dict.fromkeys(flag.category for flag in self.flags))

    def flags_in(self, sentence: Sentence) -> tuple[Flag, ...]:
        """The flags that touch this sentence."""
        return tuple(
            flag for flag in self.flags if flag.start < sentence.end and flag.end > sentence.start
        )


@dataclass(frozen=True)
class Guidance:
    """A brief, informative, friendly, firm version of a draft, offered as guidance only."""

    text: str
    kept: int
    left_out: int
    notes: tuple[str, ...] = field(default_factory=tuple)
