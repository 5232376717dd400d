"""Making a report, a chronology or a bundle from the vault: the one path the CLI and web share.

``prepare()`` signs a checkpoint of the integrity log (a new one when evidence was added
since the last) and reads the chosen incidents in one vault session. The PDF is then built in
memory; the bundle is a stream of chunks that reads each original from the encrypted store
as it goes. Nothing is written anywhere but where the caller sends the bytes.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from PIL import Image

from clearpath.evidence import checkpoints, files
from clearpath.evidence.filestore import DamagedFile
from clearpath.evidence.log import all_leaves
from clearpath.integrity.checkpoint import NoteSigner, sign_note
from clearpath.report.bundle import LogState, stream_bundle
from clearpath.report.chronology_csv import chronology_csv
from clearpath.report.data import FileItem, Filters, ReportData, load_report_data, utc
from clearpath.report.pdf_report import Seal, build_report
from clearpath.report.pdf_text import README
from clearpath.vault.service import Vault


class ExportStopped(Exception):
    """A bundle could not be finished (a stored file does not decrypt as written)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Prepared:
    """What one export shows, and the signed checkpoint it is sealed with."""

    data: ReportData
    seal: Seal
    leaves: tuple[str, ...]
    signer: NoteSigner
    earlier: tuple[tuple[str, str], ...] = ()


def prepare(vault: Vault, filters: Filters, *, person_name: str = "") -> Prepared:
    """Sign a checkpoint of the log as it is now and read what the filters choose."""
    with vault.session() as db:
        row = checkpoints.sign_checkpoint(db, vault)
        signer = checkpoints.signer(db, vault)
        leaves = tuple(leaf.data for leaf in all_leaves(db))[: row.tree_size]
        data = load_report_data(db, filters, person_name=person_name.strip())
        earlier = tuple(
            (utc(c.signed_at).isoformat(), c.note)
            for c in checkpoints.all_checkpoints(db)
            if c.id != row.id and c.tree_size <= row.tree_size
        )
        seal = Seal(
            tree_size=row.tree_size,
            root_hash=bytes.fromhex(row.root_hash),
            verifier_key=signer.verifier().text(),
            checkpoint_note=row.note,
        )
    return Prepared(data=data, seal=seal, leaves=leaves, signer=signer, earlier=earlier)


def report_pdf(vault: Vault, prepared: Prepared) -> bytes:
    """The report PDF, with image files as small thumbnails."""

    def thumbnail(item: FileItem) -> Image.Image | None:
        try:
            small = files.thumbnail(vault, item.file_id)
        except (files.FileNotFound, DamagedFile, OSError, ValueError):
            return None  # the page shows the item and hash; verify names a damaged file
        if small is None:
            return None
        image = Image.open(io.BytesIO(small))
        image.load()
        return image

    return build_report(prepared.data, prepared.seal, thumbnail)


def chronology(prepared: Prepared) -> bytes:
    """The chronology CSV."""
    return chronology_csv(prepared.data)


def bundle_chunks(vault: Vault, prepared: Prepared, report: bytes) -> Iterator[bytes]:
    """The evidence bundle as a stream of zip bytes (empty chunks left out)."""

    def original(item: FileItem) -> Iterator[bytes]:
        _, chunks = files.open_original(vault, item.file_id)
        try:
            yield from chunks
        except DamagedFile as exc:
            raise ExportStopped(
                f"{item.item} could not be read as it was stored ({exc.message}) "
                "Nothing was finished. Run 'clearpath verify' to see what does not match."
            ) from None

    def sign(text: str) -> str:
        return sign_note(text, prepared.signer)

    stream = stream_bundle(
        prepared.data,
        report_pdf=report,
        chronology_csv=chronology(prepared),
        readme=README.format(verifier_key=prepared.seal.verifier_key),
        log=LogState(
            leaves=prepared.leaves,
            checkpoint_note=prepared.seal.checkpoint_note,
            verifier_key=prepared.seal.verifier_key,
            earlier=prepared.earlier,
        ),
        open_original=original,
        sign=sign,
        created_at=datetime.now(UTC),
    )
    return (chunk for chunk in stream if chunk)


def download_name(kind: str, when: datetime) -> str:
    """A neutral file name for an export: record-2026-11-24.pdf."""
    suffix = {"pdf": "pdf", "csv": "csv", "bundle": "zip"}[kind]
    stem = "chronology" if kind == "csv" else "record"
    return f"{stem}-{when.date().isoformat()}.{suffix}"
