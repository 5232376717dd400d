"""No contact: the plan, protected days that only ever grow, slips, returns and crossings.

The count of protected days starts on the day the person chose and is never taken back: a
slip is part of the path, and returning to no contact afterwards is counted as a success.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearpath.contact.models import ContactPlan, PullAttempt, Slip, Violation
from clearpath.contact.pull import KINDS
from clearpath.evidence.services import record_incident

MODES = {
    "none": "No contact",
    "limited": "Limited contact (only through one channel, only about named topics)",
}
DEFAULT_RESPONSE_HOURS = 48
# The Evidence kind a crossed boundary is filed under.
EVIDENCE_CATEGORIES = ("harassment",)


def get_plan(db: Session) -> ContactPlan:
    """The one plan row, made with defaults the first time it is asked for (not committed)."""
    plan = db.scalars(select(ContactPlan).order_by(ContactPlan.id).limit(1)).first()
    if plan is None:
        plan = ContactPlan(
            mode="none",
            started_on=None,
            channel="",
            topics="",
            boundary_line="",
            consequence="",
            who_steps_in="",
            response_hours=DEFAULT_RESPONSE_HOURS,
            updated_at=datetime.now(UTC),
        )
        db.add(plan)
    return plan


def set_start(db: Session, *, mode: str, started_on: date, channel: str, topics: str) -> None:
    """When no contact (or limited contact) began, and for limited contact its terms."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    plan = get_plan(db)
    plan.mode = mode
    plan.started_on = started_on
    plan.channel = channel if mode == "limited" else ""
    plan.topics = topics if mode == "limited" else ""
    plan.updated_at = datetime.now(UTC)


def set_boundary(db: Session, *, line: str, consequence: str, who_steps_in: str) -> None:
    """The boundary statement: the line to repeat, the consequence, who can step in."""
    plan = get_plan(db)
    plan.boundary_line = line
    plan.consequence = consequence
    plan.who_steps_in = who_steps_in
    plan.updated_at = datetime.now(UTC)


def set_response_hours(db: Session, hours: int) -> None:
    """How long the person gives themselves to answer required contact."""
    plan = get_plan(db)
    plan.response_hours = hours
    plan.updated_at = datetime.now(UTC)


@dataclass(frozen=True)
class ProtectedSpace:
    """What the no contact page shows at the top."""

    started_on: date | None
    days: int
    returns: int
    open_slip: Slip | None


def protected_space(db: Session, today: date) -> ProtectedSpace:
    """Days since no contact began (today included, never reduced) and how often the
    person has returned to it after a slip."""
    plan = get_plan(db)
    started = plan.started_on
    days = (today - started).days + 1 if started is not None and started <= today else 0
    returns = (
        db.scalar(select(func.count()).select_from(Slip).where(Slip.returned_on.is_not(None))) or 0
    )
    open_slip = db.scalars(
        select(Slip).where(Slip.returned_on.is_(None)).order_by(Slip.occurred_on.desc())
    ).first()
    return ProtectedSpace(started_on=started, days=days, returns=returns, open_slip=open_slip)


def add_slip(
    db: Session,
    *,
    occurred_on: date,
    what_happened: str,
    trigger: str,
    feeling: str,
    adjustment: str,
    returned_on: date | None = None,
) -> Slip:
    """Log a time contact happened; ``returned_on`` when the person is already back."""
    slip = Slip(
        occurred_on=occurred_on,
        what_happened=what_happened,
        trigger=trigger,
        feeling=feeling,
        adjustment=adjustment,
        returned_on=returned_on,
        recorded_at=datetime.now(UTC),
    )
    db.add(slip)
    db.flush()
    return slip


def mark_returned(db: Session, slip_id: int, returned_on: date) -> bool:
    """Note the day the person returned to no contact after a slip; False if no such slip."""
    slip = db.get(Slip, slip_id)
    if slip is None:
        return False
    slip.returned_on = max(returned_on, slip.occurred_on)
    return True


def list_slips(db: Session) -> list[Slip]:
    return list(db.scalars(select(Slip).order_by(Slip.occurred_on.desc(), Slip.id.desc())))


def record_violation(db: Session, *, occurred_on: date, note: str) -> Violation:
    """Log that the boundary was crossed (one click: the note may be empty).

    It becomes an incident in Evidence at once (kind "Harassment after leaving", source
    "contact:violation:ID"), and the violation keeps the incident's id.
    """
    violation = Violation(
        occurred_on=occurred_on, note=note, incident_id=None, recorded_at=datetime.now(UTC)
    )
    db.add(violation)
    db.flush()
    violation.incident_id = record_incident(
        db,
        title=violation_title(violation),
        what_happened=_incident_text(get_plan(db), note),
        occurred_on=occurred_on,
        categories=EVIDENCE_CATEGORIES,
        source=f"contact:violation:{violation.id}",
    )
    return violation


def _incident_text(plan: ContactPlan, note: str) -> str:
    parts = [note or "The boundary I set for contact was crossed."]
    if plan.boundary_line:
        parts.append(f"My boundary: {plan.boundary_line}")
    return "\n\n".join(parts)


def violation_title(violation: Violation) -> str:
    """The incident title Evidence gets: plain and neutral."""
    return f"Boundary crossed on {violation.occurred_on.isoformat()}"


def list_violations(db: Session, limit: int | None = None) -> list[Violation]:
    query = select(Violation).order_by(Violation.occurred_on.desc(), Violation.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return list(db.scalars(query))


@dataclass(frozen=True)
class TimelineEvent:
    """One line of the calm history: a day, a kind (for the marker) and plain words."""

    day: date
    kind: str
    title: str
    detail: str = ""


def timeline(db: Session) -> list[TimelineEvent]:
    """The whole history, newest first: the start, slips, returns, crossings, pulls."""
    events: list[TimelineEvent] = []
    plan = get_plan(db)
    if plan.started_on is not None:
        what = "Limited contact began" if plan.mode == "limited" else "No contact began"
        events.append(TimelineEvent(plan.started_on, "began", what))
    for slip in list_slips(db):
        events.append(
            TimelineEvent(slip.occurred_on, "slip", "There was contact", slip.what_happened)
        )
        if slip.returned_on is not None:
            events.append(
                TimelineEvent(
                    slip.returned_on,
                    "returned",
                    "You returned to no contact",
                    f"What you adjusted: {slip.adjustment}" if slip.adjustment else "",
                )
            )
    for violation in list_violations(db):
        events.append(
            TimelineEvent(
                violation.occurred_on, "crossed", "Your boundary was crossed", violation.note
            )
        )
    pulls = db.scalars(select(PullAttempt).order_by(PullAttempt.occurred_on)).all()
    for pull in pulls:
        kind = KINDS.get(pull.kind, pull.kind).lower()
        events.append(TimelineEvent(pull.occurred_on, "pull", f"You noticed a pull back: {kind}"))
    order = {"began": 0, "slip": 1, "crossed": 2, "pull": 3, "returned": 4}
    events.sort(key=lambda e: (e.day, order.get(e.kind, 9)), reverse=True)
    return events
