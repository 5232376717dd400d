"""The danger signs page: no score, help at once, answers kept only when chosen."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from web_harness import Web

from clearpath.understand.danger import SIGNS
from clearpath.understand.models import DangerCheck

HIGH = next(sign.key for sign in SIGNS if sign.high)
LOW = next(sign.key for sign in SIGNS if not sign.high)


def _checks(web: Web) -> list[DangerCheck]:
    with web.vault.session() as db:
        rows = list(db.scalars(select(DangerCheck).order_by(DangerCheck.id)))
        db.expunge_all()
    return rows


def _urgent_shown(html: str) -> bool:
    start = html.index('id="urgent"')
    return " hidden" not in html[start : html.index(">", start)]


def test_page_names_sources_and_says_no_prediction(home: Web) -> None:
    page = home.get("/danger")
    assert page.status_code == 200
    assert "No checklist can predict what a person will do" in page.text
    assert "Danger Assessment" in page.text
    assert "Jacquelyn C. Campbell" in page.text
    assert "DASH" in page.text
    assert "SafeLives" in page.text
    assert not _urgent_shown(page.text)
    assert "you are safe" not in page.text.lower()
    assert 'name="keep" value="yes" aria-describedby="keep-hint">' in page.text  # not ticked


def test_high_sign_shows_help_and_saves_nothing(home: Web) -> None:
    home.post("/directory/country", {"country": "GB"})
    page = home.post("/danger", {"sign": HIGH})
    assert page.status_code == 200
    assert _urgent_shown(page.text)
    assert "999" in page.text
    assert "0808 2000 247" in page.text
    assert "domestic abuse advocate" in page.text
    assert "Numbers and opening hours change" in page.text
    assert _checks(home) == []


def test_without_a_country_it_says_local_emergency_number(home: Web) -> None:
    page = home.post("/danger", {"sign": HIGH})
    assert _urgent_shown(page.text)
    assert "your local emergency number" in page.text
    assert "/directory/country?next=/danger" in page.text


def test_low_sign_gives_no_verdict(home: Web) -> None:
    page = home.post("/danger", {"sign": LOW})
    assert page.status_code == 200
    assert not _urgent_shown(page.text)
    assert "not a verdict" in page.text
    assert "you are safe" not in page.text.lower()


def test_nothing_ticked(home: Web) -> None:
    page = home.post("/danger", {})
    assert page.status_code == 200
    assert not _urgent_shown(page.text)
    assert _checks(home) == []


def test_unknown_sign_is_ignored(home: Web) -> None:
    page = home.post("/danger", {"sign": "<script>"})
    assert page.status_code == 200
    assert "<script>" not in page.text.split("<main", 1)[1]


def test_keep_answers_then_view_and_delete(home: Web) -> None:
    home.post("/directory/country", {"country": "US"})
    done = home.post(
        "/danger",
        {
            "sign": [HIGH, LOW],
            "keep": "yes",
            "note": "Nach dem Streit 😟",
            "checked_on": "2026-04-01",
        },
    )
    assert done.status_code == 303
    [check] = _checks(home)
    assert check.signs == f"{HIGH},{LOW}"
    assert check.note == "Nach dem Streit 😟"
    assert done.headers["location"] == f"/danger/checks/{check.id}#response"
    page = home.get(f"/danger/checks/{check.id}")
    assert _urgent_shown(page.text)
    assert "911" in page.text
    assert page.text.count("checked>") >= 2
    assert "Nach dem Streit 😟" in home.get("/danger").text
    assert home.post(f"/danger/checks/{check.id}/delete", {"confirm": "yes"}).status_code == 303
    assert _checks(home) == []
    assert home.get(f"/danger/checks/{check.id}").status_code == 404
    assert home.post(f"/danger/checks/{check.id}/delete", {"confirm": "yes"}).status_code == 404


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"note": "n" * 2001}, "longer than 2,000"),
        ({"checked_on": "not a date"}, "year-month-day"),
    ],
)
def test_bad_kept_answers(home: Web, form: dict[str, str], message: str) -> None:
    page = home.post("/danger", {"sign": HIGH, "keep": "yes", **form})
    assert page.status_code == 400
    assert message in page.text
    assert _urgent_shown(page.text)
    assert _checks(home) == []
