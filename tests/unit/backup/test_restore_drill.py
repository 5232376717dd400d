"""The restore drill: fill a vault, back it up, destroy it, restore it elsewhere, compare."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from tests.unit.backup.vault_filling import add_files, every_file, every_row, fill_every_table

from clearpath.backup import keys, services
from clearpath.backup.errors import BackupDamaged, BackupSecretWrong, BackupTargetInUse
from clearpath.backup.making import NAME_PATTERN, write_backup
from clearpath.backup.restoring import restore_backup
from clearpath.notes.services import save_note
from clearpath.settings import TESTING_KDF
from clearpath.vault.service import Vault

if TYPE_CHECKING:
    from tests.conftest import VaultSecrets

BACKUP_PASSPHRASE = "velvet compass harbour nineteen lantern"


@pytest.fixture
def filled(unlocked_vault: Vault) -> Vault:
    """Records through the services there are, then rows in every table (whatever areas
    exist on this branch), then files under files/."""
    with unlocked_vault.session() as db:
        save_note(db, "A note through the service, ünïcode ✓")
        services.save_choices(db, services.parse_choices("/media/usb", "3", "10"))
    assert fill_every_table(unlocked_vault) > 0
    add_files(unlocked_vault.paths.files)
    return unlocked_vault


def _reopen(data_dir: Path, passphrase: str) -> Vault:
    restored = Vault(data_dir, TESTING_KDF)
    restored.unlock(passphrase)
    return restored


@pytest.mark.parametrize("opener", ["passphrase", "recovery", "backup-passphrase"])
def test_drill_every_row_and_every_file_come_back(
    filled: Vault, vault_secrets: VaultSecrets, tmp_path: Path, opener: str
) -> None:
    rows_before = every_row(filled)
    files_before = every_file(filled.paths.files)
    keys_before = filled.paths.keys.read_bytes()
    made = write_backup(filled, tmp_path, backup_passphrase=BACKUP_PASSPHRASE)
    assert made.path is not None
    assert NAME_PATTERN.match(made.path.name)
    filled.lock()
    shutil.rmtree(filled.paths.root)  # destroyed

    secret = {
        "passphrase": vault_secrets.passphrase,
        "recovery": vault_secrets.recovery_code.lower(),
        "backup-passphrase": BACKUP_PASSPHRASE,
    }[opener]
    target = tmp_path / "elsewhere"
    done = restore_backup(made.path, target, secret)
    assert done.files == len(files_before)
    assert (target / "keys.json").read_bytes() == keys_before
    assert every_file(target / "files") == files_before
    restored = _reopen(target, vault_secrets.passphrase)
    try:
        assert every_row(restored) == rows_before
    finally:
        restored.lock()
    assert not list(target.glob(".restoring-*"))


def test_the_backup_subkey_is_the_vaults(unlocked_vault: Vault) -> None:
    data_key = unlocked_vault._key
    assert data_key is not None
    assert keys.subkey_from_data_key(data_key) == unlocked_vault.subkey("backup")


def test_a_wrong_secret_changes_nothing(filled: Vault, tmp_path: Path) -> None:
    made = write_backup(filled, tmp_path)
    assert made.path is not None
    with pytest.raises(BackupSecretWrong):
        restore_backup(made.path, tmp_path / "new", "not the passphrase at all")
    assert not (tmp_path / "new" / "vault.db").exists()


def test_without_a_backup_passphrase_it_does_not_open_with_one(
    filled: Vault, tmp_path: Path
) -> None:
    made = write_backup(filled, tmp_path)
    assert made.path is not None
    with pytest.raises(BackupSecretWrong):
        restore_backup(made.path, tmp_path / "new", BACKUP_PASSPHRASE)


def test_an_existing_vault_is_never_touched_without_consent(
    filled: Vault, vault_secrets: VaultSecrets, tmp_path: Path
) -> None:
    made = write_backup(filled, tmp_path)
    assert made.path is not None
    before = every_file(filled.paths.root)
    with pytest.raises(BackupTargetInUse):
        restore_backup(made.path, filled.paths.root, vault_secrets.passphrase)
    assert every_file(filled.paths.root) == before


@pytest.mark.parametrize("keep_old", [True, False])
def test_replacing_keeps_the_old_vault_aside_until_done(
    filled: Vault, vault_secrets: VaultSecrets, tmp_path: Path, keep_old: bool
) -> None:
    made = write_backup(filled, tmp_path)
    assert made.path is not None
    filled.lock()
    root = filled.paths.root
    (root / "files" / "only-in-the-old-one").write_bytes(b"old")
    done = restore_backup(
        made.path, root, vault_secrets.passphrase, replace=True, keep_old=keep_old
    )
    assert not (root / "files" / "only-in-the-old-one").exists()
    if keep_old:
        assert done.kept_aside is not None
        assert (done.kept_aside / "files" / "only-in-the-old-one").read_bytes() == b"old"
    else:
        assert done.kept_aside is None
        assert not list(tmp_path.glob("*before-restore*"))
    _reopen(root, vault_secrets.passphrase).lock()


def test_a_damaged_backup_leaves_the_old_vault_in_place(
    filled: Vault, vault_secrets: VaultSecrets, tmp_path: Path
) -> None:
    made = write_backup(filled, tmp_path)
    assert made.path is not None
    filled.lock()
    data = bytearray(made.path.read_bytes())
    data[-100] ^= 1
    made.path.write_bytes(bytes(data))
    before = every_file(filled.paths.root)
    with pytest.raises(BackupDamaged):
        restore_backup(made.path, filled.paths.root, vault_secrets.passphrase, replace=True)
    assert every_file(filled.paths.root) == before
    assert not list(tmp_path.glob("*before-restore*"))
    assert not list(filled.paths.root.glob(".restoring-*"))


def test_the_snapshot_copy_is_removed(filled: Vault, tmp_path: Path) -> None:
    write_backup(filled, tmp_path)
    assert not list(filled.paths.root.glob(".backup-snapshot-*"))
