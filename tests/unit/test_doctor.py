"""doctor's checks before unlocking: leftovers of interrupted writes are named as such."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from clearpath import doctor
from clearpath.settings import load_settings
from clearpath.vault.service import Vault

if TYPE_CHECKING:
    from tests.conftest import VaultSecrets


def _findings(data_dir: Path) -> list[doctor.Finding]:
    return doctor.check_without_key(load_settings({"CLEARPATH_TESTING": "1"}, data_dir=data_dir))


def _about(findings: list[doctor.Finding], name: str) -> list[doctor.Finding]:
    return [f for f in findings if name in f.text]


def test_a_fresh_vault_is_all_ok(unlocked_vault: Vault, data_dir: Path) -> None:
    findings = _findings(data_dir)
    assert [f for f in findings if f.level is not doctor.Level.OK] == []


def test_a_keys_json_temp_file_is_a_leftover_not_a_stranger(
    unlocked_vault: Vault, data_dir: Path
) -> None:
    leftover = data_dir / f".keys.json.{os.getpid()}.tmp"
    leftover.write_bytes(unlocked_vault.paths.keys.read_bytes())
    [finding] = _about(_findings(data_dir), leftover.name)
    assert finding.level is doctor.Level.NOTE
    assert "left over from saving keys.json" in finding.text
    assert "did not put there" not in finding.text
    assert finding.fix == f"When Clearpath is not running, delete it: rm '{leftover}'"


def test_a_similar_name_is_still_a_stranger(unlocked_vault: Vault, data_dir: Path) -> None:
    (data_dir / ".keys.json.backup.tmp").write_text("?")
    [finding] = _about(_findings(data_dir), ".keys.json.backup.tmp")
    assert finding.level is doctor.Level.PROBLEM
    assert "did not put there" in finding.text


def test_a_creating_file_beside_a_vault_is_a_leftover(
    unlocked_vault: Vault, data_dir: Path
) -> None:
    creating = data_dir / ".vault.db.creating"
    creating.write_bytes(os.urandom(4096))
    [finding] = _about(_findings(data_dir), ".vault.db.creating")
    assert finding.level is doctor.Level.NOTE
    assert "left over from creating a vault" in finding.text
    assert finding.fix == f"When Clearpath is not running, delete it: rm '{creating}'"


def test_a_creation_interrupted_before_the_rename_can_be_finished(
    unlocked_vault: Vault, vault_secrets: VaultSecrets, data_dir: Path
) -> None:
    # Exactly what an interruption between writing keys.json and the rename leaves.
    unlocked_vault.lock()
    (data_dir / "vault.db").rename(data_dir / ".vault.db.creating")
    findings = _findings(data_dir)
    [finding] = _about(findings, ".vault.db.creating")
    assert finding.level is doctor.Level.PROBLEM
    assert "interrupted just before the end" in finding.text
    assert finding.fix == (
        f"Finish it by renaming the file: mv '{data_dir / '.vault.db.creating'}' "
        f"'{data_dir / 'vault.db'}'"
    )
    assert not _about(findings, "vault.db is missing")
    # The advice works.
    (data_dir / ".vault.db.creating").rename(data_dir / "vault.db")
    unlocked_vault.unlock(vault_secrets.passphrase)
    assert unlocked_vault.unlocked
