"""The note on the home page, nothing readable on disk, and damaged vault files."""

from __future__ import annotations

import os
import stat
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from web_harness import PASSPHRASE, Web

from clearpath.notes.services import MAX_NOTE_LENGTH
from plaintext_scan import files_holding, files_under, needles

VAULT_FILES = {"vault.db", "keys.json", "files", "clearpath.lock"}
LEAKY_WORDS = ("Traceback", "Error:", "Exception", "sqlcipher", "sqlalchemy", "sqlite3", "File \"")


# -- the note -----------------------------------------------------------------------------------


def test_a_note_is_saved_and_read_back(home: Web) -> None:
    response = home.post("/note", {"note": "Call Sam on Friday."})
    assert response.status_code == 303
    assert response.headers["location"] == "/home#note"
    page = home.get("/home")
    assert "Your note is saved." in page.text
    assert ">Call Sam on Friday.</textarea>" in page.text
    # The notice is said once.
    assert "Your note is saved." not in home.get("/home").text


def test_a_note_survives_lock_and_unlock(home: Web) -> None:
    home.post("/note", {"note": "kept"})
    home.lock()
    home.unlock()
    assert ">kept</textarea>" in home.get("/home").text


def test_a_note_is_replaced_not_added(home: Web) -> None:
    home.post("/note", {"note": "first"})
    home.post("/note", {"note": "second"})
    assert home.note() == "second"


def test_a_note_can_be_emptied(home: Web) -> None:
    home.post("/note", {"note": "something"})
    home.post("/note", {"note": ""})
    assert home.note() == ""


def test_line_endings_are_normalised(home: Web) -> None:
    home.post("/note", {"note": "one\r\ntwo"})
    assert home.note() == "one\ntwo"


def test_a_note_with_markup_is_shown_as_text(home: Web) -> None:
    home.post("/note", {"note": "</textarea><script>alert(1)</script>"})
    html = home.get("/home").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;/textarea&gt;&lt;script&gt;" in html


def test_a_note_at_the_limit_is_saved(home: Web) -> None:
    text = "x" * MAX_NOTE_LENGTH
    assert home.post("/note", {"note": text}).status_code == 303
    assert home.note() == text


def test_a_note_over_the_limit_is_refused_and_nothing_saved(home: Web) -> None:
    home.post("/note", {"note": "the earlier note"})
    response = home.post("/note", {"note": "y" * (MAX_NOTE_LENGTH + 1)})
    assert response.status_code == 400
    assert "longer than 20,000 characters" in response.text
    assert "nothing was saved" in response.text
    # What was typed is given back so it is not lost.
    assert "y" * (MAX_NOTE_LENGTH + 1) in response.text
    assert home.note() == "the earlier note"


def _multipart(home: Web, note: str) -> dict[str, tuple[None, str]]:
    # (None, value): a plain multipart field with no filename, not a file.
    return {"csrf_token": (None, home.token()), "note": (None, note)}


def test_a_note_sent_as_multipart_is_saved(home: Web) -> None:
    response = home.client.post("/note", files=_multipart(home, "multipart"))
    assert response.status_code == 303
    assert home.note() == "multipart"


def test_a_form_carrying_a_file_is_refused_and_nothing_saved(home: Web) -> None:
    # No form takes files yet; one would be spooled to the temp folder in plaintext.
    home.post("/note", {"note": "the earlier note"})
    response = home.client.post(
        "/note",
        data={"csrf_token": home.token(), "note": "sneaked in"},
        files={"photo": ("photo.jpg", b"\xff\xd8 not really a photo")},
    )
    assert response.status_code == 400
    assert home.note() == "the earlier note"


# -- nothing in plaintext on disk ---------------------------------------------------------------


def test_no_plaintext_on_disk(home: Web) -> None:
    since = time.time() - 2
    marker = f"plaintext-marker-{uuid.uuid4().hex}"
    multipart = f"multipart-marker-{uuid.uuid4().hex}"
    assert home.post("/note", {"note": f"{marker} ünïcödé"}).status_code == 303
    assert marker in home.get("/home").text
    home.client.post("/note", files=_multipart(home, multipart))
    assert home.note() == multipart
    home.lock()
    home.unlock()
    assert multipart in home.get("/home").text
    home.vault.lock()

    wanted = needles(marker, multipart, PASSPHRASE, home.code)
    in_vault = files_holding(files_under(home.data_dir), wanted)
    assert in_vault == []
    in_temp = files_holding(files_under(Path(tempfile.gettempdir()), since), wanted)
    assert in_temp == []


