"""What the browser fixtures are built from: the served app, and a watched browser tab.

- ``serve`` runs the real ``create_app`` under uvicorn on a free loopback port. Quick exit's
  "stop the server" is replaced by a recorder, so the fixture server keeps running and the
  test can see that the stop was asked for.
- ``open_tab`` gives a fresh context in which nothing leaves the machine: the quick-exit
  site is answered by a route inside the browser, every other non-loopback request is
  aborted and recorded. Console errors, uncaught exceptions and CSP violations are recorded.
"""

from __future__ import annotations

import os

os.environ.setdefault("CLEARPATH_TESTING", "1")

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import uvicorn
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Route
from playwright.sync_api import Response as PageResponse
from starlette.applications import Starlette

from clearpath.settings import load_settings
from clearpath.vault.service import Vault
from clearpath.web.app import create_app
from clearpath.web.context import AppContext, app_context
from clearpath.web.server import bind_loopback

# zxcvbn scores this 4 of 4 (the same passphrase the unit tests use).
PASSPHRASE = "harbour lantern quietly cobalt meadow"
EXIT_URL = "https://www.bbc.co.uk/weather"
EXIT_PAGE = "<html><head><title>Weather</title></head><body>Weather</body></html>"
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Playwright's routes never see the second hop of a redirect (microsoft/playwright#33882),
    # so a 303 to another host would go out. With this rule no other host even resolves.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    # A failed navigation stays failed; Chromium would otherwise retry it after about 1 s.
    "--disable-auto-reload",
]
SERVER_START_SECONDS = 10.0
SHUTDOWN_WAIT_SECONDS = 5.0
STATUS_LOG = "Failed to load resource: the server responded with a status of"


class ServerDidNotStart(RuntimeError):
    pass


# -- the app ---------------------------------------------------------------------------------


@dataclass
class RunningApp:
    """The real app served on 127.0.0.1:port for one test."""

    app: Starlette
    port: int
    shutdown_requested: threading.Event
    # Launch addresses the app told the terminal (after a quick exit that keeps it running).
    announced: list[str] = field(default_factory=list)
    _announced_event: threading.Event = field(default_factory=threading.Event)

    @property
    def ctx(self) -> AppContext:
        return app_context(self.app)

    @property
    def vault(self) -> Vault:
        return self.ctx.vault

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.origin + path

    def launch_url(self) -> str:
        """A fresh single-use launch address, as the terminal would print it."""
        return self.url(f"/launch?token={self.app.state.launch.issue()}")

    def wait_for_shutdown_request(self) -> bool:
        # Quick exit asks for the stop in a background task, after its response is sent.
        return self.shutdown_requested.wait(SHUTDOWN_WAIT_SECONDS)

    def announce(self, url: str) -> None:
        self.announced.append(url)
        self._announced_event.set()

    def wait_for_new_launch_url(self) -> str | None:
        if not self._announced_event.wait(SHUTDOWN_WAIT_SECONDS):
            return None
        return self.announced[-1]


def serve(data_dir: Path) -> Iterator[RunningApp]:
    """Serve the app on ``data_dir`` until the generator is closed."""
    sock = bind_loopback("127.0.0.1", 0)
    port = int(sock.getsockname()[1])
    settings = load_settings({"CLEARPATH_TESTING": "1"}, data_dir=data_dir).with_options(
        port=port, open_browser=False
    )
    vault = Vault(settings.data_dir, settings.kdf)
    app = create_app(settings, vault)
    requested = threading.Event()
    running = RunningApp(app=app, port=port, shutdown_requested=requested)
    app_context(app).request_shutdown = requested.set
    app_context(app).announce_launch_url = running.announce
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False, ws="none")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise ServerDidNotStart("the Clearpath test server did not start")
            time.sleep(0.01)  # a start-up poll, not a timing assertion
        yield running
    finally:
        server.should_exit = True
        thread.join(SERVER_START_SECONDS)
        sock.close()
        vault.lock()


# -- the browser tab -------------------------------------------------------------------------


@dataclass
class PageWatch:
    """What the pages of one context did that they should not have."""

    errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    exits: list[str] = field(default_factory=list)
    # Documents the server answered with 4xx on purpose (a neutral or error page). Chromium
    # logs "Failed to load resource" for them: that reports the status, not a broken page.
    error_documents: set[str] = field(default_factory=set)

    def problems(self) -> list[str]:
        return [
            *(f"console error: {e}" for e in self.errors),
            *(f"CSP violation: {v}" for v in self.csp_violations),
            *(f"non-loopback request: {b}" for b in self.blocked),
        ]

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        where = str(message.location.get("url", ""))
        if message.text.startswith(STATUS_LOG) and where in self.error_documents:
            return
        self.errors.append(f"{message.text} ({where})")

    def on_response(self, response: PageResponse) -> None:
        if response.request.resource_type == "document" and response.status >= 400:
            self.error_documents.add(response.url)

    def on_page_error(self, error: Exception) -> None:
        self.errors.append(f"uncaught: {error}")

    def on_csp_violation(self, what: str) -> None:
        self.csp_violations.append(what)


# Reports CSP violations directly, beside the console line Chromium writes for them.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolation(event.violatedDirective + " blocked " + event.blockedURI);
});
"""


def _route_off_machine(watch: PageWatch) -> Callable[[Route], None]:
    def handle(route: Route) -> None:
        url = route.request.url
        if urlsplit(url).hostname in LOOPBACK:
            route.continue_()
        else:
            watch.blocked.append(url)
            route.abort("blockedbyclient")

    return handle


def _fulfil_exit_site(watch: PageWatch) -> Callable[[Route], None]:
    def handle(route: Route) -> None:
        watch.exits.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=EXIT_PAGE)

    return handle


@dataclass
class Tab:
    """A page in its own fresh context, with what it did recorded."""

    page: Page
    context: BrowserContext
    watch: PageWatch

    def session_cookie(self) -> str | None:
        for cookie in self.context.cookies():
            # The app names its cookie after its port ("session_PORT").
            if cookie["name"].startswith("session_"):
                return cookie["value"]
        return None


def open_tab(browser: Browser, *, javascript: bool, width: int, height: int) -> Tab:
    context = browser.new_context(
        java_script_enabled=javascript,
        viewport={"width": width, "height": height},
        service_workers="block",
    )
    context.set_default_timeout(10_000)
    watch = PageWatch()
    # The route added last is tried first: the exit site, then everything else.
    context.route("**/*", _route_off_machine(watch))
    context.route("https://www.bbc.co.uk/**", _fulfil_exit_site(watch))
    context.expose_function("__cspViolation", watch.on_csp_violation)
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    page.on("console", watch.on_console)
    page.on("response", watch.on_response)
    page.on("pageerror", watch.on_page_error)
    return Tab(page=page, context=context, watch=watch)
