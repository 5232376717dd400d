"""Routes of the contact area (route names "contact.action")."""

from __future__ import annotations

from starlette.routing import BaseRoute

from clearpath.contact import nocontact_views

ROUTES: list[BaseRoute] = [
    *nocontact_views.ROUTES,
]
