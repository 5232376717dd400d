"""The plan's own words keep to the project's voice: no guilt words, every part explained."""

from __future__ import annotations

import re
from pathlib import Path

from clearpath.plan.parts import PARTS
from clearpath.plan.stages import STAGES

GUILT = re.compile(r"\b(fail\w*|broke\w*|streak\w*|reset\w*|should have|relapse\w*)\b", re.I)
TEMPLATES = Path(__file__).resolve().parents[3] / "src/clearpath/web/templates/plan"


def _words() -> list[str]:
    found: list[str] = []
    for part in PARTS:
        found += [part.title, part.summary, part.why, part.caution, part.reminder]
        found += [f.label + " " + f.hint for f in part.texts]
        found += [f.label + " " + f.hint for ls in part.lists for f in ls.fields]
        if part.checklist:
            found += [label for _key, label in part.checklist.items]
    for stage in STAGES:
        found += [stage.title, stage.intro, stage.caution]
        found += [title for _key, title, _part in stage.tasks]
    found += [path.read_text(encoding="utf-8") for path in TEMPLATES.glob("*.html")]
    return found


def test_no_guilt_words() -> None:
    found = [text[:80] for text in _words() if GUILT.search(text)]
    assert found == []


def test_every_part_says_why_and_where_it_could_alert_someone() -> None:
    for part in PARTS:
        assert part.why, part.slug
        assert part.caution, part.slug
