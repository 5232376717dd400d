"""Routes of the contact area (route names "contact.action")."""

from __future__ import annotations

from starlette.routing import BaseRoute

ROUTES: list[BaseRoute] = []
