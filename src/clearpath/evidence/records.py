"""What one incident version says, as plain data: parsed from the row, hashed for the log."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from clearpath.evidence.log import canonical_json, sha256_hex, utc_text
from clearpath.evidence.models import IncidentVersion

WITNESS = "witness"
PRESENT = "present"
ROLES = {WITNESS: "Witness", PRESENT: "Was there"}


@dataclass(frozen=True)
class Person:
    """Someone who was there or saw it, and how to reach them."""

    name: str
    role: str = PRESENT  # PRESENT or WITNESS
    contact: str = ""

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)


@dataclass(frozen=True)
class IncidentFields:
    """Everything a person can write about an incident (one version)."""

    title: str
    what_happened: str = ""
    occurred_on: date | None = None
    occurred_until: date | None = None
    occurred_time: str | None = None  # "HH:MM"
    timezone: str | None = None
    approximate: bool = False
    categories: tuple[str, ...] = ()
    place: str = ""
    people: tuple[Person, ...] = ()
    injuries: str = ""
    medical: str = ""
    report_numbers: str = ""
    effects_sleep: str = ""
    effects_work: str = ""
    effects_health: str = ""
    linked_incidents: tuple[int, ...] = field(default=())

    @property
    def witnesses(self) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.role == WITNESS)


# Labels used on the history page to say what changed.
FIELD_LABELS: dict[str, str] = {
    "title": "Title",
    "what_happened": "What happened",
    "occurred_on": "Date",
    "occurred_until": "End date",
    "occurred_time": "Time",
    "timezone": "Time zone",
    "approximate": "Approximate",
    "categories": "Kind",
    "place": "Place",
    "people": "People there and witnesses",
    "injuries": "Injuries",
    "medical": "Medical visits",
    "report_numbers": "Report numbers",
    "effects_sleep": "Effect on sleep",
    "effects_work": "Effect on work",
    "effects_health": "Effect on health",
    "linked_incidents": "Linked incidents",
}


def fields_of(row: IncidentVersion) -> IncidentFields:
    """The fields a stored version holds."""
    people = tuple(
        Person(str(p.get("name", "")), str(p.get("role", PRESENT)), str(p.get("contact", "")))
        for p in _json_list(row.people)
        if isinstance(p, dict)
    )
    return IncidentFields(
        title=row.title,
        what_happened=row.what_happened,
        occurred_on=row.occurred_on,
        occurred_until=row.occurred_until,
        occurred_time=row.occurred_time,
        timezone=row.timezone,
        approximate=bool(row.approximate),
        categories=tuple(str(c) for c in _json_list(row.categories)),
        place=row.place,
        people=people,
        injuries=row.injuries,
        medical=row.medical,
        report_numbers=row.report_numbers,
        effects_sleep=row.effects_sleep,
        effects_work=row.effects_work,
        effects_health=row.effects_health,
        linked_incidents=tuple(int(i) for i in _json_list(row.linked_incidents)),
    )


def fill_row(row: IncidentVersion, values: IncidentFields) -> None:
    """Copy ``values`` into a new version row (the JSON columns as JSON text)."""
    row.title = values.title
    row.what_happened = values.what_happened
    row.occurred_on = values.occurred_on
    row.occurred_until = values.occurred_until
    row.occurred_time = values.occurred_time
    row.timezone = values.timezone
    row.approximate = values.approximate
    row.categories = json.dumps(list(values.categories), ensure_ascii=False)
    row.place = values.place
    row.people = json.dumps(
        [{"name": p.name, "role": p.role, "contact": p.contact} for p in values.people],
        ensure_ascii=False,
    )
    row.injuries = values.injuries
    row.medical = values.medical
    row.report_numbers = values.report_numbers
    row.effects_sleep = values.effects_sleep
    row.effects_work = values.effects_work
    row.effects_health = values.effects_health
    row.linked_incidents = json.dumps(list(values.linked_incidents))


def version_record(row: IncidentVersion) -> dict[str, Any]:
    """The machine-readable record of one version: what its log leaf's hash is taken over."""
    values = fields_of(row)
    record: dict[str, Any] = {
        "incident": row.incident_id,
        "version": row.version,
        "saved_at": utc_text(row.saved_at),
    }
    for item in fields(values):
        value = getattr(values, item.name)
        if isinstance(value, date):
            value = value.isoformat()
        elif item.name == "people":
            value = [{"name": p.name, "role": p.role, "contact": p.contact} for p in value]
        elif isinstance(value, tuple):
            value = list(value)
        record[item.name] = value
    return record


def record_hash(row: IncidentVersion) -> str:
    """SHA-256 (hex) of the version's canonical JSON record."""
    return sha256_hex(canonical_json(version_record(row)))


def changed_fields(before: IncidentFields, after: IncidentFields) -> list[str]:
    """The labels of the fields that differ between two versions, in form order."""
    return [
        FIELD_LABELS[item.name]
        for item in fields(after)
        if getattr(before, item.name) != getattr(after, item.name)
    ]


def field_text(name: str, value: Any) -> str:
    """A field's value as a short text for the history page."""
    from clearpath.evidence.categories import label

    if value is None or value == "" or value == ():
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    if name == "categories":
        return ", ".join(label(c) for c in value)
    if name == "people":
        return "; ".join(
            f"{p.name} ({p.role_label.lower()}{', ' + p.contact if p.contact else ''})"
            for p in value
        )
    if name == "linked_incidents":
        return ", ".join(str(i) for i in value)
    return str(value)


def describe_changes(before: IncidentFields, after: IncidentFields) -> list[tuple[str, str, str]]:
    """(label, before, after) for each field that differs, in form order."""
    return [
        (
            FIELD_LABELS[item.name],
            field_text(item.name, getattr(before, item.name)),
            field_text(item.name, getattr(after, item.name)),
        )
        for item in fields(after)
        if getattr(before, item.name) != getattr(after, item.name)
    ]


def _json_list(text: str) -> list[Any]:
    try:
        value = json.loads(text)
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def describe_when(values: IncidentFields) -> str:
    """When it happened, in words: "about 2026-03-14 21:30 (Europe/London)", a range, or
    "No date given"."""
    if values.occurred_on is None:
        return "No date given"
    text = values.occurred_on.isoformat()
    if values.occurred_until:
        text += f" to {values.occurred_until.isoformat()}"
    if values.occurred_time:
        text += f" at {values.occurred_time}"
    if values.timezone:
        text += f" ({values.timezone})"
    return f"About {text}" if values.approximate else text
