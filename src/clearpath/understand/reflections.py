"""Reflections: private notes under a pattern page, and the effects diary (sleep, work ...)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearpath.db import delete_row
from clearpath.understand.models import EffectEntry, Reflection

MAX_REFLECTION = 5_000
MAX_WENT_THROUGH = 5_000
MAX_EFFECT_NOTE = 1_000

# The parts of life the effects diary asks about, with the words shown on the page.
EFFECT_AREAS: dict[str, str] = {
    "sleep": "Sleep",
    "work": "Work or studies",
    "social": "Social life",
    "health": "Physical health",
}


# -- reflections under a pattern ----------------------------------------------------------------


def list_reflections(db: Session, pattern: str) -> list[Reflection]:
    """The person's notes under one pattern, newest day first."""
    query = (
        select(Reflection)
        .where(Reflection.pattern == pattern)
        .order_by(Reflection.noted_on.desc(), Reflection.id.desc())
    )
    return list(db.scalars(query))


def count_reflections(db: Session) -> dict[str, int]:
    """How many notes there are under each pattern."""
    counts: dict[str, int] = {}
    for pattern in db.scalars(select(Reflection.pattern)):
        counts[pattern] = counts.get(pattern, 0) + 1
    return counts


def add_reflection(db: Session, pattern: str, body: str, noted_on: date) -> int:
    """Keep a note under a pattern; returns its id (the body is checked by the form)."""
    now = datetime.now(UTC)
    row = Reflection(pattern=pattern, body=body, noted_on=noted_on, created_at=now, updated_at=now)
    db.add(row)
    db.flush()
    return row.id


def get_reflection(db: Session, reflection_id: int) -> Reflection | None:
    return db.get(Reflection, reflection_id)


def update_reflection(db: Session, reflection_id: int, body: str, noted_on: date) -> bool:
    """Change a note's words and date; False if it no longer exists."""
    row = db.get(Reflection, reflection_id)
    if row is None:
        return False
    row.body = body
    row.noted_on = noted_on
    row.updated_at = datetime.now(UTC)
    return True


def delete_reflection(db: Session, reflection_id: int) -> bool:
    """Delete a note for good; False if it no longer exists."""
    return delete_row(db, Reflection, reflection_id)


# -- the effects diary -------------------------------------------------------------------------


@dataclass(frozen=True)
class EffectInput:
    """One checked diary entry: a 0-10 number (or None) and a note per area."""

    noted_on: date
    went_through: str
    scores: dict[str, int | None]
    notes: dict[str, str]


def _apply(row: EffectEntry, data: EffectInput) -> None:
    row.noted_on = data.noted_on
    row.went_through = data.went_through
    for area in EFFECT_AREAS:
        setattr(row, area, data.scores.get(area))
        setattr(row, f"{area}_note", data.notes.get(area, ""))


def add_effect(db: Session, data: EffectInput) -> int:
    """Add a diary entry; returns its id."""
    now = datetime.now(UTC)
    row = EffectEntry(created_at=now, updated_at=now)
    _apply(row, data)
    db.add(row)
    db.flush()
    return row.id


def update_effect(db: Session, entry_id: int, data: EffectInput) -> bool:
    """Replace a diary entry; False if it no longer exists."""
    row = db.get(EffectEntry, entry_id)
    if row is None:
        return False
    _apply(row, data)
    row.updated_at = datetime.now(UTC)
    return True


def get_effect(db: Session, entry_id: int) -> EffectEntry | None:
    return db.get(EffectEntry, entry_id)


def delete_effect(db: Session, entry_id: int) -> bool:
    """Delete a diary entry for good; False if it no longer exists."""
    return delete_row(db, EffectEntry, entry_id)


def list_effects(db: Session) -> list[EffectEntry]:
    """Every diary entry, oldest day first (the order of the chart)."""
    return list(db.scalars(select(EffectEntry).order_by(EffectEntry.noted_on, EffectEntry.id)))


def effect_series(entries: Sequence[EffectEntry]) -> dict[str, list[tuple[date, float]]]:
    """Per area, the (day, number) points of the entries that have a number for it."""
    series: dict[str, list[tuple[date, float]]] = {area: [] for area in EFFECT_AREAS}
    for entry in entries:
        for area in EFFECT_AREAS:
            value = getattr(entry, area)
            if value is not None:
                series[area].append((entry.noted_on, float(value)))
    return series
