"""The shape of contact over time: per day, by hour, at night, bursts, after a date."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from clearpath.analysis.patterns import BURST_MIN, bursts, day_hour, pattern, per_day


def test_counts_per_day_hour_night_and_after_a_date() -> None:
    moments = [
        datetime(2026, 3, 2, 23, 30),  # a Monday night
        datetime(2026, 3, 3, 2, 10),  # Tuesday, small hours
        datetime(2026, 3, 3, 9, 0),
        datetime(2026, 3, 5, 14, 0),
    ]
    found = pattern(moments, after=date(2026, 3, 3))
    assert found.total == 4
    assert found.per_day == [(date(2026, 3, 2), 1), (date(2026, 3, 3), 2), (date(2026, 3, 5), 1)]
    assert found.day_hour[0][23] == 1
    assert found.day_hour[1][2] == 1
    assert found.night == 2
    assert found.after_count == 3
    assert found.busiest_day == (date(2026, 3, 3), 2)
    assert found.first == moments[0]


def test_a_burst_is_many_messages_close_together() -> None:
    start = datetime(2026, 3, 2, 21, 0)
    run = [start + timedelta(minutes=2 * i) for i in range(BURST_MIN + 2)]
    lone = [start + timedelta(hours=5), start + timedelta(hours=9)]
    (burst,) = bursts(run + lone)
    assert burst.count == BURST_MIN + 2
    assert burst.start == start
    assert burst.minutes == 2 * (BURST_MIN + 1)
    assert bursts(run[: BURST_MIN - 1]) == []


def test_nothing_gives_an_empty_pattern() -> None:
    empty = pattern([])
    assert empty.total == 0
    assert empty.busiest_day is None
    assert empty.per_day == []


@given(st.lists(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1))))
def test_every_message_is_counted_once(moments: list[datetime]) -> None:
    assert sum(n for _, n in per_day(moments)) == len(moments)
    assert sum(sum(row) for row in day_hour(moments)) == len(moments)
    assert sum(b.count for b in bursts(moments)) <= len(moments)
