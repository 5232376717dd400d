"""Backup choices, the reminder, rotation, and the export's contents."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from tests.unit.backup.vault_filling import fill_every_table

from clearpath.backup import exporting, services
from clearpath.backup.making import Made, rotate, write_backup
from clearpath.backup.trusted import describe_size
from clearpath.vault.service import Vault


def test_choices_round_trip(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        assert services.read_choices(db) == services.Choices(None, 5, 7)
        services.save_choices(db, services.parse_choices(" /media/usb ", "3", "14"))
    with unlocked_vault.session() as db:
        assert services.read_choices(db) == services.Choices("/media/usb", 3, 14)


@pytest.mark.parametrize(
    ("folder", "keep", "remind", "field"),
    [
        ("x" * 1001, "5", "7", "folder"),
        ("relative", "5", "7", "folder"),
        ("", "", "7", "keep_last"),
        ("", "101", "7", "keep_last"),
        ("", "5", "-1", "remind_days"),
        ("", "5", "½", "remind_days"),
    ],
)
def test_choices_are_checked(folder: str, keep: str, remind: str, field: str) -> None:
    with pytest.raises(services.ChoiceError) as caught:
        services.parse_choices(folder, keep, remind)
    assert caught.value.field == field


def test_the_reminder_follows_the_interval(unlocked_vault: Vault) -> None:
    today = date(2026, 11, 24)
    with unlocked_vault.session() as db:
        assert services.reminder_due(db, today) == (True, None)
        made_at = datetime(2026, 11, 20, 12, tzinfo=UTC)
        services.record_backup(db, "folder", Made(Path("/x/b.bak"), 10, 0, made_at))
    with unlocked_vault.session() as db:
        due, last = services.reminder_due(db, today)
        assert not due
        assert last is not None
        assert services.reminder_due(db, today + timedelta(days=4))[0]
        services.save_choices(db, services.Choices(None, 5, 0))
    with unlocked_vault.session() as db:
        assert not services.reminder_due(db, today + timedelta(days=400))[0]


def test_rotation_only_touches_our_backups(unlocked_vault: Vault, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    made = [write_backup(unlocked_vault, folder) for _ in range(3)]
    lookalike = folder / "backup-20000101-000000.bak"
    lookalike.write_bytes(b"a holiday photo, not a backup")
    other = folder / "notes.txt"
    other.write_text("mine")
    removed = rotate(folder, 1)
    assert {p.name for p in removed} == {m.path.name for m in made[:2] if m.path}
    assert lookalike.exists()
    assert other.exists()
    assert made[2].path is not None
    assert made[2].path.exists()


def test_sizes_are_said_plainly() -> None:
    assert describe_size(12) == "12 bytes"
    assert describe_size(34_700) == "34.7 KB"
    assert describe_size(2_147_483_648) == "2.1 GB"


@pytest.fixture
def decrypting(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in for the evidence file store: files under plain/ are 'decrypted' as is."""

    def decrypter(vault: Vault, relative: str) -> Iterator[bytes] | None:
        if not relative.startswith("plain/"):
            return None
        return iter([(vault.paths.files / relative).read_bytes()])

    monkeypatch.setattr(exporting, "FILE_DECRYPTERS", [decrypter])


def test_export_holds_every_table_and_readable_files(
    unlocked_vault: Vault, decrypting: None
) -> None:
    rows = fill_every_table(unlocked_vault)
    (unlocked_vault.paths.files / "plain").mkdir()
    (unlocked_vault.paths.files / "plain" / "photo.jpg").write_bytes(b"\xff\xd8 photo")
    (unlocked_vault.paths.files / "sealed.enc").write_bytes(b"\x00" * 10)
    summary = exporting.Summary()
    data = b"".join(exporting.export_pieces(unlocked_vault, summary))
    archive = zipfile.ZipFile(io.BytesIO(data))
    manifest = json.loads(archive.read("export/manifest.json"))
    listed = {t["name"]: t["rows"] for t in manifest["tables"]}
    assert sum(listed.values()) - listed["alembic_version"] >= rows
    for name, count in listed.items():
        table = json.loads(archive.read(f"export/data/{name}.json"))
        assert len(table["rows"]) == count
        assert [c["name"] for c in table["columns"]]
        csv_lines = archive.read(f"export/tables/{name}.csv").decode().splitlines()
        assert len(csv_lines) >= count + 1
    assert archive.read("export/files/plain/photo.jpg") == b"\xff\xd8 photo"
    assert "sealed.enc" in archive.read("export/files-not-included.txt").decode()
    assert summary.files == 1
    assert summary.left_out == 1


def test_export_to_file_leaves_no_temporary_file(unlocked_vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "export.zip"
    exporting.export_to_file(unlocked_vault, out)
    assert zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir() if p.name != "vault"] == ["export.zip"]


def test_evidence_files_are_exported_as_their_original_bytes(unlocked_vault: Vault) -> None:
    from clearpath.evidence.files import add_file

    photo = b"\xff\xd8\xff\xe0 the original bytes of a photo"
    info = add_file(unlocked_vault, [photo], "door.jpg")
    with unlocked_vault.session() as db:
        from clearpath.evidence.models import EvidenceFile

        stored = db.get(EvidenceFile, info.id)
        assert stored is not None
        stored_name = stored.stored_name
    data = b"".join(exporting.export_pieces(unlocked_vault, exporting.Summary()))
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.read(f"export/files/{stored_name}") == photo
    assert "export/files-not-included.txt" not in archive.namelist()
