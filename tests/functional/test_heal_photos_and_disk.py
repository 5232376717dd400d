"""Comfort-box photos: read in memory with a cap, cleaned, kept in the vault; nothing on disk."""

from __future__ import annotations

import io
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from PIL import Image
from web_harness import Web

from clearpath.heal import lists
from clearpath.heal.upload import BODY_LIMIT
from plaintext_scan import files_holding, files_under, needles


def _png(marker: str = "") -> bytes:
    image = Image.new("RGB", (64, 48), "orange")
    out = io.BytesIO()
    info = None
    if marker:
        from PIL.PngImagePlugin import PngInfo

        info = PngInfo()
        info.add_text("Comment", marker)
    image.save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def _upload(home: Web, data: bytes, caption: str = "Sea", token: str | None = None) -> object:
    # The token goes first, as the page's form sends it.
    form = {"csrf_token": token if token is not None else home.token(), "caption": caption}
    return home.client.post(
        "/heal/comfort/photos", data=form, files={"photo": ("p.png", data, "image/png")}
    )


def test_a_photo_is_kept_and_shown_again(home: Web) -> None:
    response = _upload(home, _png())
    assert response.status_code == 303  # type: ignore[attr-defined]
    with home.vault.session() as db:
        [(photo_id, caption)] = lists.photo_ids(db)
    assert caption == "Sea"
    page = home.get("/heal/comfort")
    assert f'src="/heal/comfort/photos/{photo_id}"' in page.text
    image = home.get(f"/heal/comfort/photos/{photo_id}")
    assert image.headers["content-type"] == "image/jpeg"
    assert image.headers["cache-control"] == "no-store"
    assert Image.open(io.BytesIO(image.content)).size == (64, 48)
    home.post(f"/heal/comfort/photos/{photo_id}/remove")
    assert home.get(f"/heal/comfort/photos/{photo_id}").status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"hello, not a picture", "does not look like a photo"),
        (b"", "Please choose a photo first."),
        (b"\x00" * (BODY_LIMIT + 10), "larger than 4 MB"),
    ],
)
def test_a_wrong_photo_gets_a_calm_message(home: Web, data: bytes, message: str) -> None:
    response = _upload(home, data)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert message in response.text  # type: ignore[attr-defined]
    with home.vault.session() as db:
        assert lists.photo_ids(db) == []


def test_a_photo_without_the_token_is_refused(home: Web) -> None:
    response = _upload(home, _png(), token="wrong")
    assert response.status_code == 403  # type: ignore[attr-defined]
    with home.vault.session() as db:
        assert lists.photo_ids(db) == []


def test_a_browser_without_a_session_is_not_read(web: Web) -> None:
    web.create()
    web.client.cookies.clear()
    response = web.client.post(
        "/heal/comfort/photos", files={"photo": ("p.png", _png(), "image/png")}
    )
    assert response.status_code == 403


def test_nothing_readable_lands_on_disk(home: Web, tmp_path: Path) -> None:
    started = time.time() - 1
    secret = f"comfort-{uuid.uuid4().hex}"
    _upload(home, _png(secret), caption=secret)
    home.post("/heal/journal", {"kind": "entry", "day": "2026-11-20", "body": secret})
    home.post("/heal/list/quality", {"text": secret, "back": "/heal"})
    home.post("/heal/check-in", {"day": "2026-11-20", "mood": "3", "eating": secret})
    home.post("/heal/journal/search", {"q": secret})
    home.vault.lock()
    roots = [home.data_dir, Path(tempfile.gettempdir())]
    leaks = [
        hit
        for root in roots
        for hit in files_holding(files_under(root, since=started), needles(secret))
    ]
    assert leaks == []
