"""The calm error page for anything unplanned, rendered inside the security-header layer.

Starlette's own handler for unexpected exceptions sits outside every middleware, so its
responses would miss the security headers; this layer catches first.
"""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clearpath.vault.errors import VaultError
from clearpath.web.guards import browser_session
from clearpath.web.render import error_page

log = logging.getLogger("clearpath.web")

UNEXPECTED = "Something went wrong. Please go back, check what you see there, and try again."


class CalmErrors:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            # Only the kind of error is logged: messages may quote user content.
            log.error("request failed with %s", type(exc).__name__)
            if started:
                raise
            request = Request(scope)
            message = exc.message if isinstance(exc, VaultError) else UNEXPECTED
            response = error_page(request, browser_session(request), 500, message)
            await response(scope, receive, send)
