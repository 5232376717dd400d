"""The encrypted file store: each original is kept as AES-256-GCM chunks under files/.

Format (docs/file-format.md has the full description):

    header  = b"CPEF" | version (1 byte, 1) | chunk size (4 bytes, big-endian) | file id (16)
    chunk i = nonce (12 random bytes) | AES-256-GCM(file key, nonce, plain chunk, aad)
    aad     = header | i (8 bytes, big-endian) | final flag (1 byte: 1 on the last chunk only)

Every chunk but the last holds exactly ``chunk size`` plain bytes; an empty file is one empty
final chunk. Reordering, swapping, dropping or appending chunks, or moving a file under
another name, all make a chunk fail to authenticate. The file key is random per file and
kept only wrapped (AES-GCM under the vault's "evidence files" subkey, the file id as aad).
The stored name is the file id in hex, so nothing about the content shows in it; the size
of the stored file (plain size plus 28 bytes per chunk plus the header) is the only leak.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import secrets
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from clearpath.vault.atomic import FILE_MODE, ensure_private_dir, fsync_dir
from clearpath.vault.errors import DiskFull

MAGIC = b"CPEF"
VERSION = 1
CHUNK_SIZE = 1024 * 1024
NONCE = 12
TAG = 16
ID_BYTES = 16
HEADER = struct.Struct(">4sBI16s")
HEAD_KEEP = 64 * 1024  # the first bytes, kept in memory to sniff the media type
KEY_PURPOSE = "evidence files"


class DamagedFile(Exception):
    """A stored file does not decrypt as written: changed, cut short, reordered or swapped."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class StoredFile:
    """What writing one original produced."""

    stored_name: str
    wrapped_key: bytes
    size: int
    sha256: str
    head: bytes  # the first HEAD_KEEP plain bytes (memory only, for sniffing)


def _aad(header: bytes, index: int, final: bool) -> bytes:
    return header + struct.pack(">QB", index, 1 if final else 0)


class FileStore:
    """Writes, reads and removes encrypted originals in one folder."""

    def __init__(self, root: Path, master_key: bytes, chunk_size: int = CHUNK_SIZE) -> None:
        self.root = root
        self._master = AESGCM(master_key)
        self.chunk_size = chunk_size

    def path_of(self, stored_name: str) -> Path:
        if len(stored_name) != ID_BYTES * 2 or not all(
            c in "0123456789abcdef" for c in stored_name
        ):
            raise DamagedFile("This file's stored name is not one this app made.")
        return self.root / stored_name

    def writer(self) -> SealedWriter:
        """A writer for one new original; use it as a context manager."""
        ensure_private_dir(self.root)
        return SealedWriter(self, secrets.token_bytes(ID_BYTES))

    def unwrap(self, stored_name: str, wrapped_key: bytes) -> bytes:
        file_id = bytes.fromhex(stored_name)
        try:
            return self._master.decrypt(wrapped_key[:NONCE], wrapped_key[NONCE:], file_id)
        except (InvalidTag, ValueError) as exc:
            raise DamagedFile("This file's key does not match it.") from exc

    def wrap(self, file_id: bytes, file_key: bytes) -> bytes:
        nonce = secrets.token_bytes(NONCE)
        return nonce + self._master.encrypt(nonce, file_key, file_id)

    def reader(self, stored_name: str, wrapped_key: bytes) -> SealedReader:
        """A seekable reader of the plain bytes (decrypting one chunk at a time)."""
        key = self.unwrap(stored_name, wrapped_key)
        try:
            handle = self.path_of(stored_name).open("rb")
        except FileNotFoundError as exc:
            raise DamagedFile("This file is missing from the vault's files folder.") from exc
        return SealedReader(handle, key, bytes.fromhex(stored_name))

    def chunks(self, stored_name: str, wrapped_key: bytes) -> Iterator[bytes]:
        """The plain bytes in order, one chunk at a time (for streaming and hashing)."""
        with self.reader(stored_name, wrapped_key) as reader:
            yield from reader.iter_chunks()

    def remove(self, stored_name: str) -> None:
        """Delete a stored file (its ciphertext) if it is there."""
        remove_stored(self.root, stored_name)


def remove_stored(root: Path, stored_name: str) -> None:
    """Delete one stored file by name; needs no key (so it works after a lock too)."""
    if len(stored_name) != ID_BYTES * 2 or not all(c in "0123456789abcdef" for c in stored_name):
        return
    with contextlib.suppress(FileNotFoundError):
        (root / stored_name).unlink()
    with contextlib.suppress(FileNotFoundError):
        fsync_dir(root)


