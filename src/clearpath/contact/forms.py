"""Reading the contact area's forms: length limits, dates and choices, with calm messages.

A FormReader collects one message per field; a form is saved only when it has none, so
nothing is ever half-saved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime

SHORT = 200  # a name, a channel, one line
MEDIUM = 1_000  # a boundary line, a feeling, a plan
LONG = 5_000  # what happened, a summary, a reply

EARLIEST = date(1950, 1, 1)


class FormReader:
    """Reads fields through ``field(name)`` and keeps a message per field that needs a look."""

    def __init__(self, field: Callable[[str], str]) -> None:
        self._field = field
        self.errors: dict[str, str] = {}

    @property
    def ok(self) -> bool:
        return not self.errors

    def raw(self, name: str) -> str:
        return self._field(name)

    def text(self, name: str, label: str, limit: int, *, required: bool = False) -> str:
        """The field's text, trimmed, with Windows line ends made plain."""
        value = self._field(name).replace("\r\n", "\n").strip()
        if required and not value:
            self.errors[name] = f"Please write {label}."
        elif len(value) > limit:
            self.errors[name] = (
                f"This is {len(value):,} characters; the limit here is {limit:,}. "
                "Please shorten it. Nothing was saved."
            )
        elif "\x00" in value:
            self.errors[name] = "This has a character that cannot be kept. Please type it again."
        return value

    def day(self, name: str, label: str, today: date, *, required: bool = True) -> date | None:
        """A date from a date field (YYYY-MM-DD); never in the future."""
        value = self._field(name).strip()
        if not value:
            if required:
                self.errors[name] = f"Please give {label}."
            return None
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            self.errors[name] = f"Please give {label} as a date, for example {today.isoformat()}."
            return None
        if parsed > today:
            self.errors[name] = f"{label.capitalize()} is in the future. Please check it."
            return None
        if parsed < EARLIEST:
            self.errors[name] = f"Please check {label}: it is before {EARLIEST.year}."
            return None
        return parsed

    def moment(
        self, name: str, label: str, *, required: bool = True, latest: datetime | None = None
    ) -> datetime | None:
        """A local date and time from a datetime-local field (a date alone means midnight)."""
        value = self._field(name).strip()
        if not value:
            if required:
                self.errors[name] = f"Please give {label}."
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            self.errors[name] = f"Please give {label} as a date and time, like 2026-11-24 14:30."
            return None
        parsed = parsed.replace(tzinfo=None, second=0, microsecond=0)
        if parsed.date() < EARLIEST:
            self.errors[name] = f"Please check {label}: it is before {EARLIEST.year}."
            return None
        if latest is not None and parsed > latest:
            self.errors[name] = f"{label.capitalize()} is in the future. Please check it."
            return None
        return parsed

    def choice(
        self, name: str, label: str, choices: Mapping[str, str], *, required: bool = True
    ) -> str:
        """One of the keys of ``choices``; an empty answer is allowed when not required."""
        value = self._field(name).strip()
        if not value and not required:
            return ""
        if value not in choices:
            self.errors[name] = f"Please choose {label} from the list."
        return value

    def whole_number(self, name: str, label: str, low: int, high: int) -> int:
        value = self._field(name).strip()
        try:
            number = int(value)
        except ValueError:
            self.errors[name] = f"Please give {label} as a whole number from {low} to {high}."
            return low
        if not low <= number <= high:
            self.errors[name] = f"Please give {label} from {low} to {high}."
        return number

    def ticked(self, name: str) -> bool:
        return self._field(name) == "on"
