"""Required contact: a neutral log of each exchange, the response window and what is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearpath.contact.models import ContactEntry
from clearpath.contact.nocontact import get_plan
from clearpath.db import delete_row

MIN_RESPONSE_HOURS = 1
MAX_RESPONSE_HOURS = 24 * 14


@dataclass(frozen=True)
class EntryInput:
    """What the contact log form gives, already checked."""

    occurred_at: datetime
    channel: str
    topic: str
    summary: str
    my_reply: str
    follow_up_due: datetime | None
    needs_reply: bool
    include_in_report: bool


def due_from_window(db: Session, occurred_at: datetime) -> datetime:
    """When a reply is due under the person's response window."""
    return occurred_at + timedelta(hours=get_plan(db).response_hours)


def add_entry(db: Session, entry: EntryInput) -> ContactEntry:
    """Keep one exchange. A needed reply without a date gets one from the response window."""
    due = entry.follow_up_due
    if due is None and entry.needs_reply:
        due = due_from_window(db, entry.occurred_at)
    row = ContactEntry(
        occurred_at=entry.occurred_at,
        channel=entry.channel,
        topic=entry.topic,
        summary=entry.summary,
        my_reply=entry.my_reply,
        follow_up_due=due,
        follow_up_done=False,
        include_in_report=entry.include_in_report,
        recorded_at=datetime.now(UTC),
    )
    db.add(row)
    db.flush()
    return row


def list_entries(db: Session, limit: int | None = None) -> list[ContactEntry]:
    query = select(ContactEntry).order_by(ContactEntry.occurred_at.desc(), ContactEntry.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return list(db.scalars(query))


def entries_for_report(db: Session) -> list[ContactEntry]:
    """The entries the person chose to include in the evidence report, oldest first."""
    query = (
        select(ContactEntry)
        .where(ContactEntry.include_in_report.is_(True))
        .order_by(ContactEntry.occurred_at, ContactEntry.id)
    )
    return list(db.scalars(query))


def get_entry(db: Session, entry_id: int) -> ContactEntry | None:
    return db.get(ContactEntry, entry_id)


def set_follow_up_done(db: Session, entry_id: int, done: bool) -> bool:
    row = db.get(ContactEntry, entry_id)
    if row is None:
        return False
    row.follow_up_done = done
    return True


def set_in_report(db: Session, entry_id: int, include: bool) -> bool:
    row = db.get(ContactEntry, entry_id)
    if row is None:
        return False
    row.include_in_report = include
    return True


def delete_entry(db: Session, entry_id: int) -> bool:
    return delete_row(db, ContactEntry, entry_id)


@dataclass(frozen=True)
class DueItem:
    entry: ContactEntry
    hours_left: int

    @property
    def when(self) -> str:
        """Plain words for the time left, without alarm."""
        if self.hours_left < 0:
            return "The time you gave yourself has passed. A short reply is still fine."
        if self.hours_left < 1:
            return "Due within the hour."
        if self.hours_left < 48:
            return f"About {self.hours_left} hours left."
        return f"About {self.hours_left // 24} days left."


def what_is_due(db: Session, now: datetime) -> list[DueItem]:
    """Open follow-ups, soonest first."""
    query = (
        select(ContactEntry)
        .where(ContactEntry.follow_up_due.is_not(None), ContactEntry.follow_up_done.is_(False))
        .order_by(ContactEntry.follow_up_due, ContactEntry.id)
    )
    items = []
    for row in db.scalars(query):
        if row.follow_up_due is None:  # excluded by the query; keeps the types honest
            continue
        left = row.follow_up_due - now
        items.append(DueItem(row, int(left.total_seconds() // 3600)))
    return items
