"""The backup area's pages in Chromium: each one works, passes axe, logs no errors, and the
main flows (a backup into a folder, shares, restore on a new device) work by clicking."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_flows import launch, launch_and_unlock
from browser_support import PASSPHRASE, RunningApp, ServerDidNotStart, Tab, serve
from playwright.sync_api import Page, expect

from clearpath.backup.making import NAME_PATTERN

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], None]
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
}


def _axe_problems(page: Page) -> list[str]:
    results = Axe().run(page, options=AXE_OPTIONS)
    violations: list[dict[str, Any]] = results.response["violations"]
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in violations]


def _new_vault(page: Page, app: RunningApp) -> str:
    """A vault made in Python, unlocked through the pages; returns its recovery code.

    (Not through the create page: its strength meter can still be asking /strength with the
    old session's token when the page moves on, which logs a 403, a flake of that page.)"""
    code = app.vault.create(PASSPHRASE)
    app.vault.lock()
    launch_and_unlock(page, app)
    return code


def _tour(page: Page, app: RunningApp, usb: Path) -> Iterator[str]:
    code = _new_vault(page, app)
    yield "home-reminder"

    page.get_by_role("link", name="Make a backup now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Keep a safe copy")
    yield "backup"

    page.locator("#folder").fill("/no/such/folder")
    page.get_by_role("button", name="Make a backup now").click()
    expect(page.locator(".error-summary")).to_be_visible()
    yield "backup-error"

    page.locator("#folder").fill(str(usb))
    page.get_by_role("button", name="Make a backup now").click()
    expect(page.locator(".notice")).to_contain_text("Your backup is saved")
    yield "backup-done"

    page.set_viewport_size({"width": 360, "height": 800})
    page.reload()
    wide = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert not wide, "the backup page scrolls sideways on a narrow phone screen"
    yield "backup-narrow"
    page.set_viewport_size({"width": 1280, "height": 800})

    page.get_by_role("link", name="Make a copy for someone you trust").click()
    page.locator("#folder").fill(str(usb))
    page.get_by_role("button", name="Make the copy").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A file to keep safe")
    yield "trusted-sheet"

    page.goto(app.url("/backup/shares"))
    yield "shares"
    page.locator("#recovery_code").fill(code)
    page.get_by_role("button", name="Make the shares").click()
    expect(page.locator(".share-sheet")).to_have_count(3)
    yield "shares-made"

    page.goto(app.url("/backup/export"))
    page.get_by_role("button", name="Download the export").click()
    expect(page.locator(".error-summary")).to_be_visible()
    yield "export-error"

    page.goto(app.url("/home"))
    page.get_by_role("button", name="Lock now").click()
    page.goto(app.url("/restore"))
    yield "restore"
    page.goto(app.url("/shares/combine"))
    yield "combine"


def test_backup_pages_work_and_pass_axe(
    tab: Tab, served: RunningApp, snap: Snap, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    found: dict[str, list[str]] = {}
    visited = []
    for name in _tour(tab.page, served, usb):
        tab.page.wait_for_load_state()
        visited.append(name)
        snap(tab.page, name)
        problems = _axe_problems(tab.page)
        if problems:
            found[name] = problems
    assert len(visited) == 11
    assert not found, found
    assert not tab.watch.problems()
    assert len([p for p in usb.iterdir() if NAME_PATTERN.match(p.name)]) == 2


def test_restore_from_the_first_run_screen(
    new_tab: Callable[..., Tab], served: RunningApp, snap: Snap, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    first = new_tab()
    _new_vault(first.page, served)
    first.page.goto(served.url("/backup"))
    first.page.locator("#folder").fill(str(usb))
    first.page.get_by_role("button", name="Make a backup now").click()
    expect(first.page.locator(".notice")).to_contain_text("Your backup is saved")
    [made] = [p for p in usb.iterdir() if NAME_PATTERN.match(p.name)]

    try:
        other = serve(tmp_path / "new-device")
        device = next(other)
    except ServerDidNotStart as exc:
        pytest.fail(str(exc))
    try:
        tab = new_tab(javascript=False)
        launch(tab.page, device)
        expect(tab.page).to_have_url(device.url("/create"))
        tab.page.get_by_role("link", name="Restore from a backup").click()
        tab.page.locator("#backup_path").fill(str(made))
        tab.page.locator("#secret").fill(PASSPHRASE)
        tab.page.get_by_role("button", name="Check and restore").click()
        expect(tab.page).to_have_url(device.url("/unlock"))
        expect(tab.page.locator(".notice")).to_contain_text("Your vault is back")
        snap(tab.page, "restored")
        tab.page.locator("#passphrase").fill(PASSPHRASE)
        tab.page.get_by_role("button", name="Unlock").click()
        expect(tab.page).to_have_url(device.url("/home"))
        assert not tab.watch.problems()
    finally:
        other.close()
