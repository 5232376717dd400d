"""In-memory state of one running server: launch tokens, browser sessions, activity.

Nothing here is written to disk. Quick exit and shutdown drop it all.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

LAUNCH_TOKEN_SECONDS = 5 * 60


class LaunchTokens:
    """Single-use tokens for the address printed in the terminal; each expires in 5 minutes."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._tokens: dict[str, float] = {}
        self._mutex = threading.Lock()

    def issue(self) -> str:
        token = secrets.token_urlsafe(32)
        with self._mutex:
            self._tokens[token] = self._clock() + LAUNCH_TOKEN_SECONDS
        return token

    def consume(self, token: str) -> bool:
        """True once for a valid, unexpired token; it can never be used again."""
        with self._mutex:
            now = self._clock()
            self._tokens = {t: exp for t, exp in self._tokens.items() if exp > now}
            return self._tokens.pop(token, None) is not None

    def clear(self) -> None:
        with self._mutex:
            self._tokens.clear()


@dataclass
class BrowserSession:
    """One browser that opened the launch address. Holds no vault content."""

    id: str
    csrf_token: str
    # A recovery code waiting to be confirmed by the person, and the groups they must retype.
    pending_code: str | None = None
    # True when the code is new from Settings: it replaces the old one only when confirmed.
    install_code: bool = False
    confirm_groups: tuple[int, ...] = ()
    flash: str | None = None


class SessionStore:
    def __init__(self) -> None:
        self._sessions: dict[str, BrowserSession] = {}
        self._mutex = threading.Lock()

    def create(self) -> BrowserSession:
        session = BrowserSession(id=secrets.token_urlsafe(32), csrf_token=secrets.token_urlsafe(32))
        with self._mutex:
            self._sessions[session.id] = session
        return session

    def get(self, session_id: str | None) -> BrowserSession | None:
        if not session_id:
            return None
        with self._mutex:
            return self._sessions.get(session_id)

    def rotate(self, old: BrowserSession) -> BrowserSession:
        """A fresh id and CSRF token for the same browser (after unlocking), old id dropped."""
        new = BrowserSession(
            id=secrets.token_urlsafe(32),
            csrf_token=secrets.token_urlsafe(32),
            pending_code=old.pending_code,
            install_code=old.install_code,
            confirm_groups=old.confirm_groups,
            flash=old.flash,
        )
        with self._mutex:
            self._sessions.pop(old.id, None)
            self._sessions[new.id] = new
        return new

    def drop_all(self) -> None:
        with self._mutex:
            self._sessions.clear()

    def __len__(self) -> int:
        with self._mutex:
            return len(self._sessions)


class Activity:
    """When the person last did something; drives the idle lock."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last = clock()

    def touch(self) -> None:
        self._last = self._clock()

    def idle_seconds(self) -> float:
        return self._clock() - self._last
