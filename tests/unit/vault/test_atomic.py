"""Atomic writes: old or new file, never half; private modes; a full disk changes nothing."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from clearpath.vault import atomic
from clearpath.vault.errors import DiskFull


def _fail_write(code: int) -> object:
    def write(fd: int, data: object) -> int:
        raise OSError(code, os.strerror(code))

    return write


def test_new_file_is_written_private_with_no_temp_left(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    atomic.write_atomic(path, b"hello")
    assert path.read_bytes() == b"hello"
    assert path.stat().st_mode & 0o777 == 0o600
    assert os.listdir(tmp_path) == ["keys.json"]


def test_replaces_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    path.write_bytes(b"old")
    path.chmod(0o644)
    atomic.write_atomic(path, b"new" * 100_000)
    assert path.read_bytes() == b"new" * 100_000
    assert path.stat().st_mode & 0o777 == 0o600
    assert os.listdir(tmp_path) == ["keys.json"]


def test_mode_does_not_depend_on_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        atomic.write_atomic(tmp_path / "keys.json", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "keys.json").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_full_disk_raises_disk_full_and_keeps_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    path = tmp_path / "keys.json"
    path.write_bytes(b"original")
    with monkeypatch.context() as patch:
        patch.setattr(os, "write", _fail_write(code))
        with pytest.raises(DiskFull) as caught:
            atomic.write_atomic(path, b"replacement")
    assert path.read_bytes() == b"original"
    assert os.listdir(tmp_path) == ["keys.json"]
    assert "Your existing data is unchanged." in caught.value.message


def test_other_errors_are_not_called_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "keys.json"
    path.write_bytes(b"original")
    with monkeypatch.context() as patch:
        patch.setattr(os, "write", _fail_write(errno.EIO))
        with pytest.raises(OSError, match="Input/output") as caught:
            atomic.write_atomic(path, b"replacement")
    assert not isinstance(caught.value, DiskFull)
    assert path.read_bytes() == b"original"
    assert os.listdir(tmp_path) == ["keys.json"]


def test_private_dir_is_0700_even_if_it_existed(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    target.mkdir(parents=True, mode=0o755)
    target.chmod(0o755)
    atomic.ensure_private_dir(target)
    assert target.stat().st_mode & 0o777 == 0o700
