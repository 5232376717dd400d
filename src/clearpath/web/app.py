"""create_app(settings, vault): builds the whole local web app, explicitly wired."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from clearpath.backup import views as backup_views
from clearpath.contact import views as contact_views
from clearpath.evidence import views as evidence_views
from clearpath.heal import views as heal_views
from clearpath.messages import views as messages_views
from clearpath.plan import views as plan_views
from clearpath.settings import Settings
from clearpath.understand import views as understand_views
from clearpath.vault.errors import describe_wait
from clearpath.vault.service import Vault
from clearpath.web import access_views, help_views, home_views, settings_views
from clearpath.web.context import WEB_DIR, AppContext
from clearpath.web.errors import CalmErrors
from clearpath.web.guards import browser_session
from clearpath.web.middleware import RequestGuard, SecurityHeaders
from clearpath.web.render import error_page

IDLE_CHECK_SECONDS = 5.0


def make_templates() -> Jinja2Templates:
    env = Environment(
        loader=FileSystemLoader(WEB_DIR / "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["wait"] = describe_wait
    return Jinja2Templates(env=env)


def create_app(settings: Settings, vault: Vault) -> Starlette:
    """The app for one vault. ``app.state.ctx`` holds everything the routes use."""
    ctx = AppContext(settings=settings, vault=vault, templates=make_templates())

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        watcher = asyncio.create_task(_idle_watch(ctx))
        try:
            yield
        finally:
            watcher.cancel()
            # Lock on shutdown: the key leaves memory before the process ends. (run_server
            # locks again after uvicorn returns, for a shutdown that skips the lifespan.)
            await run_in_threadpool(ctx.lock_everything)

    async def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        message = (
            "There is nothing at this address."
            if status == 404
            else "That did not work. Please go back and try again."
        )
        # Without a session this is the neutral page: a stranger cannot even tell which
        # addresses exist.
        return error_page(request, browser_session(request), status, message)

    app = Starlette(
        routes=[
            *access_views.ROUTES,
            *home_views.ROUTES,
            *settings_views.ROUTES,
            *help_views.ROUTES,
            # One line per area of the path; each area's views module owns its addresses.
            *understand_views.ROUTES,
            *plan_views.ROUTES,
            *evidence_views.ROUTES,
            *messages_views.ROUTES,
            *contact_views.ROUTES,
            *heal_views.ROUTES,
            *backup_views.ROUTES,
            Mount("/static", app=StaticFiles(directory=WEB_DIR / "static"), name="static"),
        ],
        middleware=[
            Middleware(SecurityHeaders),
            Middleware(RequestGuard, allowed_hosts=ctx.allowed_hosts),
            Middleware(CalmErrors),
        ],
        exception_handlers={HTTPException: http_error},
        lifespan=lifespan,
    )
    app.state.ctx = ctx
    app.state.launch = ctx.launch
    return app


async def _idle_watch(ctx: AppContext) -> None:
    # Locks even when no request arrives, so the key does not sit in memory all night.
    while True:
        await asyncio.sleep(IDLE_CHECK_SECONDS)
        if ctx.idle_too_long():
            await run_in_threadpool(ctx.lock_if_idle)
