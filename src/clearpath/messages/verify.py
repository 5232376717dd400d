"""Checking imported messages against the integrity log: each import's log entry holds the
hash of the messages it added, so a message changed, added or removed afterwards shows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearpath.messages.models import Message, MessageImport
from clearpath.messages.records import records_hash

IMPORTED = "messages.imported"


def check_imports(
    db: Session, events: Sequence[dict[str, Any]], problem: Callable[[str, str], None]
) -> int:
    """Compare every import with its log entry; report each mismatch through ``problem``
    (subject, what is wrong). Returns how many imports were checked."""
    logged = {e.get("import"): e for e in events if e.get("event") == IMPORTED}
    imports = db.scalars(select(MessageImport).order_by(MessageImport.id)).all()
    for row in imports:
        subject = f"Message import {row.id}"
        event = logged.pop(row.id, None)
        if event is None:
            problem(subject, "is not in the log: it was added to the vault some other way.")
            continue
        count = int(
            db.scalar(select(func.count()).where(Message.import_id == row.id)) or 0
        )
        if event.get("new") != count:
            problem(
                subject,
                f"the log says it added {event.get('new')} messages, the vault holds {count}.",
            )
        if records_hash(db, row.id) != event.get("records_sha256"):
            problem(subject, "its messages do not match the log: one was changed.")
    for import_id in logged:
        problem(f"Message import {import_id}", "is in the log, but its messages are gone.")
    return len(imports)
