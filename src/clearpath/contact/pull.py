"""The pull back: a quick log of each attempt, promises and what happened, people to call."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearpath.contact.models import CallPerson, Promise, PullAttempt
from clearpath.db import delete_row
from clearpath.plan.services import trusted_people

KINDS = {
    "remorse": "Remorse, saying sorry",
    "promises": "Promises to change",
    "gifts": "Gifts or favours",
    "crisis": "A sudden crisis",
    "others": "Through other people",
    "nostalgia": "Memories, nostalgia",
    "charm": "Sudden charm",
    "threat": "A threat",
}
RESPONSES = {
    "nothing": "Nothing",
    "boundary": "My boundary line",
    "replied": "I replied",
}


def add_pull(
    db: Session, *, occurred_on: date, channel: str, kind: str, response: str, feeling: str
) -> PullAttempt:
    """Log one attempt to pull the person back."""
    if kind not in KINDS or response not in RESPONSES:
        raise ValueError("unknown kind or response")
    row = PullAttempt(
        occurred_on=occurred_on,
        channel=channel,
        kind=kind,
        response=response,
        feeling=feeling,
        recorded_at=datetime.now(UTC),
    )
    db.add(row)
    db.flush()
    return row


def list_pulls(db: Session, limit: int | None = None) -> list[PullAttempt]:
    query = select(PullAttempt).order_by(PullAttempt.occurred_on.desc(), PullAttempt.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return list(db.scalars(query))


def delete_pull(db: Session, pull_id: int) -> bool:
    return delete_row(db, PullAttempt, pull_id)


@dataclass(frozen=True)
class PullPattern:
    """Counts by kind, most frequent first, for the 'what you have noticed' summary."""

    total: int
    by_kind: list[tuple[str, int]]


def pull_pattern(db: Session) -> PullPattern:
    kinds = Counter(db.scalars(select(PullAttempt.kind)))
    by_kind = [(KINDS.get(kind, kind), count) for kind, count in kinds.most_common()]
    return PullPattern(total=sum(kinds.values()), by_kind=by_kind)


def add_promise(db: Session, *, promise: str, what_happened: str) -> Promise:
    """Something promised before, and (now or later) what happened after."""
    row = Promise(promise=promise, what_happened=what_happened, recorded_at=datetime.now(UTC))
    db.add(row)
    db.flush()
    return row


def update_promise(db: Session, promise_id: int, *, promise: str, what_happened: str) -> bool:
    row = db.get(Promise, promise_id)
    if row is None:
        return False
    row.promise = promise
    row.what_happened = what_happened
    return True


def delete_promise(db: Session, promise_id: int) -> bool:
    return delete_row(db, Promise, promise_id)


def list_promises(db: Session) -> list[Promise]:
    return list(db.scalars(select(Promise).order_by(Promise.id.desc())))


@dataclass(frozen=True)
class PersonToCall:
    """Someone to call before replying; ``source`` says which list they came from."""

    name: str
    phone: str
    id: int | None = None
    source: str = "contact"
    role: str = ""


def add_person(db: Session, *, name: str, phone: str) -> CallPerson:
    row = CallPerson(name=name, phone=phone, recorded_at=datetime.now(UTC))
    db.add(row)
    db.flush()
    return row


def delete_person(db: Session, person_id: int) -> bool:
    return delete_row(db, CallPerson, person_id)


def people_to_call(db: Session) -> list[PersonToCall]:
    """The trusted people of the safety plan first (source "plan"), then the person's own
    'who I can call' list in this area (source "contact", removable here)."""
    from_plan = [
        PersonToCall(name=p.name, phone=p.phone, source="plan", role=p.role)
        for p in trusted_people(db)
    ]
    own = db.scalars(select(CallPerson).order_by(CallPerson.id))
    return [*from_plan, *(PersonToCall(name=p.name, phone=p.phone, id=p.id) for p in own)]
