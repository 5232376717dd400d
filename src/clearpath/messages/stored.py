"""An export already kept in the evidence file store, read back as an importer Source.

The bytes are decrypted chunk by chunk as the importer reads them; nothing plain is written.
"""

from __future__ import annotations

import io
from typing import IO

from sqlalchemy import select

from clearpath.evidence.files import FileNotFound, file_store
from clearpath.evidence.models import ACTIVE, EvidenceFile
from clearpath.importers.base import Source
from clearpath.vault.service import Vault

READ_BUFFER = 1024 * 1024


def stored_source(vault: Vault, file_id: int) -> Source:
    """The kept file ``file_id`` as a Source; FileNotFound when it is not (or no longer) kept."""
    with vault.session() as db:
        row = db.scalar(
            select(EvidenceFile).where(EvidenceFile.id == file_id, EvidenceFile.state == ACTIVE)
        )
        if row is None:
            raise FileNotFound(file_id)
        name, stored_name, wrapped = row.original_name, row.stored_name, row.wrapped_key

    def opener() -> IO[bytes]:
        reader = file_store(vault).reader(stored_name, wrapped)
        return io.BufferedReader(reader, READ_BUFFER)

    return Source(name, opener)
