"""The vault service: create, unlock, throttle, recover, change secrets, lock, and its errors."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from clearpath.settings import TESTING_KDF
from clearpath.vault import recovery
from clearpath.vault.errors import (
    KeyFileDamaged,
    MalformedRecoveryCode,
    NotAVault,
    TryLater,
    VaultExists,
    VaultLocked,
    VaultMissing,
    WeakPassphrase,
    WrongSecret,
)
from clearpath.vault.process_lock import ProcessLock
from clearpath.vault.service import Vault

if TYPE_CHECKING:
    from tests.conftest import FakeClock, VaultSecrets

NEW_PASSPHRASE = "violet tram orchard whistle nineteen"
WRONG = "definitely not the passphrase"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _fail(vault: Vault, times: int) -> None:
    for _ in range(times):
        with pytest.raises(WrongSecret):
            vault.unlock(WRONG)


# -- creating -------------------------------------------------------------------------------


def test_create_makes_a_private_directory_with_only_the_vault_files(
    unlocked_vault: Vault, data_dir: Path
) -> None:
    assert _mode(data_dir) == 0o700
    assert sorted(os.listdir(data_dir)) == ["files", "keys.json", "vault.db"]
    assert _mode(data_dir / "files") == 0o700
    assert _mode(data_dir / "vault.db") == 0o600
    assert _mode(data_dir / "keys.json") == 0o600
    with ProcessLock(unlocked_vault.paths.lock):
        assert sorted(os.listdir(data_dir)) == ["clearpath.lock", "files", "keys.json", "vault.db"]
        assert _mode(data_dir / "clearpath.lock") == 0o600


def test_create_returns_a_well_formed_recovery_code(vault_secrets: VaultSecrets) -> None:
    assert recovery.is_well_formed(vault_secrets.recovery_code)


def test_create_leaves_the_vault_unlocked(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as session:
        assert session.connection().exec_driver_sql("SELECT 1").scalar() == 1


def test_create_twice_refuses_and_changes_nothing(unlocked_vault: Vault, data_dir: Path) -> None:
    before = (data_dir / "keys.json").read_bytes()
    with pytest.raises(VaultExists):
        Vault(data_dir, TESTING_KDF).create(NEW_PASSPHRASE)
    assert (data_dir / "keys.json").read_bytes() == before


def test_weak_passphrase_creates_nothing(vault: Vault, data_dir: Path) -> None:
    with pytest.raises(WeakPassphrase, match="too easy to guess"):
        vault.create("password123")
    assert not data_dir.exists()


def test_nothing_of_the_passphrase_or_key_is_in_keys_json(
    unlocked_vault: Vault, vault_secrets: VaultSecrets, data_dir: Path
) -> None:
    text = (data_dir / "keys.json").read_text()
    assert vault_secrets.passphrase not in text
    assert vault_secrets.recovery_code not in text


# -- unlocking and the throttle -------------------------------------------------------------


def test_unlock_after_lock(unlocked_vault: Vault, vault_secrets: VaultSecrets) -> None:
    unlocked_vault.lock()
    assert not unlocked_vault.unlocked
    unlocked_vault.unlock(vault_secrets.passphrase)
    assert unlocked_vault.unlocked


def test_wrong_passphrase(unlocked_vault: Vault) -> None:
    unlocked_vault.lock()
    with pytest.raises(WrongSecret) as caught:
        unlocked_vault.unlock(WRONG)
    assert caught.value.message == "That passphrase did not open the vault. Please try again."
    assert not unlocked_vault.unlocked


def test_recovery_code_is_not_a_passphrase(
    unlocked_vault: Vault, vault_secrets: VaultSecrets
) -> None:
    unlocked_vault.lock()
    with pytest.raises(WrongSecret):
        unlocked_vault.unlock(vault_secrets.recovery_code)


def test_sixth_try_must_wait_and_the_wait_survives_a_restart(
    unlocked_vault: Vault, data_dir: Path, clock: FakeClock, vault_secrets: VaultSecrets
) -> None:
    unlocked_vault.lock()
    _fail(unlocked_vault, 5)
    with pytest.raises(TryLater) as caught:
        unlocked_vault.unlock(vault_secrets.passphrase)
    assert caught.value.seconds == 10
    assert "Nothing has been deleted." in caught.value.message

    restarted = Vault(data_dir, TESTING_KDF, clock=clock)
    assert restarted.wait_seconds() == 10
    with pytest.raises(TryLater):
        restarted.unlock(vault_secrets.passphrase)
    clock.advance(4)
    assert restarted.wait_seconds() == 6


def test_waits_grow_and_cap_at_five_minutes(
    unlocked_vault: Vault, clock: FakeClock, data_dir: Path
) -> None:
    unlocked_vault.lock()
    _fail(unlocked_vault, 5)
    seen = []
    for _ in range(8):
        wait = unlocked_vault.wait_seconds()
        seen.append(wait)
        with pytest.raises(TryLater):
            unlocked_vault.unlock(WRONG)
        clock.advance(wait)
        _fail(unlocked_vault, 1)
    assert seen == [10, 20, 40, 80, 160, 300, 300, 300]
    assert unlocked_vault.keyfile().failures.count == 13


def test_clock_going_backwards_still_waits(unlocked_vault: Vault, clock: FakeClock) -> None:
    unlocked_vault.lock()
    _fail(unlocked_vault, 5)
    clock.advance(-3600)
    with pytest.raises(TryLater) as caught:
        unlocked_vault.unlock(WRONG)
    assert caught.value.seconds == 10


def test_correct_passphrase_after_waiting_resets_the_counter(
    unlocked_vault: Vault, clock: FakeClock, vault_secrets: VaultSecrets
) -> None:
    unlocked_vault.lock()
    _fail(unlocked_vault, 6 - 1)
    clock.advance(10)
    unlocked_vault.unlock(vault_secrets.passphrase)
    assert unlocked_vault.keyfile().failures.count == 0
    assert unlocked_vault.wait_seconds() == 0
    unlocked_vault.lock()
    _fail(unlocked_vault, 4)
    unlocked_vault.unlock(vault_secrets.passphrase)  # the free tries are back


def test_nothing_is_wiped_after_many_failures(
    unlocked_vault: Vault, clock: FakeClock, data_dir: Path, vault_secrets: VaultSecrets
) -> None:
    unlocked_vault.lock()
    database = _sha256(data_dir / "vault.db")
    slots = unlocked_vault.keyfile().slots
    for _ in range(30):
        clock.advance(301)
        _fail(unlocked_vault, 1)
    assert _sha256(data_dir / "vault.db") == database
    assert unlocked_vault.keyfile().slots == slots
    clock.advance(301)
    unlocked_vault.unlock(vault_secrets.passphrase)


def test_wrong_recovery_codes_count_too(unlocked_vault: Vault) -> None:
    unlocked_vault.lock()
    for _ in range(5):
        with pytest.raises(WrongSecret, match="That recovery code did not open the vault"):
            unlocked_vault.recover(recovery.generate(), NEW_PASSPHRASE)
    with pytest.raises(TryLater):
        unlocked_vault.recover(recovery.generate(), NEW_PASSPHRASE)


# -- recovery and changing secrets ----------------------------------------------------------


def test_recover_sets_a_new_passphrase_and_retires_the_old_code(
    unlocked_vault: Vault, vault_secrets: VaultSecrets, data_dir: Path
) -> None:
    unlocked_vault.lock()
    typed = recovery.display(vault_secrets.recovery_code).lower().replace("-", " ")
    new_code = unlocked_vault.recover(typed, NEW_PASSPHRASE)
    assert unlocked_vault.unlocked
    assert recovery.is_well_formed(new_code)
    assert new_code != vault_secrets.recovery_code

    fresh = Vault(data_dir, TESTING_KDF)
    with pytest.raises(WrongSecret):
        fresh.unlock(vault_secrets.passphrase)
    with pytest.raises(WrongSecret):
        fresh.recover(vault_secrets.recovery_code, "another long passphrase for later")
    fresh.unlock(NEW_PASSPHRASE)
    fresh.lock()
    fresh.recover(new_code, "another long passphrase for later")
    fresh.lock()


def test_recover_refuses_a_weak_new_passphrase(
    unlocked_vault: Vault, vault_secrets: VaultSecrets
) -> None:
    unlocked_vault.lock()
    with pytest.raises(WeakPassphrase):
        unlocked_vault.recover(vault_secrets.recovery_code, "password1")
    unlocked_vault.unlock(vault_secrets.passphrase)


def test_change_passphrase_rewraps_only(
    unlocked_vault: Vault, vault_secrets: VaultSecrets, data_dir: Path
) -> None:
    database = _sha256(data_dir / "vault.db")
    slots_before = unlocked_vault.keyfile().slots
    unlocked_vault.change_passphrase(vault_secrets.passphrase, NEW_PASSPHRASE)
    assert _sha256(data_dir / "vault.db") == database
    slots_after = unlocked_vault.keyfile().slots
    assert {s.kind for s in slots_after} == {"passphrase", "recovery"}
    recovery_slot = [s for s in slots_before if s.kind == "recovery"]
    assert recovery_slot == [s for s in slots_after if s.kind == "recovery"]

    unlocked_vault.lock()
    with pytest.raises(WrongSecret):
        unlocked_vault.unlock(vault_secrets.passphrase)
    unlocked_vault.unlock(NEW_PASSPHRASE)
    assert _sha256(data_dir / "vault.db") == database


def test_change_passphrase_needs_the_current_one(
    unlocked_vault: Vault, vault_secrets: VaultSecrets
) -> None:
    keys_before = unlocked_vault.paths.keys.read_bytes()
    with pytest.raises(WrongSecret):
        unlocked_vault.change_passphrase(WRONG, NEW_PASSPHRASE)
    with pytest.raises(WeakPassphrase):
        unlocked_vault.change_passphrase(vault_secrets.passphrase, "short")
    assert unlocked_vault.keyfile().slots == type(unlocked_vault.keyfile()).from_bytes(
        keys_before
    ).slots


def test_new_recovery_code_retires_the_old_one(
    unlocked_vault: Vault, vault_secrets: VaultSecrets, data_dir: Path
) -> None:
    new_code = unlocked_vault.new_recovery_code(vault_secrets.passphrase)
    assert new_code != vault_secrets.recovery_code
    unlocked_vault.lock()
    with pytest.raises(WrongSecret):
        unlocked_vault.recover(vault_secrets.recovery_code, NEW_PASSPHRASE)
    unlocked_vault.recover(recovery.display(new_code), NEW_PASSPHRASE)


# -- locking --------------------------------------------------------------------------------


def test_lock_forgets_the_key(unlocked_vault: Vault) -> None:
    unlocked_vault.lock()
    with pytest.raises(VaultLocked), unlocked_vault.session():
        pass
    with pytest.raises(VaultLocked):
        _ = unlocked_vault.engine
    unlocked_vault.lock()  # locking twice is fine


def test_a_failing_session_rolls_back(unlocked_vault: Vault) -> None:
    from clearpath.vault.info import get_info, set_info

    class StopHereError(Exception):
        pass

    def write_then_fail() -> None:
        with unlocked_vault.session() as session:
            set_info(session, "half", "written")
            session.flush()
            raise StopHereError

    with pytest.raises(StopHereError):
        write_then_fail()
    with unlocked_vault.session() as session:
        assert get_info(session, "half") is None


# -- damaged or missing files ---------------------------------------------------------------


def _replace_database(path: Path, kind: str) -> bytes:
    if kind == "random":
        data = os.urandom(16_384)
    elif kind == "plain sqlite":
        import sqlite3

        path.unlink()
        with sqlite3.connect(path) as plain:
            plain.execute("CREATE TABLE notes (body TEXT)")
            plain.execute("INSERT INTO notes VALUES ('plain')")
        plain.close()
        return path.read_bytes()
    else:
        data = b""
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("kind", ["random", "plain sqlite", "empty"])
def test_a_database_that_is_not_a_vault_is_refused_untouched(
    unlocked_vault: Vault, vault_secrets: VaultSecrets, data_dir: Path, kind: str
) -> None:
    unlocked_vault.lock()
    original = _replace_database(data_dir / "vault.db", kind)
    fresh = Vault(data_dir, TESTING_KDF)
    with pytest.raises(NotAVault) as caught:
        fresh.unlock(vault_secrets.passphrase)
    assert "Nothing was changed." in caught.value.message
    assert not fresh.unlocked
    assert (data_dir / "vault.db").read_bytes() == original
    assert sorted(os.listdir(data_dir)) == ["files", "keys.json", "vault.db"]


def test_missing_database_is_refused(
    unlocked_vault: Vault, vault_secrets: VaultSecrets, data_dir: Path
) -> None:
    unlocked_vault.lock()
    (data_dir / "vault.db").unlink()
    with pytest.raises(NotAVault):
        Vault(data_dir, TESTING_KDF).unlock(vault_secrets.passphrase)
    assert not (data_dir / "vault.db").exists()


def test_missing_key_file_is_a_damaged_vault_not_a_new_one(
    unlocked_vault: Vault, vault_secrets: VaultSecrets, data_dir: Path
) -> None:
    unlocked_vault.lock()
    (data_dir / "keys.json").unlink()
    fresh = Vault(data_dir, TESTING_KDF)
    assert fresh.exists()
    with pytest.raises(KeyFileDamaged, match="the file is missing"):
        fresh.unlock(vault_secrets.passphrase)
    with pytest.raises(VaultExists):
        fresh.create(NEW_PASSPHRASE)


def test_no_vault_at_all(vault: Vault, data_dir: Path) -> None:
    assert not vault.exists()
    with pytest.raises(VaultMissing, match="clearpath init"):
        vault.unlock(NEW_PASSPHRASE)
    assert not data_dir.exists()


def test_damaged_key_file_is_refused_untouched(
    unlocked_vault: Vault, vault_secrets: VaultSecrets, data_dir: Path
) -> None:
    unlocked_vault.lock()
    (data_dir / "keys.json").write_bytes(b'{"kind": "clearpath-keys", "format": 1, "slo')
    with pytest.raises(KeyFileDamaged, match="not valid JSON"):
        Vault(data_dir, TESTING_KDF).unlock(vault_secrets.passphrase)
    assert (data_dir / "keys.json").read_bytes().endswith(b'"slo')


def test_preferences_fall_back_when_the_key_file_is_damaged(
    unlocked_vault: Vault, data_dir: Path
) -> None:
    (data_dir / "keys.json").write_bytes(b"nonsense")
    assert unlocked_vault.preferences().page_title == "Notes"
    assert unlocked_vault.wait_seconds() == 0


def test_preferences_are_saved(unlocked_vault: Vault, data_dir: Path) -> None:
    from clearpath.vault.preferences import Preferences

    unlocked_vault.save_preferences(Preferences(page_title="Recipes", idle_minutes=3))
    again = Vault(data_dir, TESTING_KDF).preferences()
    assert again.page_title == "Recipes"
    assert again.idle_minutes == 3


def test_a_passphrase_of_a_thousand_characters_creates_and_unlocks(
    vault: Vault, data_dir: Path
) -> None:
    long_passphrase = (NEW_PASSPHRASE + " ") * 27
    long_passphrase = long_passphrase[:1000]
    vault.create(long_passphrase)
    vault.lock()
    vault.unlock(long_passphrase)
    assert vault.unlocked


def test_a_malformed_recovery_code_is_refused_and_not_counted(
    unlocked_vault: Vault, vault_secrets: VaultSecrets
) -> None:
    unlocked_vault.lock()
    keys_before = unlocked_vault.paths.keys.read_bytes()
    for _ in range(10):
        with pytest.raises(MalformedRecoveryCode):
            unlocked_vault.recover("not a code", NEW_PASSPHRASE)
    assert unlocked_vault.paths.keys.read_bytes() == keys_before
    assert unlocked_vault.keyfile().failures.count == 0
    unlocked_vault.recover(vault_secrets.recovery_code, NEW_PASSPHRASE)
