"""The home page note: saved inside the vault, replaced in place, refused when too long."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from clearpath.notes.models import Note
from clearpath.notes.services import MAX_NOTE_LENGTH, NoteTooLong, read_note, save_note
from clearpath.vault.service import Vault

if TYPE_CHECKING:
    from tests.conftest import VaultSecrets


def test_no_note_reads_as_empty(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as session:
        assert read_note(session) == ""


def test_note_survives_lock_and_unlock(unlocked_vault: Vault, vault_secrets: VaultSecrets) -> None:
    with unlocked_vault.session() as session:
        save_note(session, "Call the advocate on Tuesday.\r\nBring the folder.")
    unlocked_vault.lock()
    unlocked_vault.unlock(vault_secrets.passphrase)
    with unlocked_vault.session() as session:
        assert read_note(session) == "Call the advocate on Tuesday.\nBring the folder."


def test_saving_again_replaces_the_one_note(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as session:
        save_note(session, "first")
    with unlocked_vault.session() as session:
        save_note(session, "second")
    with unlocked_vault.session() as session:
        assert read_note(session) == "second"
        assert session.scalar(select(func.count()).select_from(Note)) == 1
        note = session.scalars(select(Note)).one()
        assert note.updated_at >= note.created_at


def test_too_long_note_is_refused_and_the_old_one_kept(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as session:
        save_note(session, "keep me")
    with pytest.raises(NoteTooLong) as caught, unlocked_vault.session() as session:
        save_note(session, "x" * (MAX_NOTE_LENGTH + 1))
    assert "nothing was saved" in str(caught.value)
    with unlocked_vault.session() as session:
        assert read_note(session) == "keep me"


def test_note_of_the_maximum_length_is_kept(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as session:
        save_note(session, "y" * MAX_NOTE_LENGTH)
    with unlocked_vault.session() as session:
        assert len(read_note(session)) == MAX_NOTE_LENGTH


def test_two_threads_saving_the_note_at_once_both_succeed(unlocked_vault: Vault) -> None:
    # Sessions straight from the engine, as a hosted, multi-user setup would open them; each
    # reads, then writes. With a plain (deferred) BEGIN both would hold a read lock, and the
    # second to write would get SQLITE_BUSY ("database is locked") instead of waiting its turn.
    factory = sessionmaker(bind=unlocked_vault.engine, expire_on_commit=False)
    first_has_read = threading.Event()
    second_has_read = threading.Event()
    errors: list[BaseException] = []

    def save(text: str, first: bool) -> None:
        try:
            if not first:
                assert first_has_read.wait(10)
            with factory() as session:
                read_note(session)
                if first:
                    first_has_read.set()
                    # Without BEGIN IMMEDIATE the second thread reads now, too.
                    second_has_read.wait(0.3)
                else:
                    second_has_read.set()
                save_note(session, text)
                session.commit()
        except BaseException as exc:  # noqa: BLE001 - reported to the test thread below
            errors.append(exc)

    threads = [
        threading.Thread(target=save, args=("from the first", True)),
        threading.Thread(target=save, args=("from the second", False)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    with unlocked_vault.session() as session:
        assert read_note(session) in ("from the first", "from the second")
        assert session.scalar(select(func.count()).select_from(Note)) == 1
