"""Scoring a labeled suite: precision and recall per category, and false warnings.

A labeled item is a text and the set of categories a careful reader finds in it (empty for a
neutral text). Scoring is per item and category: a category counts as found when the engine
flags it anywhere in the text. Used by the draft-quality benchmark and its test; the incoming
message suite can use the same functions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from clearpath.analysis.engine import analyse
from clearpath.analysis.model import Direction


@dataclass(frozen=True)
class LabeledText:
    """One item of a labeled suite."""

    id: str
    text: str
    labels: frozenset[str]


@dataclass
class CategoryScore:
    """Counts for one category: true positives, false positives, false negatives."""

    category: str
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float | None:
        """Share of flags that were right; None when the category was never flagged."""
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else None

    @property
    def recall(self) -> float | None:
        """Share of labeled items that were flagged; None when no item has the label."""
        labeled = self.true_positive + self.false_negative
        return self.true_positive / labeled if labeled else None


@dataclass
class SuiteScore:
    """The score of one suite (or one part of it)."""

    items: int = 0
    neutral: int = 0
    false_warnings: int = 0
    categories: dict[str, CategoryScore] = field(default_factory=dict)
    misses: list[tuple[str, str]] = field(default_factory=list)  # (item id, category)
    wrong_flags: list[tuple[str, str]] = field(default_factory=list)

    @property
    def false_warning_rate(self) -> float | None:
        """Share of neutral items that got any flag."""
        return self.false_warnings / self.neutral if self.neutral else None


def parse_suite(lines: Iterable[str]) -> list[LabeledText]:
    """Items from JSON lines {"id": ..., "text": ..., "labels": [...]}; blank lines skipped."""
    items = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        value = json.loads(line)
        labels = value.get("labels")
        if not isinstance(value.get("text"), str) or not isinstance(labels, list):
            raise ValueError(f"line {number}: needs a text and a list of labels")
        items.append(LabeledText(str(value.get("id", number)), value["text"], frozenset(labels)))
    return items


def score(
    items: Sequence[LabeledText], categories: Sequence[str], direction: Direction
) -> SuiteScore:
    """Run the engine over every item and count per category."""
    result = SuiteScore(categories={name: CategoryScore(name) for name in categories})
    for item in items:
        found = set(analyse(item.text, direction).categories)
        result.items += 1
        if not item.labels:
            result.neutral += 1
            result.false_warnings += bool(found)
        for name, counts in result.categories.items():
            if name in found and name in item.labels:
                counts.true_positive += 1
            elif name in found:
                counts.false_positive += 1
                result.wrong_flags.append((item.id, name))
            elif name in item.labels:
                counts.false_negative += 1
                result.misses.append((item.id, name))
    return result
