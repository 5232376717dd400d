"""What must be true after a quick exit, shared by the quick-exit tests.

The tab shows the exit site; the server has locked the vault, dropped every session and
asked to stop; Back shows nothing from the vault; and the old cookie opens nothing.
"""

from __future__ import annotations

from browser_flows import (
    expect_no_vault_content,
    get_with_cookie,
    go_back,
    launch_and_unlock,
    save_note,
)
from browser_support import EXIT_URL, RunningApp, Tab
from playwright.sync_api import expect


def open_with_a_note(tab: Tab, app: RunningApp, note: str) -> str:
    """Unlock, save ``note``; returns the session cookie the browser holds."""
    launch_and_unlock(tab.page, app)
    save_note(tab.page, note)
    cookie = tab.session_cookie()
    assert cookie, "the launch address should have set a session cookie"
    return cookie


def expect_exited(tab: Tab, app: RunningApp, note: str, old_cookie: str) -> None:
    """The tab shows the exit site; then ``expect_server_locked_and_nothing_behind``."""
    page = tab.page
    expect(page).to_have_url(EXIT_URL)
    expect(page.locator("body")).to_have_text("Weather")
    assert tab.watch.exits == [EXIT_URL]
    expect_server_locked_and_nothing_behind(tab, app, note, old_cookie)


def _cookie_cleared(tab: Tab) -> bool:
    # With JavaScript the exit is a beacon whose response (Clear-Site-Data, the expired
    # cookie) may land just after the page has moved on: give it up to 2 s.
    for _ in range(80):
        if tab.session_cookie() is None:
            return True
        tab.page.wait_for_timeout(25)
    return False


def expect_server_locked_and_nothing_behind(
    tab: Tab, app: RunningApp, note: str, old_cookie: str
) -> None:
    page = tab.page
    assert app.wait_for_shutdown_request(), "quick exit did not ask the server to stop"
    assert not app.vault.unlocked, "quick exit left the vault unlocked"
    assert len(app.ctx.sessions) == 0, "quick exit left a browser session alive"
    assert _cookie_cleared(tab), "the browser still holds the session cookie"

    # Nothing from the vault behind the exit page, however far back the person goes.
    go_back(page)
    expect_no_vault_content(page, app, note)
    go_back(page)
    expect_no_vault_content(page, app, note)

    # Someone who copied the cookie before the exit gets the neutral page, not the vault.
    for path in ("/home", "/"):
        status, body = get_with_cookie(app, path, old_cookie)
        assert status == 403, (path, status)
        assert "Nothing to show" in body
        assert note not in body
