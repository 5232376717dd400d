"""Routes of the backup area (route names "backup.action")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.orm import Session
from starlette.routing import BaseRoute

ROUTES: list[BaseRoute] = []

# Home page panels this area adds: each takes the vault session and today's date and returns
# a list of clearpath.web.home_views.Panel (typed loosely here: web imports this module).
HOME_PANELS: list[Callable[[Session, date], list[Any]]] = []
