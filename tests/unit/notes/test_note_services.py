"""The home page note: saved inside the vault, replaced in place, refused when too long."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

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
