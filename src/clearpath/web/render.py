"""Building responses: a page with what every page needs, redirects and error pages."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from clearpath.web.context import context_of
from clearpath.web.state import BrowserSession


def render(
    request: Request,
    template: str,
    session: BrowserSession | None,
    status_code: int = 200,
    **values: Any,
) -> Response:
    """A page with the title, quick exit, CSRF token and any one-time notice filled in."""
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


def redirect(path: str) -> RedirectResponse:
    """See other: the answer to every form post that worked (no resubmit on reload)."""
    return RedirectResponse(path, status_code=303)


def neutral_page(request: Request) -> Response:
    """All a browser without a session ever sees: how to open the app, nothing else."""
    return render(request, "neutral.html", None, status_code=403)


def error_page(
    request: Request, session: BrowserSession | None, status_code: int, message: str
) -> Response:
    """The calm error page, or the neutral page for a browser without a session."""
    if session is None:
        return neutral_page(request)
    return render(request, "error.html", session, status_code, message=message)
