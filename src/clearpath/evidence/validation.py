"""Limits on what an incident may hold, with the calm message shown next to each field."""

from __future__ import annotations

import re
import zoneinfo

from clearpath.evidence.categories import MAX_OWN_LENGTH, OWN_PREFIX
from clearpath.evidence.records import IncidentFields

MAX_TITLE = 200
MAX_STORY = 50_000
MAX_SHORT = 500
MAX_TEXT = 5_000
MAX_PEOPLE = 20
MAX_CATEGORIES = 30
MAX_LINKS = 50
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

# Each text field: (limit, how it is named in a message).
TEXT_LIMITS: dict[str, tuple[int, str]] = {
    "title": (MAX_TITLE, "The title"),
    "what_happened": (MAX_STORY, "What happened"),
    "place": (MAX_SHORT, "The place"),
    "injuries": (MAX_TEXT, "Injuries"),
    "medical": (MAX_TEXT, "Medical visits"),
    "report_numbers": (MAX_SHORT, "Report numbers"),
    "effects_sleep": (MAX_TEXT, "The effect on sleep"),
    "effects_work": (MAX_TEXT, "The effect on work"),
    "effects_health": (MAX_TEXT, "The effect on health"),
}


class InvalidIncident(ValueError):
    """Some fields cannot be saved as they are; ``errors`` maps field name to message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def check_fields(values: IncidentFields) -> dict[str, str]:
    """A message per field that cannot be saved as it is (empty when all is well)."""
    errors: dict[str, str] = {}
    if not values.title.strip():
        errors["title"] = "Please give it a short title, even a few words."
    for name, (limit, what) in TEXT_LIMITS.items():
        value = getattr(values, name)
        if len(value) > limit:
            errors.setdefault(
                name,
                f"{what} is longer than {limit:,} characters. "
                "Please shorten it; nothing was saved.",
            )
    if values.occurred_until and not values.occurred_on:
        errors["occurred_on"] = "Please add the first day too, or leave the end date empty."
    if values.occurred_on and values.occurred_until and values.occurred_until < values.occurred_on:
        errors["occurred_until"] = "The end date is before the first day. Please check them."
    if values.occurred_time and not _TIME.match(values.occurred_time):
        errors["occurred_time"] = "Please write the time as hours and minutes, like 21:30."
    if values.timezone and not _known_zone(values.timezone):
        errors["timezone"] = (
            "That time zone is not one this app knows. "
            "Try a name like Europe/London, or leave it empty for this computer's time."
        )
    if len(values.categories) > MAX_CATEGORIES:
        errors["categories"] = f"Please choose at most {MAX_CATEGORIES} kinds."
    own_too_long = any(
        c.startswith(OWN_PREFIX) and len(c) - len(OWN_PREFIX) > MAX_OWN_LENGTH
        for c in values.categories
    )
    if own_too_long:
        errors["own_categories"] = (
            f"Each kind in your own words can be up to {MAX_OWN_LENGTH} characters."
        )
    _check_people(values, errors)
    if len(values.linked_incidents) > MAX_LINKS:
        errors["linked_incidents"] = f"Please link at most {MAX_LINKS} incidents."
    return errors


def _check_people(values: IncidentFields, errors: dict[str, str]) -> None:
    if len(values.people) > MAX_PEOPLE:
        errors["people"] = f"Please list at most {MAX_PEOPLE} people here."
    for person in values.people:
        if len(person.name) > MAX_SHORT or len(person.contact) > MAX_SHORT:
            errors.setdefault(
                "people",
                f"A name or contact is longer than {MAX_SHORT} characters. Please shorten it.",
            )
        if not person.name.strip() and person.contact.strip():
            errors.setdefault("people", "Please add a name for each contact you wrote down.")


def _known_zone(name: str) -> bool:
    if len(name) > 64:
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True
