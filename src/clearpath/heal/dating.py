"""Dating again: reflections in Clearpath's words, and safe-date plans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearpath.heal.models import DatePlan

RED_FLAGS = (
    "Pushing for closeness very fast: big words, big plans, early on.",
    "Getting upset when you see friends or family, or wanting you all to themselves.",
    "Checking your phone, or wanting to know where you are all the time.",
    "Making you feel you are always the one who is wrong.",
    "Kind in public, cold or cutting in private.",
    "Not taking no for an answer, even about small things.",
    'Talking about every former partner as "crazy".',
)
GREEN_FLAGS = (
    "Respects a no the first time, without sulking.",
    "Is glad you have your own friends and plans.",
    "Says sorry and then actually changes the thing.",
    "Is the same person on a calm day and a stressful one.",
    "Lets the relationship grow at a pace that feels good to you.",
    "Makes you feel more like yourself, not less.",
)
STEADY = (
    "Watch what happens over months, not what is promised in a week.",
    "Notice how they act when they do not get their way.",
    "Notice how you feel after time together: calmer, or on edge.",
    "Ask a friend you trust what they see.",
    "You can slow down or stop at any time. A good partner is fine with that.",
)


@dataclass(frozen=True)
class PlanDraft:
    day: date | None
    place: str
    who_knows: str
    check_in: str
    way_home: str
    notes: str


def add_plan(db: Session, draft: PlanDraft) -> DatePlan:
    """A safe-date plan (the caller's session commits)."""
    plan = DatePlan(
        day=draft.day,
        place=draft.place,
        who_knows=draft.who_knows,
        check_in=draft.check_in,
        way_home=draft.way_home,
        notes=draft.notes,
        created_at=datetime.now(UTC),
    )
    db.add(plan)
    db.flush()
    return plan


def plans(db: Session) -> list[DatePlan]:
    return list(db.scalars(select(DatePlan).order_by(DatePlan.id.desc())))


def remove_plan(db: Session, plan_id: int) -> None:
    plan = db.get(DatePlan, plan_id)
    if plan is not None:
        db.delete(plan)
