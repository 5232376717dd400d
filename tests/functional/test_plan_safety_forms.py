"""Every form of the safety plan: valid, invalid, too long, unicode (RTL too) and empty."""

from __future__ import annotations

import html
from typing import Any

import pytest
from markupsafe import escape
from web_harness import Web

from clearpath.plan import services
from clearpath.plan.fields import FieldSpec
from clearpath.plan.parts import PART_BY_SLUG, PARTS, ListSpec, PartSpec

ARABIC = "\u0645\u0646\u0632\u0644 \u0644\u064a\u0644\u0649"
CHINESE = "\u738b\u5c0f\u660e"
HEBREW = "\u05d1\u05d9\u05ea \u05e9\u05dc \u05e8\u05d5\u05ea"
LISTS = [(part, ls) for part in PARTS for ls in part.lists]
LIST_IDS = [f"{part.slug}-{ls.key}" for part, ls in LISTS]
TEXT_PARTS = [part for part in PARTS if part.texts]
STATE_PARTS = [part for part in PARTS if part.checklist and not part.checklist.documents]
DOC_PARTS = [part for part in PARTS if part.checklist and part.checklist.documents]


def good_value(spec: FieldSpec, text: str) -> str:
    if spec.kind == "check":
        return "yes"
    if spec.kind == "choice":
        return spec.choices[-1][0]
    if spec.kind == "date":
        return "2027-03-14"
    if spec.kind == "tel":
        return "+44 7700 900123"
    return text


def form_for(ls: ListSpec, text: str, prefix: str = "") -> dict[str, str]:
    return {prefix + f.name: good_value(f, text) for f in ls.fields}


def rows(web: Web, ls: ListSpec) -> list[Any]:
    with web.vault.session() as db:
        return services.list_entries(db, ls)


# -- every page answers -----------------------------------------------------------------------


def test_overview_and_every_part_page_show(home: Web) -> None:
    page = home.get("/plan/safety")
    assert page.status_code == 200
    for part in PARTS:
        assert f'id="{part.slug}"' in page.text
        shown = home.get(f"/plan/safety/{part.slug}")
        assert shown.status_code == 200, part.slug
        assert html.escape(part.why, quote=False) in shown.text
        if part.caution:
            assert "Careful:" in shown.text
    assert "You have started 0 of 10 parts" in page.text


def test_an_unknown_part_or_list_is_a_calm_404(home: Web) -> None:
    assert home.get("/plan/safety/nothing").status_code == 404
    assert home.post("/plan/safety/places/lists/nothing", {"name": "x"}).status_code == 404
    assert home.get("/plan/safety/places/lists/places/999").status_code == 404
    assert home.get("/plan/safety/places/lists/places/abc").status_code == 404
    assert home.post("/plan/safety/places/texts", {}).status_code == 404


def test_plan_pages_need_an_unlocked_vault(home: Web) -> None:
    home.lock()
    response = home.get("/plan/safety")
    assert response.status_code == 303
    assert response.headers["location"] == "/unlock"


# -- lists ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("part", "ls"), LISTS, ids=LIST_IDS)
@pytest.mark.parametrize("text", ["Sam's flat", ARABIC, CHINESE, HEBREW])
def test_an_entry_is_added_with_any_script(home: Web, part: PartSpec, ls: ListSpec,
                                           text: str) -> None:
    response = home.post(f"/plan/safety/{part.slug}/lists/{ls.key}",
                         form_for(ls, text, f"{ls.key}-new-"))
    assert response.status_code == 303
    assert response.headers["location"] == f"/plan/safety/{part.slug}#list-{ls.key}"
    assert text not in response.headers["location"]
    saved = rows(home, ls)
    assert [row.name for row in saved] == [text]
    assert str(escape(text)) in home.get(f"/plan/safety/{part.slug}").text


@pytest.mark.parametrize(("part", "ls"), LISTS, ids=LIST_IDS)
def test_an_empty_entry_is_refused_and_nothing_saved(home: Web, part: PartSpec,
                                                     ls: ListSpec) -> None:
    response = home.post(f"/plan/safety/{part.slug}/lists/{ls.key}", {})
    assert response.status_code == 400
    assert "Please fill in" in response.text
    assert f'id="{ls.key}-new-name-error"' in response.text
    assert rows(home, ls) == []


@pytest.mark.parametrize(("part", "ls"), LISTS, ids=LIST_IDS)
def test_a_too_long_field_is_refused_and_shown_again(home: Web, part: PartSpec,
                                                     ls: ListSpec) -> None:
    for spec in ls.fields:
        if spec.kind in ("check", "choice", "date"):
            continue
        form = form_for(ls, "ok", f"{ls.key}-new-")
        long = "\u0645" * (spec.limit + 1)
        form[f"{ls.key}-new-{spec.name}"] = long
        response = home.post(f"/plan/safety/{part.slug}/lists/{ls.key}", form)
        assert response.status_code == 400, spec.name
        assert f"up to {spec.limit:,} characters" in response.text
        assert long in response.text  # what was typed is shown again
        assert rows(home, ls) == []


