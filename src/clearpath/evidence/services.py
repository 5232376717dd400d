"""Incidents: write them down, edit (a new version each time), delete, erase, and read them.

Every change is append-only and logged: a new version row plus a leaf in the integrity log
holding the version's hash. Deleting leaves a tombstone; erasing removes the words (and the
files' ciphertext) and logs an erasure event that keeps hashes only. The caller commits
(``vault.session()`` does).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from sqlalchemy import delete, func, select
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
from clearpath.evidence.records import (
    IncidentFields,
    Person,
    changed_fields,
    fields_of,
    fill_row,
    record_hash,
)
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
    "incident_versions",
    "list_incidents",
    "record_incident",
    "restore_incident",
    "witnesses",
]


class IncidentNotFound(LookupError):
    """No incident with this id (or it was erased)."""


@dataclass(frozen=True)
class IncidentSummary:
    """An incident as the timeline, the incident page and the report see it."""

    id: int
    recorded_at: datetime
    state: str
    version: int
    fields: IncidentFields
    file_count: int
    source: str | None
    state_changed_at: datetime | None

    @property
    def deleted(self) -> bool:
        return self.state == DELETED

    @property
    def sort_day(self) -> date:
        """The day it happened, or the day it was written down when no date was given."""
        return self.fields.occurred_on or self.recorded_at.date()


@dataclass(frozen=True)
class VersionView:
    """One saved version, with what changed from the one before."""

    version: int
    saved_at: datetime
    fields: IncidentFields
    record_sha256: str
    changed: tuple[str, ...]


@dataclass(frozen=True)
class TimelineFilter:
    """What the timeline shows; every part is optional."""

    date_from: date | None = None
    date_to: date | None = None
    category: str | None = None
    has_files: bool = False
    has_witnesses: bool = False
    query: str = ""
    include_deleted: bool = False
    ids: tuple[int, ...] | None = None


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
    incident = _incident(db, incident_id)
    values = replace(values, categories=tuple(normalise(values.categories)))
    _raise_if_invalid(db, values, editing=incident_id)
    latest = _version_row(db, incident_id, incident.current_version)
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
    incident = _incident(db, incident_id)
    if incident.state == DELETED:
        return
    incident.state = DELETED
    incident.state_changed_at = _now()
    append_event(db, {"event": "incident.deleted", "incident": incident_id, "at": utc_text(_now())})


def restore_incident(db: Session, incident_id: int) -> None:
    """Bring a deleted incident back to the timeline."""
    incident = _incident(db, incident_id)
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
    incident = _incident(db, incident_id)
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
        stored.wrapped_key = b""
    incident.state = ERASED
    incident.state_changed_at = _now()
    incident.source = None
    search.forget_incident(db, incident_id)
    db.flush()
    for stored in files:
        remove_stored(stored.stored_name)


# -- reading --------------------------------------------------------------------------------


def get_incident(db: Session, incident_id: int, *, include_deleted: bool = True) -> IncidentSummary:
    """One incident's current version (IncidentNotFound when missing or erased)."""
    incident = _incident(db, incident_id)
    if incident.state == DELETED and not include_deleted:
        raise IncidentNotFound(incident_id)
    latest = _version_row(db, incident_id, incident.current_version)
    return _summary(incident, latest, _file_counts(db).get(incident_id, 0))


def incident_versions(db: Session, incident_id: int) -> list[VersionView]:
    """Every version of one incident, oldest first, each with what changed."""
    _incident(db, incident_id)
    rows = db.scalars(
        select(IncidentVersion)
        .where(IncidentVersion.incident_id == incident_id)
        .order_by(IncidentVersion.version)
    ).all()
    views: list[VersionView] = []
    before: IncidentFields | None = None
    for row in rows:
        values = fields_of(row)
        changed = () if before is None else tuple(changed_fields(before, values))
        views.append(VersionView(row.version, row.saved_at, values, row.record_sha256, changed))
        before = values
    return views


