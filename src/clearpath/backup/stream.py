"""The encrypted backup stream: a versioned header, then AES-256-GCM chunks.

Layout (all integers big-endian; docs/backup-format.md is the full description):

    magic "CLRPBAK1" (8) | version (1) | header length (4) | header (JSON, UTF-8)
    then chunks:  ciphertext length (4) | ciphertext (plaintext + 16-byte tag)

Chunk ``i`` is sealed under the backup's random content key with the nonce ``0000 || i`` (the
key is new for every backup, so a counter nonce never repeats) and the associated data
``"clearpath-backup-v1:chunk" || SHA-256(header bytes) || i (8) || final (1)``. So a chunk
cannot be changed, moved, dropped, or taken from another backup, and a file cut after any
chunk but the last one marked final is refused. Every chunk but the final one holds exactly
``chunk_size`` bytes; nothing may follow the final chunk.
"""

from __future__ import annotations

import hashlib
import json
import struct
from collections.abc import Callable
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from clearpath.backup.errors import BackupDamaged, BackupTooNew, NotABackup

MAGIC = b"CLRPBAK1"
VERSION = 1
CHUNK_SIZE = 1024 * 1024
TAG_BYTES = 16
MAX_HEADER = 256 * 1024
_CHUNK_AAD = b"clearpath-backup-v1:chunk"
_PREAMBLE = struct.Struct(">8sBI")
_LENGTH = struct.Struct(">I")
_INDEX_FINAL = struct.Struct(">QB")

Progress = Callable[[int], None]


def encode_header(header: dict[str, Any]) -> bytes:
    """The bytes that start a backup file: magic, version, length and the JSON header."""
    body = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return _PREAMBLE.pack(MAGIC, VERSION, len(body)) + body


def read_header(source: IO[bytes]) -> tuple[dict[str, Any], bytes]:
    """The parsed header and its exact bytes (for the digest), read from the file's start."""
    preamble = source.read(_PREAMBLE.size)
    if len(preamble) < _PREAMBLE.size:
        raise NotABackup()
    magic, version, length = _PREAMBLE.unpack(preamble)
    if magic != MAGIC:
        raise NotABackup()
    if version > VERSION:
        raise BackupTooNew(version)
    if version != VERSION or length > MAX_HEADER:
        raise BackupDamaged("its header is not in a form this version knows")
    body = source.read(length)
    if len(body) != length:
        raise BackupDamaged("the file ends inside its header")
    try:
        header = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BackupDamaged("its header has been changed") from exc
    if not isinstance(header, dict) or header.get("kind") != "clearpath-backup":
        raise BackupDamaged("its header has been changed")
    return header, preamble + body


def _nonce(index: int) -> bytes:
    return b"\x00\x00\x00\x00" + index.to_bytes(8, "big")


def _aad(digest: bytes, index: int, final: bool) -> bytes:
    return _CHUNK_AAD + digest + _INDEX_FINAL.pack(index, 1 if final else 0)


class ChunkWriter:
    """A file-like sink: what is written is sealed in chunks and written to ``target``.

    Memory stays at about one chunk whatever the size. close() seals the final chunk; a stream
    that is never closed has no final chunk, so it is refused on restore as incomplete.
    """

    def __init__(
        self, target: IO[bytes], key: bytes, header_bytes: bytes, chunk_size: int = CHUNK_SIZE
    ) -> None:
        self._target = target
        self._aead = AESGCM(key)
        self._digest = hashlib.sha256(header_bytes).digest()
        self._chunk_size = chunk_size
        self._buffer = bytearray()
        self._index = 0
        self.closed = False
        target.write(header_bytes)

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data)
        size = len(view)
        room = self._chunk_size - len(self._buffer)
        while len(view) >= room:
            if self._buffer:
                self._buffer += view[:room]
                self._seal(self._buffer, final=False)
                self._buffer.clear()
            else:
                self._seal(view[:room], final=False)
            view = view[room:]
            room = self._chunk_size
        self._buffer += view
        return size

    def close(self) -> None:
        if not self.closed:
            self._seal(self._buffer, final=True)
            self._buffer.clear()
            self.closed = True

    def _seal(self, plain: bytes | bytearray | memoryview, final: bool) -> None:
        sealed = self._aead.encrypt(
            _nonce(self._index), plain, _aad(self._digest, self._index, final)
        )
        self._target.write(_LENGTH.pack(len(sealed)))
        self._target.write(sealed)
        self._index += 1


