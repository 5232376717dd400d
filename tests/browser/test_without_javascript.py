"""Every step works with JavaScript off: forms post and redirect, nothing needs a script."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from browser_flows import (
    AREAS,
    WRONG_PASSPHRASE,
    confirm_recovery_code,
    create_vault,
    expect_no_vault_content,
    go_back,
    launch,
    lock_now,
    save_note,
    submit_new_passphrase,
    unlock,
)
from browser_support import RunningApp, Tab
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

OpenTab = Callable[..., Tab]


@pytest.fixture
def no_js(new_tab: OpenTab) -> Tab:
    return new_tab(javascript=False)


def test_create_save_lock_unlock_without_javascript(no_js: Tab, served: RunningApp) -> None:
    page = no_js.page
    note = "nojs-marker-9e41 documents in the shoebox"

    # The meter needs a script; without one, the server says the same when the form is sent.
    launch(page, served)
    expect(page).to_have_url(served.url("/create"))
    page.locator("#passphrase").fill("password1")
    page.locator("#passphrase_again").fill("password1")
    page.get_by_role("button", name="Create").click()
    expect(page.locator("#passphrase-error")).to_contain_text("too easy to guess")
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#passphrase-meter")).to_be_hidden()  # no half-working controls
    assert not served.vault.exists()

    submit_new_passphrase(page)
    expect(page).to_have_url(served.url("/recovery-code"))
    expect(page.get_by_role("button", name="Print this page")).to_be_hidden()
    assert len(confirm_recovery_code(page)) == 7
    expect(page).to_have_url(served.url("/home"))
    expect(page.locator(".cards .card h3")).to_have_text(list(AREAS))

    save_note(page, note)
    lock_now(page)
    expect(page).to_have_url(served.url("/unlock"))
    assert not served.vault.unlocked
    go_back(page)
    expect_no_vault_content(page, served, note)

    page.goto(served.url("/unlock"))
    unlock(page, WRONG_PASSPHRASE)
    expect(page.locator("#passphrase-error")).to_contain_text("did not open")
    unlock(page)
    expect(page).to_have_url(served.url("/home"))
    expect(page.locator("#note-text")).to_have_value(note)


def test_settings_save_without_javascript(no_js: Tab, served: RunningApp) -> None:
    page = no_js.page
    create_vault(page, served)
    page.get_by_role("link", name="Settings").click()
    page.locator("#page_title").fill("Recipes")
    page.locator("#idle_minutes").fill("15")
    page.get_by_role("button", name="Save settings").click()
    expect(page.locator(".notice")).to_have_text("Your settings are saved.")
    expect(page).to_have_title("Recipes")
    expect(page.locator("#idle_minutes")).to_have_value("15")
