"""The first-days home: who to call, one grounding exercise, one task, a pause on big decisions.

Who to call comes from one place, `who_to_call(db)`: the person's own list kept in this area,
then the trusted people of the safety plan and the hotlines chosen in the help directory.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from clearpath.heal import lists, prefs
from clearpath.helpdir import services as helpdir
from clearpath.plan.services import trusted_people

SMALL_TASKS = (
    "Drink a glass of water and eat something small.",
    "Put your phone on charge and your keys in one place.",
    'Send one message to someone safe: "I am OK, I will talk soon."',
    "Open a window or step outside for five minutes.",
    "Take a warm shower and put on something comfortable.",
    "Write down three things you need this week. Only write them, nothing else.",
    "Lie down for twenty minutes, even if you do not sleep.",
)


@dataclass(frozen=True)
class Caller:
    name: str
    phone: str
    note: str = ""


def who_to_call(db: Session) -> list[Caller]:
    """The people and lines to call, the person's own first."""
    own = [Caller(item.text, item.detail) for item in lists.items(db, "contact")]
    return own + _from_other_areas(db)


def _from_other_areas(db: Session) -> list[Caller]:
    """Trusted people from the safety plan, then the hotlines chosen in the help directory."""
    found = [Caller(p.name, p.phone or "", p.role or "") for p in trusted_people(db)]
    found += [Caller(h.name, h.phone or "", h.hours or "") for h in helpdir.chosen_hotlines(db)]
    return found


def emergency_number(db: Session) -> str | None:
    """The emergency number for the person's country, when the help directory knows it."""
    country = helpdir.get_country(db)
    number = helpdir.emergency_number(country) if country else None
    return str(number) if number else None


def task_for(db: Session, today: date) -> str:
    """The person's own task for today if they wrote one, or a small suggestion."""
    own = prefs.get(db, prefs.TODAY_TASK)
    day, _, text = own.partition("|")
    if day == today.isoformat() and text:
        return text
    return SMALL_TASKS[today.toordinal() % len(SMALL_TASKS)]


def set_task(db: Session, today: date, text: str) -> None:
    prefs.put(db, prefs.TODAY_TASK, f"{today.isoformat()}|{text}" if text else "")
