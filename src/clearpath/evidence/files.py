"""Files kept as evidence: add (streamed and encrypted), list, read back, attach, erase.

Streaming and encryption happen outside any database transaction (a large upload must not
hold the vault's write lock); the row and its log leaf are written in one short session
afterwards. The original bytes are never changed; metadata is read from the decrypting
reader, so no plain copy is ever made.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearpath.evidence import filemeta
from clearpath.evidence.filestore import KEY_PURPOSE, FileStore, SealedWriter, StoredFile
from clearpath.evidence.log import append_event, canonical_json, sha256_hex, utc_text
from clearpath.evidence.models import ACTIVE, ERASED, EvidenceFile
from clearpath.evidence.services import IncidentNotFound, incident_exists
from clearpath.evidence.sniff import extension_for, sniff
from clearpath.vault.service import Vault

MAX_NAME = 255
READ_SIZE = 1024 * 1024


class FileNotFound(LookupError):
    """No file with this id (or it was erased)."""


@dataclass(frozen=True)
class FileInfo:
    """A kept file as pages, the CLI and the report see it."""

    id: int
    item_number: int
    incident_id: int | None
    original_name: str
    size: int
    sha256: str
    media_type: str
    added_at: datetime
    details: dict[str, Any]
    has_gps: bool

    @property
    def item(self) -> str:
        """The item number as printed: CP-000001."""
        return item_label(self.item_number)

    @property
    def is_image(self) -> bool:
        return self.media_type in ("image/jpeg", "image/png", "image/gif", "image/webp")

    @property
    def download_name(self) -> str:
        """A download name that says nothing about the content: CP-000001.jpg."""
        return self.item + extension_for(self.media_type)


def item_label(number: int) -> str:
    """CP-000001 for item 1."""
    return f"CP-{number:06d}"


def file_store(vault: Vault) -> FileStore:
    """The vault's encrypted file store (VaultLocked while locked)."""
    return FileStore(vault.paths.files, vault.subkey(KEY_PURPOSE))


def file_record(row: EvidenceFile) -> dict[str, Any]:
    """The machine-readable record of a file (its log leaf holds this record's hash)."""
    return {
        "item": row.item_number,
        "original_name": row.original_name,
        "size": row.size,
        "sha256": row.sha256,
        "media_type": row.media_type,
        "added_at": utc_text(row.added_at),
        "details": json.loads(row.details or "{}"),
    }


def add_file(
    vault: Vault, chunks: Iterable[bytes], original_name: str, incident_id: int | None = None
) -> FileInfo:
    """Encrypt ``chunks`` (the original bytes in order) into the store and record the file.
    IncidentNotFound when ``incident_id`` is not an incident."""
    _check_incident(vault, incident_id)
    with file_store(vault).writer() as writer:
        for chunk in chunks:
            writer.write(chunk)
        stored = writer.finish()
    return register_file(vault, stored, original_name, incident_id)


def start_file(vault: Vault) -> SealedWriter:
    """A writer for a file whose bytes arrive piece by piece (the web upload); hand what its
    finish() returns to register_file(), or call abort()."""
    return file_store(vault).writer()


def register_file(
    vault: Vault, stored: StoredFile, original_name: str, incident_id: int | None = None
) -> FileInfo:
    """Record a stored file: sniff its type, read its metadata, add the row and the leaf."""
    store = file_store(vault)
    media_type = sniff(stored.head)
    try:
        with store.reader(stored.stored_name, stored.wrapped_key) as reader:
            details = filemeta.read_details(io.BufferedReader(reader, 256 * 1024), media_type)
    except Exception:
        store.remove(stored.stored_name)
        raise
    name = _clean_name(original_name)
    try:
        with vault.session() as db:
            if incident_id is not None and not incident_exists(db, incident_id):
                raise IncidentNotFound(incident_id)
            number = int(db.scalar(select(func.max(EvidenceFile.item_number))) or 0) + 1
            row = EvidenceFile(
                item_number=number,
                incident_id=incident_id,
                stored_name=stored.stored_name,
                wrapped_key=stored.wrapped_key,
                original_name=name,
                size=stored.size,
                sha256=stored.sha256,
                media_type=media_type,
                added_at=datetime.now(UTC),
                details=json.dumps(details, ensure_ascii=False, sort_keys=True),
                has_gps="gps" in details,
                state=ACTIVE,
            )
            db.add(row)
            db.flush()
            append_event(
                db,
                {
                    "event": "file.added",
                    "item": number,
                    "incident": incident_id,
                    "sha256": stored.sha256,
                    "size": stored.size,
                    "record_sha256": sha256_hex(canonical_json(file_record(row))),
                },
            )
            return _info(row)
    except BaseException:
        store.remove(stored.stored_name)
        raise


