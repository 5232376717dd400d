"""The contact area's form reader: limits, dates, choices, numbers."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from clearpath.contact.forms import FormReader

TODAY = date(2026, 11, 24)


def reader(**fields: str) -> FormReader:
    return FormReader(lambda name: fields.get(name, ""))


def test_text_is_trimmed_and_limited() -> None:
    read = reader(a=" hi\r\nthere ", b="x" * 11, c="")
    assert read.text("a", "a", 10) == "hi\nthere"
    read.text("b", "b", 10)
    read.text("c", "what happened", 10, required=True)
    assert "limit here is 10" in read.errors["b"]
    assert read.errors["c"] == "Please write what happened."
    assert not read.ok


def test_dates_are_checked_calmly() -> None:
    read = reader(a="2026-11-24", b="tomorrow", c="2026-12-01", d="1900-01-01")
    assert read.day("a", "the day", TODAY) == TODAY
    assert read.day("b", "the day", TODAY) is None
    assert read.day("c", "the day", TODAY) is None
    assert read.day("d", "the day", TODAY) is None
    assert read.day("e", "the day", TODAY, required=False) is None
    assert set(read.errors) == {"b", "c", "d"}
    assert "in the future" in read.errors["c"]


def test_moments_drop_seconds_and_refuse_the_far_future() -> None:
    read = reader(a="2026-11-24T09:30:15", b="2027-01-01T00:00", c="soon")
    assert read.moment("a", "when") == datetime(2026, 11, 24, 9, 30)
    assert read.moment("b", "when", latest=datetime(2026, 12, 1)) is None
    assert read.moment("c", "when") is None
    assert read.moment("d", "when", required=False) is None
    assert set(read.errors) == {"b", "c"}


def test_choices_and_numbers() -> None:
    read = reader(a="blocked", b="gone", n="49", m="x", k="0")
    assert read.choice("a", "a status", {"blocked": "Blocked"}) == "blocked"
    read.choice("b", "a status", {"blocked": "Blocked"})
    assert read.choice("z", "a status", {"blocked": "B"}, required=False) == ""
    assert read.whole_number("n", "hours", 1, 336) == 49
    read.whole_number("m", "hours", 1, 336)
    read.whole_number("k", "hours", 1, 336)
    assert set(read.errors) == {"b", "m", "k"}


@given(st.text(max_size=300))
def test_any_text_is_either_kept_or_refused_with_a_message(value: str) -> None:
    read = reader(a=value)
    kept = read.text("a", "it", 200)
    if read.ok:
        assert len(kept) <= 200
        assert "\x00" not in kept
    else:
        assert read.errors["a"].endswith(".")
