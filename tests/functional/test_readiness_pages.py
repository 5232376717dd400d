"""The readiness page: ratings, own areas, charts and next steps, through HTTP."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from web_harness import Web

from clearpath.understand.models import ReadinessArea, ReadinessEntry, ReadinessRating


def _ratings(web: Web) -> list[tuple[str, int, str]]:
    with web.vault.session() as db:
        rows = db.scalars(select(ReadinessRating).order_by(ReadinessRating.id))
        return [(r.area, r.score, r.note) for r in rows]


def _entries(web: Web) -> list[int]:
    with web.vault.session() as db:
        return list(db.scalars(select(ReadinessEntry.id)))


def test_empty_page_has_no_verdict(home: Web) -> None:
    page = home.get("/readiness")
    assert page.status_code == 200
    assert "move up and down from day to day" in page.text
    assert "Small, steady steps matter" in page.text
    for verdict in ("you are ready", "You are ready", "not ready yet", "score:"):
        assert verdict not in page.text
    assert "No ratings yet" in page.text


def test_rate_shows_charts_table_and_next_steps(home: Web) -> None:
    done = home.post(
        "/readiness",
        {
            "noted_on": "2026-03-01",
            "score-emotional": "6",
            "note-emotional": "Calmer — ça va",
            "score-financial": "2",
            "score-practical": "3",
            "score-support": "9",
        },
    )
    assert done.status_code == 303
    assert sorted(_ratings(home)) == [
        ("emotional", 6, "Calmer — ça va"),
        ("financial", 2, ""),
        ("practical", 3, ""),
        ("support", 9, ""),
    ]
    page = home.get("/readiness").text
    assert page.count("<svg") == 4
    assert "<table" in page
    assert "Calmer — ça va" in page
    # The two lowest areas get next steps into the safety and exit plans.
    assert "/plan/safety#financial" in page
    assert "/plan/safety#bag" in page
    assert "/plan/safety#people" not in page
    for verdict in ("you are ready", "You are ready"):
        assert verdict not in page


def test_skipped_areas_are_fine(home: Web) -> None:
    assert home.post("/readiness", {"score-support": "5"}).status_code == 303
    assert _ratings(home) == [("support", 5, "")]


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({}, "score-emotional", "at least one area"),
        ({"score-emotional": "0"}, "score-emotional", "from 1 to 10"),
        ({"score-emotional": "11"}, "score-emotional", "from 1 to 10"),
        ({"score-emotional": "7.5"}, "score-emotional", "whole number"),
        ({"score-emotional": "5", "note-emotional": "n" * 1001}, "note-emotional", "1,000"),
        ({"note-financial": "only a note"}, "score-financial", "choose a number"),
        ({"score-emotional": "5", "noted_on": "2999-01-01"}, "noted_on", "still to come"),
    ],
)
def test_bad_ratings(home: Web, form: dict[str, str], field: str, message: str) -> None:
    page = home.post("/readiness", form)
    assert page.status_code == 400
    assert message in page.text
    assert f'id="{field}-error"' in page.text
    assert _entries(home) == []


def test_own_area_add_rate_remove(home: Web) -> None:
    assert home.post("/readiness/areas", {"area_name": "Wohnung 🏠"}).status_code == 303
    with home.vault.session() as db:
        [area] = db.scalars(select(ReadinessArea)).all()
        area_id = area.id
    page = home.get("/readiness").text
    assert "Wohnung 🏠" in page
    key = f"score-own-{area_id}"
    assert f'name="{key}"' in page
    assert home.post("/readiness", {key: "1"}).status_code == 303
    page = home.get("/readiness").text
    assert "Add one small task for this to your exit plan" in page
    assert home.post(f"/readiness/areas/{area_id}/delete", {"confirm": "yes"}).status_code == 303
    assert _ratings(home) == []
    assert home.post(f"/readiness/areas/{area_id}/delete", {"confirm": "yes"}).status_code == 404


@pytest.mark.parametrize(
    ("name", "message"), [("", "Please write something"), ("a" * 81, "longer than 80")]
)
def test_bad_area_name(home: Web, name: str, message: str) -> None:
    page = home.post("/readiness/areas", {"area_name": name})
    assert page.status_code == 400
    assert message in page.text
    with home.vault.session() as db:
        assert db.scalars(select(ReadinessArea)).all() == []


def test_area_limit(home: Web) -> None:
    for n in range(12):
        assert home.post("/readiness/areas", {"area_name": f"Area {n}"}).status_code == 303
    page = home.post("/readiness/areas", {"area_name": "One more"})
    assert page.status_code == 400
    assert "12 areas of your own already" in page.text


def test_delete_entry(home: Web) -> None:
    home.post("/readiness", {"score-emotional": "4"})
    [entry_id] = _entries(home)
    assert home.post(f"/readiness/entries/{entry_id}/delete", {"confirm": "yes"}).status_code == 303
    assert _entries(home) == []
    assert _ratings(home) == []
    assert home.post(f"/readiness/entries/{entry_id}/delete", {"confirm": "yes"}).status_code == 404
