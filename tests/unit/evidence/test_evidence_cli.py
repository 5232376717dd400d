"""`clearpath evidence add`: files and folders into the vault, from the command line."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from evidence_samples import jpeg_with_gps
from typer.testing import CliRunner, Result

from clearpath.cli import app
from clearpath.evidence import files, services
from clearpath.evidence.services import IncidentFields
from clearpath.evidence.verify import verify_vault
from clearpath.settings import TESTING_KDF
from clearpath.vault.service import Vault

PASSPHRASE = "harbour lantern quietly cobalt meadow"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLEARPATH_TESTING", "1")
    monkeypatch.delenv("CLEARPATH_DATA_DIR", raising=False)
    return tmp_path / "vault"


@pytest.fixture
def cli(data_dir: Path) -> Callable[..., Result]:
    runner = CliRunner()

    def run(*args: str, stdin: str = f"{PASSPHRASE}\n") -> Result:
        return runner.invoke(app, ["--data-dir", str(data_dir), *args], input=stdin)

    assert run("init").exit_code == 0
    return run


def _open(data_dir: Path) -> Vault:
    vault = Vault(data_dir, TESTING_KDF)
    vault.unlock(PASSPHRASE)
    return vault


def test_add_files_and_a_folder(cli: Callable[..., Result], data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "screenshots"
    (folder / "inner").mkdir(parents=True)
    (folder / "b.txt").write_bytes(b"second")
    (folder / "a.txt").write_bytes(b"first")
    (folder / "inner" / "c.txt").write_bytes(b"third")
    (folder / ".hidden").write_bytes(b"not this")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(jpeg_with_gps())
    result = cli("evidence", "add", str(photo), str(folder))
    assert result.exit_code == 0, result.output
    assert "4 files added, encrypted and logged: CP-000001 to CP-000004." in result.stdout
    assert "1 of them hold a GPS position (CP-000001)" in result.stdout
    vault = _open(data_dir)
    try:
        with vault.session() as db:
            kept = sorted(files.list_files(db), key=lambda f: f.item_number)
        assert [f.original_name for f in kept] == ["photo.jpg", "a.txt", "b.txt", "c.txt"]
        assert kept[0].sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
        result = verify_vault(vault)
        assert result.ok
        assert result.notes == []  # the command signed a checkpoint
    finally:
        vault.lock()


def test_add_to_an_incident(cli: Callable[..., Result], data_dir: Path, tmp_path: Path) -> None:
    vault = _open(data_dir)
    with vault.session() as db:
        incident = services.create_incident(db, IncidentFields(title="x"))
    vault.lock()
    note = tmp_path / "n.txt"
    note.write_text("words")
    result = cli("evidence", "add", str(note), "--incident", str(incident))
    assert result.exit_code == 0, result.output
    missing = cli("evidence", "add", str(note), "--incident", "99")
    assert missing.exit_code == 2
    assert "There is no incident 99. Nothing was added." in missing.output
    assert "Traceback" not in missing.output
    vault = _open(data_dir)
    try:
        with vault.session() as db:
            assert [f.incident_id for f in files.list_files(db)] == [incident]
    finally:
        vault.lock()


def test_a_missing_path_is_one_sentence(cli: Callable[..., Result], tmp_path: Path) -> None:
    result = cli("evidence", "add", str(tmp_path / "nope.jpg"))
    assert result.exit_code == 2
    assert "There is no file or folder at" in result.output
    assert "Traceback" not in result.output


def test_a_wrong_passphrase(cli: Callable[..., Result], tmp_path: Path) -> None:
    note = tmp_path / "n.txt"
    note.write_text("words")
    result = cli("evidence", "add", str(note), stdin="not the passphrase at all\n")
    assert result.exit_code != 0
    assert "Traceback" not in result.output
