"""Every page in a real browser: no console errors or CSP violations, fits 320 px and zoom.

The console check doubles as proof that the CSP (no inline script or style, nothing from
another origin) blocks nothing the pages use.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from browser_flows import tour
from browser_support import RunningApp, Tab
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], None]


def test_every_page_loads_cleanly(tab: Tab, served: RunningApp) -> None:
    """No console error, uncaught exception or CSP violation; stylesheet and script in use.

    And what every page must have: the neutral title, and a quick exit that is a plain link
    (so it works without JavaScript).
    """
    page = tab.page
    problems: dict[str, list[str]] = {}
    for name in tour(page, served):
        expect(page).to_have_title("Notes")
        expect(page.locator("#quick-exit")).to_have_attribute("href", "/exit")
        found = tab.watch.problems()
        if found:
            problems[name] = found
            tab.watch.errors.clear()
            tab.watch.csp_violations.clear()
        loaded = page.evaluate(
            "performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)"
        )
        assert "/static/app.css" in loaded, name
        assert "/static/app.js" in loaded, name
        # The stylesheet applied: the quick exit is styled as a button, not a plain link.
        padding = page.locator("#quick-exit").evaluate("e => getComputedStyle(e).paddingTop")
        assert padding != "0px", name
    assert not problems, problems


def test_the_watch_would_see_a_csp_violation(tab: Tab, served: RunningApp) -> None:
    """Guards the test above: an inline script is refused, and the watch reports it."""
    page = tab.page
    page.goto(served.url("/"))
    with page.expect_console_message(lambda m: m.type == "error"):
        page.evaluate(
            "() => { const s = document.createElement('script');"
            " s.textContent = 'window.ran = true'; document.body.appendChild(s); }"
        )
    assert page.evaluate("window.ran === undefined")
    for _ in range(100):  # the report comes back through a binding; wait for it, max 2 s
        if tab.watch.csp_violations:
            break
        page.wait_for_timeout(20)
    problems = tab.watch.problems()
    assert any("CSP violation: script-src" in p for p in problems), problems
    assert any("console error: " in p and "Content Security Policy" in p for p in problems), (
        problems
    )
    tab.watch.errors.clear()
    tab.watch.csp_violations.clear()


# 320 px is the narrowest phone; 640 px is a 1280 px window at 200% zoom.
NARROW_WIDTHS = (320, 640)


def test_pages_fit_narrow_screens_and_zoom(tab: Tab, served: RunningApp, snap: Snap) -> None:
    page = tab.page
    too_wide: dict[str, int] = {}
    for name in tour(page, served):
        for width in NARROW_WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                too_wide[f"{name} at {width} px"] = scroll_width
            snap(page, f"{name}-{width}px")
            exit_link = page.locator("#quick-exit")
            # The header is sticky: quick exit stays in view at the bottom of a long page too.
            page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
            expect(exit_link).to_be_in_viewport()
            box = exit_link.bounding_box()
            assert box is not None
            assert box["x"] >= 0, (name, width, box)
            assert box["x"] + box["width"] <= width, (name, width, box)
            assert box["height"] >= 24, (name, width, box)  # WCAG 2.2 target size
            page.evaluate("window.scrollTo(0, 0)")
    assert not too_wide, f"horizontal scrolling (page: scrollWidth): {too_wide}"


# Where in-page links land: the target must not end up under the sticky header.
HIDDEN_UNDER_HEADER = """(selector) => {
  const header = document.querySelector("header.top").getBoundingClientRect();
  const target = document.querySelector(selector).getBoundingClientRect();
  return target.top < header.bottom - 1;
}"""


def test_in_page_links_do_not_hide_their_target_under_the_header(
    new_tab: Callable[..., Tab], served: RunningApp
) -> None:
    page = new_tab(width=320, height=568).page
    hidden = []
    for name in tour(page, served):
        links = []
        if name.endswith("-error"):
            links = page.locator(".error-summary a").all()
        elif name == "help":
            links = page.locator("nav.toc a").all()
        for link in links:
            target = str(link.get_attribute("href"))
            link.click()
            expect(page).to_have_url(re.compile(re.escape(target) + "$"))
            if page.evaluate(HIDDEN_UNDER_HEADER, target):
                hidden.append(f"{name}: {target}")
    assert not hidden, f"in-page links that land under the sticky header: {hidden}"
