"""Understand, readiness, danger signs and the help directory in a real browser.

Each page is visited with data in it, checked with axe, screenshotted on request, and must
leave no console error, CSP violation or request off the machine.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_flows import launch_and_unlock
from browser_support import RunningApp, Tab
from playwright.sync_api import Page, expect
from test_accessibility import AXE_OPTIONS, describe

from clearpath.helpdir import services as helpdir
from clearpath.understand import danger, readiness, reflections
from clearpath.understand.topics import TOPICS

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], None]
OpenTab = Callable[..., Tab]


def _seed(app: RunningApp) -> None:
    start = date(2026, 9, 1)
    with app.vault.session() as db:
        helpdir.set_country(db, "GB")
        helpdir.choose_service(db, "gb-ndah", True)
        helpdir.add_own_service(
            db,
            helpdir.OwnServiceInput(
                name="Women's centre, Ward Street", kind="counselling", phone="0161 000 0000"
            ),
        )
        reflections.add_reflection(db, "gaslighting", "He said I imagined the bruise.", start)
        own_area = readiness.add_area(db, "Housing")
        for n in range(6):
            day = start + timedelta(days=7 * n)
            reflections.add_effect(
                db,
                reflections.EffectInput(
                    day,
                    "A hard week." if n % 2 else "",
                    {"sleep": 8 - n, "work": 5, "social": 3 + n % 3, "health": None},
                    {"sleep": "Waking at night" if n == 0 else ""},
                ),
            )
            readiness.add_entry(
                db,
                day,
                [
                    readiness.RatingInput("emotional", 3 + n),
                    readiness.RatingInput("financial", 2 + n % 2, "Saving a little"),
                    readiness.RatingInput("practical", 4),
                    readiness.RatingInput("support", 6),
                    readiness.RatingInput(f"own-{own_area}", 5 - n % 3),
                ],
            )
        danger.save_check(db, start, danger.known_signs(["worse", "pets"]), "After the party")


PAGES = [
    ("understand", "/understand"),
    *((f"topic-{t.slug}", f"/understand/{t.slug}") for t in TOPICS),
    ("note-edit", "/understand/notes/1/edit"),
    ("effects", "/understand/effects"),
    ("effects-edit", "/understand/effects/1/edit"),
    ("readiness", "/readiness"),
    ("danger", "/danger"),
    ("danger-saved", "/danger/checks/1"),
    ("directory", "/directory"),
    ("directory-all", "/directory?country=all&kind=hotline"),
    ("directory-country", "/directory/country"),
    ("directory-own-new", "/directory/own/new"),
    ("directory-own-edit", "/directory/own/1/edit"),
]


def test_every_page_renders_and_passes_axe(tab: Tab, served_vault: RunningApp, snap: Snap) -> None:
    page = tab.page
    launch_and_unlock(page, served_vault)
    _seed(served_vault)
    axe = Axe()
    found: dict[str, list[str]] = {}
    for name, path in PAGES:
        response = page.goto(served_vault.url(path))
        assert response is not None
        assert response.status == 200, (name, response.status)
        page.wait_for_load_state()
        expect(page.locator("h1")).to_have_count(1)
        snap(page, name)
        results = axe.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            found[name] = describe(results.response["violations"])
    assert not found, "axe found problems:\n" + "\n".join(
        f"  {p}: {line}" for p, lines in found.items() for line in lines
    )
    assert not tab.watch.problems(), tab.watch.problems()


def test_error_pages_pass_axe(tab: Tab, served_vault: RunningApp, snap: Snap) -> None:
    page = tab.page
    launch_and_unlock(page, served_vault)
    axe = Axe()
    page.goto(served_vault.url("/readiness"))
    page.locator("#score-emotional").fill("")
    page.locator("#note-emotional").fill("x" * 10)
    page.get_by_role("button", name="Keep these ratings").click()
    expect(page.locator(".error-summary")).to_be_visible()
    snap(page, "readiness-error")
    results = axe.run(page, options=AXE_OPTIONS)
    assert not results.violations_count, describe(results.response["violations"])
    page.goto(served_vault.url("/directory"))
    expect(page.locator("h1")).to_have_text("Which country are you in?")
    page.get_by_role("button", name="Save my country").click()
    expect(page.locator(".error-summary")).to_be_visible()
    snap(page, "country-error")
    results = axe.run(page, options=AXE_OPTIONS)
    assert not results.violations_count, describe(results.response["violations"])
    assert not tab.watch.problems(), tab.watch.problems()


def test_danger_help_appears_as_soon_as_a_box_is_ticked(
    tab: Tab, served_vault: RunningApp, snap: Snap
) -> None:
    page = tab.page
    launch_and_unlock(page, served_vault)
    with served_vault.vault.session() as db:
        helpdir.set_country(db, "AU")
    page.goto(served_vault.url("/danger"))
    urgent = page.locator("#urgent")
    expect(urgent).to_be_hidden()
    page.get_by_label("They control most of your day").check()
    expect(urgent).to_be_hidden()
    page.get_by_label("ever choked or strangled you").check()
    expect(urgent).to_be_visible()
    expect(urgent).to_contain_text("000")
    expect(urgent).to_contain_text("1800 737 732")
    snap(page, "danger-ticked")
    page.get_by_label("ever choked or strangled you").uncheck()
    expect(urgent).to_be_hidden()
    assert not tab.watch.problems(), tab.watch.problems()


def test_danger_works_without_javascript(new_tab: OpenTab, served_vault: RunningApp) -> None:
    tab = new_tab(javascript=False)
    page = tab.page
    launch_and_unlock(page, served_vault)
    page.goto(served_vault.url("/danger"))
    expect(page.locator("#urgent")).to_be_hidden()
    page.get_by_label("violence is happening more often").check()
    page.get_by_role("button", name="Show what I can do").click()
    expect(page.locator("#urgent")).to_be_visible()
    expect(page.locator("#urgent")).to_contain_text("your local emergency number")
    # Ticked boxes stay ticked, and nothing was kept.
    expect(page.get_by_label("violence is happening more often")).to_be_checked()
    with served_vault.vault.session() as db:
        assert danger.list_checks(db) == []


def test_note_and_rating_through_the_forms(tab: Tab, served_vault: RunningApp) -> None:
    page = tab.page
    launch_and_unlock(page, served_vault)
    page.goto(served_vault.url("/understand/hoovering"))
    page.get_by_label("What you noticed").fill("Sent flowers after I left — again")
    page.get_by_role("button", name="Keep this note").click()
    expect(page.locator(".notes-list")).to_contain_text("Sent flowers after I left — again")
    page.locator(".notes-list").get_by_role("button", name="Delete").click()
    expect(page.locator("h1")).to_have_text("Delete this note?")
    results = Axe().run(page, options=AXE_OPTIONS)
    assert not results.violations_count, describe(results.response["violations"])
    page.get_by_role("link", name="No, keep it").click()
    expect(page.locator(".notes-list")).to_contain_text("Sent flowers after I left — again")
    page.goto(served_vault.url("/readiness"))
    page.get_by_label("Support network, 1 to 10").fill("2")
    page.get_by_role("button", name="Keep these ratings").click()
    expect(page.locator("#steps-heading")).to_be_visible()
    expect(page.get_by_role("link", name="Add one person you trust")).to_have_attribute(
        "href", "/plan/safety#people"
    )
    assert not tab.watch.problems(), tab.watch.problems()


def test_small_screen(new_tab: OpenTab, served_vault: RunningApp, snap: Snap) -> None:
    tab = new_tab(width=360, height=740)
    page = tab.page
    launch_and_unlock(page, served_vault)
    _seed(served_vault)
    for name, path in (("readiness", "/readiness"), ("directory", "/directory")):
        page.goto(served_vault.url(path))
        snap(page, f"narrow-{name}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (name, width)
    assert not tab.watch.problems(), tab.watch.problems()
