"""Reading incidents: the timeline with its filters, one incident, its versions, witnesses.

Plain functions taking a Session; nothing here writes. services.py re-exports them, so other
areas and the report can import everything from clearpath.evidence.services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearpath.evidence import search
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
    describe_changes,
    fields_of,
)


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
    # (label, before, after) of each changed field; empty for the first version.
    changes: tuple[tuple[str, str, str], ...] = ()


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


# -- reading --------------------------------------------------------------------------------


def get_incident(db: Session, incident_id: int, *, include_deleted: bool = True) -> IncidentSummary:
    """One incident's current version (IncidentNotFound when missing or erased)."""
    incident = load_incident(db, incident_id)
    if incident.state == DELETED and not include_deleted:
        raise IncidentNotFound(incident_id)
    latest = version_row(db, incident_id, incident.current_version)
    return _summary(incident, latest, _file_counts(db).get(incident_id, 0))


def incident_versions(db: Session, incident_id: int) -> list[VersionView]:
    """Every version of one incident, oldest first, each with what changed."""
    load_incident(db, incident_id)
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
        changes = () if before is None else tuple(describe_changes(before, values))
        views.append(
            VersionView(row.version, row.saved_at, values, row.record_sha256, changed, changes)
        )
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


# -- rows and helpers -----------------------------------------------------------------------


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


def load_incident(db: Session, incident_id: int) -> Incident:
    """The incident row (deleted ones too); IncidentNotFound when missing or erased."""
    incident = db.get(Incident, incident_id)
    if incident is None or incident.state == ERASED:
        raise IncidentNotFound(incident_id)
    return incident


def version_row(db: Session, incident_id: int, version: int) -> IncidentVersion:
    """One stored version of an incident; IncidentNotFound when it is not there."""
    row = db.scalars(
        select(IncidentVersion).where(
            IncidentVersion.incident_id == incident_id, IncidentVersion.version == version
        )
    ).first()
    if row is None:
        raise IncidentNotFound(incident_id)
    return row
