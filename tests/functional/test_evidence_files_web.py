"""Uploading files through the streaming endpoint, viewing, downloading, attaching, erasing;
and nothing readable on disk afterwards, temp files included."""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from web_harness import Web

sys.path.insert(0, str(Path(__file__).parents[1] / "unit" / "evidence"))

from evidence_samples import jpeg_with_gps, png

from clearpath.evidence import files
from clearpath.evidence.verify import verify_vault
from plaintext_scan import files_holding, files_under, needles


def _kept(web: Web) -> list[files.FileInfo]:
    with web.vault.session() as db:
        return files.list_files(db)


def _upload(
    web: Web,
    parts: list[tuple[str, bytes]],
    path: str = "/evidence/files/upload",
    *,
    token: bool = True,
    headers: dict[str, str] | None = None,
) -> object:
    data = {"csrf_token": web.token()} if token else {}
    return web.client.post(
        path,
        data=data,
        files=[("files", (name, body, "application/octet-stream")) for name, body in parts],
        headers=headers,
    )


def test_several_files_at_once_into_an_incident(home: Web) -> None:
    incident = home.post("/evidence/new", {"title": "Photos of the door"}).headers["location"]
    incident_id = int(incident.rsplit("/", 1)[1])
    photo, shot, text = jpeg_with_gps(), png(), "Plain words, ünïcode.\n".encode()
    response = _upload(
        home,
        [("door.jpg", photo), ("screen shot.png", shot), ("notes ✓.txt", text)],
        f"/evidence/files/upload?incident={incident_id}",
    )
    assert response.status_code == 303  # type: ignore[attr-defined]
    assert response.headers["location"] == incident  # type: ignore[attr-defined]
    page = home.get(incident).text
    assert "3 files added, encrypted and logged." in page
    assert "1 of them holds a GPS position" in page
    kept = sorted(_kept(home), key=lambda f: f.item_number)
    assert [f.original_name for f in kept] == ["door.jpg", "screen shot.png", "notes ✓.txt"]
    assert [f.media_type for f in kept] == ["image/jpeg", "image/png", "text/plain"]
    assert kept[0].sha256 == hashlib.sha256(photo).hexdigest()
    assert all(f.incident_id == incident_id for f in kept)
    assert "CP-000001: door.jpg" in page
    file_page = home.get(f"/evidence/files/{kept[0].id}").text
    assert "This file holds a GPS position" in file_page
    assert "Phonemaker Model 7" in file_page
    assert home.get(f"/evidence/files/{kept[0].id}/view").content == photo
    thumb = home.get(f"/evidence/files/{kept[1].id}/thumbnail")
    assert thumb.headers["content-type"] == "image/jpeg"
    assert verify_vault(home.vault).ok


def test_download_shows_a_caution_then_streams_the_original(home: Web) -> None:
    body = os.urandom(300_000)
    _upload(home, [("recording.bin", body)])
    kept = _kept(home)[0]
    caution = home.get(f"/evidence/files/{kept.id}/download")
    assert "leaves the encrypted vault" in caution.text
    response = home.post(f"/evidence/files/{kept.id}/download")
    assert response.status_code == 200
    assert response.content == body
    assert response.headers["content-disposition"] == 'attachment; filename="CP-000001.bin"'
    assert response.headers["content-type"] == "application/octet-stream"
    # Not a type a browser should show: viewing goes back to the file's page.
    assert home.get(f"/evidence/files/{kept.id}/view").status_code == 303


def test_the_script_path_sends_the_token_in_a_header(home: Web) -> None:
    response = home.client.post(
        "/evidence/files/upload",
        files=[("files", ("a.txt", b"hello there", "text/plain"))],
        headers={"x-csrf-token": home.token()},
    )
    assert response.status_code == 200
    assert response.headers["x-next-page"] == "/evidence/files"
    assert len(_kept(home)) == 1
    assert "1 file added" in home.get("/evidence/files").text


def test_no_token_a_wrong_token_or_a_token_after_the_files_keeps_nothing(home: Web) -> None:
    assert _upload(home, [("a.txt", b"x")], token=False).status_code == 403  # type: ignore[attr-defined]
    wrong = home.client.post(
        "/evidence/files/upload",
        data={"csrf_token": "nope"},
        files=[("files", ("a.txt", b"x", "text/plain"))],
    )
    assert wrong.status_code == 403
    boundary = "b0undary"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n'
        f"Content-Type: text/plain\r\n\r\nsecret\r\n"
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n'
        f"{home.token()}\r\n--{boundary}--\r\n"
    ).encode()
    late = home.client.post(
        "/evidence/files/upload",
        content=body,
        headers={"content-type": f"multipart/form-data; boundary={boundary}"},
    )
    assert late.status_code == 403
    assert _kept(home) == []
    assert list((home.data_dir / "files").iterdir()) == []


