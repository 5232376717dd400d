"""The shape of the contact over time: how often, at what hours, in bursts, after a date.

Pure: moments in (local wall-clock datetimes of messages received), counts out. The messages
area reads the moments from the vault and the page draws them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

# Night, for "contact at night": from 22:00 until 06:00.
NIGHT_FROM, NIGHT_UNTIL = 22, 6
# A burst: at least this many messages with no gap longer than BURST_GAP between them.
BURST_MIN = 10
BURST_GAP = timedelta(minutes=5)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Burst:
    start: datetime
    end: datetime
    count: int

    @property
    def minutes(self) -> int:
        return max(1, round((self.end - self.start).total_seconds() / 60))


@dataclass(frozen=True)
class Pattern:
    """What a page or a report section shows about messages received."""

    total: int
    first: datetime | None
    last: datetime | None
    per_day: list[tuple[date, int]]
    day_hour: list[list[int]]  # [weekday 0-6][hour 0-23]
    night: int
    bursts: list[Burst]
    after_date: date | None
    after_count: int

    @property
    def busiest_day(self) -> tuple[date, int] | None:
        return max(self.per_day, key=lambda item: item[1]) if self.per_day else None

    @property
    def active_days(self) -> int:
        return len(self.per_day)


def per_day(moments: Sequence[datetime]) -> list[tuple[date, int]]:
    """Messages on each day that had any, in date order."""
    counts = Counter(moment.date() for moment in moments)
    return sorted(counts.items())


def day_hour(moments: Sequence[datetime]) -> list[list[int]]:
    """A 7 x 24 grid: messages by weekday (Monday first) and hour of the day."""
    grid = [[0] * 24 for _ in range(7)]
    for moment in moments:
        grid[moment.weekday()][moment.hour] += 1
    return grid


def at_night(moments: Sequence[datetime]) -> int:
    """Messages that arrived between NIGHT_FROM and NIGHT_UNTIL o'clock."""
    return sum(1 for m in moments if m.hour >= NIGHT_FROM or m.hour < NIGHT_UNTIL)


def bursts(moments: Sequence[datetime]) -> list[Burst]:
    """Runs of at least BURST_MIN messages, each within BURST_GAP of the one before."""
    ordered = sorted(moments)
    found: list[Burst] = []
    start = 0
    for index in range(1, len(ordered) + 1):
        if index == len(ordered) or ordered[index] - ordered[index - 1] > BURST_GAP:
            if index - start >= BURST_MIN:
                found.append(Burst(ordered[start], ordered[index - 1], index - start))
            start = index
    return found


def pattern(moments: Sequence[datetime], after: date | None = None) -> Pattern:
    """Everything at once; ``after`` counts messages from that day on (a no-contact date)."""
    ordered = sorted(moments)
    return Pattern(
        total=len(ordered),
        first=ordered[0] if ordered else None,
        last=ordered[-1] if ordered else None,
        per_day=per_day(ordered),
        day_hour=day_hour(ordered),
        night=at_night(ordered),
        bursts=bursts(ordered),
        after_date=after,
        after_count=sum(1 for m in ordered if after is not None and m.date() >= after),
    )
