"""Transparent rules: a named regular expression per finding, with guards and plain words.

A rule pack holds the rules for one direction and one language. Each category's rules are
compiled into one alternation with a named group per rule, so a text is scanned once per
category, however many rules the category has. A rule may require or forbid words in the same
sentence (``requires`` / ``unless``): that is how negation, reported speech or "this is about
the children, not about me" are told apart without a black box.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from clearpath.analysis.model import Direction, Flag, Sentence


@dataclass(frozen=True)
class Category:
    """What a category is, in one plain line, and the general suggestion for it."""

    name: str
    title: str
    explanation: str
    suggestion: str


@dataclass(frozen=True)
class Rule:
    """One pattern of one category.

    ``pattern`` is matched case-insensitively unless ``case_sensitive``; the span of the match
    is the flag, and it must start at the start of a word. A straight apostrophe in a pattern
    also matches a typographic one (U+2019).
    ``explanation`` and ``suggestion`` default to the category's. ``requires`` and ``unless``
    are matched against the sentence that holds the match.
    """

    id: str
    category: str
    pattern: str
    explanation: str = ""
    suggestion: str = ""
    requires: str | None = None
    unless: str | None = None
    case_sensitive: bool = False


# Text in double quotes (straight, typographic, German and French quotes), up to a line.
_QUOTED = re.compile(
    r'"[^"\n]{1,400}"|\u201c[^\u201d\n]{1,400}\u201d|\u201e[^\u201c\u201d\n]{1,400}[\u201c\u201d]'
    r"|\u00ab[^\u00bb\n]{1,400}\u00bb"
)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where the text quotes someone: (start, end) of each double-quoted stretch."""
    return [match.span() for match in _QUOTED.finditer(text)]


# A check that looks at the whole text rather than at words (too many sentences, say).
TextCheck = Callable[[str, Sequence[Sentence]], list[Flag]]


@dataclass(frozen=True)
class _CompiledRule:
    rule: Rule
    explanation: str
    suggestion: str
    requires: re.Pattern[str] | None
    unless: re.Pattern[str] | None


@dataclass
class RulePack:
    """The rules for one direction and one language, compiled once."""

    name: str
    direction: Direction
    language: str
    categories: Sequence[Category]
    rules: Sequence[Rule]
    checks: Sequence[TextCheck] = ()
    # Leave out matches inside double quotes: quoted or reported words are not the writer's.
    ignore_quoted: bool = False
    _scanners: list[tuple[re.Pattern[str], dict[str, _CompiledRule]]] = field(
        default_factory=list, init=False, repr=False
    )

    def __post_init__(self) -> None:
        known = {category.name: category for category in self.categories}
        by_category: dict[tuple[str, bool], list[Rule]] = {}
        for rule in self.rules:
            if rule.category not in known:
                raise ValueError(f"rule {rule.id} names an unknown category {rule.category}")
            by_category.setdefault((rule.category, rule.case_sensitive), []).append(rule)
        for (_, case_sensitive), rules in by_category.items():
            compiled: dict[str, _CompiledRule] = {}
            parts = []
            for number, rule in enumerate(rules):
                group = f"r{number}"
                parts.append(f"(?P<{group}>{_apostrophes(rule.pattern)})")
                category = known[rule.category]
                compiled[group] = _CompiledRule(
                    rule,
                    rule.explanation or category.explanation,
                    rule.suggestion or category.suggestion,
                    _guard(rule.requires),
                    _guard(rule.unless),
                )
            flags = 0 if case_sensitive else re.IGNORECASE
            # Every match starts at the start of a word: one cheap check there lets the scan
            # skip the middle of words without trying each rule at each character.
            scanner = re.compile(rf"\b(?=\w)(?:{'|'.join(parts)})", flags)
            self._scanners.append((scanner, compiled))

    def category(self, name: str) -> Category:
        """The category called ``name``."""
        for category in self.categories:
            if category.name == name:
                return category
        raise KeyError(name)

    def find(self, text: str, sentences: Sequence[Sentence]) -> list[Flag]:
        """Every flag of every rule and check, sorted by position."""
        flags: list[Flag] = []
        quoted = quoted_spans(text) if self.ignore_quoted else []
        for scanner, compiled in self._scanners:
            for match in scanner.finditer(text):
                group = match.lastgroup
                if group is None or match.start() == match.end():
                    continue
                entry = compiled[group]
                if not _guards_pass(entry, _sentence_at(sentences, match.start(), text)):
                    continue
                if any(start <= match.start() and match.end() <= end for start, end in quoted):
                    continue
                flags.append(
                    Flag(
                        entry.rule.id,
                        entry.rule.category,
                        match.start(),
                        match.end(),
                        match.group(),
                        entry.explanation,
                        entry.suggestion,
                    )
                )
        for check in self.checks:
            flags.extend(check(text, sentences))
        flags.sort(key=lambda flag: (flag.start, flag.end, flag.category))
        return flags


def _apostrophes(pattern: str) -> str:
    # People type "don't" and "don\u2019t" (phones) alike; rules are written with the first.
    return pattern.replace("'", "['\u2019]")


def _guard(pattern: str | None) -> re.Pattern[str] | None:
    return None if pattern is None else re.compile(_apostrophes(pattern), re.IGNORECASE)


def _guards_pass(entry: _CompiledRule, sentence: str) -> bool:
    if entry.requires is not None and entry.requires.search(sentence) is None:
        return False
    return entry.unless is None or entry.unless.search(sentence) is None


def _sentence_at(sentences: Sequence[Sentence], position: int, text: str) -> str:
    for sentence in sentences:
        if sentence.start <= position < sentence.end:
            return sentence.words
    return text
