"""Small promises (counted kindly), routines with checklists, and gratitude."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearpath.heal.models import Promise, PromiseKept, Routine, RoutineStep, RoutineTick

# The routines a new vault starts with; the person can change every line.
STARTER_ROUTINES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Morning ritual", ("Three slow breaths by a window", "A gentle stretch", "A quiet drink")),
    (
        "Sleep",
        ("The same bedtime, more or less", "Phone out of the bedroom", "Wind down: dim lights"),
    ),
    ("Meals and movement", ("Breakfast, even a small one", "A glass of water", "A short walk")),
)


def add_promise(db: Session, text: str) -> Promise:
    promise = Promise(text=text, active=True, created_at=datetime.now(UTC))
    db.add(promise)
    db.flush()
    return promise


def promises(db: Session) -> list[Promise]:
    return list(db.scalars(select(Promise).where(Promise.active).order_by(Promise.id)))


def set_aside(db: Session, promise_id: int) -> None:
    """Put a promise away (its kept days stay counted in the past)."""
    promise = db.get(Promise, promise_id)
    if promise is not None:
        promise.active = False


def mark_kept(db: Session, promise_id: int, day: date) -> bool:
    """Mark the promise kept on this day; returns False when it was already marked."""
    if db.get(Promise, promise_id) is None:
        return False
    exists = db.scalars(
        select(PromiseKept).where(PromiseKept.promise_id == promise_id, PromiseKept.day == day)
    ).first()
    if exists is not None:
        return False
    db.add(PromiseKept(promise_id=promise_id, day=day))
    db.flush()
    return True


def kept_this_month(db: Session, today: date) -> dict[int, int]:
    """How many times each promise was kept this month. Only what happened is counted."""
    first = today.replace(day=1)
    rows = db.execute(
        select(PromiseKept.promise_id, func.count(PromiseKept.id))
        .where(PromiseKept.day >= first, PromiseKept.day <= today)
        .group_by(PromiseKept.promise_id)
    )
    return {int(promise_id): int(count) for promise_id, count in rows}


def kept_today(db: Session, today: date) -> set[int]:
    return set(db.scalars(select(PromiseKept.promise_id).where(PromiseKept.day == today)))


# -- routines --------------------------------------------------------------------------------


def ensure_starter_routines(db: Session) -> None:
    """Give a new vault the three starter routines (once; later the person's own)."""
    if db.scalar(select(func.count(Routine.id))):
        return
    for position, (name, steps) in enumerate(STARTER_ROUTINES):
        routine = Routine(name=name, position=position)
        db.add(routine)
        db.flush()
        for index, text in enumerate(steps):
            db.add(RoutineStep(routine_id=routine.id, text=text, position=index))


def routines(db: Session) -> list[tuple[Routine, list[RoutineStep]]]:
    found = list(db.scalars(select(Routine).order_by(Routine.position, Routine.id)))
    steps: dict[int, list[RoutineStep]] = {routine.id: [] for routine in found}
    for step in db.scalars(select(RoutineStep).order_by(RoutineStep.position, RoutineStep.id)):
        steps.setdefault(step.routine_id, []).append(step)
    return [(routine, steps[routine.id]) for routine in found]


def add_routine(db: Session, name: str) -> Routine:
    position = (db.scalar(select(func.max(Routine.position))) or 0) + 1
    routine = Routine(name=name, position=position)
    db.add(routine)
    db.flush()
    return routine


def add_step(db: Session, routine_id: int, text: str) -> None:
    if db.get(Routine, routine_id) is None:
        return
    position = (
        db.scalar(
            select(func.max(RoutineStep.position)).where(RoutineStep.routine_id == routine_id)
        )
        or 0
    ) + 1
    db.add(RoutineStep(routine_id=routine_id, text=text, position=position))


def remove_step(db: Session, step_id: int) -> None:
    step = db.get(RoutineStep, step_id)
    if step is not None:
        db.delete(step)


def remove_routine(db: Session, routine_id: int) -> None:
    routine = db.get(Routine, routine_id)
    if routine is not None:
        db.delete(routine)


def ticked_on(db: Session, day: date) -> set[int]:
    return set(db.scalars(select(RoutineTick.step_id).where(RoutineTick.day == day)))


def set_ticks(db: Session, routine_id: int, day: date, ticked: set[int]) -> None:
    """The checklist of one routine for one day, exactly as the person ticked it."""
    step_ids = set(db.scalars(select(RoutineStep.id).where(RoutineStep.routine_id == routine_id)))
    for tick in db.scalars(
        select(RoutineTick).where(RoutineTick.day == day, RoutineTick.step_id.in_(step_ids))
    ):
        if tick.step_id not in ticked:
            db.delete(tick)
    already = ticked_on(db, day)
    for step_id in (ticked & step_ids) - already:
        db.add(RoutineTick(step_id=step_id, day=day))
