"""The report page in Chromium: axe, the three downloads, and the same without JavaScript."""

from __future__ import annotations

import json
import sys
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_flows import launch_and_unlock
from browser_support import RunningApp, Tab
from playwright.sync_api import Page
from test_accessibility import AXE_OPTIONS, describe

from clearpath.evidence import files, services
from clearpath.evidence.records import IncidentFields, Person
from clearpath.report import bundle_verify

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "report"))
from report_samples import NAMES, photo

pytestmark = pytest.mark.browser

OpenTab = Callable[..., Tab]
Snap = Callable[[Page, str], None]


def _seed(app: RunningApp) -> None:
    with app.vault.session() as db:
        first = services.create_incident(
            db,
            IncidentFields(
                title="Shouting at the door",
                what_happened="Late at night.",
                occurred_on=date(2026, 3, 2),
                occurred_time="22:15",
                categories=("verbal", "threats"),
                people=(Person(NAMES["arabic"], "witness", "+44 7700 900123"),),
            ),
        )
        services.create_incident(
            db,
            IncidentFields(title=f"Messages, {NAMES['cjk']}", occurred_on=date(2026, 5, 9)),
        )
    files.add_file(app.vault, [photo((40, 90, 160))], "door.jpg", first)


def _open_report(page: Page, app: RunningApp) -> None:
    launch_and_unlock(page, app)
    _seed(app)
    page.goto(app.url("/evidence/report"))
    assert page.get_by_role("heading", name="Make a report").is_visible()


def test_report_page_passes_axe_and_downloads_a_pdf(
    tab: Tab, served_vault: RunningApp, snap: Snap, tmp_path: Path
) -> None:
    page = tab.page
    _open_report(page, served_vault)
    snap(page, "report")
    results = Axe().run(page, options=AXE_OPTIONS)
    assert not results.violations_count, describe(results.response["violations"])
    with page.expect_download() as waiting:
        page.get_by_role("button", name="The report (PDF)").click()
    download = waiting.value
    assert download.suggested_filename.startswith("record-")
    assert download.suggested_filename.endswith(".pdf")
    saved = tmp_path / "report.pdf"
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    assert not tab.watch.problems()


def test_bundle_download_verifies(tab: Tab, served_vault: RunningApp, tmp_path: Path) -> None:
    page = tab.page
    _open_report(page, served_vault)
    page.get_by_label("From", exact=True).fill("2026-01-01")
    with page.expect_download() as waiting:
        page.get_by_role("button", name="The evidence bundle (zip)").click()
    saved = tmp_path / "bundle.zip"
    waiting.value.save_as(saved)
    assert bundle_verify.verify_bundle(saved) == []
    with zipfile.ZipFile(saved) as archive:
        records = json.loads(archive.read("records.json"))
    assert len(records["incidents"]) == 2
    assert not tab.watch.problems()


def test_a_wrong_date_order_is_shown_next_to_the_field(
    tab: Tab, served_vault: RunningApp, snap: Snap
) -> None:
    page = tab.page
    _open_report(page, served_vault)
    page.get_by_label("From", exact=True).fill("2026-06-01")
    page.get_by_label("To", exact=True).fill("2026-01-01")
    page.get_by_role("button", name="The chronology (CSV)").click()
    assert page.get_by_text("The end date is before the start date").first.is_visible()
    snap(page, "report-error")
    results = Axe().run(page, options=AXE_OPTIONS)
    assert not results.violations_count, describe(results.response["violations"])


def test_csv_download_without_javascript(
    new_tab: OpenTab, served_vault: RunningApp, tmp_path: Path
) -> None:
    tab = new_tab(javascript=False)
    page = tab.page
    _open_report(page, served_vault)
    with page.expect_download() as waiting:
        page.get_by_role("button", name="The chronology (CSV)").click()
    saved = tmp_path / "chronology.csv"
    waiting.value.save_as(saved)
    text = saved.read_text(encoding="utf-8-sig")
    assert "Shouting at the door" in text
    assert NAMES["arabic"] in text
