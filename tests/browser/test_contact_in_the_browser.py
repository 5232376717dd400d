"""The contact area in a real browser: axe, no console errors or CSP reports, narrow screens,
the copy button, the breathing minute (moving, still for reduced motion), and no JavaScript.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from itertools import chain

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_flows import launch_and_unlock
from browser_support import RunningApp, Tab
from playwright.sync_api import Page, expect
from test_accessibility import AXE_OPTIONS, describe

from clearpath.contact import blocking, nocontact, pull, required

pytestmark = pytest.mark.browser

OpenTab = Callable[..., Tab]
Snap = Callable[[Page, str], None]

PAGES = {
    "contact": "/contact",
    "contact-boundary": "/contact/boundary",
    "contact-timeline": "/contact/timeline",
    "contact-blocking": "/contact/blocking",
    "contact-pull": "/contact/pull",
    "contact-promises": "/contact/promises",
    "contact-pause": "/contact/pause",
    "contact-log": "/contact/log",
    "contact-due": "/contact/due",
    "contact-templates": "/contact/templates",
    "contact-template": "/contact/templates/one_channel",
}


def seed(app: RunningApp) -> None:
    today = date.today()
    with app.vault.session() as db:
        nocontact.set_start(
            db,
            mode="limited",
            started_on=today - timedelta(days=40),
            channel="email",
            topics="the children",
        )
        nocontact.set_boundary(
            db,
            line="My decision is final. Contact me only about the children, by email.",
            consequence="Block the number",
            who_steps_in="My sister",
        )
        nocontact.add_slip(
            db,
            occurred_on=today - timedelta(days=20),
            what_happened="I answered a late call.",
            trigger="A birthday",
            feeling="Shaky",
            adjustment="Phone on silent after nine",
            returned_on=today - timedelta(days=18),
        )
        nocontact.add_slip(
            db,
            occurred_on=today - timedelta(days=1),
            what_happened="Replied about old photos.",
            trigger="",
            feeling="",
            adjustment="",
        )
        nocontact.record_violation(db, occurred_on=today, note="Came to my work")
        blocking.set_channel(db, channel="whatsapp", status="blocked", changed_on=today, notes="")
        blocking.add_routine(db, routine="Gym on Tuesday evenings", change="Saturday mornings")
        pull.add_pull(
            db, occurred_on=today, channel="email", kind="remorse", response="nothing", feeling=""
        )
        pull.add_promise(db, promise="I will go to counselling.", what_happened="Went once.")
        pull.add_person(db, name="Ana", phone="+44 7700 900123")
        required.add_entry(
            db,
            required.EntryInput(
                occurred_at=datetime.now() - timedelta(hours=3),
                channel="email",
                topic="Saturday handover",
                summary="Asked to move it to 11:00.",
                my_reply="",
                follow_up_due=None,
                needs_reply=True,
                include_in_report=True,
            ),
        )


def open_unlocked(tab: Tab, app: RunningApp) -> Page:
    launch_and_unlock(tab.page, app)
    seed(app)
    return tab.page


def visit(page: Page, app: RunningApp) -> Iterator[str]:
    for name, path in PAGES.items():
        page.goto(app.url(path))
        page.wait_for_load_state()
        yield name


def error_states(page: Page, app: RunningApp) -> Iterator[str]:
    """A refused form on the pages that have one."""
    page.goto(app.url("/contact"))
    page.locator("#slip summary").click()
    page.locator("#what_happened").evaluate("e => e.removeAttribute('maxlength')")
    page.locator("#what_happened").fill("x" * 5_001)
    page.get_by_role("button", name="Keep this note").click()
    expect(page.locator("#what_happened-error")).to_be_visible()
    yield "contact-error"

    page.goto(app.url("/contact/pull"))
    page.locator("#kind-gifts").check()
    page.locator("#occurred_on").evaluate("e => e.removeAttribute('max')")
    page.locator("#occurred_on").fill("2999-01-01")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#occurred_on-error")).to_be_visible()
    yield "contact-pull-error"

    page.goto(app.url("/contact/blocking"))
    page.locator("#channel-email summary").click()
    page.locator("#email-notes").evaluate("e => e.removeAttribute('maxlength')")
    page.locator("#email-notes").fill("n" * 1_001)
    page.get_by_role("button", name="Save Email").click()
    expect(page.locator("#email-notes-error")).to_be_visible()
    yield "contact-blocking-error"

    page.goto(app.url("/contact/log"))
    page.locator("#response_hours").evaluate("e => e.removeAttribute('min')")
    page.locator("#response_hours").fill("0")
    page.locator("#window").get_by_role("button", name="Save").click()
    expect(page.locator("#response_hours-error")).to_be_visible()
    yield "contact-log-error"

    page.goto(app.url("/contact/templates/lawyer"))
    page.locator("#lawyer").evaluate("e => e.removeAttribute('maxlength')")
    page.locator("#lawyer").fill("l" * 301)
    page.get_by_role("button", name="Fill in the message").click()
    expect(page.locator("#lawyer-error")).to_be_visible()
    yield "contact-template-error"


def test_every_contact_page_passes_axe_and_loads_cleanly(
    tab: Tab, served_vault: RunningApp, snap: Snap
) -> None:
    page = open_unlocked(tab, served_vault)
    axe = Axe()
    found: dict[str, list[str]] = {}
    problems: dict[str, list[str]] = {}
    for name in chain(visit(page, served_vault), error_states(page, served_vault)):
        expect(page).to_have_title("Notes")
        snap(page, name)
        results = axe.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            found[name] = describe(results.response["violations"])
        if tab.watch.problems():
            problems[name] = tab.watch.problems()
            tab.watch.errors.clear()
            tab.watch.csp_violations.clear()
    assert not found, found
    assert not problems, problems


def test_contact_pages_fit_narrow_screens(
    new_tab: OpenTab, served_vault: RunningApp, snap: Snap
) -> None:
    tab = new_tab(width=320, height=700)
    page = open_unlocked(tab, served_vault)
    too_wide = {}
    for name in visit(page, served_vault):
        for width in (320, 640):
            page.set_viewport_size({"width": width, "height": 700})
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                too_wide[f"{name} at {width}"] = scroll
        snap(page, f"{name}-narrow")
    assert not too_wide, too_wide


def test_copy_button_copies_the_filled_message(tab: Tab, served_vault: RunningApp) -> None:
    page = open_unlocked(tab, served_vault)
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(served_vault.url("/contact/templates/reconnect"))
    page.locator("#topic").fill("the children")
    page.locator("#channel").fill("email")
    page.get_by_role("button", name="Fill in the message").click()
    expected = (
        "I have made my decision and it is final. I will not discuss our relationship. "
        "If you need to contact me about the children, please use email only."
    )
    expect(page.locator("#result")).to_have_value(expected)
    button = page.get_by_role("button", name="Copy the message")
    expect(button).to_be_visible()
    button.click()
    expect(page.locator(".copy-status")).to_contain_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert not tab.watch.problems()


def test_breathing_minute_moves_and_counts_down(tab: Tab, served_vault: RunningApp) -> None:
    page = open_unlocked(tab, served_vault)
    page.goto(served_vault.url("/contact/pause"))
    circle = page.locator(".breathe-circle")
    assert circle.evaluate("e => getComputedStyle(e).animationName") == "contact-breathe"
    page.get_by_role("button", name="Start a one-minute timer").click()
    expect(page.locator(".breathe-status")).to_contain_text("Breathe in. 60 seconds left.")
    assert not tab.watch.problems()


def test_breathing_is_still_for_reduced_motion(tab: Tab, served_vault: RunningApp) -> None:
    page = open_unlocked(tab, served_vault)
    page.emulate_media(reduced_motion="reduce")
    page.goto(served_vault.url("/contact/pause"))
    circle = page.locator(".breathe-circle")
    assert circle.evaluate("e => getComputedStyle(e).animationName") == "none"
    expect(page.locator(".breathe-words")).to_be_visible()


def test_the_area_works_without_javascript(new_tab: OpenTab, served_vault: RunningApp) -> None:
    tab = new_tab(javascript=False)
    page = open_unlocked(tab, served_vault)

    page.goto(served_vault.url("/contact/pause"))
    expect(page.get_by_role("button", name="Start a one-minute timer")).to_be_hidden()
    expect(page.locator(".breathe-words")).to_be_visible()

    page.goto(served_vault.url("/contact/pull"))
    page.locator("#kind-charm").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".notice")).to_contain_text("Saved.")

    page.goto(served_vault.url("/contact"))
    page.get_by_role("button", name="Log that it was crossed").click()
    expect(page.locator(".notice")).to_contain_text("kept as an incident in Evidence")
    page.get_by_role("button", name="I have returned to no contact").click()
    expect(page.locator(".notice")).to_contain_text("real success")
    expect(page.locator(".space")).to_contain_text("2 times you returned to no contact")

    page.goto(served_vault.url("/contact/templates/handover"))
    page.locator("#day").fill("Saturday")
    page.get_by_role("button", name="Fill in the message").click()
    expect(page.locator("#result")).to_have_value(
        "The handover is on Saturday at [the time] at [the place]. [who will be with you] "
        "will be with me. If you need to change it, please write through [the channel] by "
        "[by when]."
    )
    expect(page.get_by_role("button", name="Copy the message")).to_be_hidden()
