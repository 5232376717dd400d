"""The pattern of messages received, read from the vault for the harassment pattern page."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearpath.analysis.patterns import Pattern, pattern
from clearpath.contact.models import ContactPlan
from clearpath.messages.models import Message


def no_contact_since(db: Session) -> date | None:
    """The day no contact (or limited contact) began, as set in the contact area."""
    return db.scalar(select(ContactPlan.started_on).order_by(ContactPlan.id).limit(1))


def received_pattern(db: Session, zone: str, conversation_id: int | None = None) -> Pattern:
    """The pattern of messages received (not the person's own, not app notices), in the
    wall-clock time of ``zone``."""
    query = select(Message.occurred_at).where(
        Message.direction == "in", Message.system.is_(False)
    )
    if conversation_id is not None:
        query = query.where(Message.conversation_id == conversation_id)
    local = ZoneInfo(zone)
    moments = [
        _as_utc(moment).astimezone(local).replace(tzinfo=None)
        for moment in db.scalars(query)
    ]
    return pattern(moments, after=no_contact_since(db))


def _as_utc(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; every stored moment is UTC.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