class SealedWriter:
    """Encrypts a stream into a temp file beside the store, then renames it into place.

    The last chunk is held back until more data arrives or finish() is called, so it can be
    sealed with the final flag. Memory: at most two chunks, whatever the file size.
    """

    def __init__(self, store: FileStore, file_id: bytes) -> None:
        self._store = store
        self.file_id = file_id
        self._key = AESGCM.generate_key(bit_length=256)
        self._aes = AESGCM(self._key)
        self._header = HEADER.pack(MAGIC, VERSION, store.chunk_size, file_id)
        self._tmp = store.root / f".incoming-{file_id.hex()}"
        self._fd = os.open(self._tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        self._pending = bytearray()
        self._index = 0
        self._size = 0
        self._hash = hashlib.sha256()
        self._head = bytearray()
        self._done = False
        self._write_all(self._header)

    def __enter__(self) -> SealedWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self._done:
            self.abort()

    def write(self, data: bytes | memoryview) -> None:
        """Add plain bytes (any amount)."""
        self._hash.update(data)
        self._size += len(data)
        if len(self._head) < HEAD_KEEP:
            self._head += bytes(data[: HEAD_KEEP - len(self._head)])
        self._pending += data
        size = self._store.chunk_size
        # Keep at least one byte back: the chunk that turns out to be last is sealed final.
        while len(self._pending) > size:
            self._seal(bytes(self._pending[:size]), final=False)
            del self._pending[:size]

    def finish(self) -> StoredFile:
        """Seal the last chunk, fsync, rename into place; return what was stored."""
        self._seal(bytes(self._pending), final=True)
        self._pending.clear()
        try:
            os.fsync(self._fd)
        finally:
            os.close(self._fd)
        self._done = True
        name = self.file_id.hex()
        os.replace(self._tmp, self._store.root / name)
        fsync_dir(self._store.root)
        return StoredFile(
            stored_name=name,
            wrapped_key=self._store.wrap(self.file_id, self._key),
            size=self._size,
            sha256=self._hash.hexdigest(),
            head=bytes(self._head),
        )

    def abort(self) -> None:
        """Drop what was written so far (only ciphertext ever reached the disk)."""
        if not self._done:
            self._done = True
            with contextlib.suppress(OSError):
                os.close(self._fd)
        with contextlib.suppress(FileNotFoundError):
            self._tmp.unlink()

    def _seal(self, plain: bytes, *, final: bool) -> None:
        nonce = secrets.token_bytes(NONCE)
        sealed = self._aes.encrypt(nonce, plain, _aad(self._header, self._index, final))
        self._index += 1
        self._write_all(nonce)
        self._write_all(sealed)

    def _write_all(self, data: bytes) -> None:
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self._fd, view) :]
        except OSError as exc:
            self.abort()
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise DiskFull() from exc
            raise


class SealedReader(io.RawIOBase):
    """Reads the plain bytes of a stored file, checking every chunk it touches."""

    def __init__(self, handle: io.BufferedReader, key: bytes, file_id: bytes) -> None:
        super().__init__()
        self._handle = handle
        self._aes = AESGCM(key)
        header = handle.read(HEADER.size)
        if len(header) != HEADER.size:
            raise DamagedFile("This file is cut short before its first chunk.")
        magic, version, chunk_size, stored_id = HEADER.unpack(header)
        if magic != MAGIC or version != VERSION or chunk_size < 1:
            raise DamagedFile("This file's header is not one this app wrote.")
        if stored_id != file_id:
            raise DamagedFile("This file belongs under another name: files were swapped.")
        self._header = header
        self._chunk = int(chunk_size)
        record = NONCE + chunk_size + TAG
        body = os.fstat(handle.fileno()).st_size - HEADER.size
        self._count = max(1, -(-body // record))
        last = body - (self._count - 1) * record
        if last < NONCE + TAG:
            raise DamagedFile("This file's last chunk is cut short.")
        self.size = (self._count - 1) * chunk_size + last - NONCE - TAG
        self._record = record
        self._pos = 0
        self._cached: tuple[int, bytes] | None = None

    def chunk(self, index: int) -> bytes:
        """The plain bytes of chunk ``index`` (DamagedFile when it does not authenticate)."""
        if self._cached and self._cached[0] == index:
            return self._cached[1]
        final = index == self._count - 1
        self._handle.seek(HEADER.size + index * self._record)
        raw = self._handle.read(self._record)
        try:
            plain = self._aes.decrypt(raw[:NONCE], raw[NONCE:], _aad(self._header, index, final))
        except (InvalidTag, ValueError) as exc:
            raise DamagedFile(
                f"Chunk {index + 1} of {self._count} does not match what was written: "
                "the file was changed, cut short, reordered or added to."
            ) from exc
        if not final and len(plain) != self._chunk:
            raise DamagedFile(f"Chunk {index + 1} has the wrong length.")
        self._cached = (index, plain)
        return plain

    def iter_chunks(self) -> Iterator[bytes]:
        for index in range(self._count):
            yield self.chunk(index)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self.size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._pos >= self.size:
            return 0
        index, offset = divmod(self._pos, self._chunk)
        plain = self.chunk(index)
        count = min(len(buffer), len(plain) - offset)
        buffer[:count] = plain[offset : offset + count]
        self._pos += count
        return count

    def close(self) -> None:
        self._handle.close()
        self._cached = None
        super().close()
