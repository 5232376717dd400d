"""The blocking checklist (one status per channel) and the routines the person plans to change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearpath.contact.channels import CHANNELS, STATUSES, Channel
from clearpath.contact.models import ChannelStatus, Routine
from clearpath.db import delete_row


@dataclass(frozen=True)
class ChannelRow:
    """One line of the checklist: the channel with its hint, and where it stands."""

    channel: Channel
    status: ChannelStatus | None

    @property
    def status_label(self) -> str:
        if self.status is None or not self.status.status:
            return "Not decided yet"
        return STATUSES.get(self.status.status, self.status.status)


def checklist(db: Session) -> list[ChannelRow]:
    """Every channel in the catalogue's order, with its saved status if any."""
    saved = {row.channel: row for row in db.scalars(select(ChannelStatus))}
    return [ChannelRow(channel, saved.get(channel.key)) for channel in CHANNELS]


def set_channel(
    db: Session, *, channel: str, status: str, changed_on: date | None, notes: str
) -> None:
    """Save where one channel stands; an empty status clears the decision."""
    if status and status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    row = db.scalars(select(ChannelStatus).where(ChannelStatus.channel == channel)).first()
    if row is None:
        row = ChannelStatus(channel=channel, recorded_at=datetime.now(UTC))
        db.add(row)
    row.status = status
    row.changed_on = changed_on
    row.notes = notes


def add_routine(db: Session, *, routine: str, change: str) -> Routine:
    """A habit that makes the person easy to find, and the change they plan."""
    row = Routine(routine=routine, change=change, done=False, recorded_at=datetime.now(UTC))
    db.add(row)
    db.flush()
    return row


def list_routines(db: Session) -> list[Routine]:
    return list(db.scalars(select(Routine).order_by(Routine.done, Routine.id)))


def set_routine_done(db: Session, routine_id: int, done: bool) -> bool:
    row = db.get(Routine, routine_id)
    if row is None:
        return False
    row.done = done
    return True


def delete_routine(db: Session, routine_id: int) -> bool:
    return delete_row(db, Routine, routine_id)
