"""Checking the passphrase again and replacing the recovery code (for the web's settings)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from clearpath.settings import TESTING_KDF
from clearpath.vault import keyslots, recovery, service
from clearpath.vault.errors import MalformedRecoveryCode, TryLater, VaultLocked, WrongSecret
from clearpath.vault.keyfile import KeyFile
from clearpath.vault.service import Vault

if TYPE_CHECKING:
    from tests.conftest import FakeClock, VaultSecrets

NEW_PASSPHRASE = "violet tram orchard whistle nineteen"
WRONG = "definitely not the passphrase"


# -- check_passphrase -----------------------------------------------------------------------


@pytest.mark.parametrize("locked", [True, False])
def test_check_passphrase_opens_nothing_and_changes_nothing(
    unlocked_vault: Vault, vault_secrets: VaultSecrets, locked: bool
) -> None:
    if locked:
        unlocked_vault.lock()
    keys_before = unlocked_vault.paths.keys.read_bytes()
    unlocked_vault.check_passphrase(vault_secrets.passphrase)
    assert unlocked_vault.unlocked is not locked
    assert unlocked_vault.paths.keys.read_bytes() == keys_before


def test_check_passphrase_is_throttled_like_unlock(
    unlocked_vault: Vault, vault_secrets: VaultSecrets, clock: FakeClock
) -> None:
    for _ in range(5):
        with pytest.raises(WrongSecret):
            unlocked_vault.check_passphrase(WRONG)
    assert unlocked_vault.unlocked  # a wrong check does not lock an open vault
    with pytest.raises(TryLater) as caught:
        unlocked_vault.check_passphrase(vault_secrets.passphrase)
    assert caught.value.seconds == 10
    # The same counter as unlock: unlocking has to wait too.
    unlocked_vault.lock()
    with pytest.raises(TryLater):
        unlocked_vault.unlock(vault_secrets.passphrase)
    clock.advance(10)
    unlocked_vault.check_passphrase(vault_secrets.passphrase)
    assert unlocked_vault.keyfile().failures.count == 0


def test_wrong_secret_carries_the_wait_it_put_in_force(unlocked_vault: Vault) -> None:
    unlocked_vault.lock()
    waits = []
    for _ in range(5):
        with pytest.raises(WrongSecret) as caught:
            unlocked_vault.unlock(WRONG)
        waits.append(caught.value.wait_seconds)
    assert waits == [0, 0, 0, 0, 10]
    assert waits[-1] == unlocked_vault.wait_seconds()


# -- replace_recovery_code ------------------------------------------------------------------


def test_replace_recovery_code_retires_the_old_code(
    unlocked_vault: Vault, vault_secrets: VaultSecrets, data_dir: Path
) -> None:
    passphrase_slot = unlocked_vault.keyfile().slot(keyslots.PASSPHRASE)
    new_code = recovery.generate()
    unlocked_vault.replace_recovery_code(new_code)
    assert unlocked_vault.unlocked
    assert unlocked_vault.keyfile().slot(keyslots.PASSPHRASE) == passphrase_slot

    fresh = Vault(data_dir, TESTING_KDF)
    with pytest.raises(WrongSecret):
        fresh.recover(vault_secrets.recovery_code, NEW_PASSPHRASE)
    fresh.recover(recovery.display(new_code), NEW_PASSPHRASE)
    fresh.lock()


def test_replace_recovery_code_needs_an_unlocked_vault(
    unlocked_vault: Vault, vault_secrets: VaultSecrets
) -> None:
    unlocked_vault.lock()
    keys_before = unlocked_vault.paths.keys.read_bytes()
    with pytest.raises(VaultLocked):
        unlocked_vault.replace_recovery_code(recovery.generate())
    assert unlocked_vault.paths.keys.read_bytes() == keys_before


def test_replace_recovery_code_refuses_a_malformed_code(unlocked_vault: Vault) -> None:
    keys_before = unlocked_vault.paths.keys.read_bytes()
    with pytest.raises(MalformedRecoveryCode):
        unlocked_vault.replace_recovery_code("ABCD-EFGH")
    assert unlocked_vault.paths.keys.read_bytes() == keys_before


# -- keys.json is read once per change ------------------------------------------------------


def test_changing_secrets_reads_keys_json_once(
    unlocked_vault: Vault, vault_secrets: VaultSecrets, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[Path] = []
    real_read = service.read_keyfile

    def counting_read(path: Path) -> KeyFile:
        reads.append(path)
        return real_read(path)

    monkeypatch.setattr(service, "read_keyfile", counting_read)
    unlocked_vault.change_passphrase(vault_secrets.passphrase, NEW_PASSPHRASE)
    assert len(reads) == 1
    reads.clear()
    code = unlocked_vault.new_recovery_code(NEW_PASSPHRASE)
    assert len(reads) == 1
    reads.clear()
    unlocked_vault.lock()
    unlocked_vault.recover(code, vault_secrets.passphrase)
    assert len(reads) == 1
