"""Routes of the evidence area (route names "evidence.action")."""

from __future__ import annotations

from starlette.routing import BaseRoute

from clearpath.evidence import file_views, incident_views, verify_views
from clearpath.report import report_views

ROUTES: list[BaseRoute] = [
    *incident_views.ROUTES,
    *file_views.ROUTES,
    *verify_views.ROUTES,
    *report_views.ROUTES,
]
