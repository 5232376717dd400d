"""Every heal page opens, and its forms save with a plain post and through the page script."""

from __future__ import annotations

import json
from datetime import date

import pytest
from web_harness import Web, parse

from clearpath.heal import checkins, daily, journal, lists, prefs, timeline

PAGES = (
    "/heal",
    "/heal/first-days",
    "/heal/grounding",
    "/heal/journal",
    "/heal/journal/new",
    "/heal/journal/new?kind=letter",
    "/heal/journal/new?kind=morning&prompt=7",
    "/heal/journal/prompts",
    "/heal/check-in",
    "/heal/check-in/charts",
    "/heal/check-in/charts?range=3m",
    "/heal/check-in/charts?range=12m",
    "/heal/promises",
    "/heal/gratitude",
    "/heal/rebuild",
    "/heal/rebuild/doubt",
    "/heal/comfort",
    "/heal/dating",
    "/heal/timeline",
)
FETCH = {"X-Heal-Fetch": "1"}


@pytest.mark.parametrize("path", PAGES)
def test_every_page_opens_empty(home: Web, path: str) -> None:
    page = home.get(path)
    assert page.status_code == 200, page.text
    assert "/static/heal.css" in page.text
    assert 'id="quick-exit"' in page.text


def test_pages_need_an_unlocked_vault(home: Web) -> None:
    home.lock()
    assert home.get("/heal/journal").headers["location"] == "/unlock"


def test_a_post_without_the_token_is_refused(home: Web) -> None:
    response = home.post("/heal/promises", {"promise": "Water"}, csrf=False)
    assert response.status_code == 403
    with home.vault.session() as db:
        assert daily.promises(db) == []


# -- journal ---------------------------------------------------------------------------------


def test_journal_entry_plain_post_then_read_and_search(home: Web) -> None:
    response = home.post(
        "/heal/journal",
        {
            "kind": "entry",
            "day": "2026-11-20",
            "mood": "4",
            "title": "Tuesday",
            "body": "Walked to the sea. Ça va mieux 🌊",
            "tags": "#Calm, sea",
        },
    )
    assert response.status_code == 303
    entry_page = home.get(response.headers["location"])
    assert "Ça va mieux 🌊" in entry_page.text
    assert "Your entry is saved." in entry_page.text
    found = home.post("/heal/journal/search", {"q": "sea", "tag": "calm", "mood": "4"})
    assert found.status_code == 200
    assert "<mark>sea</mark>" in found.text
    assert home.post("/heal/journal/search", {"q": "sea", "tag": "other"}).text.count(
        "<mark>"
    ) == 0


def test_journal_entry_through_the_script_answers_json(home: Web) -> None:
    response = home.post(
        "/heal/journal",
        {"kind": "letter", "day": "2026-11-20", "body": "Dear me"},
        headers=FETCH,
    )
    assert response.status_code == 200
    data = json.loads(response.text)
    assert data["message"] == "Your letter is kept here. It goes nowhere else."
    assert "/heal/journal/" in data["html"]


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"body": ""}, "body", "Please write something first."),
        ({"body": "x" * 50_001}, "body", "longer than 50,000 characters"),
        ({"body": "ok", "day": "someday"}, "day", "like 2026-03-14"),
        ({"body": "ok", "mood": "9"}, "mood", "from 1 to 5"),
        ({"body": "ok", "title": "t" * 201}, "title", "longer than 200"),
    ],
)
def test_journal_entry_needs_another_look(
    home: Web, form: dict[str, str], field: str, message: str
) -> None:
    data = {"kind": "entry", "day": "2026-11-20", **form}
    response = home.post("/heal/journal", data)
    assert response.status_code == 400
    assert message in response.text
    assert f'id="{field}-error"' in response.text
    with home.vault.session() as db:
        assert journal.count_entries(db) == 0
    fetched = home.post("/heal/journal", data, headers=FETCH)
    assert fetched.status_code == 400
    assert field in json.loads(fetched.text)["errors"]


