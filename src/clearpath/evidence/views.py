"""Routes of the evidence area (route names "evidence.action")."""

from __future__ import annotations

from starlette.routing import BaseRoute

ROUTES: list[BaseRoute] = []
