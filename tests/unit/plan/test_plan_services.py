"""The plan's services on a real vault: lists, answers, checklists, tasks, the whole plan."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearpath.plan import services, summary, tasks
from clearpath.plan.forms import parse_date, parse_form
from clearpath.plan.parts import PART_BY_SLUG, PARTS
from clearpath.plan.services import NotFound
from clearpath.plan.stages import DEFAULT_TASKS, STAGES
from clearpath.vault.service import Vault

PLACES = PART_BY_SLUG["places"].lists[0]
PEOPLE = PART_BY_SLUG["people"].lists[0]
BAG = PART_BY_SLUG["bag"].checklist
DOCUMENTS = PART_BY_SLUG["documents"].checklist


def test_trusted_people_and_safe_places_for_other_areas(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        services.add_entry(db, PEOPLE, {"name": "Ana", "phone": "0700", "keeps_things": True,
                                        "calls_for_help": True, "code_word": "umbrella"})
        services.add_entry(db, PEOPLE, {"name": "Bo"})
        services.add_entry(db, PLACES, {"name": "Sam's", "address": "1 Road"})
    with unlocked_vault.session() as db:
        people = services.trusted_people(db)
        places = services.safe_places(db)
    assert [(p.name, p.phone, p.role, p.code_word) for p in people] == [
        ("Ana", "0700", "can keep documents or a bag, can call for help", "umbrella"),
        ("Bo", "", "", ""),
    ]
    assert [(p.name, p.address) for p in places] == [("Sam's", "1 Road")]


def test_lists_of_the_shared_entry_table_stay_apart(unlocked_vault: Vault) -> None:
    legal = PART_BY_SLUG["legal"]
    lawyers, dates, _property = legal.lists
    with unlocked_vault.session() as db:
        row = services.add_entry(db, lawyers, {"name": "Legal aid"})
        services.add_entry(db, dates, {"name": "Hearing", "on_date": date(2027, 1, 2)})
        assert services.count_entries(db, lawyers) == 1
        assert [r.name for r in services.list_entries(db, dates)] == ["Hearing"]
        with pytest.raises(NotFound):
            services.get_entry(db, dates, row.id)
        services.update_entry(db, lawyers, row.id, {"name": "Legal aid office"})
    with unlocked_vault.session() as db:
        assert services.get_entry(db, lawyers, row.id).name == "Legal aid office"
        services.remove_entry(db, lawyers, row.id)
        assert services.count_entries(db, lawyers) == 0


def test_texts_are_saved_per_part_and_replaced(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        services.save_texts(db, "bag", {"where_kept": "At work"})
        services.save_texts(db, "children", {"school": "Gran collects"})
    with unlocked_vault.session() as db:
        services.save_texts(db, "bag", {"where_kept": "With Sam"})
    with unlocked_vault.session() as db:
        assert services.read_texts(db, "bag") == {"where_kept": "With Sam"}
        assert services.read_texts(db, "children") == {"school": "Gran collects"}


def test_checklists_keep_listed_order_then_own_items(unlocked_vault: Vault) -> None:
    assert BAG is not None
    assert DOCUMENTS is not None
    with unlocked_vault.session() as db:
        services.add_own_item(db, BAG, "Teddy")
        services.mark_item(db, BAG, "keys", state="done")
        services.mark_item(db, DOCUMENTS, "passport", has_copy=True, where_kept="Sam")
    with unlocked_vault.session() as db:
        items = services.checklist_items(db, BAG)
        docs = services.checklist_items(db, DOCUMENTS)
    assert [i.key for i in items[: len(BAG.items)]] == [key for key, _ in BAG.items]
    assert items[-1].label == "Teddy"
    assert items[-1].own
    assert next(i for i in items if i.key == "keys").state == "done"
    passport = next(i for i in docs if i.key == "passport")
    assert passport.looked_at
    assert (passport.has_copy, passport.where_kept) == (True, "Sam")
    with unlocked_vault.session() as db:
        with pytest.raises(ValueError, match="lost"):
            services.mark_item(db, BAG, "keys", state="lost")
        with pytest.raises(NotFound):
            services.mark_item(db, BAG, "mine-999", state="done")
        with pytest.raises(NotFound):
            services.remove_own_item(db, BAG, "keys")


def test_tasks_are_listed_until_touched_then_stored(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        stage_list = tasks.stages(db)
        assert [len(s.tasks) for s in stage_list] == [len(s.tasks) for s in STAGES]
        assert all(s.looked_at == 0 for s in stage_list)
        tasks.set_status(db, "s3-time", "doing")
        key = tasks.add_task(db, 3, "Pick up the cat", "pets")
        tasks.save_task(db, key, status="done", due_on=date(2027, 2, 1), notes="ok",
                        part="pets", title="Pick up the cats")
    with unlocked_vault.session() as db:
        third = tasks.stages(db)[2]
        assert third.looked_at == 2
        assert third.done == 1
        assert third.tasks[-1].title == "Pick up the cats"
        assert tasks.get_task(db, "s3-time").status == "doing"
        tasks.remove_task(db, key)
        with pytest.raises(NotFound):
            tasks.remove_task(db, "s3-time")
        with pytest.raises(ValueError, match="3"):
            tasks.set_status(db, "s3-time", "3")


def test_every_listed_task_links_to_a_real_part() -> None:
    slugs = {part.slug for part in PARTS} | {"", "leaving"}
    assert all(part in slugs for _stage, _title, part in DEFAULT_TASKS.values())
    assert len(DEFAULT_TASKS) == sum(len(stage.tasks) for stage in STAGES)


def test_the_whole_plan_says_what_is_started(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        plan = summary.whole_plan(db)
        assert plan.started == 0
        assert plan.numbers.country is None
        services.add_entry(db, PLACES, {"name": "Sam's"})
        services.save_texts(db, "bag", {"where_kept": "work"})
    with unlocked_vault.session() as db:
        plan = summary.whole_plan(db)
    assert plan.started == 2
    assert plan.by_slug["places"].facts() == ["1 place"]
    assert plan.by_slug["bag"].facts()[-1] == "written: where the bag is kept"
    assert "no person added yet" in plan.by_slug["people"].open_points()


@given(st.text(max_size=300))
def test_a_text_field_never_keeps_more_than_its_limit(raw: str) -> None:
    spec = PLACES.fields[0]
    parsed = parse_form((spec,), lambda _name: raw)
    if parsed.ok:
        value = parsed.values["name"]
        assert isinstance(value, str)
        assert 0 < len(value) <= spec.limit
        assert "\r" not in value
    else:
        assert set(parsed.errors) == {"name"}


@given(st.text(max_size=20))
def test_a_date_is_a_date_or_a_calm_message(raw: str) -> None:
    message = ""
    try:
        day = parse_date(raw)
    except ValueError as exc:
        message = str(exc)
    if message:
        assert message.startswith("Please")
    else:
        assert 1900 <= day.year <= 2200
