"""Incidents: write them down, edit (a new version each time), delete, erase; the reading
functions of .queries are re-exported here, so callers need only this module.

Every change is append-only and logged: a new version row plus a leaf in the integrity log
holding the version's hash. Deleting leaves a tombstone; erasing removes the words (and the
files' ciphertext) and logs an erasure event that keeps hashes only. The caller commits
(``vault.session()`` does).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from clearpath.evidence import search
from clearpath.evidence.categories import normalise
from clearpath.evidence.log import append_event, utc_text
from clearpath.evidence.models import (
    ACTIVE,
    DELETED,
    ERASED,
    EvidenceFile,
    Incident,
    IncidentVersion,
)
from clearpath.evidence.queries import (
    IncidentNotFound,
    IncidentSummary,
    TimelineFilter,
    VersionView,
    count_incidents,
    current_fields_of_all,
    get_incident,
    incident_exists,
    incident_versions,
    list_incidents,
    load_incident,
    version_row,
    witnesses,
)
from clearpath.evidence.records import IncidentFields, Person, fields_of, fill_row, record_hash
from clearpath.evidence.validation import InvalidIncident, check_fields

__all__ = [
    "IncidentFields",
    "IncidentNotFound",
    "IncidentSummary",
    "InvalidIncident",
    "Person",
    "TimelineFilter",
    "VersionView",
    "count_incidents",
    "create_incident",
    "current_fields_of_all",
    "delete_incident",
    "edit_incident",
    "erase_incident",
    "get_incident",
    "incident_exists",
    "incident_versions",
    "list_incidents",
    "record_incident",
    "restore_incident",
    "witnesses",
]


def _now() -> datetime:
    return datetime.now(UTC)


# -- writing --------------------------------------------------------------------------------


def record_incident(
    db: Session,
    *,
    title: str,
    what_happened: str,
    occurred_on: date | None = None,
    categories: Sequence[str] = (),
    source: str | None = None,
) -> int:
    """Write down a new incident from another part of the app (a journal entry, a boundary
    that was crossed); return its id. ``categories`` may be keys or labels of the named kinds
    or the person's own words; ``source`` (like "journal:12") keeps the link back.
    InvalidIncident when a field is empty or too long."""
    values = IncidentFields(
        title=title.strip(),
        what_happened=what_happened,
        occurred_on=occurred_on,
        categories=tuple(normalise(categories)),
    )
    return create_incident(db, values, source=source)


def create_incident(db: Session, values: IncidentFields, *, source: str | None = None) -> int:
    """Write down a new incident (version 1) and log it; return its id."""
    values = replace(values, categories=tuple(normalise(values.categories)))
    _raise_if_invalid(db, values)
    now = _now()
    incident = Incident(recorded_at=now, current_version=1, state=ACTIVE, source=source)
    db.add(incident)
    db.flush()
    row = _add_version(db, incident.id, 1, values, now)
    append_event(
        db,
        {
            "event": "incident.created",
            "incident": incident.id,
            "version": 1,
            "recorded_at": utc_text(now),
            "source": source,
            "record_sha256": row.record_sha256,
        },
    )
    search.index_incident(db, incident.id, values)
    return incident.id


def edit_incident(db: Session, incident_id: int, values: IncidentFields) -> int:
    """Save ``values`` as a new version (the earlier ones stay); return the version number.
    Nothing is added when nothing changed."""
    incident = load_incident(db, incident_id)
    values = replace(values, categories=tuple(normalise(values.categories)))
    _raise_if_invalid(db, values, editing=incident_id)
    latest = version_row(db, incident_id, incident.current_version)
    if fields_of(latest) == values:
        return incident.current_version
    number = incident.current_version + 1
    row = _add_version(db, incident_id, number, values, _now())
    incident.current_version = number
    append_event(
        db,
        {
            "event": "incident.version",
            "incident": incident_id,
            "version": number,
            "record_sha256": row.record_sha256,
        },
    )
    search.index_incident(db, incident_id, values)
    return number


def delete_incident(db: Session, incident_id: int) -> None:
    """Hide an incident behind a tombstone; it stays in the vault and the log."""
    incident = load_incident(db, incident_id)
    if incident.state == DELETED:
        return
    incident.state = DELETED
    incident.state_changed_at = _now()
    append_event(db, {"event": "incident.deleted", "incident": incident_id, "at": utc_text(_now())})


def restore_incident(db: Session, incident_id: int) -> None:
    """Bring a deleted incident back to the timeline."""
    incident = load_incident(db, incident_id)
    if incident.state != DELETED:
        return
    incident.state = ACTIVE
    incident.state_changed_at = _now()
    append_event(
        db, {"event": "incident.restored", "incident": incident_id, "at": utc_text(_now())}
    )


def erase_incident(db: Session, incident_id: int, remove_stored: Callable[[str], None]) -> None:
    """Erase an incident for good: every version's words and every attached file's content.

    What stays: the incident's id and the erasure event in the log, which lists the hashes
    of what was erased and nothing readable. ``remove_stored`` deletes one stored file by its
    stored name (the file store's remove); it runs after the rows are gone.
    """
    incident = load_incident(db, incident_id)
    versions = db.scalars(
        select(IncidentVersion)
        .where(IncidentVersion.incident_id == incident_id)
        .order_by(IncidentVersion.version)
    ).all()
    files = db.scalars(
        select(EvidenceFile).where(
            EvidenceFile.incident_id == incident_id, EvidenceFile.state == ACTIVE
        )
    ).all()
    append_event(
        db,
        {
            "event": "incident.erased",
            "incident": incident_id,
            "at": utc_text(_now()),
            "versions": [
                {"version": v.version, "record_sha256": v.record_sha256} for v in versions
            ],
            "files": [{"item": f.item_number, "sha256": f.sha256} for f in files],
        },
    )
    db.execute(delete(IncidentVersion).where(IncidentVersion.incident_id == incident_id))
    for stored in files:
        stored.state = ERASED
        stored.original_name = ""
        stored.details = "{}"
        stored.media_type = ""
        stored.has_gps = False
        stored.wrapped_key = b""
    incident.state = ERASED
    incident.state_changed_at = _now()
    incident.source = None
    search.forget_incident(db, incident_id)
    db.flush()
    for stored in files:
        remove_stored(stored.stored_name)


# -- inside ---------------------------------------------------------------------------------


def _add_version(
    db: Session, incident_id: int, number: int, values: IncidentFields, saved_at: datetime
) -> IncidentVersion:
    row = IncidentVersion(incident_id=incident_id, version=number, saved_at=saved_at)
    fill_row(row, values)
    row.record_sha256 = record_hash(row)
    db.add(row)
    db.flush()
    return row


def _raise_if_invalid(db: Session, values: IncidentFields, editing: int | None = None) -> None:
    errors = check_fields(values)
    for linked in values.linked_incidents:
        if linked == editing or not incident_exists(db, linked):
            errors.setdefault(
                "linked_incidents",
                f"There is no other incident number {linked}. "
                "Please check the numbers; nothing was saved.",
            )
    if errors:
        raise InvalidIncident(errors)
