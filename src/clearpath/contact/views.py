"""Routes of the contact area (route names "contact.action")."""

from __future__ import annotations

from starlette.routing import BaseRoute

from clearpath.contact import (
    blocking_views,
    drafts,
    nocontact_views,
    pull_views,
    required_views,
    template_views,
)

ROUTES: list[BaseRoute] = [
    *nocontact_views.ROUTES,
    *blocking_views.ROUTES,
    *pull_views.ROUTES,
    *required_views.ROUTES,
    *template_views.ROUTES,
    *drafts.ROUTES,
]
