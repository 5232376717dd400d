"""What the web app is built from, kept on app.state.ctx (explicit wiring, no globals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.templating import Jinja2Templates

from clearpath.settings import Settings
from clearpath.vault.preferences import Preferences
from clearpath.vault.service import Vault
from clearpath.web.state import Activity, LaunchTokens, SessionStore

WEB_DIR = Path(__file__).parent
SESSION_COOKIE = "session"


def _nothing() -> None:
    return None


def _say_nothing(_url: str) -> None:
    return None


@dataclass
class AppContext:
    settings: Settings
    vault: Vault
    templates: Jinja2Templates
    launch: LaunchTokens = field(default_factory=LaunchTokens)
    sessions: SessionStore = field(default_factory=SessionStore)
    activity: Activity = field(default_factory=Activity)
    port: int = 0
    # Set by the server: stop it, and tell the terminal a fresh launch address.
    request_shutdown: Callable[[], None] = _nothing
    announce_launch_url: Callable[[str], None] = _say_nothing
    _preferences: Preferences | None = None

    def authority(self) -> str:
        """host:port as a browser writes it in the Host header (IPv6 in brackets)."""
        host = self.settings.host
        return f"[{host}]:{self.port}" if ":" in host else f"{host}:{self.port}"

    def allowed_hosts(self) -> frozenset[str]:
        return frozenset({self.authority(), f"localhost:{self.port}"})

    def origin(self) -> str:
        return f"http://{self.authority()}"

    def launch_url(self) -> str:
        return f"{self.origin()}/launch?token={self.launch.issue()}"

    def preferences(self) -> Preferences:
        if self._preferences is None:
            self._preferences = self.vault.preferences()
        return self._preferences

    def forget_preferences(self) -> None:
        self._preferences = None

    def lock_everything(self) -> None:
        """Lock the vault and forget every session and unused launch address (quick exit)."""
        self.vault.lock()
        self.sessions.drop_all()
        self.launch.clear()


def app_context(app: Starlette) -> AppContext:
    """The context create_app put on the app (also for tests and benchmarks)."""
    ctx = app.state.ctx
    assert isinstance(ctx, AppContext)  # noqa: S101 - wiring invariant, not input validation
    return ctx


def context_of(request: Request) -> AppContext:
    return app_context(request.app)
