"""Routes of the messages area (route names "messages.action")."""

from __future__ import annotations

from starlette.routing import BaseRoute

from clearpath.messages import import_views, read_views

ROUTES: list[BaseRoute] = [*import_views.ROUTES, *read_views.ROUTES]
