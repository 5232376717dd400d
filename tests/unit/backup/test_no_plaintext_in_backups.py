"""A backup, a restore and a check write nothing readable to disk: the data folder, the
backup folder, the restored folder and the temp folders hold no vault content in plaintext."""

from __future__ import annotations

import tempfile
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from clearpath.backup.making import write_backup
from clearpath.backup.restoring import restore_backup, verify_backup
from clearpath.notes.services import save_note
from clearpath.vault.service import Vault
from plaintext_scan import files_holding, files_under, needles

if TYPE_CHECKING:
    from tests.conftest import VaultSecrets


def test_backup_and_restore_leave_no_plaintext(
    unlocked_vault: Vault,
    vault_secrets: VaultSecrets,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    started = time.time()
    marker = f"marker-{uuid.uuid4()}"
    with unlocked_vault.session() as db:
        save_note(db, f"{marker} ünïcode")
    usb = tmp_path / "usb"
    usb.mkdir()
    made = write_backup(unlocked_vault, usb, backup_passphrase="velvet compass harbour 19")
    assert made.path is not None
    unlocked_vault.lock()
    verify_backup(made.path, vault_secrets.passphrase)
    restore_backup(made.path, tmp_path / "restored", vault_secrets.passphrase)

    scanned = [
        *files_under(tmp_path),
        *files_under(Path(tempfile.gettempdir()), since=started),
    ]
    assert scanned
    assert files_holding(scanned, needles(marker)) == []
