"""Route wrappers: who may see a page, CSRF on every change, blocking work off the event loop."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import Enum

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from clearpath.vault.errors import VaultError, VaultLocked
from clearpath.web.context import AppContext, context_of
from clearpath.web.render import error_page, neutral_page, redirect
from clearpath.web.state import BrowserSession

# No form here takes files: an upload would be spooled to the temp folder in plaintext.
MAX_FORM_FIELDS = 50
EXPIRED_FORM = "This form had expired. Please go back, reload the page and try again."
IDLE_LOCKED = (
    "Locked after some quiet minutes, to keep your notes safe. "
    "Anything you had not saved yet was not kept."
)


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
    ctx = context_of(request)
    return ctx.sessions.get(request.cookies.get(ctx.cookie_name))


def guarded(handler: Handler, access: Access) -> Callable[[Request], Awaitable[Response]]:
    """Wrap a blocking handler with the session, vault and CSRF checks."""

    async def endpoint(request: Request) -> Response:
        ctx = context_of(request)
        session = browser_session(request)
        if session is None:
            return neutral_page(request)
        form = FormData()
        if request.method == "POST":
            form = await request.form(max_files=0, max_fields=MAX_FORM_FIELDS)
            if not csrf_ok(request, session, form):
                return error_page(request, session, 403, EXPIRED_FORM)
        # The cheap check first: most requests need no trip to a worker thread.
        if ctx.idle_too_long() and await run_in_threadpool(ctx.lock_if_idle):
            session.flash = IDLE_LOCKED
        if access is Access.UNLOCKED and not ctx.vault.unlocked:
            return redirect("/unlock" if ctx.vault.exists() else "/create")
        ctx.activity.touch()
        exits_before = ctx.exits
        try:
            response = await run_in_threadpool(handler, Call(request, session, form, ctx))
        except VaultLocked:
            # Locked (idle, another tab, quick exit) while this request was on its way.
            return redirect("/unlock")
        except VaultError as exc:
            return error_page(request, session, 500, exc.message)
        if ctx.exits != exits_before:
            # A quick exit happened while this request ran: whatever it just opened (an
            # unlock, a new session) must not outlive the exit.
            await run_in_threadpool(_forget_after_exit, ctx)
            return neutral_page(request)
        return response

    return endpoint


def _forget_after_exit(ctx: AppContext) -> None:
    ctx.vault.lock()
    ctx.sessions.drop_all()


def csrf_ok(request: Request, session: BrowserSession, form: FormData) -> bool:
    sent = form.get("csrf_token")
    token = sent if isinstance(sent, str) else request.headers.get("x-csrf-token", "")
    return hmac.compare_digest(token.encode(), session.csrf_token.encode())