def test_a_bad_date_and_a_made_up_choice_are_refused(home: Web) -> None:
    legal = PART_BY_SLUG["legal"]
    dates = legal.lists[1]
    form = form_for(dates, "Hearing", "dates-new-")
    for bad in ("14/03/2027", "2027-02-30", "0999-01-01"):
        form["dates-new-on_date"] = bad
        response = home.post("/plan/safety/legal/lists/dates", form)
        assert response.status_code == 400
        assert 'id="dates-new-on_date-error"' in response.text
    places = PART_BY_SLUG["places"].lists[0]
    form = form_for(places, "Somewhere", "places-new-")
    form["places-new-they_know"] = "perhaps"
    assert home.post("/plan/safety/places/lists/places", form).status_code == 400
    assert rows(home, dates) == []
    assert rows(home, places) == []


def test_an_entry_is_edited_and_removed(home: Web) -> None:
    people = PART_BY_SLUG["people"].lists[0]
    home.post("/plan/safety/people/lists/people", form_for(people, "Ana", "people-new-"))
    entry = rows(home, people)[0]
    path = f"/plan/safety/people/lists/people/{entry.id}"
    page = home.get(path)
    assert page.status_code == 200
    assert 'value="Ana"' in page.text

    changed = {"name": ARABIC, "phone": "123", "comes_along": "yes", "code_word": "blue"}
    assert home.post(path, changed).status_code == 303
    saved = rows(home, people)[0]
    assert (saved.name, saved.phone, saved.code_word) == (ARABIC, "123", "blue")
    assert saved.role == "can come along"

    refused = home.post(path, {"name": "", "phone": "9" * 61})
    assert refused.status_code == 400
    assert "Please fill in" in refused.text
    assert "up to 60 characters" in refused.text
    assert rows(home, people)[0].name == ARABIC

    assert home.post(path + "/remove").status_code == 303
    assert rows(home, people) == []
    assert home.post(path + "/remove").status_code == 404
    assert home.get(path).status_code == 404


def test_an_entry_of_one_list_cannot_be_reached_through_another(home: Web) -> None:
    legal = PART_BY_SLUG["legal"]
    form = form_for(legal.lists[0], "Lawyer", "lawyers-new-")
    home.post("/plan/safety/legal/lists/lawyers", form)
    home.post("/plan/safety/legal/lists/lawyers", form)
    entry = rows(home, legal.lists[0])[0]
    assert home.get(f"/plan/safety/legal/lists/property/{entry.id}").status_code == 404
    assert home.post(f"/plan/safety/pets/lists/shelters/{entry.id}/remove").status_code == 404


def test_markup_is_shown_as_text(home: Web) -> None:
    places = PART_BY_SLUG["places"].lists[0]
    home.post("/plan/safety/places/lists/places",
              form_for(places, "<script>alert(1)</script>", "places-new-"))
    page = home.get("/plan/safety/places").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


# -- written answers --------------------------------------------------------------------------


@pytest.mark.parametrize("part", TEXT_PARTS, ids=[p.slug for p in TEXT_PARTS])
def test_written_answers_save_in_any_script_and_can_be_emptied(home: Web,
                                                                part: PartSpec) -> None:
    form = {f"text-{f.name}": f"{ARABIC} {CHINESE}\r\nline two" for f in part.texts}
    assert home.post(f"/plan/safety/{part.slug}/texts", form).status_code == 303
    with home.vault.session() as db:
        saved = services.read_texts(db, part.slug)
    assert all(value == f"{ARABIC} {CHINESE}\nline two" for value in saved.values())
    assert home.post(f"/plan/safety/{part.slug}/texts", {}).status_code == 303
    with home.vault.session() as db:
        assert set(services.read_texts(db, part.slug).values()) == {""}


@pytest.mark.parametrize("part", TEXT_PARTS, ids=[p.slug for p in TEXT_PARTS])
def test_a_too_long_answer_saves_nothing(home: Web, part: PartSpec) -> None:
    form = {f"text-{f.name}": "kept?" for f in part.texts}
    first = part.texts[0]
    form[f"text-{first.name}"] = "x" * (first.limit + 1)
    response = home.post(f"/plan/safety/{part.slug}/texts", form)
    assert response.status_code == 400
    assert f'id="text-{first.name}-error"' in response.text
    with home.vault.session() as db:
        assert services.read_texts(db, part.slug) == {}


# -- checklists -------------------------------------------------------------------------------


