"""The export and the files inside it, kept as evidence before any message is added.

The same bytes are kept once: an export (or a photo in a WhatsApp zip) whose SHA-256 is
already in the file store is reused instead of stored again.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import select

from clearpath.evidence.files import FileInfo, add_file, get_file
from clearpath.evidence.models import ACTIVE, EvidenceFile
from clearpath.importers.base import Source
from clearpath.importers.whatsapp import zip_members
from clearpath.vault.service import Vault

READ_CHUNK = 1024 * 1024


def _stream(opener: Callable[[], Any]) -> Iterator[bytes]:
    with opener() as stream:
        while chunk := stream.read(READ_CHUNK):
            yield chunk


def _sha256(opener: Callable[[], Any]) -> str:
    digest = hashlib.sha256()
    for chunk in _stream(opener):
        digest.update(chunk)
    return digest.hexdigest()


def _existing(vault: Vault, sha256: str) -> int | None:
    with vault.session() as db:
        found = db.scalar(
            select(EvidenceFile.id).where(
                EvidenceFile.sha256 == sha256, EvidenceFile.state == ACTIVE
            )
        )
    return int(found) if found is not None else None


def _info(vault: Vault, file_id: int) -> FileInfo:
    with vault.session() as db:
        return get_file(db, file_id)


def keep_original(vault: Vault, source: Source, stored_file_id: int | None) -> FileInfo:
    """The export as an evidence file: the one given, one with the same bytes, or a new one."""
    if stored_file_id is not None:
        return _info(vault, stored_file_id)
    same = _existing(vault, _sha256(source.open))
    if same is not None:
        return _info(vault, same)
    return add_file(vault, _stream(source.open), source.name)


def keep_attachments(vault: Vault, source: Source, wanted: Iterable[str]) -> dict[str, int]:
    """Files inside a zip export that messages refer to, each kept as evidence."""
    names = set(wanted)
    members = zip_members(source) if names else None
    if not members:
        return {}
    kept: dict[str, int] = {}
    for member in members:
        short = member.rsplit("/", 1)[-1]
        if short not in names or short in kept:
            continue

        def opener(member: str = member) -> Any:
            return _ZipMember(source, member)

        same = _existing(vault, _sha256(opener))
        kept[short] = same if same is not None else add_file(vault, _stream(opener), short).id
    return kept


class _ZipMember:
    """One file inside the zip export, opened as a stream (closing both when done)."""

    def __init__(self, source: Source, member: str) -> None:
        self._outer = source.open()
        self._archive = zipfile.ZipFile(self._outer)
        self._inner = self._archive.open(member)

    def read(self, size: int = -1) -> bytes:
        return self._inner.read(size)

    def __enter__(self) -> _ZipMember:
        return self

    def __exit__(self, *_: object) -> None:
        self._inner.close()
        self._archive.close()
        self._outer.close()
