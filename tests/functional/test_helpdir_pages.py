"""The help directory: country on first use, filters, search, chosen and own services."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from web_harness import Web

from clearpath.helpdir.models import OwnService
from clearpath.helpdir.services import chosen_hotlines, get_country


def _own(web: Web) -> list[OwnService]:
    with web.vault.session() as db:
        rows = list(db.scalars(select(OwnService).order_by(OwnService.id)))
        db.expunge_all()
    return rows


def test_first_visit_asks_for_the_country(home: Web) -> None:
    page = home.get("/directory")
    assert page.status_code == 200
    assert "Which country are you in?" in page.text
    assert "It is not listed" in page.text
    done = home.post("/directory/country", {"country": "AU", "next": "/directory"})
    assert done.status_code == 303
    assert done.headers["location"] == "/directory"
    page = home.get("/directory")
    assert "Which country are you in?" not in page.text
    assert "000" in page.text
    assert "1800 737 732" in page.text
    assert "Numbers and opening hours change" in page.text
    # Only services of the chosen country by default.
    assert "0808 2000 247" not in page.text


def test_not_listed(home: Web) -> None:
    assert home.post("/directory/country", {"country": "none"}).status_code == 303
    page = home.get("/directory")
    assert "Which country are you in?" not in page.text
    assert "your local emergency number" in page.text
    with home.vault.session() as db:
        assert get_country(db) is None


@pytest.mark.parametrize(("code", "message"), [("", "Please choose"), ("XX", "from the list")])
def test_bad_country(home: Web, code: str, message: str) -> None:
    page = home.post("/directory/country", {"country": code})
    assert page.status_code == 400
    assert message in page.text


def test_next_must_be_local(home: Web) -> None:
    done = home.post("/directory/country", {"country": "FR", "next": "//evil.example/x"})
    assert done.headers["location"] == "/directory"
    done = home.post("/directory/country", {"country": "FR", "next": "/danger"})
    assert done.headers["location"] == "/danger"


def test_change_country_page(home: Web) -> None:
    home.post("/directory/country", {"country": "DE"})
    page = home.get("/directory/country?next=/danger")
    assert 'value="DE" selected' in page.text
    assert 'name="next" value="/danger"' in page.text


def test_filters_and_search(home: Web) -> None:
    home.post("/directory/country", {"country": "US"})
    everything = home.get("/directory?country=all").text
    assert "0808 2000 247" in everything
    assert "1-800-799-7233" in everything
    legal = home.get("/directory?country=US&kind=legal").text
    assert "LawHelp.org" in legal
    assert "Childhelp" not in legal
    german = home.get("/directory?country=all&language=de").text
    assert "116 016" in german
    assert "1-800-799-7233" not in german
    found = home.get("/directory?country=all&q=refuge").text
    assert "0808 2000 247" in found
    none = home.get("/directory?country=all&q=%E2%9C%93nothing").text
    assert "Nothing matches" in none
    too_long = home.get("/directory?q=" + "a" * 201)
    assert too_long.status_code == 400
    assert "fewer than 200" in too_long.text


def test_web_addresses_are_text_not_links(home: Web) -> None:
    home.post("/directory/country", {"country": "US"})
    page = home.get("/directory?country=all").text
    assert "thehotline.org" in page
    assert 'href="http' not in page
    assert 'href="//' not in page


def test_choose_and_unchoose(home: Web) -> None:
    home.post("/directory/country", {"country": "GB"})
    done = home.post(
        "/directory/choose",
        {"service_id": "gb-ndah", "chosen": "yes", "back": "/directory?kind=hotline"},
    )
    assert done.status_code == 303
    assert done.headers["location"] == "/directory?kind=hotline"
    with home.vault.session() as db:
        assert [s.id for s in chosen_hotlines(db)] == ["gb-ndah"]
    assert "In your numbers" in home.get("/directory").text
    home.post("/directory/choose", {"service_id": "gb-ndah", "chosen": "no"})
    with home.vault.session() as db:
        assert chosen_hotlines(db) == []
    assert (
        home.post("/directory/choose", {"service_id": "nope", "chosen": "yes"}).status_code == 404
    )


OWN = {
    "name": "Frauenberatung Südstadt",
    "kind": "counselling",
    "phone": "+49 30 000000",
    "text": "",
    "chat": "",
    "hours": "Mo–Fr 9–17",
    "web": "example.org/beratung",
    "notes": "Ask for Aylin. مرحبا",
    "chosen": "yes",
}


def test_own_service_add_edit_delete(home: Web) -> None:
    home.post("/directory/country", {"country": "DE"})
    assert home.get("/directory/own/new").status_code == 200
    assert home.post("/directory/own", OWN).status_code == 303
    [row] = _own(home)
    assert row.name == "Frauenberatung Südstadt"
    assert row.chosen
    page = home.get("/directory").text
    assert "Frauenberatung Südstadt" in page
    assert "مرحبا" in page
    with home.vault.session() as db:
        assert [s.name for s in chosen_hotlines(db)] == ["Frauenberatung Südstadt"]
    form = home.get(f"/directory/own/{row.id}/edit")
    assert "Ask for Aylin" in form.text
    assert home.post(f"/directory/own/{row.id}", {**OWN, "chosen": ""}).status_code == 303
    assert not _own(home)[0].chosen
    assert home.post(f"/directory/own/{row.id}/delete", {"confirm": "yes"}).status_code == 303
    assert _own(home) == []
    assert home.get(f"/directory/own/{row.id}/edit").status_code == 404
    assert home.post(f"/directory/own/{row.id}", OWN).status_code == 404
    assert home.post(f"/directory/own/{row.id}/delete", {"confirm": "yes"}).status_code == 404


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"name": ""}, "name", "give the service a name"),
        ({"name": "   "}, "name", "give the service a name"),
        ({"name": "n" * 201}, "name", "longer than 200"),
        ({"phone": "1" * 81}, "phone", "longer than 80"),
        ({"notes": "x" * 5001}, "notes", "longer than 5,000"),
        ({"kind": "spaceship"}, "kind", "what kind of help"),
    ],
)
def test_bad_own_service(home: Web, change: dict[str, str], field: str, message: str) -> None:
    page = home.post("/directory/own", {**OWN, **change})
    assert page.status_code == 400
    assert message in page.text
    assert f'id="{field}-error"' in page.text
    assert _own(home) == []


def test_bad_own_service_edit_keeps_old_values(home: Web) -> None:
    home.post("/directory/own", OWN)
    [row] = _own(home)
    page = home.post(f"/directory/own/{row.id}", {**OWN, "name": ""})
    assert page.status_code == 400
    assert _own(home)[0].name == OWN["name"]


def test_a_person_in_a_hurry_can_skip_the_country_question(home: Web) -> None:
    first = home.get("/directory")
    assert 'href="/directory?country=all"' in first.text
    page = home.get("/directory?country=all")
    assert "Which country are you in?" not in page.text
    assert "1-800-799-7233" in page.text
    # Still asked next time.
    assert "Which country are you in?" in home.get("/directory").text