@pytest.mark.parametrize("part", STATE_PARTS, ids=[p.slug for p in STATE_PARTS])
def test_a_line_is_ticked_with_each_state(home: Web, part: PartSpec) -> None:
    assert part.checklist is not None
    key = part.checklist.items[1][0]
    for state, _words in part.checklist.states:
        response = home.post(f"/plan/safety/{part.slug}/items/{key}", {"state": state})
        assert response.status_code == 303
        assert response.headers["location"].endswith(f"#item-{key}")
        with home.vault.session() as db:
            item = next(i for i in services.checklist_items(db, part.checklist) if i.key == key)
        assert item.state == state
    assert home.post(f"/plan/safety/{part.slug}/items/{key}",
                     {"state": "maybe"}).status_code == 400
    assert home.post(f"/plan/safety/{part.slug}/items/{key}", {}).status_code == 400
    assert home.post(f"/plan/safety/{part.slug}/items/nothing",
                     {"state": "done"}).status_code == 404


@pytest.mark.parametrize("part", DOC_PARTS, ids=[p.slug for p in DOC_PARTS])
def test_a_document_is_noted_original_copy_and_where(home: Web, part: PartSpec) -> None:
    assert part.checklist is not None
    key = part.checklist.items[0][0]
    path = f"/plan/safety/{part.slug}/items/{key}"
    form = {"has_original": "yes", "has_copy": "yes", "where_kept": f"copy at {ARABIC}"}
    assert home.post(path, form).status_code == 303
    with home.vault.session() as db:
        item = services.checklist_items(db, part.checklist)[0]
    assert (item.has_original, item.has_copy, item.where_kept) == (True, True,
                                                                   f"copy at {ARABIC}")
    too_long = home.post(path, {"has_copy": "", "where_kept": "x" * 1001})
    assert too_long.status_code == 400
    assert f'id="item-{key}-where_kept-error"' in too_long.text
    with home.vault.session() as db:
        assert services.checklist_items(db, part.checklist)[0].has_copy is True
    assert home.post(path, {"skip": "yes"}).status_code == 303
    with home.vault.session() as db:
        item = services.checklist_items(db, part.checklist)[0]
    assert (item.state, item.has_original, item.where_kept) == ("skip", False, "")


def test_every_document_the_issue_names_is_listed() -> None:
    labels = " ".join(label for _key, label in PART_BY_SLUG["documents"].checklist.items)  # type: ignore[union-attr]
    for word in ("Identity", "Passports", "Birth", "Custody", "Immigration", "Marriage",
                 "Protection", "Financial", "Medical", "prescriptions", "Insurance", "Lease",
                 "deed", "Children's", "Pets'"):
        assert word in labels


def test_own_lines_are_added_ticked_and_removed(home: Web) -> None:
    bag = PART_BY_SLUG["bag"].checklist
    assert bag is not None
    assert home.post("/plan/safety/bag/items", {"label": CHINESE}).status_code == 303
    with home.vault.session() as db:
        own = [i for i in services.checklist_items(db, bag) if i.own]
    assert [i.label for i in own] == [CHINESE]
    key = own[0].key
    assert home.post(f"/plan/safety/bag/items/{key}", {"state": "done"}).status_code == 303
    assert home.post("/plan/safety/bag/items", {"label": ""}).status_code == 400
    assert home.post("/plan/safety/bag/items", {"label": "y" * 201}).status_code == 400
    confirm = home.get(f"/plan/safety/bag/items/{key}/remove")
    assert confirm.status_code == 200
    assert "Remove this line?" in confirm.text
    assert home.get("/plan/safety/bag/items/cash/remove").status_code == 404
    assert home.post(f"/plan/safety/bag/items/{key}/remove").status_code == 303
    assert home.post(f"/plan/safety/bag/items/{key}/remove").status_code == 404
    assert home.get(f"/plan/safety/bag/items/{key}/remove").status_code == 404
    assert home.post("/plan/safety/bag/items/cash/remove").status_code == 404
    assert home.post("/plan/safety/places/items", {"label": "x"}).status_code == 404


def test_the_overview_shows_what_is_filled_without_pressure(home: Web) -> None:
    home.post("/plan/safety/bag/items/cash", {"state": "done"})
    home.post("/plan/safety/places/lists/places", {"places-new-name": "Sam's"})
    page = home.get("/plan/safety").text
    assert "You have started 2 of 10 parts" in page
    assert "1 of 9 checklist items looked at" in page
    assert "1 place" in page
    assert "Not started yet" in page


def test_the_numbers_part_asks_for_the_country_calmly(home: Web) -> None:
    page = home.get("/plan/safety/numbers").text
    assert "Choose your country in the" in page
    assert 'href="/directory"' in page
    assert "Numbers change" in page