class ChunkReader:
    """Reads the plaintext back, checking each chunk before a byte of it is handed out.

    read() raises BackupDamaged for a changed, missing, moved or extra chunk, and at the end
    of the file when no final chunk was seen (a cut file).
    """

    def __init__(
        self,
        source: IO[bytes],
        key: bytes,
        header: dict[str, Any],
        header_bytes: bytes,
        progress: Progress | None = None,
    ) -> None:
        self._source = source
        self._aead = AESGCM(key)
        self._digest = hashlib.sha256(header_bytes).digest()
        chunk_size = header.get("chunk_size")
        if not isinstance(chunk_size, int) or not 0 < chunk_size <= 64 * CHUNK_SIZE:
            raise BackupDamaged("its header has been changed")
        self._chunk_size = chunk_size
        self._index = 0
        self._plain = b""
        self._offset = 0
        self._done = False
        self._progress = progress

    def read(self, size: int = -1) -> bytes:
        parts: list[bytes] = []
        wanted = size if size >= 0 else 1 << 62
        while wanted > 0:
            if self._offset >= len(self._plain):
                if self._done:
                    break
                self._next_chunk()
                continue
            piece = self._plain[self._offset : self._offset + wanted]
            self._offset += len(piece)
            wanted -= len(piece)
            parts.append(piece)
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def read_some(self, size: int) -> memoryview:
        """Up to ``size`` bytes (at least one) from the current chunk, without copying them;
        BackupDamaged at the end of the stream. Valid until the next read."""
        while self._offset >= len(self._plain):
            if self._done:
                raise BackupDamaged("its contents end too early")
            self._next_chunk()
        view = memoryview(self._plain)[self._offset : self._offset + size]
        self._offset += len(view)
        return view

    def read_exact(self, size: int) -> bytes:
        data = self.read(size)
        if len(data) != size:
            raise BackupDamaged("its contents end too early")
        return data

    def at_end(self) -> bool:
        """True when every chunk, the final one included, has been read and used up."""
        while self._offset >= len(self._plain) and not self._done:
            self._next_chunk()
        return self._done and self._offset >= len(self._plain)

    def _next_chunk(self) -> None:
        raw_len = self._source.read(_LENGTH.size)
        if len(raw_len) < _LENGTH.size:
            raise BackupDamaged("the file is cut short (its last part is missing)")
        (length,) = _LENGTH.unpack(raw_len)
        if not TAG_BYTES <= length <= self._chunk_size + TAG_BYTES:
            raise BackupDamaged(f"part {self._index + 1} has been changed")
        sealed = self._source.read(length)
        if len(sealed) != length:
            raise BackupDamaged("the file is cut short (its last part is missing)")
        self._plain = self._open(sealed)
        self._offset = 0
        self._index += 1
        if self._progress is not None:
            self._progress(_LENGTH.size + length)

    def _open(self, sealed: bytes) -> bytes:
        nonce = _nonce(self._index)
        full = len(sealed) == self._chunk_size + TAG_BYTES
        # A full-size chunk may be a middle one or a final one; anything shorter can only be
        # the final one.
        for final in (False, True) if full else (True,):
            try:
                plain = self._aead.decrypt(nonce, sealed, _aad(self._digest, self._index, final))
            except InvalidTag:
                continue
            if final:
                self._done = True
                if self._source.read(1):
                    raise BackupDamaged("something was added after its end")
            return plain
        raise BackupDamaged(f"part {self._index + 1} has been changed or moved")
