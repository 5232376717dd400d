"""Keyboard use (skip link, reaching quick exit) and the idle lock, in a real browser."""

from __future__ import annotations

import pytest
from browser_flows import launch_and_unlock, save_note
from browser_support import RunningApp, Tab
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# Moves the page's clock (Date.now) by hand, and runs app.js's 5-second idle check every
# 50 ms, so the idle lock can be tested without waiting for real minutes.
FAST_IDLE_CLOCK = """
(function () {
  var realNow = Date.now.bind(Date);
  window.__clockShiftMs = 0;
  Date.now = function () { return realNow() + window.__clockShiftMs; };
  var realSetInterval = window.setInterval.bind(window);
  window.__slowTicks = 0;
  window.setInterval = function (fn, ms) {
    if (ms < 5000) { return realSetInterval(fn, ms); }
    return realSetInterval(function () { fn(); window.__slowTicks += 1; }, 50);
  };
})();
"""


def _wait_for_idle_checks(page: Page, count: int) -> None:
    ticks = int(page.evaluate("window.__slowTicks"))
    page.wait_for_function(f"() => window.__slowTicks >= {ticks + count}")


def test_skip_link_then_quick_exit_are_the_first_stops(
    page: Page, served_vault: RunningApp
) -> None:
    launch_and_unlock(page, served_vault)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Tab")
    exit_link = page.get_by_role("link", name="Quick exit")
    expect(exit_link).to_be_focused()
    # Visible focus: the focused quick exit draws an outline.
    outline = exit_link.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline not in ("", "none"), outline

    page.keyboard.press("Shift+Tab")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()


def test_quick_exit_by_keyboard_enter(tab: Tab, served_vault: RunningApp) -> None:
    page = tab.page
    launch_and_unlock(page, served_vault)
    page.get_by_role("link", name="Quick exit").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url("https://www.bbc.co.uk/weather")
    assert served_vault.wait_for_shutdown_request()
    assert not served_vault.vault.unlocked


def test_idle_page_locks_itself(tab: Tab, served_vault: RunningApp) -> None:
    page = tab.page
    tab.context.add_init_script(FAST_IDLE_CLOCK)
    note = "idle-marker-2d7f meeting point is the library"
    launch_and_unlock(page, served_vault)
    save_note(page, note)
    idle_seconds = int(page.locator("body").get_attribute("data-idle-seconds") or "0")
    assert idle_seconds == 10 * 60

    # Not yet idle for long enough: the page stays.
    page.evaluate(f"window.__clockShiftMs = {(idle_seconds - 60) * 1000}")
    _wait_for_idle_checks(page, 3)
    expect(page).to_have_url(served_vault.url("/home#note"))
    expect(page.locator("#note-text")).to_have_value(note)
    assert served_vault.vault.unlocked

    page.evaluate(f"window.__clockShiftMs = {(idle_seconds + 1) * 1000}")
    expect(page).to_have_url(served_vault.url("/unlock"))
    expect(page.locator(".notice")).to_have_text("Locked. Your notes are safe.")
    expect(page.locator("body")).not_to_contain_text(note)
    assert not served_vault.vault.unlocked
