"""Steps a person takes in the browser, shared by the browser tests.

``tour`` walks every page a person uses, in the order they meet them, and yields at each
one so a test can check it (axe, console, layout, screenshots).
"""

from __future__ import annotations

import http.client
import re
from collections.abc import Iterator

from browser_support import PASSPHRASE, RunningApp
from playwright.sync_api import Page, expect

AREAS = (
    "Understand",
    "Prepare",
    "Safety plan",
    "Exit plan",
    "Evidence",
    "Messages",
    "Contact",
    "Heal",
)
WRONG_PASSPHRASE = "this is not the passphrase at all"


def launch(page: Page, app: RunningApp) -> None:
    """Open the single-use address the terminal prints."""
    page.goto(app.launch_url())


def recovery_groups(page: Page) -> list[str]:
    return [text.strip() for text in page.locator(".code-groups code").all_inner_texts()]


def asked_groups(page: Page) -> list[int]:
    """The group numbers the recovery-code page asks the person to type back."""
    names = page.locator("input[name^='group_']").evaluate_all("els => els.map(e => e.name)")
    return [int(str(name).removeprefix("group_")) for name in names]


def submit_new_passphrase(page: Page, passphrase: str = PASSPHRASE) -> None:
    page.locator("#passphrase").fill(passphrase)
    page.locator("#passphrase_again").fill(passphrase)
    page.get_by_role("button", name="Create").click()


def confirm_recovery_code(page: Page) -> list[str]:
    """Types back the requested groups; returns the whole code as shown."""
    groups = recovery_groups(page)
    for number in asked_groups(page):
        page.locator(f"input[name='group_{number}']").fill(groups[number - 1])
    page.get_by_role("button", name="I have kept it").click()
    return groups


def create_vault(page: Page, app: RunningApp) -> list[str]:
    """From a fresh browser to the home page of a new vault."""
    launch(page, app)
    expect(page).to_have_url(app.url("/create"))
    submit_new_passphrase(page)
    expect(page).to_have_url(app.url("/recovery-code"))
    groups = confirm_recovery_code(page)
    expect(page).to_have_url(app.url("/home"))
    page.wait_for_load_state()
    return groups


def unlock(page: Page, passphrase: str = PASSPHRASE) -> None:
    page.locator("#passphrase").fill(passphrase)
    page.get_by_role("button", name="Unlock").click()


def launch_and_unlock(page: Page, app: RunningApp) -> None:
    launch(page, app)
    expect(page).to_have_url(app.url("/unlock"))
    unlock(page)
    expect(page).to_have_url(app.url("/home"))
    # app.js is deferred: wait for it before a test presses Shift.
    page.wait_for_load_state()


def save_note(page: Page, text: str) -> None:
    page.locator("#note-text").fill(text)
    page.get_by_role("button", name="Save note").click()
    expect(page.locator(".notice")).to_have_text("Your note is saved.")
    expect(page.locator("#note-text")).to_have_value(text)
    page.wait_for_load_state()


def lock_now(page: Page) -> None:
    page.locator("form.nav-lock").get_by_role("button", name="Lock now").click()


def go_back(page: Page) -> None:
    """Back, as a person would press it.

    Waits only for the commit: a page restored from the back/forward cache fires no load
    event, and if a vault page ever came back that way, the checks that follow must see it.
    """
    page.go_back(wait_until="commit")


def expect_no_vault_content(page: Page, app: RunningApp, note: str) -> None:
    """Only the neutral page or the unlock page, and nothing from inside the vault."""
    expect(page).to_have_url(re.compile(rf"^{re.escape(app.origin)}/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("^(Nothing to show|Welcome back)$")
    )
    expect(page.locator("body")).not_to_contain_text(note)
    expect(page.locator("#note-text")).to_have_count(0)
    expect(page.locator(".cards")).to_have_count(0)
    assert note not in page.content()


def get_with_cookie(app: RunningApp, path: str, session: str) -> tuple[int, str]:
    """A request outside the browser that replays an old session cookie."""
    conn = http.client.HTTPConnection("127.0.0.1", app.port, timeout=10)
    try:
        cookie = f"{app.ctx.cookie_name}={session}"
        conn.request("GET", path, headers={"Cookie": cookie})
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def tour(page: Page, app: RunningApp) -> Iterator[str]:
    """Every page a person uses, from a fresh browser on a new data directory.

    Yields a short name once each page is showing. Ends locked, on the recover page.
    """
    page.goto(app.url("/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Nothing to show")
    page.wait_for_load_state()
    yield "neutral"

    launch(page, app)
    expect(page).to_have_url(app.url("/create"))
    page.wait_for_load_state()
    yield "create"

    page.locator("#passphrase").fill("password1")
    page.locator("#passphrase_again").fill("password1")
    page.get_by_role("button", name="Create").click()
    expect(page.locator(".error-summary")).to_be_visible()
    page.wait_for_load_state()
    yield "create-error"

    submit_new_passphrase(page)
    expect(page).to_have_url(app.url("/recovery-code"))
    page.wait_for_load_state()
    yield "recovery-code"

    for number in asked_groups(page):
        page.locator(f"input[name='group_{number}']").fill("0000")
    page.get_by_role("button", name="I have kept it").click()
    expect(page.locator(".error-summary")).to_be_visible()
    page.wait_for_load_state()
    yield "recovery-code-error"

    confirm_recovery_code(page)
    expect(page).to_have_url(app.url("/home"))
    page.wait_for_load_state()
    yield "home"

    page.goto(app.url("/settings"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Settings")
    page.wait_for_load_state()
    yield "settings"

    page.locator("#idle_minutes").fill("0")
    page.get_by_role("button", name="Save settings").click()
    expect(page.locator("#idle_minutes-error")).to_be_visible()
    page.wait_for_load_state()
    yield "settings-error"

    page.goto(app.url("/help/staying-safe"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Staying safe while using Clearpath")
    page.wait_for_load_state()
    yield "help"

    page.goto(app.url("/no-such-page"))
    expect(page.locator(".lead")).to_have_text("There is nothing at this address.")
    page.wait_for_load_state()
    yield "not-found"

    page.goto(app.url("/home"))
    lock_now(page)
    expect(page).to_have_url(app.url("/unlock"))
    page.wait_for_load_state()
    yield "unlock"

    unlock(page, WRONG_PASSPHRASE)
    expect(page.locator("#passphrase-error")).to_contain_text("did not open")
    page.wait_for_load_state()
    yield "unlock-error"

    page.goto(app.url("/recover"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Use your recovery code")
    page.wait_for_load_state()
    yield "recover"
