"""Services of the heal area: check-ins, promises, routines, timeline, photos, contracts."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from PIL import Image

from clearpath.heal import checkins, contracts, daily, firstdays, journal, lists, prefs, timeline
from clearpath.heal.checkins import CheckInDraft
from clearpath.vault.service import Vault

TODAY = date(2026, 11, 24)


def test_summary_says_sleep_was_longer_in_plain_words(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        for n in range(56):
            day = TODAY - timedelta(days=n)
            hours = 7.5 if n < 28 else 5.5
            checkins.save_check_in(db, CheckInDraft(day, 3, hours, energy=3))
    with unlocked_vault.session() as db:
        rows = checkins.check_ins_between(db, TODAY - timedelta(days=60), TODAY)
        sentences = [t.sentence for t in checkins.summary(rows, TODAY)]
    assert any(
        s.startswith("Sleep has been longer in the last four weeks than in the four weeks before.")
        for s in sentences
    )
    assert "Mood has been about the same in the last four weeks as in the four weeks before." in (
        sentences
    )


def test_summary_waits_for_enough_days(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        checkins.save_check_in(db, CheckInDraft(TODAY, 3, 7.0))
        rows = checkins.check_ins_between(db, TODAY - timedelta(days=60), TODAY)
    assert checkins.summary(rows, TODAY) == []


def test_a_second_check_in_the_same_day_replaces_the_first(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        checkins.save_check_in(db, CheckInDraft(TODAY, 2))
        checkins.save_check_in(db, CheckInDraft(TODAY, 4, 8.0))
    with unlocked_vault.session() as db:
        rows = checkins.check_ins_between(db, TODAY, TODAY)
    assert [(r.mood, r.sleep_hours) for r in rows] == [(4, 8.0)]


def test_weekly_means_for_long_ranges(unlocked_vault: Vault) -> None:
    monday = date(2026, 11, 16)
    with unlocked_vault.session() as db:
        checkins.save_check_in(db, CheckInDraft(monday, 2))
        checkins.save_check_in(db, CheckInDraft(monday + timedelta(days=1), 4))
        rows = checkins.check_ins_between(db, monday, TODAY)
    assert checkins.weekly_means(rows, "mood") == [(monday, 3.0)]


def test_promises_count_only_kept_days_this_month(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        promise = daily.add_promise(db, "Water")
        assert daily.mark_kept(db, promise.id, TODAY)
        assert not daily.mark_kept(db, promise.id, TODAY)
        daily.mark_kept(db, promise.id, TODAY - timedelta(days=1))
        daily.mark_kept(db, promise.id, date(2026, 10, 30))
        assert daily.kept_this_month(db, TODAY) == {promise.id: 2}
        assert daily.kept_today(db, TODAY) == {promise.id}


def test_routines_start_with_three_and_ticks_follow_the_form(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        daily.ensure_starter_routines(db)
        daily.ensure_starter_routines(db)
        found = daily.routines(db)
        assert [r.name for r, _ in found] == ["Morning ritual", "Sleep", "Meals and movement"]
        routine, steps = found[0]
        daily.set_ticks(db, routine.id, TODAY, {steps[0].id, steps[1].id})
        daily.set_ticks(db, routine.id, TODAY, {steps[1].id})
        assert daily.ticked_on(db, TODAY) == {steps[1].id}


def test_phases_from_the_leaving_date() -> None:
    left = date(2026, 1, 1)
    assert timeline.phase_for(None, TODAY) is None
    assert timeline.phase_for(left + timedelta(days=3), left) is None
    names = [timeline.phase_for(left, left + timedelta(days=d)) for d in (0, 50, 300, 900)]
    assert [p.key for p in names if p] == ["first-weeks", "months-1-6", "months-6-18", "after"]


def test_hard_dates_come_round_each_year_and_show_a_few_days_ahead(
    unlocked_vault: Vault,
) -> None:
    with unlocked_vault.session() as db:
        timeline.add_hard_date(db, "Birthday", date(2019, 11, 27), yearly=True, note="")
        timeline.add_hard_date(db, "Court", date(2026, 12, 20), yearly=False, note="")
        timeline.add_hard_date(db, "Old", date(2020, 11, 25), yearly=False, note="")
        found = timeline.upcoming(db, TODAY)
    assert [(u.row.title, u.days_away) for u in found] == [("Birthday", 3)]
    assert found[0].suggestion


def test_29_february_comes_round_in_other_years(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        row = timeline.add_hard_date(db, "Leap", date(2024, 2, 29), yearly=True, note="")
        assert timeline.next_occurrence(row, date(2026, 2, 1)) == date(2026, 2, 28)


def _jpeg_with_location() -> bytes:
    image = Image.new("RGB", (40, 30), "teal")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_photos_are_cleaned_of_metadata_and_kept_in_the_vault(unlocked_vault: Vault) -> None:
    original = _jpeg_with_location()
    assert b"PhoneMaker" in original
    with unlocked_vault.session() as db:
        photo_id = lists.add_photo(db, original, "Beach").id
    with unlocked_vault.session() as db:
        kept = lists.photo(db, photo_id)
        assert kept is not None
        assert b"PhoneMaker" not in kept.data
        assert Image.open(io.BytesIO(kept.data)).size == (40, 30)


@pytest.mark.parametrize(
    "data", [b"not an image", b"\x89PNG\r\n\x1a\n broken", b"x" * (lists.MAX_PHOTO_BYTES + 1)]
)
def test_only_real_small_photos_get_in(data: bytes) -> None:
    with pytest.raises(lists.ListError):
        lists.clean_photo(data)


def test_lists_refuse_unknown_kinds(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db, pytest.raises(lists.ListError):
        lists.add_item(db, "nope", "x")


def test_who_to_call_takes_the_safety_plan_and_the_chosen_hotlines(
    unlocked_vault: Vault,
) -> None:
    from clearpath.helpdir import services as helpdir
    from clearpath.plan import services as plan
    from clearpath.plan.parts import PEOPLE

    with unlocked_vault.session() as db:
        assert firstdays.who_to_call(db) == []
        assert firstdays.emergency_number(db) is None
        lists.add_item(db, "contact", "Ana", "0700")
        plan.add_entry(db, PEOPLE, {"name": "Sam", "phone": "0100", "calls_for_help": True})
        helpdir.set_country(db, "GB")
        helpdir.choose_service(db, "gb-ndah", True)
        callers = firstdays.who_to_call(db)
        assert [c.name for c in callers][:2] == ["Ana", "Sam"]
        assert len(callers) == 3
        assert callers[2].phone
        assert firstdays.emergency_number(db) == helpdir.emergency_number("GB")


def test_todays_task_is_the_persons_own_only_today(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        firstdays.set_task(db, TODAY, "Call the bank")
        assert firstdays.task_for(db, TODAY) == "Call the bank"
        assert firstdays.task_for(db, TODAY + timedelta(days=1)) in firstdays.SMALL_TASKS
        prefs.put(db, prefs.ACUTE_HOME, "on")
        assert prefs.acute_home(db)


def test_an_entry_becomes_a_linked_incident(unlocked_vault: Vault) -> None:
    from clearpath.evidence.services import get_incident

    with unlocked_vault.session() as db:
        entry = journal.add_entry(
            db, journal.EntryDraft("entry", TODAY, None, "", "He took my keys.\nMore.", ())
        )
        incident_id = contracts.make_incident(db, entry)
        assert entry.incident_id == incident_id
        incident = get_incident(db, incident_id)
    assert incident.fields.title == "He took my keys."
    assert incident.source == f"journal:{entry.id}"


def test_chart_markers_show_leaving_hard_dates_and_contact_days(unlocked_vault: Vault) -> None:
    from clearpath.contact.nocontact import add_slip
    from clearpath.heal.views_checkin import markers_between

    with unlocked_vault.session() as db:
        add_slip(db, occurred_on=date(2026, 6, 2), what_happened="", trigger="", feeling="",
                 adjustment="")
        add_slip(db, occurred_on=date(2024, 1, 1), what_happened="", trigger="", feeling="",
                 adjustment="")
        prefs.put_date(db, prefs.LEAVING_DATE, date(2026, 1, 10))
        timeline.add_hard_date(db, "Birthday", date(1990, 3, 5), yearly=True, note="")
        timeline.add_hard_date(db, "Court", date(2026, 9, 1), yearly=False, note="")
        found = markers_between(db, date(2025, 12, 1), date(2026, 11, 24))
    assert [(m.day, m.label) for m in found] == [
        (date(2026, 1, 10), "The day you left"),
        (date(2026, 3, 5), "Birthday"),
        (date(2026, 6, 2), "Contact happened"),
        (date(2026, 9, 1), "Court"),
    ]
