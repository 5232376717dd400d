"""The JSON line format of ``clearpath analyze``, shared by drafts and incoming messages.

Input, one JSON object per line: ``{"id": ..., "text": "...", "direction": "out"|"in",
"language": "en"}``; ``text`` and ``direction`` are required, ``id`` (any JSON string or number;
default the line number) and ``language`` are optional, other keys are ignored. Output, one
object per input line, in order: see ``record``. docs/analysis.md describes both.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from clearpath.analysis.engine import MAX_TEXT_CHARS, TextTooLong, analyse
from clearpath.analysis.guidance import suggest
from clearpath.analysis.model import Analysis, Direction

_LANGUAGE = re.compile(r"[a-z]{2}")


class LineError(ValueError):
    """One input line is not usable; ``str()`` names the line and what is wrong."""

    def __init__(self, number: int, problem: str) -> None:
        super().__init__(f"line {number}: {problem}")
        self.number = number
        self.problem = problem


@dataclass(frozen=True)
class LineInput:
    """One parsed input line."""

    number: int
    id: str | int | float
    text: str
    direction: Direction
    language: str | None


def parse_line(raw: str, number: int) -> LineInput | None:
    """The input on one line; None for a blank line; LineError when it is not usable."""
    if not raw.strip():
        return None
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LineError(
            number, f"this is not valid JSON ({exc.msg} at column {exc.colno})."
        ) from None
    if not isinstance(value, dict):
        raise LineError(number, 'each line must be one JSON object, like {"text": "..."}.')
    text = value.get("text")
    if not isinstance(text, str):
        raise LineError(number, '"text" is missing or is not a string.')
    if len(text) > MAX_TEXT_CHARS:
        raise LineError(
            number, f'"text" has {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}.'
        )
    direction = value.get("direction")
    if not isinstance(direction, str) or direction not in {d.value for d in Direction}:
        raise LineError(number, '"direction" must be "out" (a draft) or "in" (a message).')
    identifier = value.get("id", number)
    if isinstance(identifier, bool) or not isinstance(identifier, str | int | float):
        raise LineError(number, '"id" must be a string or a number.')
    language = value.get("language")
    if language is not None and not (isinstance(language, str) and _LANGUAGE.fullmatch(language)):
        raise LineError(number, '"language" must be a two-letter code like "en".')
    return LineInput(number, identifier, text, Direction(direction), language)


def analyse_line(item: LineInput) -> dict[str, Any]:
    """Analyse one input and give its output record."""
    try:
        analysis = analyse(item.text, item.direction, item.language)
    except TextTooLong as exc:  # parse_line checks first; kept for callers that skip it
        raise LineError(item.number, str(exc)) from None
    return record(item.id, analysis)


def record(identifier: str | int | float, analysis: Analysis) -> dict[str, Any]:
    """The output object for one analysed text."""
    out: dict[str, Any] = {
        "id": identifier,
        "direction": analysis.direction.value,
        "analysed": analysis.analysed,
        "language": analysis.language,
        "categories": list(analysis.categories),
        "sentences": len(analysis.sentences),
        "flags": [
            {
                "rule": flag.rule,
                "category": flag.category,
                "start": flag.start,
                "end": flag.end,
                "match": flag.match,
                "explanation": flag.explanation,
                "suggestion": flag.suggestion,
            }
            for flag in analysis.flags
        ],
    }
    if not analysis.analysed:
        out["reason"] = analysis.reason
    elif analysis.direction is Direction.OUT:
        out["suggested"] = suggest(analysis).text
    return out
