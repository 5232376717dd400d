"""A backup killed midway leaves no file that looks complete; the earlier backup stays whole.
And damage anywhere in a real backup file is refused."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.unit.backup.vault_filling import add_files, every_file, fill_every_table

from clearpath.backup.errors import BackupDamaged, BackupSecretWrong, BackupTooNew, NotABackup
from clearpath.backup.making import NAME_PATTERN, write_backup
from clearpath.backup.restoring import restore_backup
from clearpath.settings import TESTING_KDF
from clearpath.vault.service import Vault

if TYPE_CHECKING:
    from tests.conftest import VaultSecrets

KILLED_MIDWAY = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from clearpath.settings import TESTING_KDF
    from clearpath.vault.service import Vault
    from clearpath.backup.making import write_backup

    vault = Vault(Path(sys.argv[1]), TESTING_KDF)
    vault.unlock(sys.argv[3])

    def progress(done, total):
        if done > total // 2:
            os.kill(os.getpid(), signal.SIGKILL)

    write_backup(vault, Path(sys.argv[2]), progress=progress)
    """
)


def test_a_backup_killed_midway_leaves_the_earlier_one_intact(
    unlocked_vault: Vault, vault_secrets: VaultSecrets, tmp_path: Path
) -> None:
    fill_every_table(unlocked_vault)
    add_files(unlocked_vault.paths.files)
    (unlocked_vault.paths.files / "big").write_bytes(os.urandom(8 * 1024 * 1024))
    folder = tmp_path / "usb"
    folder.mkdir()
    first = write_backup(unlocked_vault, folder)
    assert first.path is not None
    first_bytes = first.path.read_bytes()
    unlocked_vault.lock()

    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLED_MIDWAY,
            str(unlocked_vault.paths.root),
            str(folder),
            vault_secrets.passphrase,
        ],
        env={**os.environ, "CLEARPATH_TESTING": "1"},
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == -9, proc.stderr

    complete_looking = [p for p in folder.iterdir() if NAME_PATTERN.match(p.name)]
    assert complete_looking == [first.path]
    assert first.path.read_bytes() == first_bytes
    partial = [p for p in folder.iterdir() if p != first.path]
    assert len(partial) == 1
    assert partial[0].name.startswith(".")
    with pytest.raises(BackupDamaged, match="cut short"):
        restore_backup(partial[0], tmp_path / "from-partial", vault_secrets.passphrase)
    done = restore_backup(first.path, tmp_path / "restored", vault_secrets.passphrase)
    assert every_file(done.data_dir / "files") == every_file(unlocked_vault.paths.files)


def test_an_error_midway_removes_the_temporary_file(unlocked_vault: Vault, tmp_path: Path) -> None:
    add_files(unlocked_vault.paths.files)

    def stop(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_backup(unlocked_vault, tmp_path, progress=stop)
    assert list(tmp_path.iterdir()) == [unlocked_vault.paths.root]


@pytest.fixture(scope="module")
def real_backup(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, str]:
    root = tmp_path_factory.mktemp("tamper")
    vault = Vault(root / "vault", TESTING_KDF)
    passphrase = "harbour lantern quietly cobalt meadow"
    vault.create(passphrase)
    fill_every_table(vault)
    add_files(vault.paths.files)
    made = write_backup(vault, root)
    vault.lock()
    assert made.path is not None
    return made.path.read_bytes(), passphrase


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_any_damage_to_a_real_backup_is_refused(
    real_backup: tuple[bytes, str], tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    original, passphrase = real_backup
    how = data.draw(st.sampled_from(["flip", "cut", "drop", "swap"]))
    start = data.draw(st.integers(0, len(original) - 2))
    end = data.draw(st.integers(start + 1, min(len(original), start + 3_000_000)))
    if how == "flip":
        damaged = bytearray(original)
        damaged[start] ^= data.draw(st.integers(1, 255))
    elif how == "cut":
        damaged = bytearray(original[:start])
    elif how == "drop":
        damaged = bytearray(original[:start] + original[end:])
    else:
        middle = (start + end) // 2
        damaged = bytearray(original[:start] + original[middle:end] + original[start:middle])
    if bytes(damaged) == original:
        return
    where = tmp_path_factory.mktemp("damaged")
    path = where / "backup.bak"
    path.write_bytes(bytes(damaged))
    # A changed header can also make the secret not fit any more: that too is a refusal.
    with pytest.raises((BackupDamaged, NotABackup, BackupSecretWrong, BackupTooNew)):
        restore_backup(path, where / "vault", passphrase)
    assert not (where / "vault").exists()  # checked first: nothing was even unpacked
