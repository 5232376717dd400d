"""Rendering a page with what every page needs (title, quick exit, CSRF token, notices)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from clearpath.web.context import context_of
from clearpath.web.state import BrowserSession


def render(
    request: Request,
    template: str,
    session: BrowserSession | None,
    status_code: int = 200,
    **values: Any,
) -> Response:
    ctx = context_of(request)
    prefs = ctx.preferences()
    flash = None
    if session is not None and session.flash:
        flash, session.flash = session.flash, None
    values.setdefault("errors", {})
    return ctx.templates.TemplateResponse(
        request,
        template,
        {
            "page_title": prefs.page_title,
            "exit_url": prefs.exit_url,
            "idle_seconds": prefs.idle_minutes * 60,
            "csrf_token": session.csrf_token if session else "",
            "has_session": session is not None,
            "unlocked": ctx.vault.unlocked,
            "flash": flash,
            "path": request.url.path,
            **values,
        },
        status_code=status_code,
    )
