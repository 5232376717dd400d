"""Route wrappers: who may see a page, CSRF on every change, blocking work off the event loop."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import Enum

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from clearpath.vault.errors import VaultError
from clearpath.web.context import SESSION_COOKIE, AppContext, context_of
from clearpath.web.render import render
from clearpath.web.state import BrowserSession


class Access(Enum):
    SESSION = "session"  # any browser that came through the launch address
    UNLOCKED = "unlocked"  # and the vault is open


@dataclass(frozen=True)
class Call:
    """What a handler gets: the request, its session, the parsed form and the app context."""

    request: Request
    session: BrowserSession
    form: FormData
    ctx: AppContext

    def field(self, name: str) -> str:
        value = self.form.get(name)
        return value if isinstance(value, str) else ""


Handler = Callable[[Call], Response]


def browser_session(request: Request) -> BrowserSession | None:
    return context_of(request).sessions.get(request.cookies.get(SESSION_COOKIE))


def neutral_page(request: Request) -> Response:
    return render(request, "neutral.html", None, status_code=403)


def guarded(handler: Handler, access: Access) -> Callable[[Request], Awaitable[Response]]:
    """Wrap a blocking handler with the session, vault and CSRF checks."""

    async def endpoint(request: Request) -> Response:
        ctx = context_of(request)
        session = browser_session(request)
        if session is None:
            return neutral_page(request)
        form = await request.form() if request.method == "POST" else FormData()
        if request.method == "POST" and not csrf_ok(request, session, form):
            return render(
                request,
                "error.html",
                session,
                status_code=403,
                message="This form had expired. Please go back, reload the page and try again.",
            )
        lock_if_idle(ctx)
        if access is Access.UNLOCKED and not ctx.vault.unlocked:
            target = "/unlock" if ctx.vault.exists() else "/create"
            return RedirectResponse(target, status_code=303)
        ctx.activity.touch()
        try:
            return await run_in_threadpool(handler, Call(request, session, form, ctx))
        except VaultError as exc:
            return render(request, "error.html", session, status_code=500, message=exc.message)

    return endpoint


def csrf_ok(request: Request, session: BrowserSession, form: FormData) -> bool:
    sent = form.get("csrf_token")
    token = sent if isinstance(sent, str) else request.headers.get("x-csrf-token", "")
    return hmac.compare_digest(token.encode(), session.csrf_token.encode())


def lock_if_idle(ctx: AppContext) -> bool:
    """Lock the vault when nobody has used it for the chosen number of minutes."""
    if ctx.vault.unlocked and ctx.activity.idle_seconds() >= ctx.preferences().idle_minutes * 60:
        ctx.vault.lock()
        return True
    return False
