"""Keys for one purpose, derived from the data key."""

from __future__ import annotations

import pytest
from tests.conftest import VaultSecrets

from clearpath.vault.errors import VaultLocked
from clearpath.vault.service import Vault


def test_a_subkey_is_stable_per_purpose_and_differs_between_purposes(
    unlocked_vault: Vault,
) -> None:
    first = unlocked_vault.subkey("file store")
    assert len(first) == 32
    assert unlocked_vault.subkey("file store") == first
    assert unlocked_vault.subkey("backup") != first


def test_a_subkey_survives_locking_and_unlocking(
    unlocked_vault: Vault, vault_secrets: VaultSecrets
) -> None:
    before = unlocked_vault.subkey("file store")
    unlocked_vault.lock()
    unlocked_vault.unlock(vault_secrets.passphrase)
    assert unlocked_vault.subkey("file store") == before


def test_no_subkey_while_locked(unlocked_vault: Vault) -> None:
    unlocked_vault.lock()
    with pytest.raises(VaultLocked):
        unlocked_vault.subkey("file store")
