"""The understand area's services: topics, forms, reflections, readiness and danger signs."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearpath.understand import danger, readiness, reflections
from clearpath.understand.forms import FieldProblem, clean_day, clean_score, clean_text
from clearpath.understand.readiness import RatingInput
from clearpath.understand.topics import TOPICS, pattern_slugs, topic_by_slug
from clearpath.vault.service import Vault

TEMPLATES = Path(__file__).parents[3] / "src" / "clearpath" / "web" / "templates"
TODAY = date(2026, 11, 24)


def test_every_topic_has_a_template_and_a_unique_slug() -> None:
    assert len({t.slug for t in TOPICS}) == len(TOPICS)
    for topic in TOPICS:
        assert (TEMPLATES / topic.template).is_file(), topic.slug
    assert topic_by_slug("gaslighting") is not None
    assert topic_by_slug("nope") is None
    assert set(pattern_slugs()) == {
        "cycle",
        "gaslighting",
        "control",
        "empathy",
        "hoovering",
        "after-leaving",
    }


def test_topic_pages_do_not_diagnose_or_blame() -> None:
    words = ("your partner is a narcissist", "you failed", "relapse", "streak", "should have")
    for topic in TOPICS:
        text = (TEMPLATES / topic.template).read_text("utf-8").lower()
        for word in words:
            assert word not in text, (topic.slug, word)


# -- form checks -----------------------------------------------------------------------------


def test_clean_text() -> None:
    assert clean_text("  a\r\nb  ", limit=10, label="x") == "a\nb"
    with pytest.raises(FieldProblem, match="Please write something"):
        clean_text(" ", limit=10, label="x", required=True)
    with pytest.raises(FieldProblem, match="longer than 10"):
        clean_text("x" * 11, limit=10, label="x")


@given(st.text(max_size=30))
def test_clean_score_accepts_only_whole_numbers_in_range(text: str) -> None:
    try:
        value = clean_score(text, low=1, high=10, label="x", required=False)
    except FieldProblem:
        return
    assert value is None or 1 <= value <= 10


def test_clean_day() -> None:
    assert clean_day("", today=TODAY) == TODAY
    assert clean_day("2026-01-02", today=TODAY) == date(2026, 1, 2)
    for bad in ("2026-11-25", "02/01/2026", "1850-01-01"):
        with pytest.raises(FieldProblem):
            clean_day(bad, today=TODAY)


# -- reflections and effects -------------------------------------------------------------------


def test_reflections_per_pattern(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        first = reflections.add_reflection(db, "control", "one", date(2026, 1, 1))
        reflections.add_reflection(db, "control", "two", date(2026, 2, 1))
        reflections.add_reflection(db, "cycle", "three", date(2026, 1, 5))
    with unlocked_vault.session() as db:
        assert [r.body for r in reflections.list_reflections(db, "control")] == ["two", "one"]
        assert reflections.count_reflections(db) == {"control": 2, "cycle": 1}
        assert reflections.update_reflection(db, first, "uno", date(2026, 3, 1))
        assert not reflections.update_reflection(db, 999, "x", TODAY)
    with unlocked_vault.session() as db:
        assert reflections.list_reflections(db, "control")[0].body == "uno"
        assert reflections.delete_reflection(db, first)
        assert not reflections.delete_reflection(db, first)


def test_effect_series_skips_missing_numbers(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        for n, sleep in enumerate((7, None, 3)):
            reflections.add_effect(
                db,
                reflections.EffectInput(
                    date(2026, 1, 1) + timedelta(days=n), "", {"sleep": sleep, "work": n}, {}
                ),
            )
    with unlocked_vault.session() as db:
        series = reflections.effect_series(reflections.list_effects(db))
    assert series["sleep"] == [(date(2026, 1, 1), 7.0), (date(2026, 1, 3), 3.0)]
    assert [v for _, v in series["work"]] == [0.0, 1.0, 2.0]
    assert series["health"] == []


# -- readiness -----------------------------------------------------------------------------------


def test_areas_are_four_builtin_then_own(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        own = readiness.add_area(db, "Housing")
        areas = readiness.list_areas(db)
    assert [a.key for a in areas] == [
        "emotional",
        "financial",
        "practical",
        "support",
        f"own-{own}",
    ]
    assert areas[-1].own_id == own


def test_suggestions_follow_the_latest_rating_of_each_area(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        readiness.add_entry(
            db, date(2026, 1, 1), [RatingInput("emotional", 1), RatingInput("support", 8)]
        )
        readiness.add_entry(
            db,
            date(2026, 2, 1),
            [RatingInput("emotional", 9), RatingInput("financial", 4), RatingInput("practical", 2)],
        )
        areas = readiness.list_areas(db)
        entries = readiness.list_entries(db)
        found = readiness.suggestions(entries, areas)
        series = readiness.area_series(entries, areas)
    assert [(s.area.key, s.score) for s in found] == [("practical", 2), ("financial", 4)]
    assert all(
        step.href.startswith(("/plan/", "/directory", "/heal", "/understand"))
        for s in found
        for step in s.steps
    )
    assert series["emotional"] == [(date(2026, 1, 1), 1.0), (date(2026, 2, 1), 9.0)]


def test_no_suggestion_for_tens_and_none_without_ratings(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        assert readiness.suggestions([], readiness.list_areas(db)) == []
        readiness.add_entry(db, TODAY, [RatingInput("support", 10)])
        assert readiness.suggestions(readiness.list_entries(db), readiness.list_areas(db)) == []


def test_next_steps_link_to_the_plan_sections_the_plan_area_offers() -> None:
    sections = {
        "places",
        "people",
        "documents",
        "bag",
        "numbers",
        "children",
        "pets",
        "digital",
        "financial",
        "legal",
    }
    stages = {f"stage-{n}" for n in range(1, 5)}
    for steps in (*readiness.NEXT_STEPS.values(), readiness.OWN_AREA_STEPS):
        for step in steps:
            if step.href.startswith("/plan/safety#"):
                assert step.href.split("#")[1] in sections
            if step.href.startswith("/plan/exit#"):
                assert step.href.split("#")[1] in stages


def test_deleting_an_own_area_removes_its_ratings(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        own = readiness.add_area(db, "Car")
        readiness.add_entry(db, TODAY, [RatingInput(f"own-{own}", 3), RatingInput("support", 5)])
        assert readiness.delete_area(db, own)
        [entry] = readiness.list_entries(db)
        assert [r.area for r in entry.ratings] == ["support"]
        assert not readiness.delete_area(db, own)


# -- danger signs ---------------------------------------------------------------------------------


def test_signs_are_unique_and_mostly_high() -> None:
    keys = [sign.key for sign in danger.SIGNS]
    assert len(set(keys)) == len(keys)
    assert {
        "kill-threats",
        "choking",
        "weapon",
        "worse",
        "separation",
        "stalking",
        "jealousy",
        "suicide",
        "pregnancy",
        "forced-sex",
    } <= {s.key for s in danger.SIGNS if s.high}
    assert any("Campbell" in source for source in danger.SOURCES)
    assert any("SafeLives" in source for source in danger.SOURCES)


def test_known_signs_keep_checklist_order_and_drop_unknowns() -> None:
    found = danger.known_signs(["pets", "choking", "bogus"])
    assert [s.key for s in found] == ["choking", "pets"]
    assert danger.any_high(found)
    assert not danger.any_high(danger.known_signs(["pets"]))


def test_saved_checks(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        check_id = danger.save_check(db, TODAY, danger.known_signs(["worse"]), "note")
    with unlocked_vault.session() as db:
        [saved] = danger.list_checks(db)
        assert saved.id == check_id
        assert [s.key for s in saved.signs] == ["worse"]
        assert danger.delete_check(db, check_id)
        assert not danger.delete_check(db, check_id)
