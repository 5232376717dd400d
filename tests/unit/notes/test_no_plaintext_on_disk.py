"""No vault content in plaintext on disk: not in the data directory, not in temp files.

A unique marker is written through the note service, then every file the test could have
caused is scanned for it in UTF-8 and UTF-16. Temp files are steered into a folder this test
owns (TMPDIR and tempfile.tempdir), and the system temp folder's own files made during the
test are scanned as well.
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from clearpath.notes.services import read_note, save_note
from clearpath.vault.service import Vault
from plaintext_scan import files_holding, files_under, needles

if TYPE_CHECKING:
    from tests.conftest import VaultSecrets


@dataclass(frozen=True)
class TempDirs:
    private: Path  # where this test steers temp files
    system: Path  # the machine's temp folder, shared with everything else


@pytest.fixture
def temp_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TempDirs:
    system = Path(tempfile.gettempdir())
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setenv("TMPDIR", str(private))
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    return TempDirs(private=private, system=system)


def test_a_note_is_never_on_disk_in_plaintext(
    unlocked_vault: Vault,
    vault_secrets: VaultSecrets,
    data_dir: Path,
    tmp_path: Path,
    temp_dirs: TempDirs,
) -> None:
    assert temp_dirs.private.is_relative_to(tmp_path)
    started = time.time() - 1
    marker = f"clearpath-marker-{uuid.uuid4().hex}"
    wanted = needles(marker)

    def leaks() -> list[str]:
        mine = files_holding(files_under(tmp_path), wanted)
        system = files_holding(files_under(temp_dirs.system, started), wanted)
        return mine + system

    with unlocked_vault.session() as session:
        save_note(session, f"Things to remember: {marker}\n" + "more words " * 500)
    assert leaks() == []

    # Rewriting and reading makes SQLite use its journal and page cache too.
    with unlocked_vault.session() as session:
        save_note(session, f"{marker} again, longer " * 200)
    with unlocked_vault.session() as session:
        assert marker in read_note(session)
    assert leaks() == []

    unlocked_vault.lock()
    assert leaks() == []

    # The scan is not vacuous: the marker really is in the vault.
    unlocked_vault.unlock(vault_secrets.passphrase)
    with unlocked_vault.session() as session:
        assert marker in read_note(session)
    assert sorted(os.listdir(data_dir)) == ["files", "keys.json", "vault.db"]
