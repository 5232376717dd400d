"""No guilt words in what the draft checker says to the person: its page, the category and
rule explanations and suggestions, and the notes of the calm version. (The rules' patterns
match such words in the person's draft; they are not shown as the app's own words.)
"""

from __future__ import annotations

import re
from pathlib import Path

from clearpath.analysis import Direction, guidance
from clearpath.analysis.engine import pack_for

ROOT = Path(__file__).resolve().parents[3]
TEMPLATES = ROOT / "src" / "clearpath" / "web" / "templates" / "contact"
GUILT = re.compile(
    r"\b(fail\w*|broke\w*|break\w*|streaks?|reset\w*|relapse\w*|should(?:n't| not)? have"
    r"|start(?:ing)? over|back to zero|day zero|weak|your fault|mistakes?|gave in|give in"
    r"|caved|wrong of you|you must)\b",
    re.IGNORECASE,
)


def people_read() -> list[str]:
    pack = pack_for(Direction.OUT, "en")
    assert pack is not None
    texts = [f"{c.title} {c.explanation} {c.suggestion}" for c in pack.categories]
    texts += [f"{r.explanation} {r.suggestion}" for r in pack.rules]
    texts += [
        guidance.CLOSING,
        guidance.EMPTY_FRAME,
        guidance.NOTE_CLEAN,
        guidance.NOTE_EMPTY,
        guidance.NOTE_NOT_CHECKED,
        guidance.NOTE_STILL_LONG,
    ]
    texts += [path.read_text(encoding="utf-8") for path in sorted(TEMPLATES.glob("draft*.html"))]
    return texts


def test_no_guilt_words_in_what_the_checker_says() -> None:
    found = [match.group() for text in people_read() for match in GUILT.finditer(text)]
    assert found == []
