"""``python bench/run.py draft-quality``: how well the draft checker's rules do on the suite.

Scores the labeled drafts in tests/data/drafts/: tuning.jsonl (the rules were tuned on it) and
unseen.jsonl (held out: written before the rules, never tuned on). Prints a table per part on
stderr and returns the figures, with each goal of the issue checked, as JSON.

Goals: at most 1 false warning per 10 neutral drafts; personal_detail recall >= 0.95; every
category's precision >= 0.85.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from clearpath.analysis import Direction, analyse, categories
from clearpath.analysis.scoring import SuiteScore, parse_suite, score

SUITE = Path(__file__).resolve().parent.parent / "tests" / "data" / "drafts"
PARTS = ("tuning", "unseen")
MAX_FALSE_WARNING_RATE = 0.10
MIN_PRECISION = 0.85
MIN_DETAIL_RECALL = 0.95
THROUGHPUT_ROUNDS = 40


def score_part(part: str) -> SuiteScore:
    """The score of one part of the suite."""
    with (SUITE / f"{part}.jsonl").open(encoding="utf-8") as lines:
        items = parse_suite(lines)
    names = [category.name for category in categories(Direction.OUT)]
    return score(items, names, Direction.OUT)


def goals_met(result: SuiteScore) -> dict[str, bool]:
    """Each goal of the issue, checked on one part."""
    rate = result.false_warning_rate
    detail = result.categories["personal_detail"].recall
    return {
        "false_warnings_at_most_1_in_10": rate is not None and rate <= MAX_FALSE_WARNING_RATE,
        "personal_detail_recall_at_least_0.95": detail is not None and detail >= MIN_DETAIL_RECALL,
        "every_precision_at_least_0.85": all(
            counts.precision is None or counts.precision >= MIN_PRECISION
            for counts in result.categories.values()
        ),
    }


def figures(result: SuiteScore) -> dict[str, Any]:
    return {
        "drafts": result.items,
        "neutral": result.neutral,
        "false_warnings": result.false_warnings,
        "false_warning_rate": _round(result.false_warning_rate),
        "categories": {
            name: {
                "precision": _round(counts.precision),
                "recall": _round(counts.recall),
                "labeled": counts.true_positive + counts.false_negative,
                "flagged": counts.true_positive + counts.false_positive,
            }
            for name, counts in result.categories.items()
        },
        "misses": [f"{item}:{category}" for item, category in result.misses],
        "wrong_flags": [f"{item}:{category}" for item, category in result.wrong_flags],
        "goals": goals_met(result),
    }


def table(part: str, result: SuiteScore) -> str:
    lines = [
        f"{part}: {result.items} drafts, {result.neutral} neutral",
        f"{'category':<16} {'precision':>9} {'recall':>7} {'labeled':>8} {'flagged':>8}",
    ]
    for name, counts in result.categories.items():
        lines.append(
            f"{name:<16} {_cell(counts.precision):>9} {_cell(counts.recall):>7} "
            f"{counts.true_positive + counts.false_negative:>8} "
            f"{counts.true_positive + counts.false_positive:>8}"
        )
    lines.append(
        f"false warnings on neutral drafts: {result.false_warnings} of {result.neutral} "
        f"({_cell(result.false_warning_rate)})"
    )
    return "\n".join(lines)


def throughput() -> dict[str, Any]:
    """Drafts per second through the engine (sentences, language guess, every rule)."""
    texts = []
    for part in PARTS:
        with (SUITE / f"{part}.jsonl").open(encoding="utf-8") as lines:
            texts += [item.text for item in parse_suite(lines)]
    analyse(texts[0], Direction.OUT)  # compile the packs outside the clock
    start = time.perf_counter()
    for _ in range(THROUGHPUT_ROUNDS):
        for text in texts:
            analyse(text, Direction.OUT)
    seconds = time.perf_counter() - start
    count = THROUGHPUT_ROUNDS * len(texts)
    rate = round(count / seconds)
    return {"drafts": count, "seconds": round(seconds, 3), "drafts_per_second": rate}


def run(argv: list[str]) -> dict[str, Any]:
    if argv:
        raise SystemExit("draft-quality takes no arguments")
    results = {part: score_part(part) for part in PARTS}
    for part, result in results.items():
        print(table(part, result) + "\n", file=sys.stderr)
    return {
        "benchmark": "draft-quality",
        **{part: figures(r) for part, r in results.items()},
        "throughput": throughput(),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"