def attach_file(db: Session, file_id: int, incident_id: int | None) -> None:
    """Attach a file to an incident (or to none); logged."""
    row = _row(db, file_id)
    if incident_id is not None and not incident_exists(db, incident_id):
        raise IncidentNotFound(incident_id)
    if row.incident_id == incident_id:
        return
    row.incident_id = incident_id
    append_event(db, {"event": "file.linked", "item": row.item_number, "incident": incident_id})


def erase_file(vault: Vault, file_id: int) -> None:
    """Erase one file for good: its ciphertext, name and metadata. The log keeps its hash."""
    with vault.session() as db:
        row = _row(db, file_id)
        append_event(
            db,
            {
                "event": "file.erased",
                "item": row.item_number,
                "sha256": row.sha256,
                "at": utc_text(datetime.now(UTC)),
            },
        )
        row.state = ERASED
        row.original_name = ""
        row.details = "{}"
        row.media_type = ""
        row.has_gps = False
        row.wrapped_key = b""
        stored_name = row.stored_name
    file_store(vault).remove(stored_name)


def get_file(db: Session, file_id: int) -> FileInfo:
    """One kept file (FileNotFound when missing or erased)."""
    return _info(_row(db, file_id))


def files_for_incident(db: Session, incident_id: int) -> list[FileInfo]:
    """The files attached to one incident, by item number."""
    rows = db.scalars(
        select(EvidenceFile)
        .where(EvidenceFile.incident_id == incident_id, EvidenceFile.state == ACTIVE)
        .order_by(EvidenceFile.item_number)
    ).all()
    return [_info(r) for r in rows]


def list_files(db: Session, *, unattached_only: bool = False) -> list[FileInfo]:
    """Every kept file, newest first (or only those attached to no incident)."""
    query = select(EvidenceFile).where(EvidenceFile.state == ACTIVE)
    if unattached_only:
        query = query.where(EvidenceFile.incident_id.is_(None))
    return [_info(r) for r in db.scalars(query.order_by(EvidenceFile.item_number.desc()))]


def open_original(vault: Vault, file_id: int) -> tuple[FileInfo, Iterator[bytes]]:
    """A file's details and its original bytes as a stream of chunks, decrypted as read.
    The iterator raises filestore.DamagedFile if the stored file was changed."""
    with vault.session() as db:
        row = _row(db, file_id)
        info, stored_name, wrapped = _info(row), row.stored_name, row.wrapped_key
    return info, file_store(vault).chunks(stored_name, wrapped)


def open_range(
    vault: Vault, file_id: int, start: int, end: int
) -> tuple[FileInfo, Iterator[bytes]]:
    """Bytes ``start`` to ``end`` (inclusive) of a file's original, decrypting only the
    chunks they fall in (for seeking in a recording or a video)."""
    with vault.session() as db:
        row = _row(db, file_id)
        info, stored_name, wrapped = _info(row), row.stored_name, row.wrapped_key
    reader = file_store(vault).reader(stored_name, wrapped)

    def pieces() -> Iterator[bytes]:
        with reader:
            reader.seek(start)
            left = end - start + 1
            while left > 0:
                piece = reader.read(min(left, READ_SIZE))
                if not piece:
                    return
                left -= len(piece)
                yield piece

    return info, pieces()


def thumbnail(vault: Vault, file_id: int) -> bytes | None:
    """A small JPEG of an image file, made in memory and not kept anywhere."""
    with vault.session() as db:
        row = _row(db, file_id)
        stored_name, wrapped, media_type = row.stored_name, row.wrapped_key, row.media_type
    if not media_type.startswith("image/"):
        return None
    with file_store(vault).reader(stored_name, wrapped) as reader:
        return filemeta.thumbnail(io.BufferedReader(reader, 256 * 1024))


def _check_incident(vault: Vault, incident_id: int | None) -> None:
    if incident_id is None:
        return
    with vault.session() as db:
        if not incident_exists(db, incident_id):
            raise IncidentNotFound(incident_id)


def _clean_name(name: str) -> str:
    # Only the last part of a path; control characters dropped; never empty.
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in base if ch.isprintable()).strip()
    return (cleaned or "unnamed")[:MAX_NAME]


def _row(db: Session, file_id: int) -> EvidenceFile:
    row = db.get(EvidenceFile, file_id)
    if row is None or row.state != ACTIVE:
        raise FileNotFound(file_id)
    return row


def _info(row: EvidenceFile) -> FileInfo:
    return FileInfo(
        id=row.id,
        item_number=row.item_number,
        incident_id=row.incident_id,
        original_name=row.original_name,
        size=row.size,
        sha256=row.sha256,
        media_type=row.media_type,
        added_at=row.added_at,
        details=json.loads(row.details or "{}"),
        has_gps=row.has_gps,
    )
