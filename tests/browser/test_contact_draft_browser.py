"""The draft checker in a real browser: axe with flags on show, no console errors or CSP
reports, the copy button, narrow screens, and the same result without JavaScript.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_flows import launch_and_unlock
from browser_support import RunningApp, Tab
from playwright.sync_api import Page, expect
from test_accessibility import AXE_OPTIONS, describe

pytestmark = pytest.mark.browser

OpenTab = Callable[..., Tab]
Snap = Callable[[Page, str], None]

DRAFT = (
    "Hi. I'm so sorry about Saturday, I hope you're not angry. The only reason I was late "
    "is that my new job at the bank finishes at 5. Pickup is at 6 on Friday at the school "
    "gate. Why do you always have to make this so hard? Nice of you to finally ask about the "
    "kids. Please bring Mia's swimming bag."
)
SUGGESTED = (
    "Hi. Pickup is at 6 on Friday at the school gate. Please bring Mia's swimming bag. Thank you."
)


def check(page: Page, app: RunningApp, draft: str) -> None:
    page.goto(app.url("/contact/draft"))
    page.locator("#draft").fill(draft)
    page.get_by_role("button", name="Check my draft").click()
    page.wait_for_load_state()


def test_the_draft_checker_passes_axe_and_loads_cleanly(
    tab: Tab, served_vault: RunningApp, snap: Snap
) -> None:
    page = tab.page
    launch_and_unlock(page, served_vault)
    axe = Axe()
    found: dict[str, list[str]] = {}
    states = {
        "empty": lambda: page.goto(served_vault.url("/contact/draft")),
        "flags": lambda: check(page, served_vault, DRAFT),
        "clean": lambda: check(page, served_vault, "Can you confirm pickup at 5 on Friday?"),
        "rtl": lambda: check(page, served_vault, "سأكون هناك في الخامسة يوم الجمعة"),
        "error": lambda: check(page, served_vault, "   "),
    }
    # The refused draft answers 400 on purpose; Chromium logs it with the form's #found
    # fragment, which the watch's record of error documents does not carry.
    tab.watch.error_documents.add(served_vault.url("/contact/draft#found"))
    for name, show in states.items():
        show()
        page.wait_for_load_state()
        expect(page).to_have_title("Notes")
        snap(page, f"draft-{name}")
        results = axe.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            found[name] = describe(results.response["violations"])
    expect(page.locator("#draft-error")).to_be_visible()
    assert not found, found
    assert not tab.watch.problems(), tab.watch.problems()


def test_flags_are_marked_listed_and_the_calm_version_copies(
    tab: Tab, served_vault: RunningApp
) -> None:
    page = tab.page
    launch_and_unlock(page, served_vault)
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    check(page, served_vault, DRAFT)
    marks = page.locator(".draft-marked mark")
    expect(marks.first).to_be_visible()
    assert "sorry" in marks.all_inner_texts()
    expect(page.locator(".flag-list > li")).to_have_count(page.locator(".flag-ref").count())
    expect(page.locator("#suggested-text")).to_have_value(SUGGESTED)
    # A numbered link in the draft leads to its flag.
    page.locator(".flag-ref").first.click()
    expect(page.locator("#flag-1")).to_be_in_viewport()
    button = page.get_by_role("button", name="Copy this version")
    expect(button).to_be_visible()
    button.click()
    expect(page.locator("#suggested .copy-status")).to_contain_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == SUGGESTED
    assert not tab.watch.problems(), tab.watch.problems()


def test_without_javascript_the_checker_works_and_the_text_is_selectable(
    new_tab: OpenTab, served_vault: RunningApp
) -> None:
    tab = new_tab(javascript=False)
    page = tab.page
    launch_and_unlock(page, served_vault)
    check(page, served_vault, DRAFT)
    expect(page.locator(".flag-list > li").first).to_be_visible()
    expect(page.locator("#suggested-text")).to_have_value(SUGGESTED)
    expect(page.get_by_role("button", name="Copy this version")).to_be_hidden()
    # "Check and edit this version" puts the calm version in the box.
    page.get_by_role("button", name="Check and edit this version").click()
    expect(page.locator("#draft")).to_have_value(SUGGESTED)


def test_the_checker_fits_a_narrow_screen(
    new_tab: OpenTab, served_vault: RunningApp, snap: Snap
) -> None:
    tab = new_tab(width=320, height=700)
    page = tab.page
    launch_and_unlock(page, served_vault)
    check(page, served_vault, DRAFT + " " + "x" * 300)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    snap(page, "draft-narrow")
