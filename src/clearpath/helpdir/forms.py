"""Checks on the help directory's forms: the person's own services and the search box."""

from __future__ import annotations

from collections.abc import Callable

from clearpath.helpdir.directory import KINDS
from clearpath.helpdir.services import OwnServiceInput

MAX_QUERY = 200
# Field name -> (label, limit); the limits match the table's columns.
OWN_FIELDS: dict[str, tuple[str, int]] = {
    "name": ("the name", 200),
    "phone": ("the phone number", 80),
    "text": ("the text number", 200),
    "chat": ("the chat details", 200),
    "hours": ("the hours", 200),
    "web": ("the web address", 300),
    "notes": ("your notes", 5_000),
}


def read_own_service(field: Callable[[str], str]) -> tuple[OwnServiceInput | None, dict[str, str]]:
    """A checked own service from the form, or None and one message per wrong field."""
    errors: dict[str, str] = {}
    values: dict[str, str] = {}
    for name, (label, limit) in OWN_FIELDS.items():
        value = field(name).replace("\r\n", "\n").strip()
        if len(value) > limit:
            errors[name] = (
                f"{label[0].upper()}{label[1:]} is longer than {limit:,} characters. "
                "Please shorten it; nothing was saved."
            )
        values[name] = value
    if not values["name"] and "name" not in errors:
        errors["name"] = "Please give the service a name, so you can find it again."
    kind = field("kind")
    if kind not in KINDS:
        errors["kind"] = "Please choose what kind of help this is."
    if errors:
        return None, errors
    return OwnServiceInput(kind=kind, chosen=field("chosen") == "yes", **values), {}


def safe_next(value: str, default: str) -> str:
    """A local path to go back to after a form; anything else falls back to ``default``."""
    if value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return default
