"""Other areas this one uses when they are there (built in parallel on other branches).

Each is looked up by name at call time, so this area works before they land on main and
picks them up, without changes, once they do.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from sqlalchemy.orm import Session

from clearpath.heal.models import JournalEntry

INCIDENT_TITLE_LENGTH = 120


def optional_module(name: str) -> ModuleType | None:
    """The module if it exists in this version of Clearpath, else None."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def evidence_ready() -> bool:
    """Whether Evidence can record an incident (its service is on main)."""
    evidence = optional_module("clearpath.evidence.services")
    return evidence is not None and hasattr(evidence, "record_incident")


def make_incident(db: Session, entry: JournalEntry) -> int:
    """Record the entry as an incident in Evidence, linked back as "journal:<id>"."""
    evidence = optional_module("clearpath.evidence.services")
    if evidence is None or not hasattr(evidence, "record_incident"):
        raise LookupError("Evidence is not part of this version yet.")
    first_line = (entry.title or entry.body.strip().split("\n", 1)[0]).strip()
    title = first_line[:INCIDENT_TITLE_LENGTH] or "From my journal"
    incident_id = evidence.record_incident(
        db,
        title=title,
        what_happened=entry.body,
        occurred_on=entry.day,
        categories=(),
        source=f"journal:{entry.id}",
    )
    entry.incident_id = int(incident_id)
    return int(incident_id)
