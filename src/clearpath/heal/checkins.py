"""The daily check-in, its history over weeks and months, and a plain summary of the trend."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from statistics import mean

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearpath.heal.models import CheckIn

MOODS = {1: "Very low", 2: "Low", 3: "So-so", 4: "Good", 5: "Very good"}
SCALE = {1: "Very little", 2: "A little", 3: "Some", 4: "Quite a lot", 5: "A lot"}
EFFECTS = {
    "effect_sleep": "Sleep",
    "effect_work": "Work or study",
    "effect_social": "Friends and social life",
    "effect_health": "Health",
}
RANGES = {
    "4w": ("The last four weeks", 28),
    "3m": ("The last three months", 91),
    "12m": ("The last twelve months", 365),
}


@dataclass(frozen=True)
class CheckInDraft:
    day: date
    mood: int
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    energy: int | None = None
    anxiety: int | None = None
    eating: str = ""
    movement: str = ""
    contact_attempts: str = ""
    effect_sleep: int | None = None
    effect_work: int | None = None
    effect_social: int | None = None
    effect_health: int | None = None


def save_check_in(db: Session, draft: CheckInDraft) -> CheckIn:
    """Save the day's check-in; a second one the same day replaces the first."""
    row = db.scalars(select(CheckIn).where(CheckIn.day == draft.day)).first()
    if row is None:
        row = CheckIn(day=draft.day, mood=draft.mood, created_at=datetime.now(UTC))
        db.add(row)
    for item in fields(draft):
        setattr(row, item.name, getattr(draft, item.name))
    db.flush()
    return row


def check_in_on(db: Session, day: date) -> CheckIn | None:
    return db.scalars(select(CheckIn).where(CheckIn.day == day)).first()


def check_ins_between(db: Session, first: date, last: date) -> list[CheckIn]:
    return list(
        db.scalars(
            select(CheckIn).where(CheckIn.day >= first, CheckIn.day <= last).order_by(CheckIn.day)
        )
    )


def series(rows: list[CheckIn], attribute: str) -> list[tuple[date, float]]:
    """(day, value) for every check-in that has this value."""
    points = []
    for row in rows:
        value = getattr(row, attribute)
        if value is not None:
            points.append((row.day, float(value)))
    return points


@dataclass(frozen=True)
class Trend:
    label: str
    sentence: str


_TREND_WORDS = {
    "mood": ("Mood", "a little brighter", "a little lower"),
    "sleep_hours": ("Sleep", "longer", "shorter"),
    "energy": ("Energy", "a little higher", "a little lower"),
    "anxiety": ("Worry", "a little higher", "a little lower"),
}
# Differences smaller than these read as "about the same" (mood/energy/worry are 1-5 scales).
_STEADY = {"mood": 0.3, "sleep_hours": 0.4, "energy": 0.3, "anxiety": 0.3}
MIN_DAYS_PER_SPAN = 5


def summary(rows: list[CheckIn], today: date, weeks: int = 4) -> list[Trend]:
    """Plain sentences comparing the last `weeks` weeks with the weeks before them."""
    recent_start = today - timedelta(weeks=weeks) + timedelta(days=1)
    before_start = recent_start - timedelta(weeks=weeks)
    recent = [r for r in rows if recent_start <= r.day <= today]
    before = [r for r in rows if before_start <= r.day < recent_start]
    span = "four weeks" if weeks == 4 else f"{weeks} weeks"
    trends = []
    for attribute, (label, up, down) in _TREND_WORDS.items():
        now = [v for _, v in series(recent, attribute)]
        then = [v for _, v in series(before, attribute)]
        if len(now) < MIN_DAYS_PER_SPAN or len(then) < MIN_DAYS_PER_SPAN:
            continue
        change = mean(now) - mean(then)
        if abs(change) < _STEADY[attribute]:
            sentence = (
                f"{label} has been about the same in the last {span} as in the {span} before."
            )
        else:
            word = up if change > 0 else down
            sentence = f"{label} has been {word} in the last {span} than in the {span} before."
        if attribute == "sleep_hours":
            sentence += f" (About {mean(now):.1f} hours a night, from {mean(then):.1f}.)"
        trends.append(Trend(label, sentence))
    return trends


def weekly_means(rows: list[CheckIn], attribute: str) -> list[tuple[date, float]]:
    """One point per week (its Monday): the mean of that week's values, for long ranges."""
    weeks: dict[date, list[float]] = {}
    for day, value in series(rows, attribute):
        weeks.setdefault(day - timedelta(days=day.weekday()), []).append(value)
    return [(monday, round(mean(values), 2)) for monday, values in sorted(weeks.items())]
