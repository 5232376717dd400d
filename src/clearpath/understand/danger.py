"""Signs of serious danger: a short checklist in this project's own words, and saved answers.

The signs are those that research on intimate partner homicide and serious harm keeps finding;
the published instruments they are drawn from are named on the page (SOURCES). Their items and
their scoring are not copied, and nothing here adds anything up: there is no score and no
verdict, because no checklist can predict what a person will do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearpath.db import delete_row
from clearpath.understand.models import DangerCheck

MAX_DANGER_NOTE = 2_000


@dataclass(frozen=True)
class Sign:
    key: str
    text: str
    # A high-danger sign brings up the emergency number, hotlines and advocate advice at once.
    high: bool


SIGNS: tuple[Sign, ...] = (
    Sign("kill-threats", "They have said they would kill you, or someone close to you.", True),
    Sign("choking", "They have ever choked or strangled you, even once, even briefly.", True),
    Sign(
        "weapon",
        "They own or can get a gun or another weapon, or have threatened you with one.",
        True,
    ),
    Sign("worse", "The violence is happening more often, or getting more serious.", True),
    Sign(
        "separation", "You have recently left, or are planning to, and they know or suspect.", True
    ),
    Sign(
        "stalking", "They follow you, watch you, turn up where you are or track your phone.", True
    ),
    Sign(
        "jealousy",
        'They are extremely jealous and say things like "if I cannot have you, no one can".',
        True,
    ),
    Sign("suicide", "They have threatened to kill themselves if you leave.", True),
    Sign("pregnancy", "They hurt you while you were pregnant.", True),
    Sign("forced-sex", "They have forced you into sex or sexual acts.", True),
    Sign("children", "They have threatened or hurt your children.", True),
    Sign("afraid", "You are very frightened of what they might do next.", True),
    Sign(
        "orders",
        "They have ignored a court order or bail conditions meant to keep them away.",
        True,
    ),
    Sign("pets", "They have hurt or threatened to hurt a pet.", False),
    Sign(
        "control", "They control most of your day: money, phone, where you go, who you see.", False
    ),
    Sign("substances", "Drink or drugs make their behaviour more frightening.", False),
)

_KEYS = {sign.key: sign for sign in SIGNS}

SOURCES = (
    "The Danger Assessment, developed by Jacquelyn C. Campbell (Johns Hopkins University "
    "School of Nursing) - dangerassessment.org",
    "The DASH risk checklist (Domestic Abuse, Stalking and Harassment and Honour Based "
    "Violence), SafeLives, UK - safelives.org.uk",
)


def known_signs(keys: Iterable[str]) -> list[Sign]:
    """The signs named by ``keys`` in checklist order; unknown keys are ignored."""
    wanted = set(keys)
    return [sign for sign in SIGNS if sign.key in wanted]


def any_high(signs: Iterable[Sign]) -> bool:
    return any(sign.high for sign in signs)


def save_check(db: Session, checked_on: date, signs: Iterable[Sign], note: str) -> int:
    """Keep ticked signs (only called when the person chose to save); returns the id."""
    row = DangerCheck(
        checked_on=checked_on,
        signs=",".join(sign.key for sign in signs),
        note=note,
        created_at=datetime.now(UTC),
    )
    db.add(row)
    db.flush()
    return row.id


@dataclass(frozen=True)
class SavedCheck:
    id: int
    checked_on: date
    signs: list[Sign]
    note: str


def list_checks(db: Session) -> list[SavedCheck]:
    """Saved answers, newest first."""
    rows = db.scalars(
        select(DangerCheck).order_by(DangerCheck.checked_on.desc(), DangerCheck.id.desc())
    )
    return [
        SavedCheck(row.id, row.checked_on, known_signs(row.signs.split(",")), row.note)
        for row in rows
    ]


def delete_check(db: Session, check_id: int) -> bool:
    """Delete saved answers for good; False if they no longer exist."""
    return delete_row(db, DangerCheck, check_id)
