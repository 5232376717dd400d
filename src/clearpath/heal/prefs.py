"""Small settings of the heal area (the leaving date, the first-days home), kept in the vault."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from clearpath.heal.models import HealSetting

LEAVING_DATE = "leaving_date"
ACUTE_HOME = "acute_home"
DECISIONS_AFTER = "decisions_after"
TODAY_TASK = "today_task"


def get(db: Session, key: str) -> str:
    row = db.get(HealSetting, key)
    return row.value if row else ""


def put(db: Session, key: str, value: str) -> None:
    row = db.get(HealSetting, key)
    if row is None:
        db.add(HealSetting(key=key, value=value))
    else:
        row.value = value


def get_date(db: Session, key: str) -> date | None:
    try:
        return date.fromisoformat(get(db, key))
    except ValueError:
        return None


def put_date(db: Session, key: str, value: date | None) -> None:
    put(db, key, value.isoformat() if value else "")


def acute_home(db: Session) -> bool:
    """Whether the person asked for the simpler first-days home page."""
    return get(db, ACUTE_HOME) == "on"
