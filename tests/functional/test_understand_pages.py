"""The Understand pages, pattern notes and the effects diary, through HTTP."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from web_harness import Web

from clearpath.understand.models import EffectEntry, Reflection
from clearpath.understand.topics import TOPICS, Topic, pattern_slugs


def _notes(web: Web) -> list[Reflection]:
    with web.vault.session() as db:
        rows = list(db.scalars(select(Reflection).order_by(Reflection.id)))
        db.expunge_all()
    return rows


def test_index_lists_every_topic(home: Web) -> None:
    page = home.get("/understand")
    assert page.status_code == 200
    for topic in TOPICS:
        assert f'href="/understand/{topic.slug}"' in page.text
    assert "/understand/effects" in page.text


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.slug)
def test_every_topic_page(home: Web, topic: Topic) -> None:
    page = home.get(f"/understand/{topic.slug}")
    assert page.status_code == 200
    assert ("Have you noticed this?" in page.text) == topic.pattern
    assert "A small next step" in page.text
    assert 'href="/directory"' in page.text or "/directory?" in page.text


def test_unknown_topic_is_a_calm_404(home: Web) -> None:
    page = home.get("/understand/nothing-here")
    assert page.status_code == 404
    assert "Traceback" not in page.text


def test_pattern_pages_link_to_recording_an_incident(home: Web) -> None:
    for slug in pattern_slugs():
        assert 'href="/evidence/new"' in home.get(f"/understand/{slug}").text


def test_add_edit_delete_a_note(home: Web) -> None:
    done = home.post(
        "/understand/gaslighting/notes",
        {"body": "  Он сказал: это не было 🌧 ", "noted_on": "2026-01-02"},
    )
    assert done.status_code == 303
    assert done.headers["location"] == "/understand/gaslighting#your-notes"
    [note] = _notes(home)
    assert note.body == "Он сказал: это не было 🌧"
    assert note.pattern == "gaslighting"
    page = home.get("/understand/gaslighting")
    assert "Он сказал: это не было 🌧" in page.text
    assert home.get("/understand/cycle").text.count("Он сказал") == 0

    edit = home.get(f"/understand/notes/{note.id}/edit")
    assert edit.status_code == 200
    assert "Он сказал" in edit.text
    changed = home.post(
        f"/understand/notes/{note.id}", {"body": "New words", "noted_on": "2026-01-03"}
    )
    assert changed.status_code == 303
    [note] = _notes(home)
    assert note.body == "New words"
    assert note.noted_on.isoformat() == "2026-01-03"

    gone = home.post(f"/understand/notes/{note.id}/delete", {"confirm": "yes"})
    assert gone.status_code == 303
    assert _notes(home) == []
    assert home.post(f"/understand/notes/{note.id}/delete", {"confirm": "yes"}).status_code == 404
    assert home.get(f"/understand/notes/{note.id}/edit").status_code == 404


@pytest.mark.parametrize(
    ("body", "day", "message"),
    [
        ("", "", "Please write something"),
        ("   ", "", "Please write something"),
        ("x" * 5001, "", "longer than 5,000"),
        ("fine", "yesterday", "year-month-day"),
        ("fine", "2999-01-01", "still to come"),
    ],
)
def test_bad_note_is_reshown_and_nothing_saved(
    home: Web, body: str, day: str, message: str
) -> None:
    page = home.post("/understand/control/notes", {"body": body, "noted_on": day})
    assert page.status_code == 400
    assert message in page.text
    assert 'aria-invalid="true"' in page.text
    assert _notes(home) == []


def test_notes_cannot_go_under_a_page_that_is_not_a_pattern(home: Web) -> None:
    assert home.post("/understand/questions/notes", {"body": "x"}).status_code == 404
    assert _notes(home) == []


def test_bad_edit_is_reshown(home: Web) -> None:
    home.post("/understand/hoovering/notes", {"body": "first"})
    [note] = _notes(home)
    page = home.post(f"/understand/notes/{note.id}", {"body": "", "noted_on": ""})
    assert page.status_code == 400
    assert _notes(home)[0].body == "first"


# -- the effects diary ----------------------------------------------------------------------


def _effects(web: Web) -> list[EffectEntry]:
    with web.vault.session() as db:
        rows = list(db.scalars(select(EffectEntry).order_by(EffectEntry.id)))
        db.expunge_all()
    return rows


FULL = {
    "noted_on": "2026-02-01",
    "went_through": "Shouting again; 夜は眠れない",
    "sleep": "8",
    "sleep_note": "Woke at 3",
    "work": "4",
    "work_note": "",
    "social": "",
    "social_note": "",
    "health": "0",
    "health_note": "",
}


def test_effects_page_empty(home: Web) -> None:
    page = home.get("/understand/effects")
    assert page.status_code == 200
    assert "No entries yet" in page.text
    assert "<svg" not in page.text


def test_effects_entry_shows_a_chart_and_a_table(home: Web) -> None:
    assert home.post("/understand/effects", FULL).status_code == 303
    assert (
        home.post(
            "/understand/effects", {**FULL, "noted_on": "2026-02-05", "sleep": "5"}
        ).status_code
        == 303
    )
    [first, _second] = _effects(home)
    assert (first.sleep, first.work, first.social, first.health) == (8, 4, None, 0)
    assert first.went_through == "Shouting again; 夜は眠れない"
    page = home.get("/understand/effects")
    assert "<svg" in page.text
    assert 'role="img"' in page.text
    assert "<table" in page.text
    assert "夜は眠れない" in page.text
    assert "2026-02-05" in page.text


def test_effects_edit_and_delete(home: Web) -> None:
    home.post("/understand/effects", FULL)
    [entry] = _effects(home)
    form = home.get(f"/understand/effects/{entry.id}/edit")
    assert 'value="8"' in form.text
    assert home.post(f"/understand/effects/{entry.id}", {**FULL, "sleep": "2"}).status_code == 303
    assert _effects(home)[0].sleep == 2
    assert (
        home.post(f"/understand/effects/{entry.id}/delete", {"confirm": "yes"}).status_code == 303
    )
    assert _effects(home) == []
    assert home.post(f"/understand/effects/{entry.id}", FULL).status_code == 404
    assert home.get(f"/understand/effects/{entry.id}/edit").status_code == 404


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"sleep": "11"}, "from 0 to 10"),
        ({"work": "-1"}, "from 0 to 10"),
        ({"social": "lots"}, "whole number"),
        ({"went_through": "y" * 5001}, "longer than 5,000"),
        ({"health_note": "z" * 1001}, "longer than 1,000"),
        ({"noted_on": "2026-13-45"}, "year-month-day"),
    ],
)
def test_bad_effects_entry(home: Web, change: dict[str, str], message: str) -> None:
    page = home.post("/understand/effects", {**FULL, **change})
    assert page.status_code == 400
    assert message in page.text
    assert _effects(home) == []


def test_empty_effects_entry_is_refused(home: Web) -> None:
    page = home.post("/understand/effects", {"noted_on": ""})
    assert page.status_code == 400
    assert "This entry is empty" in page.text
    assert _effects(home) == []


def test_bad_edit_of_effects_keeps_the_old_entry(home: Web) -> None:
    home.post("/understand/effects", FULL)
    [entry] = _effects(home)
    page = home.post(f"/understand/effects/{entry.id}", {**FULL, "sleep": "99"})
    assert page.status_code == 400
    assert _effects(home)[0].sleep == 8


def test_delete_asks_first_and_keeps_the_note_until_confirmed(home: Web) -> None:
    home.post("/understand/cycle/notes", {"body": "keep me"})
    [note] = _notes(home)
    ask = home.post(f"/understand/notes/{note.id}/delete")
    assert ask.status_code == 200
    assert "Delete this note?" in ask.text
    assert 'name="confirm" value="yes"' in ask.text
    assert f'action="/understand/notes/{note.id}/delete"' in ask.text
    assert len(_notes(home)) == 1
