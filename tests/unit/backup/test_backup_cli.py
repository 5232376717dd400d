"""The backup, restore, export and shares commands, through Typer's CliRunner."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from clearpath.backup.making import NAME_PATTERN
from clearpath.cli import app
from clearpath.settings import TESTING_KDF
from clearpath.vault.process_lock import ProcessLock
from clearpath.vault.service import Vault

PASSPHRASE = "harbour lantern quietly cobalt meadow"
BACKUP_PASSPHRASE = "velvet compass harbour nineteen lantern"
CODE_LINE = re.compile(r"^Recovery code: ((?:[0-9A-Z]{4}-){6}[0-9A-Z]{4})$", re.MULTILINE)
Run = Callable[..., Result]


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setenv("CLEARPATH_TESTING", "1")
    monkeypatch.delenv("CLEARPATH_DATA_DIR", raising=False)
    runner = CliRunner()

    def invoke(*args: str, stdin: str = "", data_dir: Path | None = None) -> Result:
        where = data_dir or tmp_path / "vault"
        return runner.invoke(app, ["--data-dir", str(where), *args], input=stdin)

    return invoke


@pytest.fixture
def code(run: Run, tmp_path: Path) -> str:
    result = run("init", stdin=f"{PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    files = tmp_path / "vault" / "files" / "ab"
    files.mkdir(parents=True)
    (files / "stored.enc").write_bytes(b"\x00\x01" * 5000)
    match = CODE_LINE.search(result.stdout)
    assert match
    return match.group(1)


def _backups(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if NAME_PATTERN.match(p.name))


def test_backup_then_restore_elsewhere(run: Run, code: str, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    result = run("backup", str(usb), stdin=f"{PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    assert "Your backup is ready" in result.stdout
    [made] = _backups(usb)
    check = run("restore", str(made), "--check", stdin=f"{code}\n")
    assert check.exit_code == 0, check.output
    assert "whole and opens" in check.stdout
    other = tmp_path / "other"
    result = run("restore", str(made), stdin=f"{PASSPHRASE}\n", data_dir=other)
    assert result.exit_code == 0, result.output
    assert "Your vault is back" in result.stdout
    assert (other / "files" / "ab" / "stored.enc").read_bytes() == b"\x00\x01" * 5000
    restored = Vault(other, TESTING_KDF)
    restored.unlock(PASSPHRASE)
    restored.lock()


def test_keep_rotates_and_a_backup_passphrase_opens(run: Run, code: str, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    stdin = f"{PASSPHRASE}\n{BACKUP_PASSPHRASE}\n"
    for _ in range(3):
        result = run("backup", str(usb), "--keep", "2", "--backup-passphrase", stdin=stdin)
        assert result.exit_code == 0, result.output
    backups = _backups(usb)
    assert len(backups) == 2
    check = run("restore", str(backups[-1]), "--check", stdin=f"{BACKUP_PASSPHRASE}\n")
    assert check.exit_code == 0, check.output


def test_a_weak_backup_passphrase_is_refused(run: Run, code: str, tmp_path: Path) -> None:
    result = run("backup", str(tmp_path), "--backup-passphrase", stdin=f"{PASSPHRASE}\nabc\n")
    assert result.exit_code != 0
    assert not _backups(tmp_path)


def test_for_someone_writes_a_sheet(run: Run, code: str, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    result = run("backup", str(usb), "--for-someone", stdin=f"{PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    [sheet] = list(usb.glob("*.pdf"))
    assert sheet.read_bytes().startswith(b"%PDF")


def test_restore_refuses_to_overwrite_without_replace(run: Run, code: str, tmp_path: Path) -> None:
    run("backup", str(tmp_path), stdin=f"{PASSPHRASE}\n")
    [made] = _backups(tmp_path)
    result = run("restore", str(made), stdin=f"{PASSPHRASE}\n")
    assert result.exit_code == 9
    assert "already a vault" in result.stderr
    result = run("restore", str(made), "--replace", "--keep-old", stdin=f"{PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    assert "kept in" in result.stdout


def test_restore_says_calmly_what_is_wrong(run: Run, code: str, tmp_path: Path) -> None:
    run("backup", str(tmp_path), stdin=f"{PASSPHRASE}\n")
    [made] = _backups(tmp_path)
    wrong = run("restore", str(made), stdin="not it at all\n", data_dir=tmp_path / "x")
    assert wrong.exit_code == 3
    assert "does not open this backup" in wrong.stderr
    cut = tmp_path / "cut.bak"
    cut.write_bytes(made.read_bytes()[:-10])
    damaged = run("restore", str(cut), stdin=f"{PASSPHRASE}\n", data_dir=tmp_path / "y")
    assert damaged.exit_code == 9
    assert "cannot be used" in damaged.stderr
    assert "Traceback" not in damaged.output
    missing = run("restore", str(tmp_path / "nope.bak"), stdin=f"{PASSPHRASE}\n")
    assert missing.exit_code == 2
    assert "There is no file at" in missing.stderr
    assert "Traceback" not in missing.output


def test_backup_while_the_server_runs_is_refused(run: Run, code: str, tmp_path: Path) -> None:
    with ProcessLock(tmp_path / "vault" / "clearpath.lock"):
        result = run("backup", str(tmp_path), stdin=f"{PASSPHRASE}\n")
    assert result.exit_code != 0
    assert not _backups(tmp_path)


def test_export_asks_first_and_writes_a_zip(run: Run, code: str, tmp_path: Path) -> None:
    out = tmp_path / "export.zip"
    declined = run("export", str(out), stdin="n\n")
    assert declined.exit_code != 0
    assert not out.exists()
    result = run("export", str(out), "--yes", stdin=f"{PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    names = zipfile.ZipFile(out).namelist()
    assert "export/manifest.json" in names
    assert "export/tables/notes.csv" in names
    # No decrypter for this stored file yet: it is listed, not exported as unreadable bytes.
    assert "export/files-not-included.txt" in names


def test_shares_split_and_combine(run: Run, code: str) -> None:
    split = run("shares", "split", "-k", "2", "-n", "3", stdin=f"{code.lower()}\n")
    assert split.exit_code == 0, split.output
    lines = re.findall(r"^Share \d of 3: (\S+)$", split.stdout, re.MULTILINE)
    assert len(lines) == 3
    combined = run("shares", "combine", stdin=f"{lines[1]}\n{lines[2]}\n")
    assert combined.exit_code == 0, combined.output
    assert f"Recovery code: {code}" in combined.stdout
    short = run("shares", "combine", stdin=f"{lines[1]}\n")
    assert short.exit_code == 2
    assert "needs 2" in short.stderr
