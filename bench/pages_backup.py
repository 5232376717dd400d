"""The backup area's pages for the pages benchmark: a few backups in the list first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from clearpath.backup.making import Made
from clearpath.backup.services import record_backup
from clearpath.vault.service import Vault

PAGES: list[tuple[str, str]] = [
    ("backup", "/backup"),
    ("backup trusted copy", "/backup/trusted"),
    ("backup shares", "/backup/shares"),
    ("backup export", "/backup/export"),
]


def seed(vault: Vault) -> None:
    """Ten backups in the history, so the page shows its list."""
    now = datetime.now(UTC)
    with vault.session() as db:
        for days in range(10):
            made = Made(
                Path(f"/media/usb/backup-{days}.bak"), 5_000_000, 3, now - timedelta(days=days)
            )
            record_backup(db, "folder", made)