def test_upload_to_a_missing_incident_or_nothing_chosen(home: Web) -> None:
    missing = _upload(home, [("a.txt", b"x")], "/evidence/files/upload?incident=77")
    assert missing.status_code == 404  # type: ignore[attr-defined]
    nothing = _upload(home, [("", b"")])
    assert nothing.status_code == 303  # type: ignore[attr-defined]
    assert "No file was chosen" in home.get("/evidence/files").text
    assert _kept(home) == []
    assert list((home.data_dir / "files").iterdir()) == []
    not_multipart = home.post("/evidence/files/upload", {"x": "y"})
    assert not_multipart.status_code == 400


def test_upload_from_another_site_is_refused(home: Web) -> None:
    response = _upload(home, [("a.txt", b"x")], headers={"origin": "http://evil.example"})
    assert response.status_code == 403  # type: ignore[attr-defined]
    assert _kept(home) == []


def test_attach_and_erase_a_file(home: Web) -> None:
    incident = home.post("/evidence/new", {"title": "Later"}).headers["location"]
    incident_id = int(incident.rsplit("/", 1)[1])
    _upload(home, [("a.txt", b"words")])
    kept = _kept(home)[0]
    bad = home.post(f"/evidence/files/{kept.id}/attach", {"incident": "abc"})
    assert bad.status_code == 400
    gone = home.post(f"/evidence/files/{kept.id}/attach", {"incident": "999"})
    assert gone.status_code == 400
    assert (
        home.post(f"/evidence/files/{kept.id}/attach", {"incident": str(incident_id)}).status_code
        == 303
    )
    assert _kept(home)[0].incident_id == incident_id
    assert home.post(f"/evidence/files/{kept.id}/erase", {}).status_code == 400
    assert home.post(f"/evidence/files/{kept.id}/erase", {"confirm": "erase"}).status_code == 303
    assert _kept(home) == []
    assert home.get(f"/evidence/files/{kept.id}").status_code == 404
    assert verify_vault(home.vault).ok


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setenv("TMPDIR", str(private))
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    return private


def test_nothing_readable_on_disk_after_uploads(
    home: Web, tmp_path: Path, private_tmp: Path
) -> None:
    system = Path("/tmp")
    started = time.time() - 1
    marker = f"clearpath-upload-{uuid.uuid4().hex}"
    body = (marker + " ").encode() * 40_000  # ~2 MB: several chunks
    _upload(home, [(f"{marker}.txt", body), ("b.txt", marker.encode())])
    home.post("/evidence/new", {"title": marker, "what_happened": marker})
    assert len(_kept(home)) == 2
    wanted = needles(marker)
    leaks = files_holding(files_under(tmp_path), wanted)
    leaks += files_holding(files_under(system, started), wanted)
    assert leaks == []
    assert list(private_tmp.iterdir()) == []
    assert not [p for p in (home.data_dir / "files").iterdir() if p.name.startswith(".")]
    # Not vacuous: the bytes are in the vault.
    _, chunks = files.open_original(home.vault, _kept(home)[-1].id)
    assert marker.encode() in b"".join(chunks)


def test_a_recording_can_be_played_from_any_point(home: Web) -> None:
    from evidence_samples import wav

    body = wav(3.0, rate=400_000)  # about 1.2 MB: the range crosses a chunk boundary
    _upload(home, [("voice.wav", body)])
    kept = _kept(home)[0]
    path = f"/evidence/files/{kept.id}/view"
    whole = home.get(path)
    assert whole.headers["accept-ranges"] == "bytes"
    assert whole.content == body
    start = 1024 * 1024 - 10
    part = home.get(path, headers={"range": f"bytes={start}-{start + 99}"})
    assert part.status_code == 206
    assert part.content == body[start : start + 100]
    assert part.headers["content-range"] == f"bytes {start}-{start + 99}/{len(body)}"
    tail = home.get(path, headers={"range": "bytes=-10"})
    assert tail.content == body[-10:]
    open_ended = home.get(path, headers={"range": f"bytes={len(body) - 5}-"})
    assert open_ended.content == body[-5:]
    outside = home.get(path, headers={"range": f"bytes={len(body)}-"})
    assert outside.status_code == 416


def test_a_broken_multipart_body_is_a_calm_400(home: Web) -> None:
    body = (
        f'--b\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{home.token()}\r\n'
        '--b\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\n'
        "some words\r\n--bX garbage that never closes"
    ).encode()
    response = home.client.post(
        "/evidence/files/upload",
        content=body,
        headers={"content-type": "multipart/form-data; boundary=b"},
    )
    assert response.status_code == 400
    assert "could not be read, so nothing was kept" in response.text
    assert _kept(home) == []
    assert not [p for p in (home.data_dir / "files").iterdir() if p.name.startswith(".")]
