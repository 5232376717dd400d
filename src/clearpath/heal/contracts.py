"""What this area asks of Evidence: a journal entry that describes an incident becomes one."""

from __future__ import annotations

from sqlalchemy.orm import Session

from clearpath.evidence.services import record_incident
from clearpath.heal.models import JournalEntry

INCIDENT_TITLE_LENGTH = 120


def make_incident(db: Session, entry: JournalEntry) -> int:
    """Record the entry as an incident in Evidence, linked back as "journal:<id>"."""
    first_line = (entry.title or entry.body.strip().split("\n", 1)[0]).strip()
    title = first_line[:INCIDENT_TITLE_LENGTH] or "From my journal"
    incident_id = record_incident(
        db,
        title=title,
        what_happened=entry.body,
        occurred_on=entry.day,
        categories=(),
        source=f"journal:{entry.id}",
    )
    entry.incident_id = int(incident_id)
    return int(incident_id)
