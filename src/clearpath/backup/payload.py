"""What goes inside the encrypted stream: the vault's files, one entry after the other.

    entry:  type 0x01 (1) | name length (2) | name (UTF-8) | size (8) | size bytes
    end:    type 0x00 (1) | entry count (4)

Names are relative POSIX paths: ``keys.json``, ``vault.db`` and ``files/<path>``. Every byte
here is already protected on its own (vault.db is SQLCipher, files/ holds the file store's
encrypted files, keys.json holds only wrapped keys), and the stream around it encrypts it again.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol

from clearpath.backup.errors import BackupDamaged

ENTRY = 0x01
END = 0x00
BLOCK = 1024 * 1024
MAX_NAME = 1024
TOP_LEVEL = ("keys.json", "vault.db", "files")
_ENTRY_HEAD = struct.Struct(">BH")
_SIZE = struct.Struct(">Q")
_END = struct.Struct(">BI")


@dataclass(frozen=True)
class Source:
    """One file to put in the backup: its name inside the backup and where it is now."""

    name: str
    path: Path


def entry_head(name: str, size: int) -> bytes:
    raw = name.encode("utf-8")
    return _ENTRY_HEAD.pack(ENTRY, len(raw)) + raw + _SIZE.pack(size)


def end_record(count: int) -> bytes:
    return _END.pack(END, count)


def blocks(sources: list[Source], inline: tuple[str, bytes] | None = None) -> Iterator[bytes]:
    """The payload as a stream of pieces (entry heads and blocks of at most BLOCK bytes).

    ``inline`` is an entry given as bytes (keys.json as it was read for the header), written
    first. A file is read from one open descriptor for exactly the size it had when opened, so a
    file that changes meanwhile cannot make the stream inconsistent.
    """
    count = 0
    if inline is not None:
        yield entry_head(inline[0], len(inline[1]))
        yield inline[1]
        count += 1
    for source in sources:
        try:
            handle = source.path.open("rb", buffering=0)
        except FileNotFoundError:
            continue  # removed since the list was made (an erased file): nothing to keep
        with handle:
            size = os.fstat(handle.fileno()).st_size
            yield entry_head(source.name, size)
            left = size
            while left:
                block = handle.read(min(BLOCK, left))
                if not block:
                    raise OSError(f"{source.name} became shorter while it was read")
                left -= len(block)
                yield block
        count += 1
    yield end_record(count)


def check_name(name: str, seen: set[str]) -> PurePosixPath:
    """The entry's relative path, refusing anything that could land outside the vault."""
    path = PurePosixPath(name)
    parts = path.parts
    if (
        not parts
        or path.is_absolute()
        or "\\" in name
        or "\x00" in name
        or any(part in ("", ".", "..") for part in parts)
        or parts[0] not in TOP_LEVEL
        or (parts[0] == "files") == (len(parts) == 1)
        or name in seen
    ):
        raise BackupDamaged("it holds a file name that does not belong in a vault")
    seen.add(name)
    return path


class PayloadReader(Protocol):
    def read_exact(self, size: int) -> bytes: ...

    def read_some(self, size: int) -> memoryview: ...

    def at_end(self) -> bool: ...


@dataclass(frozen=True)
class Entry:
    name: PurePosixPath
    size: int


def read_entries(reader: PayloadReader) -> Iterator[tuple[Entry, Iterator[memoryview]]]:
    """Each entry with an iterator over its bytes (which must be used up before the next).

    ``reader`` is a ChunkReader (read_exact and at_end). After the end record, the stream must
    be finished: anything more is refused.
    """
    seen: set[str] = set()
    count = 0
    while True:
        kind = reader.read_exact(1)[0]
        if kind == END:
            (expected,) = struct.unpack(">I", reader.read_exact(4))
            if expected != count or not reader.at_end():
                raise BackupDamaged("its contents do not end where they should")
            return
        if kind != ENTRY:
            raise BackupDamaged("its contents are not in the expected order")
        (length,) = struct.unpack(">H", reader.read_exact(2))
        if not 0 < length <= MAX_NAME:
            raise BackupDamaged("it holds a file name that does not belong in a vault")
        try:
            name = reader.read_exact(length).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BackupDamaged("it holds a file name that does not belong in a vault") from exc
        path = check_name(name, seen)
        (size,) = _SIZE.unpack(reader.read_exact(8))
        count += 1
        yield Entry(path, size), _data(reader, size)


def _data(reader: PayloadReader, size: int) -> Iterator[memoryview]:
    left = size
    while left:
        block = reader.read_some(min(BLOCK, left))
        left -= len(block)
        yield block
