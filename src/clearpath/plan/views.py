"""Routes of the plan area (route names "plan.action")."""

from __future__ import annotations

from starlette.routing import BaseRoute

ROUTES: list[BaseRoute] = []
