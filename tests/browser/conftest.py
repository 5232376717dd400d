"""Browser fixtures: the real app on a loopback port, and Debian's Chromium through Playwright.

One Chromium per session, a fresh context per tab. See browser_support.py for how the app is
served and how a tab is kept off the network.
"""

from __future__ import annotations

import os

# Before clearpath is imported anywhere: the fast test KDF, never the person's data dir.
os.environ["CLEARPATH_TESTING"] = "1"

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browser_support import (
    CHROMIUM_ARGS,
    PASSPHRASE,
    RunningApp,
    ServerDidNotStart,
    Tab,
    open_tab,
    serve,
)
from playwright.sync_api import Browser, Page, sync_playwright

OpenTab = Callable[..., Tab]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[RunningApp]:
    """The app on a data directory with no vault yet (a first visit: create)."""
    try:
        yield from serve(tmp_path / "vault")
    except ServerDidNotStart as exc:
        pytest.fail(str(exc))


@pytest.fixture
def served_vault(served: RunningApp) -> RunningApp:
    """The app on a vault created in Python (passphrase ``PASSPHRASE``), locked."""
    served.vault.create(PASSPHRASE)
    served.vault.lock()
    return served


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("Debian's chromium is not on PATH (see DEVELOPERS.md)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable,
            headless=True,
            args=CHROMIUM_ARGS,
            # Playwright turns the back/forward cache off; a person's browser has it on, and
            # "Back after quick exit or lock shows nothing" must hold with it.
            ignore_default_args=["--disable-back-forward-cache"],
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_tab(browser: Browser) -> Iterator[OpenTab]:
    """Opens a page in a fresh context: ``new_tab(javascript=False, width=320)``.

    At the end, fails the test if any page tried to reach a host off this machine.
    """
    opened: list[Tab] = []

    def open_one(*, javascript: bool = True, width: int = 1280, height: int = 800) -> Tab:
        tab = open_tab(browser, javascript=javascript, width=width, height=height)
        opened.append(tab)
        return tab

    yield open_one
    for tab in opened:
        tab.context.close()
    leaks = [url for tab in opened for url in tab.watch.blocked]
    assert not leaks, f"pages tried to reach other hosts: {leaks}"


@pytest.fixture
def tab(new_tab: OpenTab) -> Tab:
    return new_tab()


@pytest.fixture
def page(tab: Tab) -> Page:
    return tab.page


@pytest.fixture
def snap(request: pytest.FixtureRequest) -> Callable[[Page, str], None]:
    """``snap(page, "home")`` saves a full-page PNG, only when CLEARPATH_SCREENSHOTS=dir."""
    target = os.environ.get("CLEARPATH_SCREENSHOTS")

    def save(page: Page, name: str) -> None:
        if not target:
            return
        folder = Path(target)
        folder.mkdir(parents=True, exist_ok=True)
        test_name = request.node.name.replace("/", "_").replace("[", "-").rstrip("]")
        page.screenshot(path=folder / f"{test_name}--{name}.png", full_page=True)

    return save
