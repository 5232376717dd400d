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

DEFAULT_PORT = 8765
LOOPBACK_HOSTS = ("127.0.0.1", "::1")


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
    data_dir: Path
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    open_browser: bool = True
    testing: bool = False
    kdf: KdfParams = field(default_factory=KdfParams)

    def with_options(self, **changes: object) -> Settings:
        """A copy with the given fields replaced (CLI options win over the environment)."""
        return replace(self, **changes)  # type: ignore[arg-type]


def default_data_dir() -> Path:
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
    port_text = source.get("CLEARPATH_PORT", "")
    port = int(port_text) if port_text.isdigit() else DEFAULT_PORT
    return Settings(
        data_dir=(chosen or default_data_dir()).expanduser().absolute(),
        port=port,
        open_browser=source.get("CLEARPATH_NO_BROWSER") != "1",
        testing=testing,
        kdf=TESTING_KDF if testing else KdfParams(),
    )
