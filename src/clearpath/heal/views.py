"""Routes of the heal area (route names "heal.action"), gathered from its view modules."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.orm import Session
from starlette.routing import BaseRoute

from clearpath.heal import (
    views_checkin,
    views_daily,
    views_dating,
    views_grounding,
    views_hub,
    views_journal,
    views_lists,
    views_rebuild,
    views_timeline,
)

ROUTES: list[BaseRoute] = [
    *views_hub.ROUTES,
    *views_grounding.ROUTES,
    *views_journal.ROUTES,
    *views_checkin.ROUTES,
    *views_daily.ROUTES,
    *views_rebuild.ROUTES,
    *views_dating.ROUTES,
    *views_timeline.ROUTES,
    *views_lists.ROUTES,
]

# Home page panels this area adds: each takes the vault session and today's date and returns
# a list of clearpath.web.home_views.Panel (typed loosely here: web imports this module).
HOME_PANELS: list[Callable[[Session, date], list[Any]]] = [
    views_hub.word_panel,
    views_hub.hard_dates_panel,
    views_hub.switch_panel,
]


def first_days_home(db: Session, today: date) -> dict[str, Any] | None:
    """The simpler home's values when the person switched it on, else None (full home)."""
    return views_hub.first_days_values(db, today)
