"""Quick exit by pressing Shift three times, and what must not count as a press."""

from __future__ import annotations

import re

import pytest
from browser_flows import launch_and_unlock
from browser_support import RunningApp, Tab
from exit_checks import expect_exited, open_with_a_note
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# Lets a test move the page's clock forward (Date.now) without waiting for real time.
MOVABLE_CLOCK = """
(function () {
  var realNow = Date.now.bind(Date);
  window.__clockShiftMs = 0;
  Date.now = function () { return realNow() + window.__clockShiftMs; };
})();
"""


def test_quick_exit_by_pressing_shift_three_times(tab: Tab, served_vault: RunningApp) -> None:
    page = tab.page
    note = "exit-shift-marker-0a9d spare key with Ana"
    cookie = open_with_a_note(tab, served_vault, note)
    countdown = page.locator("#exit-countdown")
    expect(countdown).to_be_hidden()
    expect(countdown).to_have_attribute("role", "status")
    expect(countdown).to_have_attribute("aria-live", re.compile("^(polite|assertive)$"))

    page.keyboard.press("Shift")
    expect(countdown).to_be_visible()
    expect(countdown).to_contain_text("Shift")
    expect(countdown).to_contain_text("2 more times")
    expect(countdown).to_contain_text(re.compile(r"within [1-5] seconds?"))

    page.keyboard.press("Shift")
    expect(countdown).to_contain_text("1 more time")
    assert served_vault.vault.unlocked, "two presses must not exit yet"

    page.keyboard.press("Shift")
    expect_exited(tab, served_vault, note, cookie)


def test_shift_presses_older_than_five_seconds_do_not_count(
    tab: Tab, served_vault: RunningApp
) -> None:
    page = tab.page
    tab.context.add_init_script(MOVABLE_CLOCK)
    launch_and_unlock(page, served_vault)
    countdown = page.locator("#exit-countdown")

    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(countdown).to_contain_text("1 more time")

    page.evaluate("window.__clockShiftMs += 6000")
    expect(countdown).to_be_hidden()  # the countdown ran out and says so by leaving

    page.keyboard.press("Shift")
    expect(countdown).to_contain_text("2 more times")
    expect(page).to_have_url(served_vault.url("/home"))
    assert served_vault.vault.unlocked
    assert not served_vault.shutdown_requested.is_set()


def test_shift_held_down_is_one_press(tab: Tab, served_vault: RunningApp) -> None:
    page = tab.page
    launch_and_unlock(page, served_vault)
    page.keyboard.down("Shift")
    page.keyboard.down("Shift")  # auto-repeat
    page.keyboard.down("Shift")
    page.keyboard.up("Shift")
    expect(page.locator("#exit-countdown")).to_contain_text("2 more times")
    assert served_vault.vault.unlocked


def _type_with_capitals(page: Page, text: str) -> None:
    """Types like a person: Shift held down for each capital letter."""
    for char in text:
        if char.isupper():
            page.keyboard.down("Shift")
            page.keyboard.press(f"Key{char}")
            page.keyboard.up("Shift")
        else:
            page.keyboard.type(char)


def test_typing_capital_letters_does_not_quick_exit(tab: Tab, served_vault: RunningApp) -> None:
    page = tab.page
    launch_and_unlock(page, served_vault)
    page.locator("#note-text").click()
    _type_with_capitals(page, "Call Ana Tuesday")
    # Quick exit empties the page at once, inside the key handler; the note must still be there.
    expect(page.locator("#note-text")).to_have_value("Call Ana Tuesday", timeout=500)
    page.get_by_role("button", name="Save note").click(timeout=500)
    expect(page.locator(".notice")).to_have_text("Your note is saved.")
    assert served_vault.vault.unlocked
    assert not served_vault.shutdown_requested.is_set()


def test_moving_back_with_shift_tab_does_not_quick_exit(tab: Tab, served_vault: RunningApp) -> None:
    page = tab.page
    launch_and_unlock(page, served_vault)
    page.goto(served_vault.url("/settings"))
    page.wait_for_load_state()
    page.locator("#current_passphrase").focus()
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    # Back past "Save settings" and the checkbox, to the idle minutes; the page is still here.
    expect(page.locator("#idle_minutes")).to_be_focused(timeout=500)
    page.get_by_role("button", name="Save settings").click(timeout=500)
    expect(page.locator(".notice")).to_have_text("Your settings are saved.")
    assert served_vault.vault.unlocked
    assert not served_vault.shutdown_requested.is_set()


def test_quick_exit_goes_to_the_address_chosen_in_settings(
    tab: Tab, served_vault: RunningApp
) -> None:
    page = tab.page
    launch_and_unlock(page, served_vault)
    page.goto(served_vault.url("/settings"))
    page.locator("#exit_url").fill("https://www.bbc.co.uk/food")
    page.get_by_role("button", name="Save settings").click()
    expect(page.locator(".notice")).to_have_text("Your settings are saved.")
    page.wait_for_load_state()
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(page).to_have_url("https://www.bbc.co.uk/food")
    assert served_vault.wait_for_shutdown_request()
    assert not served_vault.vault.unlocked
