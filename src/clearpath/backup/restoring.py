"""Restoring a backup into a data folder, without ever risking the vault that is there.

First the whole file is read and checked (the header, every chunk in order, the final chunk,
nothing after it, the contents' end record), writing nothing. Then it is read again, checked
again, and unpacked into a hidden staging folder inside the target folder. Only when all of it
has checked out, and the restored database opens, are the files moved into place. A vault
already in the target is only replaced when the person said so, and it is first moved aside
into a folder next to the target; it is removed after the restore has succeeded, or kept when
the person asks for that.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy.exc import DatabaseError

from clearpath.backup import keys, stream
from clearpath.backup.errors import BackupDamaged, BackupTargetInUse
from clearpath.backup.payload import read_entries
from clearpath.db import make_engine
from clearpath.vault.atomic import FILE_MODE, ensure_private_dir, fsync_dir
from clearpath.vault.errors import VaultLocked
from clearpath.vault.keyfile import KeyFile
from clearpath.vault.paths import VaultPaths

STAGING_PREFIX = ".restoring-"
VAULT_ENTRIES = ("vault.db", "keys.json", "files")
_JOURNAL = "vault.db-journal"

ProgressFn = Callable[[int, int], None]


@dataclass(frozen=True)
class Restored:
    """Where the vault now is, how many files came back, and where the old vault was put
    (None when there was none or it was removed)."""

    data_dir: Path
    files: int
    kept_aside: Path | None
    created_at: str


def restore_backup(
    backup: Path,
    data_dir: Path,
    secret: str,
    *,
    replace: bool = False,
    keep_old: bool = False,
    progress: ProgressFn | None = None,
) -> Restored:
    """Restore ``backup`` into ``data_dir``; the caller holds the data folder's process lock.

    ``secret`` is the vault passphrase or recovery code from when the backup was made, or the
    backup's own passphrase. Raises BackupTargetInUse before reading anything when a vault is
    there and ``replace`` is False; BackupDamaged, NotABackup or BackupSecretWrong (nothing
    changed) when the file cannot be used. The whole file is checked first (every chunk, the
    final one, the contents' end), then read again, checked again and unpacked.
    """
    target = VaultPaths(data_dir)
    if target.holds_vault() and not replace:
        raise BackupTargetInUse()
    total = 2 * backup.stat().st_size  # read twice: the check, then the unpacking
    with backup.open("rb", buffering=stream.CHUNK_SIZE + 64) as source:
        header, header_bytes = stream.read_header(source)
        opened = keys.open_content_key(header, secret)
        try:
            _check_stream(source, opened.content_key, header, header_bytes, progress, total)
            source.seek(len(header_bytes))
            ensure_private_dir(data_dir)
            _remove_leftover_staging(data_dir)
            staging = data_dir / f"{STAGING_PREFIX}{secrets.token_hex(4)}"
            ensure_private_dir(staging)
            try:
                count = _unpack(
                    stream.ChunkReader(
                        source,
                        opened.content_key,
                        header,
                        header_bytes,
                        _counter(progress, total, start=total // 2 + len(header_bytes)),
                    ),
                    staging,
                )
                _check_database(staging, opened.data_key)
                aside = _swap_in(target, staging, replace)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        finally:
            if opened.data_key is not None:
                opened.data_key[:] = bytes(len(opened.data_key))
    if aside is not None and not keep_old:
        shutil.rmtree(aside, ignore_errors=True)
        aside = None
    return Restored(data_dir, count, aside, str(header.get("created_at", "")))


def verify_backup(backup: Path, secret: str, progress: ProgressFn | None = None) -> Restored:
    """Read and check the whole backup without writing anything (BackupDamaged,
    NotABackup or BackupSecretWrong when it cannot be used); returns what it holds."""
    with backup.open("rb", buffering=stream.CHUNK_SIZE + 64) as source:
        header, header_bytes = stream.read_header(source)
        opened = keys.open_content_key(header, secret)
        if opened.data_key is not None:
            opened.data_key[:] = bytes(len(opened.data_key))
        files = _check_stream(
            source, opened.content_key, header, header_bytes, progress, backup.stat().st_size
        )
    return Restored(backup, files, None, str(header.get("created_at", "")))


def _counter(progress: ProgressFn | None, total: int, start: int) -> Callable[[int], None]:
    done = [start]

    def advance(n: int) -> None:
        done[0] += n
        if progress is not None:
            progress(done[0], total)

    return advance


def _check_stream(
    source: BinaryIO,
    content_key: bytes,
    header: dict[str, Any],
    header_bytes: bytes,
    progress: ProgressFn | None,
    total: int,
) -> int:
    """Read every chunk and entry to the end, keeping nothing; the number of stored files."""
    advance = _counter(progress, total, start=len(header_bytes))
    reader = stream.ChunkReader(source, content_key, header, header_bytes, advance)
    files = 0
    names = set()
    for entry, data in read_entries(reader):
        for _block in data:
            pass
        names.add(entry.name.parts[0])
        files += entry.name.parts[0] == "files"
    if not {"vault.db", "keys.json"} <= names:
        raise BackupDamaged("it does not hold a whole vault")
    return files


def read_created_at(backup: Path) -> str:
    """When a backup was made (from its header; not yet verified), for the restore page."""
    with backup.open("rb") as source:
        header, _ = stream.read_header(source)
    return str(header.get("created_at", ""))


def _unpack(reader: stream.ChunkReader, staging: Path) -> int:
    files = 0
    written: list[Path] = []
    for entry, data in read_entries(reader):
        path = staging.joinpath(*entry.name.parts)
        ensure_private_dir(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "wb", buffering=0) as out:
            for block in data:
                out.write(block)
        written.append(path)
        if entry.name.parts[0] == "files":
            files += 1
    # Flushed to the disk once everything is written (not file by file), so the disk writes
    # back while the next files are being checked; all before anything is moved into place.
    for path in written:
        _fsync_path(path)
    for folder in {p.parent for p in written}:
        fsync_dir(folder)
    for name in ("vault.db", "keys.json"):
        if not (staging / name).is_file():
            raise BackupDamaged("it does not hold a whole vault")
    try:
        KeyFile.from_bytes((staging / "keys.json").read_bytes())
    except Exception as exc:
        raise BackupDamaged("the key file in it cannot be read") from exc
    ensure_private_dir(staging / "files")
    return files


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _check_database(staging: Path, data_key: bytearray | None) -> None:
    """With the vault's own secret in hand, check the restored database opens and is whole.

    (A backup passphrase does not give the data key; the stream's authentication has then
    vouched for every byte, and the first unlock opens the database.)"""
    if data_key is None:
        return
    engine = make_engine(staging / "vault.db", bytearray(data_key))
    try:
        with engine.connect() as conn:
            verdict = conn.exec_driver_sql("PRAGMA quick_check").scalar()
            revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        if verdict != "ok" or revision is None:
            raise BackupDamaged("the database in it does not open")
    except (DatabaseError, VaultLocked) as exc:
        raise BackupDamaged("the database in it does not open") from exc
    finally:
        engine.dispose()
        journal = staging / _JOURNAL
        with contextlib.suppress(FileNotFoundError):
            journal.unlink()


def _swap_in(target: VaultPaths, staging: Path, replace: bool) -> Path | None:
    """Move the restored files into the data folder; the old vault (if any) goes aside first,
    and comes back if anything goes wrong before the new one is complete."""
    root = target.root
    aside: Path | None = None
    moved_aside: list[str] = []
    if replace and target.holds_vault():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = root.parent / f"{root.name}-before-restore-{stamp}-{secrets.token_hex(2)}"
        ensure_private_dir(aside)
    placed: list[str] = []
    try:
        for name in (*VAULT_ENTRIES, _JOURNAL):
            if aside is not None and (root / name).exists():
                os.rename(root / name, aside / name)
                moved_aside.append(name)
        if (root / "files").exists() and not any((root / "files").iterdir()):
            (root / "files").rmdir()  # an empty files/ from a new, never used folder
        for name in VAULT_ENTRIES:
            if (root / name).exists():
                raise BackupTargetInUse()
            os.rename(staging / name, root / name)
            placed.append(name)
        fsync_dir(root)
    except BaseException:
        for name in placed:
            with contextlib.suppress(OSError):
                os.rename(root / name, staging / name)
        if aside is not None:
            for name in moved_aside:
                with contextlib.suppress(OSError):
                    os.rename(aside / name, root / name)
            with contextlib.suppress(OSError):
                aside.rmdir()
        raise
    if aside is not None:
        fsync_dir(aside)
    return aside


def _remove_leftover_staging(data_dir: Path) -> None:
    """A restore that was stopped (power cut) leaves its staging folder: it was never used."""
    for leftover in data_dir.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)