def test_search_escapes_what_was_written(home: Web) -> None:
    home.post(
        "/heal/journal",
        {"kind": "entry", "day": "2026-11-20", "body": "<script>alert(1)</script> river"},
    )
    page = home.post("/heal/journal/search", {"q": "river"})
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;" in page.text


def test_morning_pages_have_no_edit(home: Web) -> None:
    response = home.post("/heal/journal", {"kind": "morning", "day": "2026-11-20", "body": "free"})
    entry_id = int(response.headers["location"].rsplit("/", 1)[1])
    assert "Change it" not in home.get(f"/heal/journal/{entry_id}").text
    edit = home.post(
        f"/heal/journal/{entry_id}/edit", {"kind": "morning", "day": "2026-11-20", "body": "new"}
    )
    assert edit.status_code == 303
    with home.vault.session() as db:
        entry = journal.get_entry(db, entry_id)
        assert entry is not None
        assert entry.body == "free"


def test_journal_edit_and_delete(home: Web) -> None:
    response = home.post("/heal/journal", {"kind": "entry", "day": "2026-11-20", "body": "one"})
    entry_id = int(response.headers["location"].rsplit("/", 1)[1])
    assert "one" in home.get(f"/heal/journal/{entry_id}/edit").text
    home.post(
        f"/heal/journal/{entry_id}/edit", {"kind": "entry", "day": "2026-11-21", "body": "two"}
    )
    assert "two" in home.get(f"/heal/journal/{entry_id}").text
    home.post(f"/heal/journal/{entry_id}/delete")
    assert home.get(f"/heal/journal/{entry_id}").headers["location"] == "/heal/journal"


# -- check-in --------------------------------------------------------------------------------


def test_check_in_plain_and_with_the_script(home: Web) -> None:
    today = date.today().isoformat()
    response = home.post(
        "/heal/check-in",
        {"day": today, "mood": "3", "sleep_hours": "6,5", "energy": "2", "effect_work": "7"},
    )
    assert response.status_code == 303
    with home.vault.session() as db:
        row = checkins.check_in_on(db, date.today())
        assert row is not None
        assert row.sleep_hours == 6.5
        assert row.effect_work == 7
    again = home.post("/heal/check-in", {"day": today, "mood": "5"}, headers=FETCH)
    assert json.loads(again.text)["message"].startswith("Thank you")
    assert "checkin-saved" in json.loads(again.text)["html"]


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"mood": ""}, "mood"),
        ({"mood": "3", "sleep_hours": "30"}, "sleep_hours"),
        ({"mood": "3", "effect_health": "11"}, "effect_health"),
        ({"mood": "3", "eating": "e" * 501}, "eating"),
        ({"mood": "3", "day": "2999-01-01"}, "day"),
    ],
)
def test_check_in_needs_another_look(home: Web, form: dict[str, str], field: str) -> None:
    data = {"day": date.today().isoformat(), **form}
    response = home.post("/heal/check-in", data)
    assert response.status_code == 400
    assert f'id="{field}-error"' in response.text


def test_charts_show_markers_and_a_table(home: Web) -> None:
    with home.vault.session() as db:
        prefs.put_date(db, prefs.LEAVING_DATE, date.today())
        checkins.save_check_in(db, checkins.CheckInDraft(date.today(), 4, 7.0))
    page = home.get("/heal/check-in/charts")
    assert "<svg" in page.text
    assert "The day you left" in page.text
    assert "7 h" in page.text


# -- promises, routines, gratitude -----------------------------------------------------------


def test_promise_kept_counts_only_what_happened(home: Web) -> None:
    home.post("/heal/promises", {"promise": "A glass of water"})
    with home.vault.session() as db:
        promise_id = daily.promises(db)[0].id
    response = home.post(f"/heal/promises/{promise_id}/kept", headers=FETCH)
    assert json.loads(response.text)["message"] == "Kept. That is once this month."
    assert "Kept once this month" in home.get("/heal/promises").text


