"""Getting in and out in a real browser: create the vault, unlock, a wrong passphrase, lock."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from browser_flows import (
    AREAS,
    WRONG_PASSPHRASE,
    asked_groups,
    confirm_recovery_code,
    expect_no_vault_content,
    go_back,
    launch,
    launch_and_unlock,
    lock_now,
    recovery_groups,
    save_note,
    submit_new_passphrase,
    unlock,
)
from browser_support import RunningApp, Tab
from playwright.sync_api import Page, expect

from clearpath.vault import recovery

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], None]


def test_create_vault_with_strength_meter_and_recovery_code(
    page: Page, served: RunningApp, snap: Snap
) -> None:
    launch(page, served)
    expect(page).to_have_url(served.url("/create"))
    meter = page.locator("#passphrase-meter .meter-text")
    expect(meter).to_be_hidden()

    # The meter follows typing (it asks /strength); nothing is submitted yet.
    page.locator("#passphrase").press_sequentially("password1", delay=10)
    expect(meter).to_be_visible()
    expect(meter).to_contain_text("too easy to guess")
    expect(page.locator("#passphrase-meter .meter-bar")).to_have_attribute("data-score", "0")
    snap(page, "create-weak")

    page.locator("#passphrase").fill("")
    submit_new_passphrase(page)
    expect(page).to_have_url(served.url("/recovery-code"))
    groups = recovery_groups(page)
    assert len(groups) == recovery.GROUPS == 7
    assert all(re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}", g) for g in groups), groups
    assert len(asked_groups(page)) >= 1
    snap(page, "recovery-code")

    confirm_recovery_code(page)
    expect(page).to_have_url(served.url("/home"))
    expect(page.locator(".notice")).to_contain_text("recovery code is confirmed")
    expect(page.locator(".cards .card h3")).to_have_text(list(AREAS))
    assert served.vault.unlocked
    snap(page, "home")

    # The code is shown once: Back does not bring it up again.
    go_back(page)
    expect(page).to_have_url(served.url("/home"))
    expect(page.locator(".code-groups")).to_have_count(0)
    assert not any(group in page.content() for group in groups)


def test_strength_meter_says_when_a_passphrase_is_strong(page: Page, served: RunningApp) -> None:
    launch(page, served)
    page.locator("#passphrase").fill("harbour lantern quietly cobalt meadow")
    meter = page.locator("#passphrase-meter .meter-text")
    expect(meter).to_contain_text("strong enough")
    expect(page.locator("#passphrase-meter .meter-bar")).to_have_attribute(
        "data-score", re.compile("^[34]$")
    )


def test_recovery_code_typed_back_wrong_is_asked_again(page: Page, served: RunningApp) -> None:
    launch(page, served)
    submit_new_passphrase(page)
    expect(page).to_have_url(served.url("/recovery-code"))
    shown = recovery_groups(page)
    for number in asked_groups(page):
        page.locator(f"input[name='group_{number}']").fill(
            "ZZZZ" if shown[number - 1] != "ZZZZ" else "0000"
        )
    page.get_by_role("button", name="I have kept it").click()
    expect(page).to_have_url(served.url("/recovery-code"))
    expect(page.locator(".field-error").first).to_contain_text("does not match")
    # The same code is still shown, so the person can look again.
    assert recovery_groups(page) == shown


def test_unlock_with_the_passphrase_opens_home(page: Page, served_vault: RunningApp) -> None:
    launch(page, served_vault)
    expect(page).to_have_url(served_vault.url("/unlock"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome back")
    unlock(page)
    expect(page).to_have_url(served_vault.url("/home"))
    expect(page.locator(".cards .card")).to_have_count(len(AREAS))
    assert served_vault.vault.unlocked


def test_wrong_passphrase_gets_a_calm_message_and_stays_locked(
    page: Page, served_vault: RunningApp, snap: Snap
) -> None:
    launch(page, served_vault)
    unlock(page, WRONG_PASSPHRASE)
    expect(page).to_have_url(served_vault.url("/unlock"))
    expect(page.locator("#passphrase-error")).to_contain_text("did not open")
    expect(page.locator("#passphrase")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#passphrase")).to_have_value("")
    expect(page.locator(".cards")).to_have_count(0)
    assert not served_vault.vault.unlocked
    snap(page, "unlock-wrong")

    unlock(page)
    expect(page).to_have_url(served_vault.url("/home"))


def test_lock_now_then_back_shows_no_vault_content(tab: Tab, served_vault: RunningApp) -> None:
    page = tab.page
    note = "lock-marker-7c1e5 the blue folder is at Sam's"
    launch_and_unlock(page, served_vault)
    save_note(page, note)

    lock_now(page)
    expect(page).to_have_url(served_vault.url("/unlock"))
    expect(page.locator(".notice")).to_have_text("Locked. Your notes are safe.")
    assert not served_vault.vault.unlocked

    go_back(page)
    expect_no_vault_content(page, served_vault, note)
    go_back(page)
    expect_no_vault_content(page, served_vault, note)

    # Unlocking again shows the note: locking kept it, it only hid it.
    page.goto(served_vault.url("/unlock"))
    unlock(page)
    expect(page.locator("#note-text")).to_have_value(note)


def test_many_wrong_passphrases_ask_to_wait_calmly(
    page: Page, served_vault: RunningApp, snap: Snap
) -> None:
    launch(page, served_vault)
    for _ in range(5):
        unlock(page, WRONG_PASSPHRASE)
        expect(page.locator("#passphrase-error")).to_contain_text("did not open")
    # From the fifth wrong try on, the next one must wait; the page says how long.
    hint = page.locator("#wait-hint")
    expect(hint).to_contain_text(re.compile(r"try again in about \d+ seconds"))

    unlock(page)  # even the right passphrase waits its turn
    expect(page.locator("#passphrase-error")).to_contain_text("please wait")
    expect(page.locator("#passphrase-error")).to_contain_text("Nothing has been deleted.")
    expect(page).to_have_url(served_vault.url("/unlock"))
    assert not served_vault.vault.unlocked
    snap(page, "unlock-wait")