def test_the_scan_would_see_a_leak(tmp_path: Path) -> None:
    since = time.time() - 2
    marker = f"planted-{uuid.uuid4().hex}"
    (tmp_path / "leak.txt").write_bytes(b"..." + marker.encode("utf-16-le") + b"...")
    found = files_holding(files_under(Path(tempfile.gettempdir()), since), needles(marker))
    assert len(found) == 1
    assert "leak.txt" in found[0]


def test_the_data_directory_holds_only_the_vault(home: Web) -> None:
    home.post("/note", {"note": "something"})
    home.lock()
    assert {p.name for p in home.data_dir.iterdir()} <= VAULT_FILES
    assert stat.S_IMODE(home.data_dir.stat().st_mode) == 0o700
    for name in ("vault.db", "keys.json"):
        assert stat.S_IMODE((home.data_dir / name).stat().st_mode) == 0o600


# -- damaged vault files ------------------------------------------------------------------------


def _calm(text: str) -> None:
    for word in LEAKY_WORDS:
        assert word.lower() not in text.lower(), word


@pytest.fixture
def garbage_db(locked: Web) -> Web:
    (locked.data_dir / "vault.db").write_bytes(os.urandom(3 * 4096))
    return locked


def test_a_vault_db_that_is_not_a_vault(garbage_db: Web) -> None:
    database = garbage_db.data_dir / "vault.db"
    before_db, before_keys = database.read_bytes(), garbage_db.keys_json()
    response = garbage_db.unlock()
    assert response.status_code in (400, 500)
    assert "vault.db is not a Clearpath vault or is damaged." in response.text
    assert "Nothing was changed." in response.text
    _calm(response.text)
    assert database.read_bytes() == before_db
    assert garbage_db.keys_json() == before_keys
    assert {p.name for p in garbage_db.data_dir.iterdir()} <= VAULT_FILES
    assert not garbage_db.vault.unlocked
    # The person can still try again, leave, or read the help.
    assert garbage_db.get("/unlock").status_code == 200
    assert garbage_db.get("/help/staying-safe").status_code == 200


def test_a_wrong_passphrase_on_a_damaged_vault_is_just_wrong(garbage_db: Web) -> None:
    response = garbage_db.unlock("not the passphrase at all")
    assert response.status_code == 400
    assert "did not open" in response.text


def test_an_empty_vault_db_is_not_made_into_a_new_vault(locked: Web) -> None:
    database = locked.data_dir / "vault.db"
    database.write_bytes(b"")
    response = locked.unlock()
    assert "vault.db is not a Clearpath vault or is damaged." in response.text
    _calm(response.text)
    assert database.read_bytes() == b""
    assert locked.get("/create").headers["location"] == "/unlock"


@pytest.mark.parametrize(
    ("content", "detail"),
    [(None, "the file is missing"), (b"{ not json", "it is not valid JSON"),
     (b'{"kind": "something else"}', "it is not a Clearpath key file")],
)
def test_a_damaged_key_file(locked: Web, content: bytes | None, detail: str) -> None:
    keys = locked.data_dir / "keys.json"
    database = locked.data_dir / "vault.db"
    before_db = database.read_bytes()
    if content is None:
        keys.unlink()
    else:
        keys.write_bytes(content)
    assert locked.get("/unlock").status_code == 200
    response = locked.unlock()
    assert f"The key file (keys.json) cannot be read: {detail}." in response.text
    _calm(response.text)
    assert database.read_bytes() == before_db
    assert (keys.read_bytes() if content is not None else None) == content
    # Never offered a fresh vault over the damaged one.
    assert locked.get("/create").headers["location"] == "/unlock"
    assert locked.post("/create", {"passphrase": PASSPHRASE,
                                   "passphrase_again": PASSPHRASE}).status_code == 303
    assert database.read_bytes() == before_db
