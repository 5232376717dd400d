"""Messages attached to incidents: chosen in a conversation, quoted in the evidence report."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearpath.evidence.files import item_label
from clearpath.evidence.models import EvidenceFile
from clearpath.evidence.services import incident_exists, record_incident
from clearpath.messages.models import Message, MessageImport, MessageIncidentLink

MAX_CHOSEN = 200
TITLE_LENGTH = 100


class NothingChosen(ValueError):
    pass


@dataclass(frozen=True)
class Excerpt:
    """One attached message as the report quotes it, with where it came from."""

    incident_id: int
    sender: str | None
    direction: str | None
    timestamp_text: str
    raw_timestamp: str
    text: str
    source_item: str
    source_sha256: str
    source_place: str


def attach(
    db: Session, message_ids: Sequence[int], incident_id: int | None
) -> tuple[int, int]:
    """Attach messages to an incident, or to a new one made from them when ``incident_id``
    is None. Returns (incident id, how many were newly attached)."""
    messages = db.scalars(
        select(Message).where(Message.id.in_(message_ids[:MAX_CHOSEN])).order_by(Message.id)
    ).all()
    if not messages:
        raise NothingChosen("Choose at least one message first.")
    if incident_id is None:
        incident_id = record_incident(
            db,
            title=_title(messages),
            what_happened="\n\n".join(
                f"{m.raw_timestamp} {m.sender or ''}: {m.text}".strip() for m in messages
            ),
            occurred_on=messages[0].occurred_at.date(),
            categories=("harassment",),
            source=f"messages:{messages[0].id}",
        )
    elif not incident_exists(db, incident_id):
        raise LookupError(incident_id)
    have = set(
        db.scalars(
            select(MessageIncidentLink.message_id).where(
                MessageIncidentLink.incident_id == incident_id
            )
        )
    )
    now = datetime.now(UTC)
    added = [
        MessageIncidentLink(message_id=m.id, incident_id=incident_id, linked_at=now)
        for m in messages
        if m.id not in have
    ]
    db.add_all(added)
    db.flush()
    return incident_id, len(added)


def _title(messages: Sequence[Message]) -> str:
    who = next((m.sender for m in messages if m.sender and m.direction != "out"), None)
    count = len(messages)
    title = f"{count} message{'s' if count != 1 else ''}" + (f" from {who}" if who else "")
    return title[:TITLE_LENGTH]


def attached_ids(db: Session, message_ids: Sequence[int]) -> dict[int, list[int]]:
    """For each of these messages, the incidents it is attached to."""
    found: dict[int, list[int]] = {}
    rows = db.execute(
        select(MessageIncidentLink.message_id, MessageIncidentLink.incident_id).where(
            MessageIncidentLink.message_id.in_(message_ids)
        )
    ).all()
    for message_id, incident_id in rows:
        found.setdefault(message_id, []).append(incident_id)
    return found


def excerpts(db: Session, incident_ids: Sequence[int]) -> dict[int, list[Excerpt]]:
    """The attached messages of these incidents, in time order, with their source."""
    rows = db.execute(
        select(MessageIncidentLink.incident_id, Message, EvidenceFile)
        .join(Message, Message.id == MessageIncidentLink.message_id)
        .join(MessageImport, MessageImport.id == Message.import_id)
        .join(EvidenceFile, EvidenceFile.id == MessageImport.file_id)
        .where(MessageIncidentLink.incident_id.in_(incident_ids))
        .order_by(Message.occurred_at, Message.id)
    ).all()
    found: dict[int, list[Excerpt]] = {}
    for incident_id, message, source in rows:
        found.setdefault(incident_id, []).append(
            Excerpt(
                incident_id=incident_id,
                sender=message.sender,
                direction=message.direction,
                timestamp_text=message.timestamp_text,
                raw_timestamp=message.raw_timestamp,
                text=message.text,
                source_item=item_label(source.item_number),
                source_sha256=source.sha256,
                source_place=_place(message.source),
            )
        )
    return found


def _place(source_json: str) -> str:
    source = json.loads(source_json)
    if "first_line" in source:
        first, last = source["first_line"], source.get("last_line", source["first_line"])
        where = f"line {first}" if first == last else f"lines {first}-{last}"
    elif "byte_start" in source:
        where = f"byte {source['byte_start']}"
    elif "item" in source:
        where = f"item {source['item']}"
    else:
        where = ""
    member = source.get("member")
    return f"{member}, {where}" if member and where else member or where
