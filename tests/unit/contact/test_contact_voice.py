"""No guilt words anywhere in the contact area: its templates, its text, its script.

A slip is part of the path, so nothing here may speak of streaks, failing, breaking, starting
over or relapse. The draft checker's own files (contact/drafts.py, contact/draft*.html) belong
to another part of the area and quote such words on purpose when they explain a flag.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clearpath.contact import channels, message_templates, pull

ROOT = Path(__file__).resolve().parents[3]
SRC = ROOT / "src" / "clearpath"
GUILT_WORDS = (
    "fail",
    "failed",
    "failure",
    "broke",
    "broken",
    "break",
    "breaks",
    "broke your streak",
    "streak",
    "streaks",
    "reset",
    "resets",
    "relapse",
    "relapsed",
    "should have",
    "shouldn't have",
    "should not have",
    "start over",
    "starting over",
    "back to zero",
    "day zero",
    "day 0",
    "weak",
    "your fault",
    "mistake",
    "give in",
    "gave in",
    "caved",
)
PATTERN = re.compile(r"\b(" + "|".join(re.escape(w) for w in GUILT_WORDS) + r")\b", re.I)


def area_files() -> list[Path]:
    templates = SRC / "web" / "templates" / "contact"
    files = [p for p in sorted(templates.glob("*.html")) if not p.name.startswith("draft")]
    files += [p for p in sorted((SRC / "contact").glob("*.py")) if p.name != "drafts.py"]
    files += [SRC / "web" / "static" / "contact.css", SRC / "web" / "static" / "contact.js"]
    docs = ROOT / "docs" / "contact.md"
    if docs.exists():
        files.append(docs)
    return files


def test_the_scan_covers_the_area() -> None:
    names = {p.name for p in area_files()}
    assert {"index.html", "pause.html", "nocontact.py", "contact.js"} <= names
    assert len(names) >= 20


@pytest.mark.parametrize("path", area_files(), ids=lambda p: p.name)
def test_no_guilt_words(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = [
        f"line {text.count(chr(10), 0, m.start()) + 1}: {m.group(0)!r}"
        for m in PATTERN.finditer(text)
    ]
    assert not found, f"{path.name}: {found}"


def test_the_words_people_read_in_python_catalogues_are_clean() -> None:
    texts = [c.hint for c in channels.CHANNELS]
    texts += [t.body + t.title + t.when + t.caution for t in message_templates.TEMPLATES]
    texts += list(pull.KINDS.values()) + list(pull.RESPONSES.values())
    for text in texts:
        assert not PATTERN.search(text), text


def test_the_scan_would_catch_them() -> None:
    for phrase in ("You broke your streak", "Streak reset", "a relapse", "you should have"):
        assert PATTERN.search(phrase), phrase
