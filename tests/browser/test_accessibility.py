"""axe-core on every page a person uses, with and without an error on show.

axe-playwright-python ships axe.min.js in the wheel and injects it with page.evaluate; the
tab's routes would abort (and the fixture would fail on) any attempt to fetch something.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_flows import tour
from browser_support import RunningApp, Tab
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], None]
# WCAG 2.0/2.1/2.2 A and AA, plus axe's best practices (landmarks, headings, skip link).
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {
        "type": "tag",
        "values": [
            "wcag2a",
            "wcag2aa",
            "wcag21a",
            "wcag21aa",
            "wcag22aa",
            "best-practice",
        ],
    },
}
EXPECTED_PAGES = [
    "neutral",
    "create",
    "create-error",
    "recovery-code",
    "recovery-code-error",
    "home",
    "settings",
    "settings-error",
    "help",
    "not-found",
    "unlock",
    "unlock-error",
    "recover",
]


def describe(violations: list[dict[str, Any]]) -> list[str]:
    lines = []
    for violation in violations:
        targets = [", ".join(map(str, node["target"])) for node in violation["nodes"]]
        lines.append(f"{violation['id']} ({violation['impact']}): {targets} - {violation['help']}")
    return lines


def test_every_page_passes_axe(tab: Tab, served: RunningApp, snap: Snap) -> None:
    axe = Axe()
    found: dict[str, list[str]] = {}
    visited = []
    for name in tour(tab.page, served):
        visited.append(name)
        snap(tab.page, name)
        results = axe.run(tab.page, options=AXE_OPTIONS)
        if results.violations_count:
            found[name] = describe(results.response["violations"])
    assert visited == EXPECTED_PAGES
    assert not found, "axe found problems:\n" + "\n".join(
        f"  {page}: {line}" for page, lines in found.items() for line in lines
    )
    assert not tab.watch.blocked


def test_axe_runs_here_and_would_catch_a_problem(tab: Tab, served: RunningApp) -> None:
    """Guards the test above: axe really runs under the app's CSP and reports findings."""
    page = tab.page
    page.goto(served.url("/"))
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', "
        '\'<input type="text" id="unlabelled">\')'
    )
    results = Axe().run(page, options=AXE_OPTIONS)
    ids = {v["id"] for v in results.response["violations"]}
    assert "label" in ids, describe(results.response["violations"])
