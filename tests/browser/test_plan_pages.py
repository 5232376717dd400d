"""The plan area in a real browser: every page passes axe, loads cleanly, works without
JavaScript, prints without the menu and the quick exit bar, and its PDFs are not blank.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_flows import launch_and_unlock
from browser_support import RunningApp, Tab
from playwright.sync_api import Page, expect
from test_accessibility import AXE_OPTIONS, describe

from clearpath.helpdir import services as helpdir
from clearpath.helpdir.directory import load_directory
from clearpath.plan import services, tasks
from clearpath.plan.parts import PART_BY_SLUG, PARTS
from clearpath.printing.testing import ink_fraction, page_images

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], None]
ARABIC = "\u0645\u0646\u0632\u0644 \u0644\u064a\u0644\u0649"  # "Layla's home"
CHINESE = "\u738b\u5c0f\u660e"  # a person's name


def seed(app: RunningApp) -> None:
    """A plan with something in every part, names in Arabic and Chinese, a country set."""
    with app.vault.session() as db:
        # First, so its key is mine-1.
        services.add_own_item(db, PART_BY_SLUG["bag"].checklist, CHINESE)  # type: ignore[arg-type]
        helpdir.set_country(db, "GB")
        country = load_directory().country("GB")
        assert country is not None
        helpdir.choose_service(db, country.services[0].id, True)
        services.add_entry(db, PART_BY_SLUG["places"].lists[0], {
            "name": ARABIC, "address": "12 Hill Road", "contact": "Layla",
            "route": "Bus 42", "they_know": "yes", "notes": ""})
        services.add_entry(db, PART_BY_SLUG["people"].lists[0], {
            "name": CHINESE, "phone": "07700 900123", "keeps_things": True,
            "calls_for_help": True, "comes_along": False, "code_word": "blue umbrella",
            "notes": ""})
        for part in PARTS:
            for spec in part.lists:
                if spec.kind in ("place", "person"):
                    continue
                values: dict[str, object] = {f.name: "" for f in spec.fields}
                values.update(name=f"{spec.noun.title()} one", phone="0800 000 111")
                if "on_date" in values:
                    values["on_date"] = None
                services.add_entry(db, spec, values)  # type: ignore[arg-type]
            if part.checklist:
                first = part.checklist.items[0][0]
                services.mark_item(db, part.checklist, first, state="done", has_copy=True,
                                   where_kept="with a friend")
            if part.texts:
                services.save_texts(db, part.slug, {f.name: "Written down." for f in part.texts})
        services.save_texts(db, "leaving", {"message": "Code blue. On my way.", "send_to": CHINESE})
        tasks.add_task(db, 2, "Ask about the spare room", "places")  # mine-1
        tasks.set_status(db, "s1-phrases", "doing")


@pytest.fixture
def planned(tab: Tab, served_vault: RunningApp) -> tuple[Page, RunningApp]:
    launch_and_unlock(tab.page, served_vault)
    seed(served_vault)
    return tab.page, served_vault


def _pages() -> list[tuple[str, str]]:
    return [
        ("safety", "/plan/safety"),
        *((f"part-{part.slug}", f"/plan/safety/{part.slug}") for part in PARTS),
        ("entry", "/plan/safety/places/lists/places/1"),
        ("remove-line", "/plan/safety/bag/items/mine-1/remove"),
        ("exit", "/plan/exit"),
        ("task", "/plan/exit/tasks/s1-phrases"),
        ("own-task", "/plan/exit/tasks/mine-1"),
        ("leaving", "/plan/leaving"),
        ("print", "/plan/print"),
    ]


def test_every_plan_page_passes_axe_and_loads_cleanly(
    planned: tuple[Page, RunningApp], tab: Tab, snap: Snap
) -> None:
    page, app = planned
    axe = Axe()
    found: dict[str, list[str]] = {}
    for name, path in _pages():
        page.goto(app.url(path))
        expect(page).to_have_title("Notes")
        expect(page.locator("h1")).to_have_count(1)
        snap(page, name)
        results = axe.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            found[name] = describe(results.response["violations"])
        assert not tab.watch.problems(), (name, tab.watch.problems())
        loaded = page.evaluate(
            "performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)"
        )
        assert "/static/plan.css" in loaded, name
    assert not found, found


def test_the_overview_has_every_anchor_the_readiness_page_links_to(
    planned: tuple[Page, RunningApp],
) -> None:
    page, app = planned
    page.goto(app.url("/plan/safety"))
    for anchor in ("places", "people", "documents", "bag", "numbers", "children", "pets",
                   "digital", "financial", "legal"):
        expect(page.locator(f"#{anchor}")).to_have_count(1)
    page.goto(app.url("/plan/exit"))
    for n in range(1, 5):
        expect(page.locator(f"#stage-{n}")).to_have_count(1)


def test_errors_show_next_to_the_field_and_pass_axe(
    planned: tuple[Page, RunningApp], snap: Snap
) -> None:
    page, app = planned
    page.goto(app.url("/plan/safety/places"))
    page.locator("#list-places summary").click()
    page.locator("#places-new-name").fill("x" * 201)
    page.get_by_role("button", name="Add place").click()
    expect(page.locator("#places-new-name-error")).to_contain_text("up to 200 characters")
    expect(page.locator("#places-new-name")).to_have_value("x" * 201)
    snap(page, "places-error")
    page.goto(app.url("/plan/print"))
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#understood-error")).to_be_visible()
    snap(page, "print-error")
    for name in ("places-error", "print-error"):
        results = Axe().run(page, options=AXE_OPTIONS)
        assert not results.violations_count, (name, describe(results.response["violations"]))


def test_a_checklist_line_is_ticked_with_one_click(planned: tuple[Page, RunningApp]) -> None:
    page, app = planned
    page.goto(app.url("/plan/safety/bag"))
    name = re.compile(r"^Packed\W+Medications and prescriptions$")
    expect(page.get_by_role("button", name=name)).to_have_attribute("aria-pressed", "false")
    page.get_by_role("button", name=name).click()
    expect(page.get_by_role("button", name=name)).to_have_attribute("aria-pressed", "true")


def test_the_printable_page_leaves_the_menu_and_quick_exit_off_paper(
    planned: tuple[Page, RunningApp], snap: Snap
) -> None:
    page, app = planned
    page.goto(app.url("/plan/print"))
    page.locator("#what-page").check()
    page.get_by_label("I understand this copy is not protected").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Safety plan")
    expect(page.locator(".printable")).to_contain_text(ARABIC)
    expect(page.get_by_role("button", name="Print now")).to_be_visible()
    snap(page, "printable")
    results = Axe().run(page, options=AXE_OPTIONS)
    assert not results.violations_count, describe(results.response["violations"])
    page.emulate_media(media="print")
    expect(page.locator("#quick-exit")).to_be_hidden()
    expect(page.locator("nav.nav")).to_be_hidden()
    expect(page.locator(".no-print")).to_be_hidden()
    expect(page.locator(".printable")).to_be_visible()
    snap(page, "printable-as-printed")


@pytest.mark.parametrize(("choice", "plain"), [("pdf", False), ("card", False), ("card", True)])
def test_downloads_come_after_the_caution_and_are_not_blank(
    planned: tuple[Page, RunningApp], tmp_path: Path, choice: str, plain: bool
) -> None:
    page, app = planned
    page.goto(app.url("/plan/print"))
    expect(page.locator(".caution-strong")).to_contain_text("not encrypted")
    page.locator(f"#what-{choice}").check()
    if plain:
        page.locator("#plain").check()
    page.locator("#understood").check()
    with page.expect_download() as info:
        page.get_by_role("button", name="Continue").click()
    download = info.value
    assert download.suggested_filename.startswith("notes")
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"%PDF")
    pages = page_images(data, tmp_path / "pages")
    assert pages
    assert all(ink_fraction(png) > 0.001 for png in pages)


def test_plan_forms_work_without_javascript(new_tab: Callable[..., Tab],
                                            served_vault: RunningApp) -> None:
    tab = new_tab(javascript=False)
    page = tab.page
    launch_and_unlock(page, served_vault)
    page.goto(served_vault.url("/plan/safety/people"))
    page.locator("#list-people summary").click()
    page.locator("#people-new-name").fill(CHINESE)
    page.locator("#people-new-calls_for_help").check()
    page.get_by_role("button", name="Add person").click()
    expect(page.locator(".entries")).to_contain_text(CHINESE)
    page.goto(served_vault.url("/plan/exit"))
    page.locator("#status-s2-where").select_option("done")
    page.get_by_role("button", name=re.compile(r"^Update\W+Decide where you go first")).click()
    expect(page.locator("#task-s2-where .status-word")).to_have_text("Done")
    assert not tab.watch.problems()


def test_plan_pages_fit_a_narrow_phone(new_tab: Callable[..., Tab],
                                       served_vault: RunningApp, snap: Snap) -> None:
    tab = new_tab(width=320, height=640)
    page = tab.page
    launch_and_unlock(page, served_vault)
    seed(served_vault)
    for name, path in _pages():
        page.goto(served_vault.url(path))
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= 320, (name, overflow)
        if name in ("safety", "part-documents", "exit", "leaving"):
            snap(page, f"narrow-{name}")


def test_the_leaving_page_prints_on_its_own(planned: tuple[Page, RunningApp], snap: Snap) -> None:
    page, app = planned
    page.goto(app.url("/plan/print"))
    page.locator("#what-leaving").check()
    page.locator("#understood").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("The moment of leaving")
    expect(page.get_by_role("button", name="Print now")).to_be_visible()
    results = Axe().run(page, options=AXE_OPTIONS)
    assert not results.violations_count, describe(results.response["violations"])
    page.emulate_media(media="print")
    expect(page.locator("#quick-exit")).to_be_hidden()
    expect(page.locator("details.add")).to_be_hidden()
    expect(page.locator("main")).to_contain_text(CHINESE)
    snap(page, "leaving-as-printed")
