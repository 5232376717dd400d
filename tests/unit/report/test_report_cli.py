"""`clearpath report`, `clearpath bundle` and `clearpath verify` from the command line."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from report_samples import seed
from typer.testing import CliRunner, Result

from clearpath.cli import app
from clearpath.settings import TESTING_KDF
from clearpath.vault.service import Vault

PASSPHRASE = "harbour lantern quietly cobalt meadow"
Run = Callable[..., Result]


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    data_dir = tmp_path / "vault"
    monkeypatch.delenv("CLEARPATH_DATA_DIR", raising=False)
    vault = Vault(data_dir, TESTING_KDF)
    vault.create(PASSPHRASE)
    seed(vault)
    vault.lock()
    runner = CliRunner()

    def run(*args: str, stdin: str = PASSPHRASE + "\n") -> Result:
        return runner.invoke(app, ["--data-dir", str(data_dir), *args], input=stdin)

    return run


def test_report_pdf_and_csv(cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "record.pdf"
    done = cli("report", "--out", str(out), "--name", "Ольга")
    assert done.exit_code == 0, done.output
    assert out.read_bytes().startswith(b"%PDF")
    assert "4 incidents, 3 files" in done.output
    assert "not encrypted" in done.output
    csv_out = tmp_path / "chronology.csv"
    done = cli("report", "--out", str(csv_out), "--from", "2026-04-01", "--to", "2026-04-30")
    assert done.exit_code == 0, done.output
    lines = csv_out.read_text(encoding="utf-8-sig").strip().splitlines()
    assert len(lines) == 2
    assert "Messages at night" in lines[1]


def test_an_existing_file_is_kept_unless_forced(cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "record.pdf"
    out.write_bytes(b"mine")
    done = cli("report", "--out", str(out))
    assert done.exit_code == 2
    assert "already exists" in done.output
    assert out.read_bytes() == b"mine"
    assert cli("report", "--out", str(out), "--force").exit_code == 0
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "31/03/2026"), "--from needs a date like 2026-03-31"),
        (("--from", "2026-05-01", "--to", "2026-04-01"), "--from is after --to"),
    ],
)
def test_bad_dates_are_one_calm_sentence(
    cli: Run, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    done = cli("report", "--out", str(tmp_path / "r.pdf"), *args)
    assert done.exit_code == 2
    assert message in done.output
    assert "Traceback" not in done.output


def test_a_wrong_passphrase_makes_nothing(cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    done = cli("report", "--out", str(out), stdin="not the passphrase at all\n")
    assert done.exit_code != 0
    assert not out.exists()


def test_bundle_then_verify(cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "record.zip"
    done = cli("bundle", "--out", str(out), "--category", "harassment")
    assert done.exit_code == 0, done.output
    with zipfile.ZipFile(out) as archive:
        records = json.loads(archive.read("records.json"))
    assert [i["incident"] for i in records["incidents"]] == [2]
    checked = cli("verify", str(out), stdin="")
    assert checked.exit_code == 0, checked.output
    assert "Everything matches" in checked.output
    as_json = cli("verify", str(out), "--json", stdin="")
    assert json.loads(as_json.output) == {"ok": True, "problems": []}


def test_verify_names_what_changed_and_exits_1(cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "record.zip"
    assert cli("bundle", "--out", str(out)).exit_code == 0
    changed = tmp_path / "changed.zip"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(changed, "w") as target:
        for name in source.namelist():
            payload = source.read(name)
            if name == "originals/CP-000002.jpg":
                payload = payload[:-1] + bytes([payload[-1] ^ 0x40])
            target.writestr(name, payload)
    done = cli("verify", str(changed), stdin="")
    assert done.exit_code == 1
    assert "originals/CP-000002.jpg" in done.output
    assert "did not match" in done.output


def test_verify_a_missing_file(cli: Run, tmp_path: Path) -> None:
    done = cli("verify", str(tmp_path / "nowhere.zip"), stdin="")
    assert done.exit_code == 2
    assert "There is no file at" in done.output


def test_verify_the_vault_itself(cli: Run) -> None:
    done = cli("verify")
    assert done.exit_code == 0, done.output
    assert "Everything matches" in done.output


def test_a_damaged_stored_file_stops_the_bundle_calmly(
    cli: Run, tmp_path: Path
) -> None:
    stored = sorted((tmp_path / "vault" / "files").iterdir())
    assert stored
    for path in stored:
        raw = bytearray(path.read_bytes())
        raw[-20] ^= 0xFF
        path.write_bytes(bytes(raw))
    out = tmp_path / "record.zip"
    done = cli("bundle", "--out", str(out))
    assert done.exit_code == 1
    assert "could not be read as it was stored" in done.output
    assert "Traceback" not in done.output
    assert not out.exists()
    assert not list(tmp_path.glob("*.partial"))
    # The report still prints (without those thumbnails), and verify names the damage.
    assert cli("report", "--out", str(tmp_path / "r.pdf")).exit_code == 0
    checked = cli("verify")
    assert checked.exit_code == 1
