"""Evidence in a real browser: quick capture, uploading several files (with and without
JavaScript), the timeline filters, and axe on every evidence page."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_flows import launch_and_unlock
from browser_support import RunningApp, Tab
from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).parents[1] / "unit" / "evidence"))

from evidence_samples import jpeg_with_gps, png
from test_accessibility import AXE_OPTIONS, describe

from clearpath.evidence import files, services
from clearpath.evidence.services import IncidentFields, Person

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], None]
OpenTab = Callable[..., Tab]


def _axe(page: Page) -> list[str]:
    results = Axe().run(page, options=AXE_OPTIONS)
    return describe(results.response["violations"]) if results.violations_count else []


def _sample_files(tmp_path: Path) -> list[Path]:
    made = []
    for name, body in (
        ("door.jpg", jpeg_with_gps()),
        ("screenshot.png", png()),
        ("message.txt", b"He wrote: come back now.\n"),
    ):
        path = tmp_path / name
        path.write_bytes(body)
        made.append(path)
    return made


def test_quick_capture_then_upload_several_files(
    tab: Tab, served_vault: RunningApp, tmp_path: Path, snap: Snap
) -> None:
    page = tab.page
    launch_and_unlock(page, served_vault)
    page.goto(served_vault.url("/evidence"))
    snap(page, "evidence-empty")
    page.get_by_label("In a few words").fill("Shouted at the door")
    page.get_by_label("What happened (optional)").fill("Late at night. The neighbours heard.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Shouted at the door")
    expect(page.locator(".notice").first).to_contain_text("Saved.")
    page.wait_for_load_state()

    page.get_by_label("Choose files").set_input_files(_sample_files(tmp_path))
    page.get_by_role("button", name="Add files").click()
    expect(page.locator(".notice").first).to_contain_text("3 files added, encrypted and logged.")
    expect(page.locator(".file-item")).to_have_count(3)
    expect(page.locator(".file-gps")).to_have_count(1)
    # The thumbnail really is an image the browser could draw.
    # (Waiting for it to load first: on a busy machine the page can be ahead of the image.)
    width = page.locator("img.file-thumb").first.evaluate(
        "img => img.complete ? img.naturalWidth : new Promise(done =>"
        " img.addEventListener('load', () => done(img.naturalWidth), {once: true}))"
    )
    assert width > 0
    snap(page, "incident-with-files")
    assert _axe(page) == []

    page.get_by_role("link", name="CP-000001: door.jpg").click()
    expect(page.locator(".notice-warning")).to_contain_text("This file holds a GPS position")
    snap(page, "file")
    assert _axe(page) == []
    assert tab.watch.problems() == []


def test_upload_works_without_javascript(
    new_tab: OpenTab, served_vault: RunningApp, tmp_path: Path
) -> None:
    tab = new_tab(javascript=False)
    page = tab.page
    launch_and_unlock(page, served_vault)
    page.goto(served_vault.url("/evidence/files"))
    page.get_by_label("Choose files").set_input_files(_sample_files(tmp_path)[:2])
    page.get_by_role("button", name="Add files").click()
    expect(page.locator(".notice").first).to_contain_text("2 files added")
    expect(page.locator(".file-item")).to_have_count(2)
    with served_vault.vault.session() as db:
        assert len(files.list_files(db)) == 2


def _seed(app: RunningApp) -> None:
    with app.vault.session() as db:
        services.create_incident(
            db,
            IncidentFields(
                title="Threats by text",
                occurred_on=date(2026, 9, 3),
                categories=("threats",),
                people=(Person("Ana", "witness", "ana@example.org"),),
                what_happened="He said he would take the car.",
            ),
        )
        services.create_incident(
            db,
            IncidentFields(
                title="Followed home",
                occurred_on=date(2026, 10, 12),
                categories=("monitoring",),
                what_happened="Saw him outside the bakery again.",
            ),
        )
        services.create_incident(
            db,
            IncidentFields(
                title="Money taken", occurred_on=date(2026, 11, 1), categories=("financial",)
            ),
        )


def test_timeline_filters(tab: Tab, served_vault: RunningApp, snap: Snap) -> None:
    page = tab.page
    launch_and_unlock(page, served_vault)
    _seed(served_vault)
    page.goto(served_vault.url("/evidence"))
    titles = page.locator(".timeline-title")
    expect(titles).to_have_text(["Money taken", "Followed home", "Threats by text"])
    snap(page, "timeline")
    assert _axe(page) == []

    page.get_by_label("Kind").select_option("monitoring")
    page.get_by_role("button", name="Show").click()
    expect(titles).to_have_text(["Followed home"])
    page.get_by_role("link", name="Clear the filters").click()

    page.get_by_label("Has witnesses").check()
    page.get_by_role("button", name="Show").click()
    expect(titles).to_have_text(["Threats by text"])
    page.get_by_role("link", name="Clear the filters").click()

    page.get_by_label("From", exact=True).fill("2026-10-01")
    page.get_by_label("To", exact=True).fill("2026-10-31")
    page.get_by_role("button", name="Show").click()
    expect(titles).to_have_text(["Followed home"])
    page.get_by_role("link", name="Clear the filters").click()

    page.get_by_label("Search the words").fill("bakery")
    page.get_by_role("button", name="Show").click()
    expect(titles).to_have_text(["Followed home"])
    expect(page.locator(".timeline-count")).to_have_text("Showing 1 of 3 incidents.")
    assert page.url == served_vault.url("/evidence")  # no search words in the history
    assert tab.watch.problems() == []


def test_every_evidence_page_passes_axe(
    tab: Tab, served_vault: RunningApp, tmp_path: Path, snap: Snap
) -> None:
    page = tab.page
    launch_and_unlock(page, served_vault)
    _seed(served_vault)
    incident_id = 1
    files.add_file(served_vault.vault, [jpeg_with_gps()], "door.jpg", incident_id)
    with served_vault.vault.session() as db:
        services.edit_incident(
            db, incident_id, IncidentFields(title="Threats by text", place="Home")
        )
    found: dict[str, list[str]] = {}
    pages: dict[str, str] = {
        "new": "/evidence/new",
        "full-form": "/evidence/new/full",
        "incident": f"/evidence/incidents/{incident_id}",
        "edit": f"/evidence/incidents/{incident_id}/edit",
        "history": f"/evidence/incidents/{incident_id}/history",
        "delete": f"/evidence/incidents/{incident_id}/delete",
        "erase": f"/evidence/incidents/{incident_id}/erase",
        "files": "/evidence/files",
        "file": "/evidence/files/1",
        "download": "/evidence/files/1/download",
        "file-erase": "/evidence/files/1/erase",
        "verify": "/evidence/verify",
    }
    for name, path in pages.items():
        page.goto(served_vault.url(path))
        page.wait_for_load_state()
        snap(page, name)
        if violations := _axe(page):
            found[name] = violations
    # Pages with an error on show.
    page.goto(served_vault.url("/evidence/new/full"))
    page.get_by_label("A short title").fill("")
    page.get_by_label("Time (optional)").fill("")
    page.locator("#occurred_on").fill("2026-05-05")
    page.locator("#occurred_until").fill("2026-05-01")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".error-summary")).to_be_visible()
    snap(page, "full-form-error")
    if violations := _axe(page):
        found["full-form-error"] = violations
    page.goto(served_vault.url("/evidence/verify"))
    page.get_by_role("button", name="Check now").click()
    expect(page.locator(".notice").first).to_contain_text("Everything matches")
    snap(page, "verify-result")
    if violations := _axe(page):
        found["verify-result"] = violations
    details: Any = found
    assert not details, "\n".join(f"{k}: {line}" for k, v in found.items() for line in v)
    assert tab.watch.problems() == []
