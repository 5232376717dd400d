"""Run-time settings, built once from CLEARPATH_* environment variables and CLI options.

The settings are a frozen dataclass passed down explicitly; nothing reads the environment
anywhere else. Preferences the person changes in the app (idle minutes, quick-exit address,
page title) live in the vault directory instead; see clearpath.vault.preferences.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs

from clearpath.vault.errors import VaultError

DEFAULT_PORT = 8765
MAX_PORT = 65535
LOOPBACK_HOSTS = ("127.0.0.1", "::1")
# The names a person may give for --host, and the address each one binds.
_LOOPBACK_NAMES = {"127.0.0.1": "127.0.0.1", "localhost": "127.0.0.1", "::1": "::1"}


class SettingsError(VaultError):
    """A CLEARPATH_* environment variable holds a value that cannot be used."""

    exit_code = 2


class NotLoopback(VaultError):
    """A host that is not this computer: Clearpath never listens where others can reach it."""

    exit_code = 2

    def __init__(self, host: str) -> None:
        super().__init__(
            f"Clearpath only listens on this computer (127.0.0.1, ::1 or localhost), "
            f"never on {host}, so nobody else on the network can reach it."
        )


def loopback_address(name: str) -> str:
    """The address to bind for a host name a person gave: "127.0.0.1" or "localhost" give
    127.0.0.1, "::1" gives ::1 (case and surrounding spaces do not matter). Anything else
    raises NotLoopback."""
    address = _LOOPBACK_NAMES.get(name.strip().lower())
    if address is None:
        raise NotLoopback(name)
    return address


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters; memory in KiB."""

    time_cost: int = 3
    memory_cost: int = 64 * 1024
    parallelism: int = 4


# Only used when CLEARPATH_TESTING=1: fast enough for hundreds of unlocks in a test run.
TESTING_KDF = KdfParams(time_cost=1, memory_cost=8 * 1024, parallelism=1)


@dataclass(frozen=True)
class Settings:
    """How this run of Clearpath is set up; built once by load_settings, then passed down.

    data_dir holds the vault; host and port are where the server listens (loopback only);
    open_browser says whether serve opens the launch address; testing selects TESTING_KDF;
    kdf is the Argon2id cost for new key slots.
    """

    data_dir: Path
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    open_browser: bool = True
    testing: bool = False
    kdf: KdfParams = field(default_factory=KdfParams)

    def with_options(self, **changes: object) -> Settings:
        """A copy with the given fields replaced (CLI options win over the environment)."""
        return replace(self, **changes)  # type: ignore[arg-type]


def _port(text: str) -> int:
    """CLEARPATH_PORT as a number; unset or empty means the default port."""
    cleaned = text.strip()
    if not cleaned:
        return DEFAULT_PORT
    if not (cleaned.isascii() and cleaned.isdigit()) or int(cleaned) > MAX_PORT:
        raise SettingsError(
            f"CLEARPATH_PORT is set to {cleaned!r}, which is not a port number. "
            f"Set it to a number from 0 to {MAX_PORT}, or unset it to use {DEFAULT_PORT}."
        )
    return int(cleaned)


def default_data_dir() -> Path:
    """The per-user data folder the vault lives in unless --data-dir or CLEARPATH_DATA_DIR say
    otherwise."""
    return Path(platformdirs.user_data_dir("clearpath", appauthor=False, roaming=False))


def load_settings(
    env: Mapping[str, str] | None = None, data_dir: Path | None = None
) -> Settings:
    """Settings from the environment; an explicit data_dir (the --data-dir option) wins."""
    source = os.environ if env is None else env
    testing = source.get("CLEARPATH_TESTING") == "1"
    chosen = data_dir or (
        Path(source["CLEARPATH_DATA_DIR"]) if source.get("CLEARPATH_DATA_DIR") else None
    )
    return Settings(
        data_dir=(chosen or default_data_dir()).expanduser().absolute(),
        port=_port(source.get("CLEARPATH_PORT", "")),
        open_browser=source.get("CLEARPATH_NO_BROWSER") != "1",
        testing=testing,
        kdf=TESTING_KDF if testing else KdfParams(),
    )
