"""One server per vault: a second lock on the same file is refused, even in one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearpath.vault.errors import VaultBusy
from clearpath.vault.process_lock import ProcessLock


def test_second_lock_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "clearpath.lock"
    with ProcessLock(path):
        with pytest.raises(VaultBusy) as caught:
            ProcessLock(path).acquire()
        assert "already running" in caught.value.message
    assert path.stat().st_mode & 0o777 == 0o600


def test_lock_can_be_taken_again_after_release(tmp_path: Path) -> None:
    path = tmp_path / "clearpath.lock"
    first = ProcessLock(path)
    first.acquire()
    first.release()
    first.release()  # releasing twice is harmless
    with ProcessLock(path):
        pass


def test_refused_lock_leaves_the_holder_holding(tmp_path: Path) -> None:
    path = tmp_path / "clearpath.lock"
    with ProcessLock(path):
        for _ in range(3):
            with pytest.raises(VaultBusy):
                ProcessLock(path).acquire()
        with pytest.raises(VaultBusy):
            ProcessLock(path).acquire()
