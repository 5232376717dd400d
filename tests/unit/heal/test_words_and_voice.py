"""The word for each day, the prompts, and the voice of every line this area shows."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from clearpath.heal import dating, firstdays, grounding, timeline
from clearpath.heal.prompts import PROMPT_GROUPS, all_prompts
from clearpath.heal.words import WORDS, word_for

WINDOW = 120
SRC = Path(__file__).resolve().parents[3] / "src" / "clearpath"
GUILT = re.compile(
    r"\b(fail(ed|ure|ing)?|broke(n)?|streaks?|reset|missed|relapsed?|should have|"
    r"lazy|weak willed|give up|gave up|behind schedule|fell off)\b",
    re.IGNORECASE,
)


def test_there_are_at_least_150_different_words() -> None:
    assert len(WORDS) >= 150
    assert len(set(WORDS)) == len(WORDS)
    assert all(0 < len(word) <= 90 for word in WORDS)


def test_no_word_repeats_in_any_120_day_window_over_years() -> None:
    start = date(2024, 1, 1)
    picks = [word_for(start + timedelta(days=n)) for n in range(4 * 366 + WINDOW)]
    for first in range(len(picks) - WINDOW + 1):
        window = picks[first : first + WINDOW]
        assert len(set(window)) == WINDOW, f"a repeat in the window from day {first}"


@given(st.dates(min_value=date(1970, 1, 1), max_value=date(2200, 1, 1)))
def test_no_repeat_within_120_days_of_any_date(day: date) -> None:
    words = [word_for(day + timedelta(days=n)) for n in range(WINDOW)]
    assert len(set(words)) == WINDOW


def test_the_same_day_gives_the_same_word() -> None:
    assert word_for(date(2026, 11, 24)) == word_for(date(2026, 11, 24))


def test_prompts_are_grouped_and_there_are_at_least_60() -> None:
    assert len(all_prompts()) >= 60
    assert {g.key for g in PROMPT_GROUPS} == {
        "clarity", "grief", "anger", "self-worth", "safety", "future"
    }
    assert "What did I lose by staying?" in all_prompts()
    assert "What does safety look like for me?" in all_prompts()
    assert len(set(all_prompts())) == len(all_prompts())


def _text_data() -> list[str]:
    lines = list(WORDS) + all_prompts() + [g.intro for g in PROMPT_GROUPS]
    lines += list(dating.RED_FLAGS + dating.GREEN_FLAGS + dating.STEADY)
    lines += list(firstdays.SMALL_TASKS) + list(timeline.SUGGESTIONS)
    for phase in timeline.PHASES:
        lines += [phase.name, phase.gentle, *phase.feelings]
    for breathing in grounding.BREATHINGS:
        lines += [breathing.name, breathing.intro, *breathing.paced()]
    lines += [" ".join(str(part) for part in sense) for sense in grounding.SENSES]
    return lines


def test_no_guilt_words_in_the_text_data() -> None:
    for line in _text_data():
        assert not GUILT.search(line), line


def test_no_guilt_words_in_templates_scripts_and_messages() -> None:
    files = [
        *(SRC / "web" / "templates" / "heal").glob("*.html"),
        SRC / "web" / "static" / "heal.js",
        *(SRC / "heal").glob("*.py"),
    ]
    assert len(files) > 20
    for path in files:
        for number, line in enumerate(path.read_text().splitlines(), 1):
            # Python names (form.reset(), a FormParserError) are code, not words a person reads.
            if path.suffix in (".py", ".js") and not re.search(r"[\"'][^\"']*[A-Za-z ]{12}", line):
                continue
            assert not GUILT.search(line), f"{path.name}:{number}: {line.strip()}"


def test_the_guilt_pattern_catches_the_words_it_should() -> None:
    for sentence in ("You failed today", "You broke your streak", "Reset your count",
                     "You missed 3 days", "a relapse", "You should have known"):
        assert GUILT.search(sentence), sentence
