"""A consistent copy of the open vault, taken while the app keeps running.

The database is copied with SQLCipher's ``sqlcipher_export`` into a database attached to an
open vault connection. An attached database without a KEY clause gets the main database's
key, so the copy is encrypted with the vault's data key from its first page, and this code
never handles that key. The copy is a hidden file inside the data folder (0600), deleted as
soon as the backup has read it. The export runs inside one read transaction, so it sees one
moment of the database; writers wait (SQLite's busy timeout) for the few moments it takes.

Everything else is taken generically: keys.json as it is, and every regular file under files/,
whatever area put it there.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from clearpath.backup.payload import Source
from clearpath.vault.atomic import FILE_MODE

if TYPE_CHECKING:
    from clearpath.vault.service import Vault

SNAPSHOT_PREFIX = ".backup-snapshot-"
_STALE_SECONDS = 3600  # a backup running that long is not running any more


@contextlib.contextmanager
def database_snapshot(vault: Vault) -> Iterator[Path]:
    """A consistent, encrypted copy of vault.db, removed when the block ends."""
    root = vault.paths.root
    _remove_stale(root)
    path = root / f"{SNAPSHOT_PREFIX}{secrets.token_hex(8)}.db"
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    try:
        _export_into(vault, path)
        yield path
    finally:
        for leftover in (path, path.with_name(path.name + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _export_into(vault: Vault, path: Path) -> None:
    raw = vault.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("ATTACH DATABASE ? AS backup_snapshot", (str(path),))
        try:
            cursor.execute("BEGIN")
            try:
                cursor.execute("SELECT sqlcipher_export('backup_snapshot')")
                (user_version,) = cursor.execute("PRAGMA main.user_version").fetchone()
                cursor.execute(f"PRAGMA backup_snapshot.user_version = {int(user_version)}")
            finally:
                cursor.execute("COMMIT")
        finally:
            cursor.execute("DETACH DATABASE backup_snapshot")
            cursor.close()
    finally:
        raw.close()


def _remove_stale(root: Path) -> None:
    """Copies left by a backup that was stopped (a crash, a power cut); they are encrypted,
    but nothing should linger."""
    now = time.time()
    for leftover in root.glob(f"{SNAPSHOT_PREFIX}*"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > _STALE_SECONDS:
                leftover.unlink()


def file_sources(files_dir: Path) -> list[Source]:
    """Every regular file under files/, in a stable order, whatever area stores them."""
    if not files_dir.is_dir():
        return []
    found: list[Source] = []
    for folder, dirs, names in os.walk(files_dir, followlinks=False):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                relative = path.relative_to(files_dir).as_posix()
                found.append(Source(f"files/{relative}", path))
    return found
