"""Readiness: dated 1-10 self-ratings in four areas and any the person adds, with next steps.

There is no verdict anywhere: the numbers are the person's own, and the next steps only point
to the parts of the safety and exit plans that match the areas rated lowest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from clearpath.db import delete_row
from clearpath.understand.models import ReadinessArea, ReadinessEntry, ReadinessRating

LOW, HIGH = 1, 10
MAX_AREA_NAME = 80
MAX_RATING_NOTE = 1_000
MAX_OWN_AREAS = 12
# How many of the lowest-rated areas get next steps.
LOWEST_SHOWN = 2

BUILTIN_AREAS: dict[str, str] = {
    "emotional": "Emotional resilience",
    "financial": "Financial resources",
    "practical": "Practical exit logistics",
    "support": "Support network",
}


@dataclass(frozen=True)
class Area:
    key: str
    name: str
    own_id: int | None = None


@dataclass(frozen=True)
class NextStep:
    text: str
    href: str


NEXT_STEPS: dict[str, tuple[NextStep, ...]] = {
    "emotional": (
        NextStep("Try a one-minute breathing exercise when it gets too much", "/heal/grounding"),
        NextStep("Practise one small, safe boundary this week", "/plan/exit#stage-1"),
        NextStep(
            "Read why leaving is hard, and why that is not a weakness",
            "/understand/why-leaving-is-hard",
        ),
    ),
    "financial": (
        NextStep("Go through the money steps of your safety plan", "/plan/safety#financial"),
        NextStep("Note where copies of your money papers can be kept", "/plan/safety#documents"),
        NextStep("Find free or low-cost legal advice", "/directory?kind=legal"),
    ),
    "practical": (
        NextStep("Plan an emergency bag and where it can stay", "/plan/safety#bag"),
        NextStep("Write down one or two safe places", "/plan/safety#places"),
        NextStep("Think through transport and where to go first", "/plan/exit#stage-2"),
    ),
    "support": (
        NextStep("Add one person you trust and agree a code word", "/plan/safety#people"),
        NextStep("Choose a helpline near you and keep its number", "/directory"),
        NextStep("Keep your important numbers in one place", "/plan/safety#numbers"),
    ),
}
OWN_AREA_STEPS = (
    NextStep("Add one small task for this to your exit plan", "/plan/exit#stage-1"),
    NextStep("Talk it through with a helpline or an advocate", "/directory"),
)


class AreaLimit(ValueError):
    """The person already has MAX_OWN_AREAS own areas."""


def list_areas(db: Session) -> list[Area]:
    """The four built-in areas, then the person's own in the order they were added."""
    own = db.scalars(select(ReadinessArea).order_by(ReadinessArea.id))
    return [
        *(Area(key, name) for key, name in BUILTIN_AREAS.items()),
        *(Area(f"own-{row.id}", row.name, row.id) for row in own),
    ]


def add_area(db: Session, name: str) -> int:
    """Add an own area (the name is checked by the form); returns its id."""
    count = len(list(db.scalars(select(ReadinessArea.id))))
    if count >= MAX_OWN_AREAS:
        raise AreaLimit(
            f"You have {MAX_OWN_AREAS} areas of your own already. "
            "Remove one you no longer need to add another."
        )
    row = ReadinessArea(name=name, created_at=datetime.now(UTC))
    db.add(row)
    db.flush()
    return row.id


def delete_area(db: Session, area_id: int) -> bool:
    """Remove an own area and its ratings; False if it no longer exists."""
    row = db.get(ReadinessArea, area_id)
    if row is None:
        return False
    db.execute(delete(ReadinessRating).where(ReadinessRating.area == f"own-{area_id}"))
    db.delete(row)
    db.flush()
    # The bulk delete bypassed the entries' loaded rating lists: reload them when next read.
    db.expire_all()
    return True


@dataclass(frozen=True)
class RatingInput:
    area: str
    score: int
    note: str = ""


def add_entry(db: Session, noted_on: date, ratings: Sequence[RatingInput]) -> int:
    """Keep one dated set of ratings; returns the entry id."""
    entry = ReadinessEntry(noted_on=noted_on, created_at=datetime.now(UTC))
    entry.ratings = [ReadinessRating(area=r.area, score=r.score, note=r.note) for r in ratings]
    db.add(entry)
    db.flush()
    return entry.id


def delete_entry(db: Session, entry_id: int) -> bool:
    """Delete an entry and its ratings; False if it no longer exists."""
    return delete_row(db, ReadinessEntry, entry_id)


def list_entries(db: Session) -> list[ReadinessEntry]:
    """Every entry with its ratings, newest day first."""
    query = (
        select(ReadinessEntry)
        .options(selectinload(ReadinessEntry.ratings))
        .order_by(ReadinessEntry.noted_on.desc(), ReadinessEntry.id.desc())
    )
    return list(db.scalars(query))


def area_series(
    entries: Sequence[ReadinessEntry], areas: Sequence[Area]
) -> dict[str, list[tuple[date, float]]]:
    """Per area, its (day, score) points oldest first."""
    series: dict[str, list[tuple[date, float]]] = {area.key: [] for area in areas}
    for entry in sorted(entries, key=lambda e: (e.noted_on, e.id)):
        for rating in entry.ratings:
            if rating.area in series:
                series[rating.area].append((entry.noted_on, float(rating.score)))
    return series


@dataclass(frozen=True)
class Suggestion:
    area: Area
    score: int
    steps: tuple[NextStep, ...]


def suggestions(entries: Sequence[ReadinessEntry], areas: Sequence[Area]) -> list[Suggestion]:
    """Next steps for the lowest areas, going by each area's most recent rating."""
    latest: dict[str, int] = {}
    for entry in sorted(entries, key=lambda e: (e.noted_on, e.id)):
        for rating in entry.ratings:
            latest[rating.area] = rating.score
    rated = [area for area in areas if area.key in latest and latest[area.key] < HIGH]
    rated.sort(key=lambda area: latest[area.key])
    return [
        Suggestion(area, latest[area.key], NEXT_STEPS.get(area.key, OWN_AREA_STEPS))
        for area in rated[:LOWEST_SHOWN]
    ]
