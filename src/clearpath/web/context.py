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


def _no_shutdown() -> None:
    return None


def _no_announcement(_url: str) -> None:
    return None


@dataclass
class AppContext:
    settings: Settings  # its port is the one actually listened on
    vault: Vault
    templates: Jinja2Templates
    launch: LaunchTokens = field(default_factory=LaunchTokens)
    sessions: SessionStore = field(default_factory=SessionStore)
    activity: Activity = field(default_factory=Activity)
    # Set by the server: stop it, and tell the terminal a fresh launch address.
    request_shutdown: Callable[[], None] = _no_shutdown
    announce_launch_url: Callable[[str], None] = _no_announcement
    # Counts quick exits, so a request that was already running can tell one happened.
    exits: int = 0
    _preferences: Preferences | None = None

    @property
    def port(self) -> int:
        return self.settings.port

    @property
    def cookie_name(self) -> str:
        # Browsers share cookies across ports of one host: a plain "session" cookie would be
        # overwritten by (and sent to) any other local app on 127.0.0.1.
        return f"session_{self.port}"

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
        """Quick exit: lock, forget every session and every unused launch address.

        Blocking (it waits for database work in progress); call it off the event loop.
        """
        self.exits += 1
        self.vault.lock()
        self.sessions.drop_all()
        self.launch.clear()

    def idle_too_long(self) -> bool:
        """The vault is open and nobody has used it for the chosen number of minutes."""
        idle_limit = self.preferences().idle_minutes * 60
        return self.vault.unlocked and self.activity.idle_seconds() >= idle_limit

    def lock_if_idle(self) -> bool:
        """Lock the vault when it has been idle too long (blocking: waits for database work)."""
        if self.idle_too_long():
            self.vault.lock()
            return True
        return False


def app_context(app: Starlette) -> AppContext:
    """The context create_app put on the app (also for tests and benchmarks)."""
    ctx = app.state.ctx
    assert isinstance(ctx, AppContext)  # noqa: S101 - wiring invariant, not input validation
    return ctx


def context_of(request: Request) -> AppContext:
    return app_context(request.app)
