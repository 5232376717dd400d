"""Routes of the understand area (route names "understand.action")."""

from __future__ import annotations

from starlette.routing import BaseRoute

ROUTES: list[BaseRoute] = []
