"""The heal pages in Chromium: axe, no console errors, saving without a reload, breathing."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_flows import launch_and_unlock
from browser_support import PASSPHRASE, RunningApp, Tab
from playwright.sync_api import Page, expect
from test_accessibility import AXE_OPTIONS, describe

from clearpath.heal import checkins, daily, journal, lists, prefs, timeline

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], None]
OpenTab = Callable[..., Tab]
PAGES = {
    "heal": "/heal",
    "first-days": "/heal/first-days",
    "grounding": "/heal/grounding",
    "journal": "/heal/journal",
    "journal-new": "/heal/journal/new?prompt=7",
    "journal-entry": "/heal/journal/1",
    "prompts": "/heal/journal/prompts",
    "check-in": "/heal/check-in",
    "charts": "/heal/check-in/charts",
    "charts-12m": "/heal/check-in/charts?range=12m",
    "promises": "/heal/promises",
    "gratitude": "/heal/gratitude",
    "rebuild": "/heal/rebuild",
    "doubt": "/heal/rebuild/doubt",
    "comfort": "/heal/comfort",
    "dating": "/heal/dating",
    "timeline": "/heal/timeline",
    "home": "/home",
}


def seed(app: RunningApp) -> None:
    app.vault.unlock(PASSPHRASE)
    today = date.today()
    with app.vault.session() as db:
        journal.add_entry(
            db,
            journal.EntryDraft("entry", today, 4, "A walk", "Walked to the sea.", ("calm",)),
        )
        for n in range(60):
            day = today - timedelta(days=n)
            checkins.save_check_in(
                db, checkins.CheckInDraft(day, 2 + n % 3, 6 + n % 3, 3, 3, 2)
            )
        prefs.put_date(db, prefs.LEAVING_DATE, today - timedelta(days=40))
        timeline.add_hard_date(db, "Anniversary", today + timedelta(days=2), yearly=True,
                               note="Go gently")
        daily.add_promise(db, "A glass of water")
        for kind in lists.LIST_KINDS:
            lists.add_item(db, kind, f"My {kind.replace('_', ' ')}", "a detail", today)
        lists.add_goal(db, "A pottery class", today + timedelta(days=30), ["Find one"])
    app.vault.lock()


def test_every_heal_page_passes_axe(new_tab: OpenTab, served_vault: RunningApp,
                                    snap: Snap) -> None:
    seed(served_vault)
    tab = new_tab()
    launch_and_unlock(tab.page, served_vault)
    axe = Axe()
    found: dict[str, list[str]] = {}
    for name, path in PAGES.items():
        tab.page.goto(served_vault.url(path))
        tab.page.wait_for_load_state()
        snap(tab.page, name)
        results = axe.run(tab.page, options=AXE_OPTIONS)
        if results.violations_count:
            found[name] = describe(results.response["violations"])
    # A search is a posted form: its results page, checked the same way.
    tab.page.goto(served_vault.url("/heal/journal"))
    tab.page.locator("#q").fill("sea")
    tab.page.get_by_role("button", name="Search").click()
    expect(tab.page.locator("mark")).to_have_text("sea")
    assert tab.page.url == served_vault.url("/heal/journal/search")
    snap(tab.page, "journal-search")
    results = axe.run(tab.page, options=AXE_OPTIONS)
    if results.violations_count:
        found["journal-search"] = describe(results.response["violations"])
    assert not found, "axe found problems:\n" + "\n".join(
        f"  {page}: {line}" for page, lines in found.items() for line in lines
    )
    assert tab.watch.problems() == []


def test_the_simpler_home_passes_axe(tab: Tab, served_vault: RunningApp, snap: Snap) -> None:
    seed(served_vault)
    launch_and_unlock(tab.page, served_vault)
    tab.page.get_by_role("button", name="Show me only the basics").click()
    expect(tab.page.get_by_role("heading", name="Just the basics for today")).to_be_visible()
    snap(tab.page, "first-days-home")
    results = Axe().run(tab.page, options=AXE_OPTIONS)
    assert results.violations_count == 0, describe(results.response["violations"])
    tab.page.get_by_role("button", name="Show the full app").click()
    expect(tab.page.get_by_role("heading", name="The path")).to_be_visible()
    assert tab.watch.problems() == []


def _no_reload_marker(page: Page) -> None:
    page.evaluate("window.__stillHere = true")


def _still_same_page(page: Page) -> bool:
    return bool(page.evaluate("window.__stillHere === true"))


def test_journal_check_in_and_promise_save_without_a_reload(
    tab: Tab, served_vault: RunningApp
) -> None:
    launch_and_unlock(tab.page, served_vault)
    page = tab.page
    page.goto(served_vault.url("/heal/journal/new"))
    page.wait_for_load_state()
    _no_reload_marker(page)
    page.locator("#body").fill("Today I slept well. Ünïcode ✓")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#journal-saved .notice")).to_contain_text("Your entry is saved.")
    expect(page.locator("#heal-live")).to_have_text("Your entry is saved.")
    expect(page.locator("#body")).to_have_value("")
    assert _still_same_page(page)

    page.goto(served_vault.url("/heal/check-in"))
    page.wait_for_load_state()
    _no_reload_marker(page)
    page.get_by_role("group", name="Mood").get_by_label("Good", exact=True).check()
    page.get_by_role("button", name="Save check-in").click()
    expect(page.locator("#checkin-saved .notice")).to_contain_text("Thank you for checking in")
    assert _still_same_page(page)

    page.goto(served_vault.url("/heal/promises"))
    page.wait_for_load_state()
    _no_reload_marker(page)
    page.locator("#promise").fill("A ten-minute walk")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator("#promise-list")).to_contain_text("A ten-minute walk")
    promise = page.locator("#promise-list li", has_text="A ten-minute walk")
    promise.get_by_role("button", name=re.compile("^I kept it today")).click()
    expect(page.locator("#promise-list")).to_contain_text("Kept once this month")
    expect(page.locator("#heal-live")).to_have_text("Kept. That is once this month.")
    assert _still_same_page(page)
    assert tab.watch.problems() == []


def test_an_error_is_shown_next_to_the_form_without_a_reload(
    tab: Tab, served_vault: RunningApp
) -> None:
    launch_and_unlock(tab.page, served_vault)
    page = tab.page
    page.goto(served_vault.url("/heal/check-in"))
    page.wait_for_load_state()
    page.get_by_role("button", name="Save check-in").click()
    expect(page.locator(".heal-form-errors")).to_contain_text("Please choose your mood.")


def test_breathing_runs_and_stops(tab: Tab, served_vault: RunningApp) -> None:
    launch_and_unlock(tab.page, served_vault)
    page = tab.page
    page.goto(served_vault.url("/heal/grounding"))
    page.wait_for_load_state()
    box = page.locator("[data-breath]").first
    expect(box.locator(".breath-paced-box")).not_to_have_attribute("open", "")
    box.get_by_role("button", name="Start").click()
    expect(box.locator(".breath-word")).to_have_text("Breathe in")
    expect(box.locator(".breath-circle")).to_have_attribute("data-phase", "in")
    box.get_by_role("button", name="Stop").click()
    expect(box.locator(".breath-word")).to_have_text("Paused")


def test_breathing_keeps_still_for_reduced_motion(new_tab: OpenTab,
                                                  served_vault: RunningApp) -> None:
    tab = new_tab()
    tab.page.emulate_media(reduced_motion="reduce")
    launch_and_unlock(tab.page, served_vault)
    page = tab.page
    page.goto(served_vault.url("/heal/grounding"))
    page.wait_for_load_state()
    box = page.locator("[data-breath]").first
    box.get_by_role("button", name="Start").click()
    expect(box.locator(".breath-circle")).to_have_attribute("data-phase", "in")
    transform = box.locator(".breath-circle").evaluate("el => getComputedStyle(el).transform")
    assert transform == "none"


def test_without_javascript_the_forms_post_and_the_breathing_is_text(
    new_tab: OpenTab, served_vault: RunningApp
) -> None:
    tab = new_tab(javascript=False)
    launch_and_unlock(tab.page, served_vault)
    page = tab.page
    page.goto(served_vault.url("/heal/grounding"))
    expect(page.locator(".breath-live").first).to_be_hidden()
    expect(page.locator(".breath-paced").first).to_contain_text("Breathe in: 1, 2, 3, 4.")
    page.goto(served_vault.url("/heal/journal/new?kind=letter"))
    page.locator("#body").fill("A letter I will not send.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".notice")).to_have_text(
        "Your letter is kept here. It goes nowhere else."
    )
    expect(page.locator(".heal-entry-body")).to_have_text("A letter I will not send.")
    page.goto(served_vault.url("/heal/check-in"))
    page.get_by_role("group", name="Mood").get_by_label("So-so").check()
    page.get_by_role("button", name="Save check-in").click()
    expect(page).to_have_url(served_vault.url("/heal/check-in/charts"))
    expect(page.locator(".notice")).to_contain_text("Thank you for checking in")


def test_narrow_screens_need_no_sideways_scrolling(
    new_tab: OpenTab, served_vault: RunningApp, snap: Snap
) -> None:
    seed(served_vault)
    tab = new_tab(width=320, height=640)
    launch_and_unlock(tab.page, served_vault)
    for name, path in PAGES.items():
        tab.page.goto(served_vault.url(path))
        tab.page.wait_for_load_state()
        if name in ("check-in", "charts", "journal", "promises"):
            snap(tab.page, f"narrow-{name}")
        width = tab.page.evaluate("document.scrollingElement.scrollWidth")
        assert width <= 320, (name, width)
