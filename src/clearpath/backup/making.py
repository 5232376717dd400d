"""Making a backup: the whole vault as one encrypted stream, to a file or to a download."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clearpath import __version__
from clearpath.backup import keys, stream
from clearpath.backup.errors import BackupPlaceProblem
from clearpath.backup.payload import Source, blocks
from clearpath.backup.snapshot import database_snapshot, file_sources
from clearpath.settings import KdfParams
from clearpath.vault.atomic import FILE_MODE, fsync_dir
from clearpath.vault.errors import DiskFull
from clearpath.vault.keyfile import KeyFile

if TYPE_CHECKING:
    from clearpath.vault.service import Vault

# Neutral on purpose: the name of a file on a USB stick or in a synced folder says nothing
# about what it holds.
NAME_PATTERN = re.compile(r"^backup-\d{8}-\d{6}(-\d+)?\.bak$")
PARTIAL_MARK = ".partial-"

ProgressFn = Callable[[int, int], None]


@dataclass(frozen=True)
class Made:
    """What a finished backup holds (for the person and the history)."""

    path: Path | None
    size: int
    files: int
    made_at: datetime


class _Sink:
    """Collects what the chunk writer writes, for a caller that streams it onwards."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self.parts.append(data)
        self.size += len(data)
        return len(data)

    def drain(self) -> bytes:
        out = b"".join(self.parts)
        self.parts.clear()
        return out


def backup_name(now: datetime) -> str:
    return f"backup-{now:%Y%m%d-%H%M%S}.bak"


def _header(
    vault: Vault, keyfile: KeyFile, content_key: bytes, passphrase: str | None, kdf: KdfParams
) -> dict[str, Any]:
    slots = [keys.vault_slot(vault.subkey(keys.SUBKEY_PURPOSE), keyfile.slots, content_key)]
    if passphrase:
        slots.append(keys.passphrase_slot(passphrase, content_key, kdf))
    return {
        "kind": "clearpath-backup",
        "format": stream.VERSION,
        "cipher": "aes-256-gcm",
        "chunk_size": stream.CHUNK_SIZE,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "made_by": f"clearpath {__version__}",
        "slots": slots,
    }


def encrypted_pieces(
    vault: Vault,
    *,
    backup_passphrase: str | None = None,
    progress: ProgressFn | None = None,
    counts: dict[str, int] | None = None,
) -> Iterator[bytes]:
    """The backup file's bytes, piece by piece (about a megabyte each), in constant memory.

    The database copy is taken when iteration starts and removed when it ends (or is closed).
    ``counts`` (if given) receives the number of files in files/ once the list is made.
    """
    content_key = keys.new_content_key()
    raw_keys = vault.paths.keys.read_bytes()
    keyfile = KeyFile.from_bytes(raw_keys)
    header = stream.encode_header(
        _header(vault, keyfile, content_key, backup_passphrase, vault.kdf)
    )
    sink = _Sink()
    writer = stream.ChunkWriter(sink, content_key, header)  # type: ignore[arg-type]
    with database_snapshot(vault) as db_copy:
        stored = file_sources(vault.paths.files)
        if counts is not None:
            counts["files"] = len(stored)
        total = db_copy.stat().st_size + sum(_size(s.path) for s in stored) + len(raw_keys)
        done = 0
        sources = [Source("vault.db", db_copy), *stored]
        yield sink.drain()
        for piece in blocks(sources, inline=("keys.json", raw_keys)):
            writer.write(piece)
            done += len(piece)
            if sink.size >= stream.CHUNK_SIZE:
                sink.size = 0
                yield sink.drain()
                if progress is not None:
                    progress(done, total)
        writer.close()
        yield sink.drain()
        if progress is not None:
            progress(total, total)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def write_backup(
    vault: Vault,
    destination: Path,
    *,
    backup_passphrase: str | None = None,
    progress: ProgressFn | None = None,
) -> Made:
    """Write a backup to ``destination`` (a folder: a new neutral name in it; else that file).

    Written under a hidden temporary name, flushed to the disk, then renamed: a backup that is
    stopped midway leaves no file that looks complete, and never harms an earlier backup.
    """
    now = datetime.now(UTC)
    target = destination / backup_name(now.astimezone()) if destination.is_dir() else destination
    if not target.parent.is_dir():
        raise BackupPlaceProblem("that folder does not exist (is the drive plugged in?)")
    target = _free_name(target)
    temp = target.with_name(f".{target.name}{PARTIAL_MARK}{secrets.token_hex(4)}")
    counts: dict[str, int] = {}
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "wb", buffering=0) as out:
            size = 0
            pieces = encrypted_pieces(
                vault, backup_passphrase=backup_passphrase, progress=progress, counts=counts
            )
            for piece in pieces:
                view = memoryview(piece)
                while view:
                    written = out.write(view)
                    assert written is not None  # noqa: S101 - a blocking file
                    view = view[written:]
                size += len(piece)
            os.fsync(out.fileno())
        os.replace(temp, target)
        fsync_dir(target.parent)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise DiskFull() from exc
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise BackupPlaceProblem("this program may not write in that folder") from exc
        raise
    return Made(path=target, size=size, files=counts.get("files", 0), made_at=now)


def _free_name(target: Path) -> Path:
    if not target.exists():
        return target
    stem, suffix = target.stem, target.suffix
    for n in range(2, 1000):
        candidate = target.with_name(f"{stem}-{n}{suffix}")
        if not candidate.exists():
            return candidate
    raise BackupPlaceProblem("that folder already holds too many backups with this name")


def rotate(folder: Path, keep_last: int) -> list[Path]:
    """Remove the oldest backups in ``folder`` beyond the newest ``keep_last``.

    Only files with this app's neutral backup names that also start like a backup file are
    ever touched; the person's other files are never removed. Returns what was removed.
    """
    if keep_last < 1:
        return []
    ours = sorted(
        (p for p in folder.iterdir() if NAME_PATTERN.match(p.name) and _is_backup(p)),
        key=lambda p: (p.stat().st_mtime, p.name),
    )
    removed: list[Path] = []
    for old in ours[: max(0, len(ours) - keep_last)]:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
            removed.append(old)
    if removed:
        fsync_dir(folder)
    return removed


def _is_backup(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(stream.MAGIC)) == stream.MAGIC
    except OSError:
        return False
