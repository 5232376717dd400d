"""Guards every request passes before any route: Host allow-list, cross-site refusal, headers.

Written as plain ASGI middleware so they also cover static files and error responses.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    )
)

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
        "browsing-topics",
    )
)

SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("cache-control", "no-store"),
    ("pragma", "no-cache"),
    ("referrer-policy", "no-referrer"),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    ("cross-origin-embedder-policy", "require-corp"),
    ("permissions-policy", PERMISSIONS_POLICY),
    ("x-robots-tag", "noindex, nofollow"),
)


class SecurityHeaders:
    """Adds the security headers to every response and strips anything CORS-like."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name in list(headers.keys()):
                    if name.startswith("access-control-") or name == "server":
                        del headers[name]
                for name, value in SECURITY_HEADERS:
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RequestGuard:
    """Refuses a wrong Host (DNS rebinding) with 400 and cross-site requests with 403."""

    def __init__(self, app: ASGIApp, allowed_hosts: Callable[[], frozenset[str]]) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":
            # No websockets or other protocols are served.
            return
        headers = Headers(scope=scope)
        hosts = self.allowed_hosts()
        if headers.get("host", "") not in hosts:
            response = PlainTextResponse("This address is not served here.", status_code=400)
            await response(scope, receive, send)
            return
        if not _same_origin(headers, hosts):
            response = PlainTextResponse(
                "This request came from another site and was refused.", status_code=403
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _same_origin(headers: Headers, hosts: frozenset[str]) -> bool:
    # Fetch metadata: typed addresses say "none", our own pages "same-origin". Anything
    # from another site (even a link or an image) is refused, whatever the method.
    site = headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = headers.get("origin")
    if origin == "null" and site == "same-origin":
        # With Referrer-Policy: no-referrer, Chromium sends "Origin: null" on our own form
        # posts; Sec-Fetch-Site (which pages cannot forge) vouches for them.
        return True
    # A request with neither header is not from a current browser; it still needs the
    # session cookie and, to change anything, the CSRF token.
    return origin is None or origin in {f"http://{h}" for h in hosts}
