"""What a report or bundle holds: incidents, their versions and files, chosen by filters.

Everything the PDF, the CSV and the bundle print comes from here, as plain frozen data, read
once inside one vault session. Erased incidents are never included (their words are gone);
deleted ones (tombstones) are left out of the report, since the person took them back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearpath.contact.required import entries_for_report
from clearpath.evidence.categories import label
from clearpath.evidence.files import file_record, item_label
from clearpath.evidence.models import ACTIVE, EvidenceFile, Incident, IncidentVersion
from clearpath.evidence.records import IncidentFields, fields_of, record_hash, version_record
from clearpath.messages.linking import Excerpt, excerpts


@dataclass(frozen=True)
class Filters:
    """Which incidents a report covers. Empty means everything."""

    date_from: date | None = None
    date_to: date | None = None
    categories: tuple[str, ...] = ()
    incident_ids: tuple[int, ...] = ()

    def describe(self) -> str:
        """The range in words, for the cover page and the page heading."""
        if self.date_from and self.date_to:
            span = f"{self.date_from.isoformat()} to {self.date_to.isoformat()}"
        elif self.date_from:
            span = f"from {self.date_from.isoformat()}"
        elif self.date_to:
            span = f"up to {self.date_to.isoformat()}"
        else:
            span = "all dates"
        parts = [span]
        if self.categories:
            parts.append("kinds: " + ", ".join(label(c) for c in self.categories))
        if self.incident_ids:
            parts.append(f"{len(self.incident_ids)} chosen incidents")
        return "; ".join(parts)


@dataclass(frozen=True)
class FileItem:
    """One attached file as printed: item number, name, hash, size and type."""

    item_number: int
    file_id: int
    incident_id: int | None
    original_name: str
    size: int
    sha256: str
    media_type: str
    added_at: datetime
    has_gps: bool
    record: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def item(self) -> str:
        return item_label(self.item_number)

    @property
    def is_image(self) -> bool:
        return self.media_type in {"image/jpeg", "image/png", "image/gif", "image/webp"}

    @property
    def extension(self) -> str:
        """The original file's extension (lower case, with the dot), or "" when it has none."""
        name = self.original_name.rsplit("/", 1)[-1]
        if "." not in name:
            return ""
        ext = "." + name.rsplit(".", 1)[-1].lower()
        return ext if 2 <= len(ext) <= 10 and ext[1:].isalnum() else ""

    @property
    def archive_name(self) -> str:
        """Where the original sits in a bundle: originals/CP-000001.jpg."""
        return f"originals/{self.item}{self.extension}"


@dataclass(frozen=True)
class Version:
    """One saved version of an incident."""

    number: int
    saved_at: datetime
    fields: IncidentFields
    record: dict[str, Any]
    record_sha256: str
    stored_sha256: str


@dataclass(frozen=True)
class ReportIncident:
    """An incident with every version (oldest first) and its files."""

    incident_id: int
    recorded_at: datetime
    state: str
    versions: tuple[Version, ...]
    files: tuple[FileItem, ...] = ()
    # Messages attached to it in the messages area, quoted with their source.
    messages: tuple[Excerpt, ...] = ()

    @property
    def latest(self) -> IncidentFields:
        return self.versions[-1].fields

    @property
    def occurred_sort_key(self) -> tuple[date, datetime]:
        return (self.latest.occurred_on or self.recorded_at.date(), self.recorded_at)

    def occurred_text(self) -> str:
        """When it happened, in words: a date, a time, a range, "about" when approximate."""
        f = self.latest
        if f.occurred_on is None:
            return "date not given"
        text = f.occurred_on.isoformat()
        if f.occurred_until:
            text += f" to {f.occurred_until.isoformat()}"
        if f.occurred_time:
            text += f" {f.occurred_time}"
        if f.timezone:
            text += f" ({f.timezone})"
        return f"about {text}" if f.approximate else text

    def category_text(self) -> str:
        return ", ".join(label(c) for c in self.latest.categories) or "\u2014"


@dataclass(frozen=True)
class ContactLine:
    """One entry of the required-contact log the person chose to include."""

    occurred: str
    channel: str
    topic: str
    summary: str
    my_reply: str


