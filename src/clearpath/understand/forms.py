"""Checks on what a person typed in the understand, readiness and danger forms.

Each check returns the clean value or raises FieldProblem with a calm, specific message that
the page shows next to the field.
"""

from __future__ import annotations

from datetime import date


class FieldProblem(ValueError):
    """What is wrong with one field, in words for the person."""


def clean_text(value: str, *, limit: int, label: str, required: bool = False) -> str:
    """Trimmed text with Windows line ends made plain; refuses empty (if required) or too long."""
    text = value.replace("\r\n", "\n").strip()
    if required and not text:
        raise FieldProblem(f"Please write something in {label} first.")
    if len(text) > limit:
        raise FieldProblem(
            f"{label[0].upper()}{label[1:]} is longer than {limit:,} characters "
            f"({len(text):,} now). Please shorten it; nothing was saved."
        )
    return text


def clean_score(value: str, *, low: int, high: int, label: str, required: bool) -> int | None:
    """A whole number from low to high, or None when left empty and not required."""
    text = value.strip()
    if not text:
        if required:
            raise FieldProblem(f"Please choose a number from {low} to {high} for {label}.")
        return None
    try:
        number = int(text)
    except ValueError:
        raise FieldProblem(f"Please use a whole number from {low} to {high} for {label}.") from None
    if not low <= number <= high:
        raise FieldProblem(f"Please use a number from {low} to {high} for {label}.")
    return number


def clean_day(value: str, *, today: date) -> date:
    """A date typed as YYYY-MM-DD (today when empty); not in the future."""
    text = value.strip()
    if not text:
        return today
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise FieldProblem(
            "Please give the date as year-month-day, for example 2026-03-14."
        ) from None
    if day > today:
        raise FieldProblem("That date is still to come. Please pick today or an earlier day.")
    if day.year < 1900:
        raise FieldProblem("Please pick a date after 1900.")
    return day


class Collector:
    """Runs checks field by field and keeps each problem under the field's name."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def text(self, name: str, value: str, *, limit: int, label: str, required: bool = False) -> str:
        try:
            return clean_text(value, limit=limit, label=label, required=required)
        except FieldProblem as exc:
            self.errors[name] = str(exc)
            return value

    def score(
        self, name: str, value: str, *, low: int, high: int, label: str, required: bool = False
    ) -> int | None:
        try:
            return clean_score(value, low=low, high=high, label=label, required=required)
        except FieldProblem as exc:
            self.errors[name] = str(exc)
            return None

    def day(self, name: str, value: str, *, today: date) -> date:
        try:
            return clean_day(value, today=today)
        except FieldProblem as exc:
            self.errors[name] = str(exc)
            return today
