"""Display preferences that must work before the vault is unlocked.

The neutral page title, the quick-exit address and whether the server stops on quick exit
are needed on the unlock page too, so they are kept (unencrypted) in keys.json beside the
key slots. The idle-lock minutes live here as well so one form edits them all. None of them
is vault content; the settings page says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

DEFAULT_TITLE = "Notes"
DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather"
DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 240
MAX_TITLE_LENGTH = 40

T = TypeVar("T")


class PreferenceError(ValueError):
    """A preference value a person typed that cannot be used; the message says why."""


@dataclass(frozen=True)
class Preferences:
    page_title: str = DEFAULT_TITLE
    exit_url: str = DEFAULT_EXIT_URL
    idle_minutes: int = DEFAULT_IDLE_MINUTES
    stop_server_on_exit: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "page_title": self.page_title,
            "exit_url": self.exit_url,
            "idle_minutes": self.idle_minutes,
            "stop_server_on_exit": self.stop_server_on_exit,
        }

    @classmethod
    def from_json(cls, raw: object) -> Preferences:
        """Read leniently: a damaged value falls back to its default, never blocks unlocking."""
        if not isinstance(raw, dict):
            return cls()
        default = cls()
        stop = raw.get("stop_server_on_exit")
        return cls(
            page_title=_lenient(clean_title, raw.get("page_title"), default.page_title),
            exit_url=_lenient(clean_exit_url, raw.get("exit_url"), default.exit_url),
            idle_minutes=_lenient(
                clean_idle_minutes, raw.get("idle_minutes"), default.idle_minutes
            ),
            stop_server_on_exit=stop if isinstance(stop, bool) else default.stop_server_on_exit,
        )


def _lenient(clean: Callable[[str], T], raw: object, default: T) -> T:
    if raw is None:
        return default
    try:
        return clean(str(raw))
    except PreferenceError:
        return default


def clean_title(text: str) -> str:
    title = " ".join(text.split())
    if not title:
        raise PreferenceError("Please give the page a title, for example Notes.")
    if len(title) > MAX_TITLE_LENGTH:
        raise PreferenceError(f"Please keep the title to {MAX_TITLE_LENGTH} characters or fewer.")
    return title


def clean_exit_url(text: str) -> str:
    url = text.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise PreferenceError(
            "Please give a full web address that starts with https://, for example "
            f"{DEFAULT_EXIT_URL}."
        )
    if any(ch.isspace() for ch in url) or len(url) > 500:
        raise PreferenceError("That web address has spaces in it or is too long.")
    return url


def clean_idle_minutes(text: str) -> int:
    try:
        minutes = int(text.strip())
    except ValueError as exc:
        raise PreferenceError("Please give the idle time as a whole number of minutes.") from exc
    if not MIN_IDLE_MINUTES <= minutes <= MAX_IDLE_MINUTES:
        raise PreferenceError(
            f"Please choose between {MIN_IDLE_MINUTES} and {MAX_IDLE_MINUTES} minutes."
        )
    return minutes
