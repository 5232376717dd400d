"""Where the vault's files live inside the data directory. Nothing else is kept there."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class VaultPaths:
    """The names of the vault's files inside the data directory ``root``."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "vault.db"

    @property
    def keys(self) -> Path:
        return self.root / "keys.json"

    @property
    def files(self) -> Path:
        return self.root / "files"

    @property
    def lock(self) -> Path:
        return self.root / "clearpath.lock"

    def holds_vault(self) -> bool:
        """True when either of the vault's files is here, even if the other is missing."""
        return self.keys.exists() or self.database.exists()

    @property
    def creating(self) -> Path:
        """A new vault.db is built here and renamed into place when complete."""
        return self.root / ".vault.db.creating"