def witnesses(db: Session, incident_id: int) -> list[Person]:
    """The people marked as witnesses in the incident's current version."""
    return list(get_incident(db, incident_id).fields.witnesses)


def list_incidents(db: Session, where: TimelineFilter | None = None) -> list[IncidentSummary]:
    """Incidents for the timeline (newest first by the day they happened), filtered."""
    where = where or TimelineFilter()
    states = [ACTIVE, DELETED] if where.include_deleted else [ACTIVE]
    rows = db.execute(
        select(Incident, IncidentVersion)
        .join(
            IncidentVersion,
            (IncidentVersion.incident_id == Incident.id)
            & (IncidentVersion.version == Incident.current_version),
        )
        .where(Incident.state.in_(states))
    ).all()
    counts = _file_counts(db)
    found = [_summary(incident, row, counts.get(incident.id, 0)) for incident, row in rows]
    ranked = search.matching_ids(db, where.query) if where.query.strip() else None
    chosen = [s for s in found if _keeps(where, s)]
    if ranked is not None:
        by_id = {s.id: s for s in chosen}
        return [by_id[i] for i in ranked if i in by_id]
    return sorted(chosen, key=lambda s: (s.sort_day, s.recorded_at, s.id), reverse=True)


def count_incidents(db: Session) -> int:
    """How many incidents are on the timeline (not deleted, not erased)."""
    return int(
        db.scalar(select(func.count()).select_from(Incident).where(Incident.state == ACTIVE)) or 0
    )


def current_fields_of_all(db: Session) -> list[tuple[int, IncidentFields]]:
    """(id, current fields) of every incident that is not erased (to rebuild the index)."""
    rows = db.execute(
        select(Incident.id, IncidentVersion)
        .join(
            IncidentVersion,
            (IncidentVersion.incident_id == Incident.id)
            & (IncidentVersion.version == Incident.current_version),
        )
        .where(Incident.state != ERASED)
    ).all()
    return [(incident_id, fields_of(row)) for incident_id, row in rows]


def incident_exists(db: Session, incident_id: int) -> bool:
    """True when an incident with this id is there (deleted counts; erased does not)."""
    incident = db.get(Incident, incident_id)
    return incident is not None and incident.state != ERASED


# -- inside ---------------------------------------------------------------------------------


def _keeps(where: TimelineFilter, item: IncidentSummary) -> bool:
    values = item.fields
    start = item.sort_day
    end = values.occurred_until or start
    checks = (
        where.ids is None or item.id in where.ids,
        where.date_from is None or end >= where.date_from,
        where.date_to is None or start <= where.date_to,
        where.category is None or where.category in values.categories,
        not where.has_files or item.file_count > 0,
        not where.has_witnesses or bool(values.witnesses),
    )
    return all(checks)


def _summary(incident: Incident, row: IncidentVersion, file_count: int) -> IncidentSummary:
    return IncidentSummary(
        id=incident.id,
        recorded_at=incident.recorded_at,
        state=incident.state,
        version=incident.current_version,
        fields=fields_of(row),
        file_count=file_count,
        source=incident.source,
        state_changed_at=incident.state_changed_at,
    )


def _file_counts(db: Session) -> dict[int, int]:
    rows = db.execute(
        select(EvidenceFile.incident_id, func.count())
        .where(EvidenceFile.state == ACTIVE, EvidenceFile.incident_id.is_not(None))
        .group_by(EvidenceFile.incident_id)
    ).all()
    return {int(incident_id or 0): int(count) for incident_id, count in rows}


def _incident(db: Session, incident_id: int) -> Incident:
    incident = db.get(Incident, incident_id)
    if incident is None or incident.state == ERASED:
        raise IncidentNotFound(incident_id)
    return incident


def _version_row(db: Session, incident_id: int, version: int) -> IncidentVersion:
    row = db.scalars(
        select(IncidentVersion).where(
            IncidentVersion.incident_id == incident_id, IncidentVersion.version == version
        )
    ).first()
    if row is None:
        raise IncidentNotFound(incident_id)
    return row


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
