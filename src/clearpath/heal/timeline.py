"""The healing timeline: gentle phases from the leaving date, hard dates and milestones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearpath.heal.models import HardDate

DAYS_AHEAD = 5


@dataclass(frozen=True)
class Phase:
    key: str
    name: str
    starts_day: int  # days after leaving
    ends_day: int | None
    feelings: tuple[str, ...]
    gentle: str


PHASES: tuple[Phase, ...] = (
    Phase(
        "first-weeks",
        "The first weeks",
        0,
        42,
        (
            "Shock, and then waves of relief",
            "Feeling exposed or on alert",
            "Tiredness that sleep does not fix",
            "Doubt about what really happened",
        ),
        "Keep things small: eat, sleep, stay close to people who feel safe. "
        "Big decisions can wait.",
    ),
    Phase(
        "months-1-6",
        "Months one to six",
        42,
        182,
        (
            "Grief that comes and goes",
            "Doubt, and sometimes missing them",
            "Anger that surprises you",
            "Routines starting to form",
        ),
        "Good days and hard days take turns. Both belong to healing.",
    ),
    Phase(
        "months-6-18",
        "Six to eighteen months",
        182,
        548,
        (
            "More strength on more days",
            "A clearer sense of who you are",
            "New connections, and old ones coming back",
        ),
        "You may notice you think of the past less often. Let yourself enjoy that.",
    ),
    Phase(
        "after",
        "After that",
        548,
        None,
        (
            "Continued growth",
            "Hard dates that still sting, and pass",
            "Joy that feels like your own again",
        ),
        "Healing keeps going quietly. Old feelings can visit; they do not undo your progress.",
    ),
)

SUGGESTIONS = (
    "Plan something gentle for the day, and tell one person you trust that it may be hard.",
    "Keep the day light: a walk, a favourite meal, an early night.",
    "Open your comfort box the evening before.",
    "It is fine to take the day off from being strong.",
)


def phase_for(leaving: date | None, today: date) -> Phase | None:
    """The phase that fits today, or None before a leaving date is set (or in the future)."""
    if leaving is None or leaving > today:
        return None
    days = (today - leaving).days
    for phase in PHASES:
        if phase.ends_day is None or days < phase.ends_day:
            return phase
    return PHASES[-1]


def add_hard_date(db: Session, title: str, day: date, *, yearly: bool, note: str) -> HardDate:
    """A date that may be hard (the caller's session commits)."""
    row = HardDate(title=title, day=day, yearly=yearly, note=note)
    db.add(row)
    db.flush()
    return row


def hard_dates(db: Session) -> list[HardDate]:
    return list(db.scalars(select(HardDate).order_by(HardDate.day)))


def remove_hard_date(db: Session, hard_date_id: int) -> None:
    row = db.get(HardDate, hard_date_id)
    if row is not None:
        db.delete(row)


def next_occurrence(row: HardDate, today: date) -> date | None:
    """The next time this date comes round (today counts), or None for a one-off in the past."""
    if not row.yearly:
        return row.day if row.day >= today else None
    for year in (today.year, today.year + 1):
        try:
            candidate = row.day.replace(year=year)
        except ValueError:  # 29 February in a year without one: the day before
            candidate = date(year, 2, 28)
        if candidate >= today:
            return candidate
    return None


@dataclass(frozen=True)
class Upcoming:
    row: HardDate
    on: date
    days_away: int
    suggestion: str


def upcoming(db: Session, today: date, days: int = DAYS_AHEAD) -> list[Upcoming]:
    """Hard dates within the next `days` days (today included), soonest first."""
    found = []
    for row in hard_dates(db):
        on = next_occurrence(row, today)
        if on is not None and (on - today) <= timedelta(days=days):
            suggestion = SUGGESTIONS[(on.toordinal() + row.id) % len(SUGGESTIONS)]
            found.append(Upcoming(row, on, (on - today).days, suggestion))
    return sorted(found, key=lambda item: item.on)
