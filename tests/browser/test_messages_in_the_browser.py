"""Messages in a real browser: upload an export, answer the preview, watch the import,
read in the calm view, search; with and without JavaScript; axe on every page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_flows import launch_and_unlock
from browser_support import RunningApp, Tab
from playwright.sync_api import Page, expect
from test_accessibility import AXE_OPTIONS, describe

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], None]
OpenTab = Callable[..., Tab]


def _axe(page: Page) -> list[str]:
    results = Axe().run(page, options=AXE_OPTIONS)
    return describe(results.response["violations"]) if results.violations_count else []


def _chat(tmp_path: Path) -> Path:
    lines = [
        f"03/0{1 + i // 30}/2021, 10:{i % 60:02d} - {'Sam' if i % 2 else 'Alex'}: "
        f"{'You will regret this' if i % 5 == 0 else 'Where are you'} {i}\n"
        for i in range(60)
    ]
    path = tmp_path / "WhatsApp Chat with Sam.txt"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _bring_in(page: Page, app: RunningApp, chat: Path, *, javascript: bool = True) -> None:
    # axe runs as a script in the page, so it can only check with JavaScript on.
    def check() -> None:
        if javascript:
            assert _axe(page) == []

    page.goto(app.url("/messages/import"))
    check()
    page.locator("#export-file").set_input_files(chat)
    page.get_by_role("button", name="Upload and preview").click()
    # Every date here could be read either way, so the app asks.
    expect(page.get_by_role("heading", name="How are the dates written?")).to_be_visible()
    check()
    page.get_by_label("the day (31/12, as in most of the world)").check()
    page.get_by_role("button", name="Preview with this choice").click()
    expect(page.locator(".facts")).to_contain_text("60 messages")
    check()
    page.get_by_label("Which of these is you?").select_option("Alex")
    page.get_by_role("button", name="Add 60 messages").click()
    expect(page.get_by_role("heading", name="Messages added")).to_be_visible(timeout=20_000)
    check()


def test_bring_in_read_calmly_and_search(
    tab: Tab, served_vault: RunningApp, tmp_path: Path, snap: Snap
) -> None:
    page = tab.page
    launch_and_unlock(page, served_vault)
    page.goto(served_vault.url("/messages"))
    assert _axe(page) == []
    _bring_in(page, served_vault, _chat(tmp_path))
    page.get_by_role("link", name="Open the conversation in the calm view").click()
    folded = page.locator("details summary", has_text="Open this message")
    expect(folded).to_have_count(30)
    folded.first.click()
    expect(page.locator("details[open] .text").first).to_contain_text("Where are you 1")
    snap(page, "messages-calm")
    assert _axe(page) == []
    page.get_by_role("link", name="Show every message open").click()
    expect(page.locator("details")).to_have_count(0)
    page.get_by_placeholder("Search this conversation").fill("regret")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("mark").first).to_have_text("regret")
    expect(page.locator("main [role=status]")).to_contain_text("12 messages found")
    assert _axe(page) == []
    page.goto(served_vault.url("/messages/patterns"))
    expect(page.locator(".facts")).to_contain_text("30 messages received")
    expect(page.locator("table.heatmap")).to_be_visible()
    snap(page, "messages-pattern")
    assert _axe(page) == []
    assert tab.watch.problems() == []


def test_the_import_works_without_javascript(
    new_tab: OpenTab, served_vault: RunningApp, tmp_path: Path
) -> None:
    tab = new_tab(javascript=False)
    page = tab.page
    launch_and_unlock(page, served_vault)
    _bring_in(page, served_vault, _chat(tmp_path), javascript=False)
    page.goto(served_vault.url("/messages"))
    expect(page.locator(".conversation-list li")).to_have_count(1)
    assert tab.watch.problems() == []


def test_the_pages_fit_a_narrow_screen(
    new_tab: OpenTab, served_vault: RunningApp, tmp_path: Path
) -> None:
    tab = new_tab(width=320, height=700)
    page = tab.page
    launch_and_unlock(page, served_vault)
    _bring_in(page, served_vault, _chat(tmp_path))
    page.get_by_role("link", name="Open the conversation in the calm view").click()
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert overflow is False
    page.goto(served_vault.url("/messages/patterns"))
    # The hour table scrolls inside its own box; the page itself does not.
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert overflow is False
