"""The home page note: one free-text note a person keeps for next time."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearpath.notes.models import Note

MAX_NOTE_LENGTH = 20_000


class NoteTooLong(ValueError):
    """The note is over MAX_NOTE_LENGTH characters; the message says so calmly."""

    def __init__(self) -> None:
        super().__init__(
            f"This note is longer than {MAX_NOTE_LENGTH:,} characters. "
            "Please shorten it; nothing was saved."
        )


def _the_note(session: Session) -> Note | None:
    """The one note (the oldest, should there ever be more), or None before the first save."""
    return session.scalars(select(Note).order_by(Note.id).limit(1)).first()


def read_note(session: Session) -> str:
    """The current note text, or an empty string."""
    note = _the_note(session)
    return note.body if note else ""


def save_note(session: Session, body: str) -> None:
    """Replace the note; the caller commits."""
    text = body.replace("\r\n", "\n")
    if len(text) > MAX_NOTE_LENGTH:
        raise NoteTooLong()
    now = datetime.now(UTC)
    note = _the_note(session)
    if note is None:
        session.add(Note(body=text, created_at=now, updated_at=now))
    else:
        note.body = text
        note.updated_at = now
