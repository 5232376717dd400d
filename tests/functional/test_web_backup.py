"""The backup area's pages through HTTP: backups, choices, the trusted copy and its sheet,
recovery shares, export and restore from the first-run screen."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from web_harness import PASSPHRASE, Web, build_web

from clearpath.backup.making import NAME_PATTERN
from clearpath.backup.restoring import restore_backup
from clearpath.vault import recovery

STRONG = "velvet compass harbour nineteen lantern"


def _backups(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if NAME_PATTERN.match(p.name))


# -- the backup page and the home panel -------------------------------------------------------


def test_home_reminds_until_there_is_a_backup(home: Web, tmp_path: Path) -> None:
    page = home.get("/home")
    assert "Time for a backup" in page.text
    assert 'href="/backup"' in page.text
    folder = tmp_path / "usb"
    folder.mkdir()
    assert home.post("/backup/now", {"folder": str(folder)}).status_code == 303
    page = home.get("/home")
    assert "Time for a backup" not in page.text
    assert "Your last backup was made on" in page.text


def test_backup_now_into_a_folder_with_rotation(home: Web, tmp_path: Path) -> None:
    folder = tmp_path / "usb ünï"
    folder.mkdir()
    assert (
        home.post(
            "/backup/choices", {"folder": "", "keep_last": "2", "remind_days": "7"}
        ).status_code
        == 303
    )
    for _ in range(3):
        response = home.post("/backup/now", {"folder": str(folder)})
        assert response.status_code == 303, response.text
    assert len(_backups(folder)) == 2
    page = home.get("/backup")
    assert "Your backup is saved as backup-" in page.text
    assert "Saved to a folder" in page.text
    assert f'id="folder" name="folder" value="{folder}"' in page.text  # offered again


@pytest.mark.parametrize(
    ("folder", "message"),
    [
        ("", "Please give the folder"),
        ("relative/place", "whole path"),
        ("/no/such/folder/ünï", "There is no folder there"),
        ("/" + "x" * 1001, "under 1000 characters"),
    ],
)
def test_backup_now_refuses_a_bad_folder(home: Web, folder: str, message: str) -> None:
    response = home.post("/backup/now", {"folder": folder})
    assert response.status_code == 400
    assert message in response.text
    assert 'id="folder-error"' in response.text


def test_a_weak_or_mismatched_backup_passphrase_is_named(home: Web, tmp_path: Path) -> None:
    form = {"folder": str(tmp_path), "backup_passphrase": STRONG, "backup_passphrase_again": "x"}
    response = home.post("/backup/now", form)
    assert response.status_code == 400
    assert "not the same" in response.text
    form["backup_passphrase"] = form["backup_passphrase_again"] = "password"
    assert home.post("/backup/now", form).status_code == 400
    assert not _backups(tmp_path)


def test_a_backup_with_its_own_passphrase_opens_with_it(home: Web, tmp_path: Path) -> None:
    form = {"folder": str(tmp_path), "backup_passphrase": STRONG, "backup_passphrase_again": STRONG}
    assert home.post("/backup/now", form).status_code == 303
    [made] = _backups(tmp_path)
    done = restore_backup(made, tmp_path / "restored", STRONG)
    assert (done.data_dir / "vault.db").exists()


def test_download_streams_a_whole_backup(home: Web, tmp_path: Path) -> None:
    response = home.post("/backup/download", {})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/octet-stream"
    name = re.search(r'filename="([^"]+)"', response.headers["content-disposition"])
    assert name
    assert NAME_PATTERN.match(name.group(1))
    saved = tmp_path / "downloaded.bak"
    saved.write_bytes(response.content)
    restore_backup(saved, tmp_path / "restored", PASSPHRASE)
    assert "Downloaded" in home.get("/backup").text


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"folder": "", "keep_last": "0", "remind_days": "7"}, "keep_last", "from 1 to 100"),
        ({"folder": "", "keep_last": "three", "remind_days": "7"}, "keep_last", "whole number"),
        ({"folder": "", "keep_last": "5", "remind_days": "999"}, "remind_days", "from 0 to 365"),
        ({"folder": "relative", "keep_last": "5", "remind_days": "7"}, "folder", "whole path"),
        ({"folder": "/" + "é" * 1001, "keep_last": "5", "remind_days": "7"}, "folder", "1000"),
    ],
)
def test_choices_are_checked(home: Web, form: dict[str, str], field: str, message: str) -> None:
    response = home.post("/backup/choices", form)
    assert response.status_code == 400
    assert message in response.text
    assert f'id="choice_{field}-error"' in response.text


def test_choices_are_kept_and_the_reminder_can_be_turned_off(home: Web) -> None:
    form = {"folder": "/media/ünï stick", "keep_last": "9", "remind_days": "0"}
    assert home.post("/backup/choices", form).status_code == 303
    page = home.get("/backup")
    assert 'value="/media/ünï stick"' in page.text
    assert 'value="9"' in page.text
    assert "Time for a backup" not in home.get("/home").text


# -- a copy for a trusted person --------------------------------------------------------------


def test_a_trusted_copy_and_its_sheet(home: Web, tmp_path: Path) -> None:
    assert home.get("/backup/trusted").status_code == 200
    response = home.post("/backup/trusted", {"folder": str(tmp_path)})
    assert response.status_code == 303
    sheet_url = response.headers["location"]
    assert re.fullmatch(r"/backup/sheet/\d+", sheet_url)
    sheet = home.get(sheet_url)
    [made] = _backups(tmp_path)
    assert made.name in sheet.text
    assert "A file to keep safe" in sheet.text
    for secret_word in ("Clearpath", "vault", "abuse", "evidence"):
        assert (
            secret_word not in sheet.text.split('<article class="sheet"')[1].split("</article>")[0]
        )
    pdf = home.get(sheet_url + "/pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    assert home.get("/backup/sheet/999").status_code == 404


def test_a_trusted_copy_needs_a_folder(home: Web) -> None:
    response = home.post("/backup/trusted", {"folder": ""})
    assert response.status_code == 400
    assert "Please give the folder" in response.text


# -- recovery shares --------------------------------------------------------------------------


def _share_codes(html: str) -> list[str]:
    return re.findall(r'<code class="share-code">([0-9A-Z-]+)</code>', html)


def test_split_and_combine_shares(home: Web) -> None:
    response = home.post(
        "/backup/shares",
        {"recovery_code": recovery.display(home.code).lower(), "needed": "2", "total": "3"},
    )
    assert response.status_code == 200
    codes = _share_codes(response.text)
    assert len(codes) == 3
    home.lock()
    combined = home.post("/shares/combine", {"share_1": codes[2], "share_2": codes[0]})
    assert combined.status_code == 200
    assert "".join(re.findall(r"<code>([0-9A-Z]{4})</code>", combined.text)) == home.code


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"recovery_code": "", "needed": "2", "total": "3"}, "recovery_code", "recovery code"),
        ({"recovery_code": "x" * 300, "needed": "2", "total": "3"}, "recovery_code", "longer"),
        ({"recovery_code": "ÄÖÜ", "needed": "2", "total": "3"}, "recovery_code", "recovery code"),
        ({"recovery_code": "CODE", "needed": "4", "total": "3"}, "needed", "no more than"),
        ({"recovery_code": "CODE", "needed": "2", "total": "11"}, "total", "from 2 to 10"),
    ],
)
def test_split_is_checked(home: Web, form: dict[str, str], field: str, message: str) -> None:
    if form["recovery_code"] == "CODE":
        form["recovery_code"] = home.code
    response = home.post("/backup/shares", form)
    assert response.status_code == 400
    assert message in response.text
    assert f'id="{field}-error"' in response.text


def test_split_refuses_another_vaults_code(home: Web) -> None:
    response = home.post(
        "/backup/shares", {"recovery_code": recovery.generate(), "needed": "2", "total": "3"}
    )
    assert response.status_code == 400
    assert "not the current recovery code of this vault" in response.text


@pytest.mark.parametrize(
    ("shares", "message"),
    [
        ({}, "at least two"),
        ({"share_1": "ünïcode"}, "letters and numbers"),
        ({"share_1": "A" * 300}, "much longer"),
    ],
)
def test_combine_explains_what_is_wrong(web: Web, shares: dict[str, str], message: str) -> None:
    response = web.post("/shares/combine", shares)
    assert response.status_code == 400
    assert message in response.text


# -- export -----------------------------------------------------------------------------------


def test_export_cautions_then_streams_a_zip(home: Web) -> None:
    home.post("/note", {"note": "Ünïcode note for the export"})
    page = home.get("/backup/export")
    assert "This file is not locked" in page.text
    response = home.post("/backup/export", {"understood": "on", "passphrase": PASSPHRASE})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    manifest = json.loads(archive.read("export/manifest.json"))
    assert {t["name"] for t in manifest["tables"]} >= {"notes", "backup_settings", "vault_info"}
    notes = json.loads(archive.read("export/data/notes.json"))
    assert notes["rows"][0]["body"] == "Ünïcode note for the export"
    assert "Ünïcode note for the export" in archive.read("export/tables/notes.csv").decode()


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"passphrase": PASSPHRASE}, "understood"),
        ({"understood": "on", "passphrase": ""}, "passphrase"),
        ({"understood": "on", "passphrase": "wrong but long enough"}, "passphrase"),
        ({"understood": "on", "passphrase": "p" * 1001}, "passphrase"),
    ],
)
def test_export_is_checked(home: Web, form: dict[str, str], field: str) -> None:
    response = home.post("/backup/export", form)
    assert response.status_code == 400
    assert f'id="{field}-error"' in response.text


# -- restore ----------------------------------------------------------------------------------


@pytest.fixture
def backup_file(home: Web, tmp_path: Path) -> Path:
    home.post("/note", {"note": "from before ünï"})
    folder = tmp_path / "usb"
    folder.mkdir()
    assert home.post("/backup/now", {"folder": str(folder)}).status_code == 303
    [made] = _backups(folder)
    return made


def test_the_first_run_page_offers_a_restore(web: Web) -> None:
    assert 'href="/restore"' in web.get("/create").text
    assert "Restore from a backup" in web.get("/restore").text


def test_restore_on_a_new_device(backup_file: Path, tmp_path: Path) -> None:
    fresh_gen = build_web(tmp_path / "new-device")
    fresh = next(fresh_gen)
    try:
        response = fresh.post("/restore", {"backup_path": str(backup_file), "secret": PASSPHRASE})
        assert response.status_code == 303, response.text
        assert response.headers["location"] == "/unlock"
        assert "Your vault is back" in fresh.get("/unlock").text
        assert fresh.unlock().status_code == 303
        assert fresh.note() == "from before ünï"
    finally:
        fresh_gen.close()


def test_restore_replaces_only_when_asked(home: Web, backup_file: Path) -> None:
    locked = home
    locked.lock()
    form = {"backup_path": str(backup_file), "secret": locked.code}
    response = locked.post("/restore", form)
    assert response.status_code == 400
    assert 'id="replace-error"' in response.text
    response = locked.post("/restore", {**form, "replace": "on"})
    assert response.status_code == 303
    assert locked.unlock().status_code == 303
    assert locked.note() == "from before ünï"


@pytest.mark.parametrize(
    ("what", "field", "message"),
    [
        ("empty path", "backup_path", "Please give the path"),
        ("missing file", "backup_path", "There is no file there"),
        ("relative", "backup_path", "whole path"),
        ("too long", "backup_path", "under 1000"),
        ("not a backup", "backup_path", "not a Clearpath backup"),
        ("damaged", "backup_path", "cannot be used"),
        ("wrong secret", "secret", "does not open this backup"),
        ("empty secret", "secret", "Please type"),
    ],
)
def test_restore_explains_what_is_wrong(
    web: Web, backup_file: Path, tmp_path: Path, what: str, field: str, message: str
) -> None:
    path, secret = str(backup_file), PASSPHRASE
    if what == "empty path":
        path = ""
    elif what == "missing file":
        path = str(tmp_path / "nowhere ünï.bak")
    elif what == "relative":
        path = "backup.bak"
    elif what == "too long":
        path = "/" + "a" * 1001
    elif what == "not a backup":
        other = tmp_path / "holiday.jpg"
        other.write_bytes(b"\xff\xd8\xff not a backup")
        path = str(other)
    elif what == "damaged":
        damaged = tmp_path / "damaged.bak"
        data = bytearray(backup_file.read_bytes())
        data[len(data) // 2] ^= 0x40
        damaged.write_bytes(bytes(data))
        path = str(damaged)
    elif what == "wrong secret":
        secret = "not the right passphrase at all"
    else:
        secret = ""
    web.lock()
    response = web.post("/restore", {"backup_path": path, "secret": secret, "replace": "on"})
    assert response.status_code == 400
    assert message in response.text
    assert f'id="{field}-error"' in response.text
    assert web.unlock().status_code == 303  # the vault here is as it was


def test_restore_while_unlocked_goes_back(home: Web) -> None:
    response = home.get("/restore")
    assert response.status_code == 303
    assert response.headers["location"] == "/backup"


def test_download_with_mismatched_passphrases_is_refused(home: Web) -> None:
    form = {"backup_passphrase": STRONG, "backup_passphrase_again": STRONG + " x"}
    response = home.post("/backup/download", form)
    assert response.status_code == 400
    assert 'id="download_backup_passphrase_again-error"' in response.text


@pytest.mark.parametrize("folder", ["/" + "ü" * 1001, "relative ünï"])
def test_a_trusted_copy_refuses_a_bad_folder(home: Web, folder: str) -> None:
    response = home.post("/backup/trusted", {"folder": folder})
    assert response.status_code == 400
    assert 'id="folder-error"' in response.text
    assert f'value="{folder}"' in response.text
