"""The report page through HTTP: the caution, filters, the three downloads, bad input."""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from datetime import date
from pathlib import Path

from httpx2 import Response
from web_harness import Web

from clearpath.evidence import files, services
from clearpath.evidence.records import IncidentFields, Person
from clearpath.report import bundle_verify

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "report"))
from report_samples import NAMES, photo


def _seed(web: Web) -> None:
    with web.vault.session() as db:
        first = services.create_incident(
            db,
            IncidentFields(
                title="Shouting at the door",
                what_happened="Late at night.",
                occurred_on=date(2026, 3, 2),
                categories=("verbal",),
                people=(Person(NAMES["arabic"], "witness", "+44 7700 900123"),),
            ),
        )
        services.create_incident(
            db,
            IncidentFields(
                title=f"Messages from {NAMES['cyrillic']}",
                occurred_on=date(2026, 5, 9),
                categories=("harassment",),
            ),
        )
    files.add_file(web.vault, [photo((120, 40, 40))], "door.jpg", first)


def _post(web: Web, data: dict[str, str | list[str]]) -> Response:
    form: dict[str, str | list[str]] = {"csrf_token": web.token(), **data}
    return web.client.post("/evidence/report", data=form)


def test_the_page_shows_the_caution_and_the_choices(home: Web) -> None:
    _seed(home)
    page = home.get("/evidence/report")
    assert page.status_code == 200
    assert "leaves the encrypted vault" in page.text
    assert "Shouting at the door" in page.text
    assert 'value="bundle"' in page.text
    assert "/evidence/report" in home.get("/evidence").text  # linked from the evidence home


def test_pdf_download(home: Web) -> None:
    _seed(home)
    response = _post(home, {"kind": "pdf", "name": NAMES["hebrew"]})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="record-')
    assert response.content.startswith(b"%PDF")


def test_csv_download_with_filters(home: Web) -> None:
    _seed(home)
    response = _post(
        home, {"kind": "csv", "date_from": "2026-01-01", "date_to": "2026-04-30"}
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[1][1].startswith("Shouting at the door")
    assert NAMES["arabic"] in rows[1][3]


def test_category_filter(home: Web) -> None:
    _seed(home)
    response = _post(home, {"kind": "csv", "categories": ["harassment"]})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r[1] for r in rows[1:]] == [f"Messages from {NAMES['cyrillic']}"]


def test_bundle_download_verifies(home: Web, tmp_path: Path) -> None:
    _seed(home)
    response = _post(home, {"kind": "bundle"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    path = tmp_path / "bundle.zip"
    path.write_bytes(response.content)
    assert bundle_verify.verify_bundle(path) == []
    with zipfile.ZipFile(path) as archive:
        assert "originals/CP-000001.jpg" in archive.namelist()


def test_bad_dates_are_named_and_what_was_typed_stays(home: Web) -> None:
    response = _post(home, {"kind": "pdf", "date_from": "2026-02-31", "name": "Ольга"})
    assert response.status_code == 400
    text = response.text
    assert "Please give a date like 2026-03-31." in text
    assert 'value="2026-02-31"' in text
    assert 'value="Ольга"' in text
    swapped = _post(home, {"kind": "pdf", "date_from": "2026-05-01", "date_to": "2026-04-01"})
    assert swapped.status_code == 400
    assert "before the start date" in swapped.text


def test_a_name_too_long_and_no_kind(home: Web) -> None:
    response = _post(home, {"kind": "pdf", "name": "x" * 121})
    assert response.status_code == 400
    assert "under 120 characters" in response.text
    empty = _post(home, {})
    assert empty.status_code == 400
    assert "choose one of the three downloads" in empty.text


def test_an_empty_vault_still_gives_a_report(home: Web) -> None:
    response = _post(home, {"kind": "pdf"})
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_without_csrf_nothing_is_made(home: Web) -> None:
    response = home.post("/evidence/report", {"kind": "pdf"}, csrf=False)
    assert response.status_code == 403