@dataclass(frozen=True)
class ReportData:
    """Everything one report or bundle shows."""

    filters: Filters
    generated_at: datetime
    incidents: tuple[ReportIncident, ...]
    person_name: str = ""
    notes: tuple[str, ...] = field(default=())
    # Required contact (children, money, property) the person marked for the report.
    contact_log: tuple[ContactLine, ...] = ()

    @property
    def files(self) -> tuple[FileItem, ...]:
        return tuple(
            sorted((f for i in self.incidents for f in i.files), key=lambda f: f.item_number)
        )


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored moment is UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def load_report_data(
    db: Session, filters: Filters, *, person_name: str = "", now: datetime | None = None
) -> ReportData:
    """Read the incidents the filters choose, oldest first, with all versions and files."""
    query = select(Incident).where(Incident.state == ACTIVE)
    if filters.incident_ids:
        query = query.where(Incident.id.in_(filters.incident_ids))
    incidents = db.scalars(query.order_by(Incident.id)).all()
    ids = [i.id for i in incidents]
    versions: dict[int, list[IncidentVersion]] = {i: [] for i in ids}
    files: dict[int, list[FileItem]] = {i: [] for i in ids}
    for chunk in _chunks(ids):
        for row in db.scalars(
            select(IncidentVersion)
            .where(IncidentVersion.incident_id.in_(chunk))
            .order_by(IncidentVersion.incident_id, IncidentVersion.version)
        ):
            versions[row.incident_id].append(row)
        for file_row in db.scalars(
            select(EvidenceFile)
            .where(EvidenceFile.incident_id.in_(chunk), EvidenceFile.state == ACTIVE)
            .order_by(EvidenceFile.item_number)
        ):
            if file_row.incident_id is not None:
                files[file_row.incident_id].append(_file_item(file_row))
    chosen = []
    quoted = excerpts(db, ids)
    for incident in incidents:
        rows = [v for v in versions[incident.id] if v.version <= incident.current_version]
        if not rows:
            continue
        item = ReportIncident(
            incident_id=incident.id,
            recorded_at=utc(incident.recorded_at),
            state=incident.state,
            versions=tuple(_version(v) for v in rows),
            files=tuple(files[incident.id]),
            messages=tuple(quoted.get(incident.id, ())),
        )
        if _matches(item, filters):
            chosen.append(item)
    chosen.sort(key=lambda i: i.occurred_sort_key)
    return ReportData(
        filters=filters,
        generated_at=now or datetime.now(UTC),
        incidents=tuple(chosen),
        person_name=person_name,
        contact_log=_contact_log(db, filters),
    )


def _contact_log(db: Session, filters: Filters) -> tuple[ContactLine, ...]:
    """The contact-log entries marked for the report, within the report's dates."""
    lines = []
    for entry in entries_for_report(db):
        day = entry.occurred_at.date()
        if (filters.date_from and day < filters.date_from) or (
            filters.date_to and day > filters.date_to
        ):
            continue
        lines.append(
            ContactLine(
                occurred=entry.occurred_at.strftime("%Y-%m-%d %H:%M"),
                channel=entry.channel,
                topic=entry.topic,
                summary=entry.summary,
                my_reply=entry.my_reply,
            )
        )
    return tuple(lines)


def _chunks(ids: Sequence[int], size: int = 500) -> list[Sequence[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _version(row: IncidentVersion) -> Version:
    return Version(
        number=row.version,
        saved_at=utc(row.saved_at),
        fields=fields_of(row),
        record=version_record(row),
        record_sha256=record_hash(row),
        stored_sha256=row.record_sha256,
    )


def _file_item(row: EvidenceFile) -> FileItem:
    return FileItem(
        item_number=row.item_number,
        file_id=row.id,
        incident_id=row.incident_id,
        original_name=row.original_name,
        size=row.size,
        sha256=row.sha256,
        media_type=row.media_type,
        added_at=utc(row.added_at),
        has_gps=bool(row.has_gps),
        record=file_record(row),
    )


def _matches(item: ReportIncident, filters: Filters) -> bool:
    latest = item.latest
    start = latest.occurred_on or item.recorded_at.date()
    end = latest.occurred_until or start
    if filters.date_from and end < filters.date_from:
        return False
    if filters.date_to and start > filters.date_to:
        return False
    return not (filters.categories and not set(filters.categories) & set(latest.categories))