def test_routine_ticks_and_edits(home: Web) -> None:
    home.get("/heal/promises")
    with home.vault.session() as db:
        routine, steps = daily.routines(db)[0]
    home.client.post(
        f"/heal/routines/{routine.id}/ticks",
        data={"csrf_token": home.token(), "step": [str(steps[0].id)]},
    )
    with home.vault.session() as db:
        assert daily.ticked_on(db, date.today()) == {steps[0].id}
    home.post(f"/heal/routines/{routine.id}/steps", {"step_text": "Open the curtains"})
    assert "Open the curtains" in home.get("/heal/promises").text
    too_long = home.post(f"/heal/routines/{routine.id}/steps", {"step_text": "s" * 301})
    assert too_long.status_code == 400


def test_gratitude_three_things_and_read_back(home: Web) -> None:
    response = home.post(
        "/heal/gratitude", {"day": "2026-11-20", "thing_1": "Tea", "thing_2": "Sun", "thing_3": ""}
    )
    assert response.status_code == 303
    page = home.get("/heal/gratitude")
    assert "Tea" in page.text
    assert "Sun" in page.text
    empty = home.post("/heal/gratitude", {"day": "2026-11-20"})
    assert empty.status_code == 400
    assert "at least one small thing" in empty.text


# -- lists, goals, comfort, dating, timeline -------------------------------------------------


