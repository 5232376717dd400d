"""Reading the plan's forms: every field checked against its spec, with a calm message each.

Nothing is saved unless every field of the form is right, so a form is never half-saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from clearpath.plan.fields import FieldSpec
from clearpath.plan.stages import STATUS_WORDS

Value = str | bool | date | None
Getter = Callable[[str], str]
MIN_YEAR = 1900
MAX_YEAR = 2200


@dataclass
class Parsed:
    """What a form held: ``values`` to save when ``errors`` is empty, ``typed`` to show again."""

    values: dict[str, Value] = field(default_factory=dict)
    typed: dict[str, Value] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def clean(raw: str) -> str:
    """Line endings made plain and the edges trimmed; the text itself is kept as typed."""
    return raw.replace("\r\n", "\n").replace("\r", "\n").strip()


def too_long(label: str, limit: int) -> str:
    return f"{label} can be up to {limit:,} characters. Please shorten it; nothing was saved."


def parse_date(raw: str) -> date:
    """A date typed as YYYY-MM-DD (what a date field sends); ValueError with a calm message."""
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        message = "Please give the date as year-month-day, for example 2027-03-14."
        raise ValueError(message) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError("Please check the year of this date.")
    return day


def parse_field(spec: FieldSpec, raw: str, parsed: Parsed, prefix: str = "") -> None:
    key = prefix + spec.name
    if spec.kind == "check":
        parsed.values[spec.name] = parsed.typed[spec.name] = raw != ""
        return
    value = clean(raw)
    parsed.typed[spec.name] = value
    if spec.required and not value:
        parsed.errors[key] = f"Please fill in: {spec.label.lower()}."
    elif len(value) > spec.limit:
        parsed.errors[key] = too_long(spec.label, spec.limit)
    elif spec.kind == "choice" and value not in dict(spec.choices):
        parsed.errors[key] = f"Please choose one of the answers for: {spec.label.lower()}."
    elif spec.kind == "date":
        try:
            parsed.values[spec.name] = parse_date(value) if value else None
        except ValueError as exc:
            parsed.errors[key] = str(exc)
    else:
        parsed.values[spec.name] = value


def parse_form(specs: Sequence[FieldSpec], get: Getter, prefix: str = "") -> Parsed:
    """Check each field of ``specs`` read through ``get`` (form field names carry ``prefix``)."""
    parsed = Parsed()
    for spec in specs:
        parse_field(spec, get(prefix + spec.name), parsed, prefix)
    return parsed


def parse_status(raw: str) -> str | None:
    """A task status from the form, or None when it is not one of the four."""
    return raw if raw in STATUS_WORDS else None
