"""What a form field of the plan is: its name, label, kind and limit (shared by parts and tasks)."""

from __future__ import annotations

from dataclasses import dataclass

SHORT = 200
PHONE = 60
LONG = 2000


@dataclass(frozen=True)
class FieldSpec:
    """One field of a plan form. ``kind`` is text, area, tel, date, check or choice."""

    name: str
    label: str
    kind: str = "text"
    limit: int = SHORT
    required: bool = False
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()


def text(name: str, label: str, hint: str = "", *, required: bool = False) -> FieldSpec:
    return FieldSpec(name, label, "text", SHORT, required, hint)


def area(name: str, label: str, hint: str = "", *, limit: int = LONG) -> FieldSpec:
    return FieldSpec(name, label, "area", limit, False, hint)


def phone(name: str = "phone", label: str = "Phone", *, required: bool = False) -> FieldSpec:
    return FieldSpec(name, label, "tel", PHONE, required)


def check(name: str, label: str) -> FieldSpec:
    return FieldSpec(name, label, "check", 0)