@pytest.mark.parametrize("kind", sorted(lists.LIST_KINDS))
def test_every_list_adds_and_removes(home: Web, kind: str) -> None:
    response = home.post(
        f"/heal/list/{kind}", {"text": "Ünïcode ✓", "detail": "d", "back": "/heal/rebuild"}
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/heal/rebuild"
    with home.vault.session() as db:
        item = lists.items(db, kind)[0]
    home.post(f"/heal/list/{kind}/{item.id}/remove", {"back": "https://example.org"})
    with home.vault.session() as db:
        assert lists.items(db, kind) == []


def test_a_list_line_that_is_too_long_is_shown_again(home: Web) -> None:
    response = home.post("/heal/list/quality", {"text": "q" * 501, "back": "/heal/rebuild"})
    assert response.status_code == 400
    assert "longer than 500" in response.text
    assert "q" * 501 in response.text


def test_goals_with_steps_are_collected_when_done(home: Web) -> None:
    home.post(
        "/heal/goals",
        {
            "goal_title": "A pottery class",
            "goal_steps": "Find a class\nBook it",
            "goal_day": "2027-01-10",
        },
    )
    with home.vault.session() as db:
        goal = lists.goals(db, done=False)[0]
        step = lists.steps_of(db, [goal.id])[goal.id][0]
    home.post(f"/heal/goal-steps/{step.id}/toggle")
    home.post(f"/heal/goals/{goal.id}/done")
    page = home.get("/heal/rebuild")
    assert "Goals you reached" in page.text
    assert home.post("/heal/goals", {"goal_title": ""}).status_code == 400


def test_dating_plan_and_hard_dates(home: Web) -> None:
    assert (
        home.post("/heal/dating/plans", {"place": "Café Lune", "who_knows": "Sam"}).status_code
        == 303
    )
    assert "Café Lune" in home.get("/heal/dating").text
    assert home.post("/heal/dating/plans", {"place": ""}).status_code == 400
    soon = date.today().isoformat()
    home.post(
        "/heal/hard-dates",
        {
            "hard_title": "Anniversary",
            "hard_day": soon,
            "hard_yearly": "on",
            "hard_note": "Go easy",
        },
    )
    assert "A hard date is coming" in home.get("/home").text
    with home.vault.session() as db:
        assert timeline.upcoming(db, date.today())[0].days_away == 0


def test_leaving_date_shows_you_are_here(home: Web) -> None:
    home.post("/heal/timeline/leaving", {"leaving_date": date.today().isoformat()})
    assert "You are here" in home.get("/heal/timeline").text
    assert home.post("/heal/timeline/leaving", {"leaving_date": "2999-01-01"}).status_code == 400


# -- home page -------------------------------------------------------------------------------


def test_home_shows_the_word_and_the_switch_and_the_simpler_home(home: Web) -> None:
    page = home.get("/home")
    assert "A word for today" in page.text
    assert home.post("/heal/first-days/switch", {"acute": "on"}).status_code == 303
    simple = home.get("/home")
    assert "Just the basics for today" in simple.text
    assert "your local emergency number" in simple.text
    assert "The path" not in simple.text
    home.post(
        "/heal/list/contact",
        {"text": "Ana", "detail": "+44 20 7946 0000", "back": "/heal/first-days"},
    )
    home.post("/heal/first-days", {"task": "Buy bread", "decisions_after": "2099-01-01"})
    simple = home.get("/home")
    for shown in ("Ana", "Buy bread", "2099"):
        assert shown in simple.text
    home.post("/heal/first-days/switch", {"acute": "off"})
    assert "The path" in home.get("/home").text


def test_the_pause_date_must_be_ahead(home: Web) -> None:
    response = home.post("/heal/first-days", {"decisions_after": "2000-01-01"})
    assert response.status_code == 400
    assert "after today" in response.text


def test_pages_have_labels_for_every_field(home: Web) -> None:
    for path in PAGES:
        page = parse(home.get(path).text)
        labelled = {t.attrs.get("for") for t in page.find("label")}
        for tag in page.find("input") + page.find("textarea") + page.find("select"):
            kind = tag.attrs.get("type", "")
            if kind in ("hidden", "submit", "radio") or (tag.name == "input" and not kind):
                continue
            assert tag.attrs.get("id") in labelled, (path, tag.attrs)


# -- every form: valid with unicode, empty, too long -----------------------------------------

FORMS = [
    ("/heal/promises", {"promise": "Ein Glas Wasser 💧"}, "promise", 300),
    ("/heal/routines", {"routine_name": "Abends 🌙"}, "routine_name", 300),
    ("/heal/goals", {"goal_title": "Un cours de poterie"}, "goal_title", 300),
    ("/heal/dating/plans", {"place": "Café Lune ☕"}, "place", 300),
    ("/heal/hard-dates", {"hard_title": "Geburtstag", "hard_day": "2026-12-01"}, "hard_title", 300),
    ("/heal/gratitude", {"day": "2026-11-20", "thing_1": "Té caliente"}, "thing_1", 300),
    ("/heal/list/anchor", {"text": "Une couverture douce", "back": "/heal/grounding"}, "text", 500),
    ("/heal/journal", {"kind": "letter", "day": "2026-11-20", "body": "Lieber"}, "body", 50_000),
    ("/heal/first-days", {"task": "Brot kaufen 🍞", "decisions_after": "2099-01-01"}, "task", 300),
]


@pytest.mark.parametrize(("path", "data", "field", "limit"), FORMS)
def test_every_form_valid_empty_and_too_long(
    home: Web, path: str, data: dict[str, str], field: str, limit: int
) -> None:
    assert home.post(path, data).status_code == 303
    if path != "/heal/first-days":  # an empty task simply keeps the suggestion
        empty = home.post(path, {**data, field: "   "})
        assert empty.status_code == 400, path
    long = home.post(path, {**data, field: "x" * (limit + 1)})
    assert long.status_code == 400, path
    assert f"longer than {limit:,} characters" in long.text


def test_an_entry_turns_into_a_linked_incident(home: Web) -> None:
    response = home.post("/heal/journal", {"kind": "entry", "day": "2026-11-20",
                                           "body": "He came to my work."})
    entry_path = response.headers["location"]
    assert "Turn into an incident" in home.get(entry_path).text
    made = home.post(f"{entry_path}/incident")
    incident = made.headers["location"]
    assert incident.startswith("/evidence/incidents/")
    assert "He came to my work." in home.get(incident).text
    page = home.get(entry_path).text
    assert f'href="{incident}"' in page
    # A second press opens the same incident instead of making another.
    assert home.post(f"{entry_path}/incident").headers["location"] == incident


def test_no_page_repeats_an_id_even_with_every_list_filled(home: Web) -> None:
    with home.vault.session() as db:
        for kind in lists.LIST_KINDS:
            lists.add_item(db, kind, "x", "y", date.today())
        daily.add_promise(db, "Water")
        lists.add_goal(db, "Goal", None, ["One", "Two"])
    for path in PAGES:
        ids = [t.attrs["id"] for t in parse(home.get(path).text).tags if "id" in t.attrs]
        repeated = {i for i in ids if ids.count(i) > 1}
        assert not repeated, (path, repeated)


def test_one_click_wins(home: Web) -> None:
    assert "A night of good sleep" in home.get("/heal/rebuild").text
    response = home.post("/heal/list/win", {"text": "A night of good sleep",
                                            "back": "/heal/rebuild#win"}, headers=FETCH)
    assert json.loads(response.text)["message"] == "Your win is kept. Well done."


def test_search_words_never_go_into_the_address(home: Web) -> None:
    for number in range(35):
        home.post("/heal/journal", {"kind": "entry", "day": "2026-11-20",
                                    "body": f"sea day {number}", "tags": "calm"})
    page = home.post("/heal/journal/search", {"q": "sea", "tag": "calm"})
    assert "Older entries" in page.text
    assert "?q=" not in page.text
    assert "tag=calm" not in page.text
    older = home.post("/heal/journal/search", {"q": "sea", "tag": "calm", "page": "1"})
    assert "Newer entries" in older.text
    assert older.text.count("<mark>sea</mark>") == 5
    entry = home.get("/heal/journal/1")
    assert 'name="tag" value="calm"' in entry.text
    assert "/heal/journal?" not in entry.text


def test_a_search_with_a_wrong_date_says_so(home: Web) -> None:
    page = home.post("/heal/journal/search", {"since": "last spring"})
    assert page.status_code == 400
    assert 'id="since-error"' in page.text


def test_the_simpler_home_sets_the_pause_date_and_keeps_the_task(home: Web) -> None:
    home.post("/heal/first-days/switch", {"acute": "on"})
    home.post("/heal/first-days", {"task": "Buy bread", "decisions_after": ""})
    assert 'id="decisions_after"' in home.get("/home").text
    assert home.post("/heal/first-days", {"decisions_after": "2099-03-01"}).status_code == 303
    simple = home.get("/home")
    assert "1 March 2099" in simple.text
    assert "Buy bread" in simple.text


def test_a_goal_gets_another_step(home: Web) -> None:
    home.post("/heal/goals", {"goal_title": "A short trip"})
    with home.vault.session() as db:
        goal = lists.goals(db, done=False)[0]
    name = f"goal-step-{goal.id}"
    assert home.post(f"/heal/goals/{goal.id}/steps", {name: "Pick a town"}).status_code == 303
    assert "Pick a town" in home.get("/heal/rebuild").text
    empty = home.post(f"/heal/goals/{goal.id}/steps", {name: ""})
    assert empty.status_code == 400
    assert f'id="{name}-error"' in empty.text


def test_keeping_a_promise_with_a_plain_post(home: Web) -> None:
    home.post("/heal/promises", {"promise": "Stretch"})
    with home.vault.session() as db:
        promise_id = daily.promises(db)[0].id
    response = home.post(f"/heal/promises/{promise_id}/kept")
    assert response.status_code == 303
    page = home.get(response.headers["location"])
    assert "Kept. That is once this month." in page.text
    assert "Kept today" in page.text
    home.post(f"/heal/promises/{promise_id}/kept")
    assert "Kept once this month" in home.get("/heal/promises").text
