"""doctor calls a backup's or a restore's leftover copy a note, not a problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearpath import doctor
from clearpath.settings import load_settings
from clearpath.vault.service import Vault


@pytest.mark.parametrize("name", [".backup-snapshot-0123abcd.db", ".restoring-00ff"])
def test_leftovers_are_a_note(unlocked_vault: Vault, data_dir: Path, name: str) -> None:
    (data_dir / name).write_bytes(b"\x00" * 16)
    findings = doctor.check_without_key(load_settings(data_dir=data_dir))
    about = [f for f in findings if name in f.text]
    assert [f.level for f in about] == [doctor.Level.NOTE]
