"""Evidence files made readable for the export of everything (the backup area's export)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select

from clearpath.evidence.files import file_store
from clearpath.evidence.models import EvidenceFile
from clearpath.vault.service import Vault


def readable_file(vault: Vault, path_under_files: str) -> Iterator[bytes] | None:
    """The original bytes of the stored file at ``files/<path_under_files>``, decrypted as
    they are read; None when it is not an evidence file."""
    with vault.session() as db:
        row = db.scalar(select(EvidenceFile).where(EvidenceFile.stored_name == path_under_files))
        if row is None:
            return None
        stored_name, wrapped = row.stored_name, row.wrapped_key
    return file_store(vault).chunks(stored_name, wrapped)
