"""Locking while the vault is in use: lock() waits for database work, and then the key is gone."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from clearpath.vault.errors import VaultLocked
from clearpath.vault.info import get_info, set_info
from clearpath.vault.preferences import Preferences
from clearpath.vault.service import Vault

if TYPE_CHECKING:
    from tests.conftest import VaultSecrets

WAIT = 10  # seconds: only ever reached when something is broken


def test_lock_waits_until_a_session_in_another_thread_ends(
    unlocked_vault: Vault, vault_secrets: VaultSecrets
) -> None:
    in_session = threading.Event()
    finish_session = threading.Event()
    events: list[str] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with unlocked_vault.session() as session:
                in_session.set()
                assert finish_session.wait(WAIT)
                # The key is still there: lock() has not pulled it from under this block.
                set_info(session, "written", "while lock() waited")
                session.flush()
                events.append("session ended")
        except BaseException as exc:  # noqa: BLE001 - reported to the test thread below
            errors.append(exc)

    def lock() -> None:
        unlocked_vault.lock()
        events.append("locked")

    worker = threading.Thread(target=work)
    worker.start()
    assert in_session.wait(WAIT)
    locker = threading.Thread(target=lock)
    locker.start()
    locker.join(timeout=0.3)
    assert locker.is_alive(), "lock() must wait for the session in progress"
    assert unlocked_vault.unlocked
    finish_session.set()
    worker.join(WAIT)
    locker.join(WAIT)
    assert not errors
    assert events == ["session ended", "locked"]
    assert not unlocked_vault.unlocked
    unlocked_vault.unlock(vault_secrets.passphrase)
    with unlocked_vault.session() as session:
        assert get_info(session, "written") == "while lock() waited"


def test_the_same_thread_may_use_the_vault_inside_a_session(unlocked_vault: Vault) -> None:
    # The mutex is re-entrant: saving preferences takes it too, and must not deadlock here.
    with unlocked_vault.session() as session:
        unlocked_vault.save_preferences(Preferences(page_title="Recipes"))
        assert session.execute(text("SELECT 1")).scalar() == 1
    assert unlocked_vault.preferences().page_title == "Recipes"


def test_an_engine_kept_from_before_lock_cannot_open_a_keyed_connection(
    unlocked_vault: Vault,
) -> None:
    engine = unlocked_vault.engine
    factory = sessionmaker(bind=engine)
    unlocked_vault.lock()
    with pytest.raises(VaultLocked), engine.connect():
        pass
    with factory() as session, pytest.raises(VaultLocked):
        session.execute(text("SELECT count(*) FROM sqlite_master"))
