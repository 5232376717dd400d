"""Reading the heal forms: each check gives a calm, specific message and keeps what was typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

# The marks the journal search puts around a hit; never kept in anything a person writes.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"

SHORT = 200
MEDIUM = 2_000
LONG = 50_000


class Fields:
    """Reads one submitted form; collects a message per field that needs another look."""

    def __init__(self, field: Callable[[str], str]) -> None:
        self._field = field
        self.errors: dict[str, str] = {}
        self.typed: dict[str, str] = {}

    def raw(self, name: str) -> str:
        value = self._field(name)
        self.typed[name] = value
        return value

    def text(self, name: str, label: str, limit: int = SHORT, *, required: bool = False) -> str:
        value = clean_text(self.raw(name))
        if required and not value.strip():
            self.errors[name] = f"Please write {label} first."
        elif len(value) > limit:
            self.errors[name] = (
                f"{label[0].upper()}{label[1:]} is longer than {limit:,} characters "
                f"({len(value):,} now). Please shorten it; nothing was saved."
            )
        return value.strip() if limit <= MEDIUM else value

    def number(
        self, name: str, label: str, low: int, high: int, *, required: bool = False
    ) -> int | None:
        value = self.raw(name).strip()
        if not value:
            if required:
                self.errors[name] = f"Please choose {label}."
            return None
        try:
            number = int(value)
        except ValueError:
            number = low - 1
        if not low <= number <= high:
            self.errors[name] = f"Please give {label} as a whole number from {low} to {high}."
            return None
        return number

    def hours(self, name: str, label: str) -> float | None:
        value = self.raw(name).strip().replace(",", ".")
        if not value:
            return None
        try:
            hours = float(value)
        except ValueError:
            hours = -1.0
        if not 0 <= hours <= 24:
            self.errors[name] = f"Please give {label} as a number of hours from 0 to 24."
            return None
        return round(hours * 4) / 4

    def day(self, name: str, label: str, *, required: bool = False) -> date | None:
        value = self.raw(name).strip()
        if not value:
            if required:
                self.errors[name] = f"Please choose {label}."
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.errors[name] = f"Please give {label} as a date, like 2026-03-14."
            return None

    def choice(self, name: str, label: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.raw(name).strip() or default
        if value not in allowed:
            self.errors[name] = f"Please choose one of the options for {label}."
            return default
        return value


def clean_text(value: str) -> str:
    """Unix line ends, no NUL bytes and none of the search marks."""
    text = value.replace("\r\n", "\n").replace("\x00", "")
    return text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
