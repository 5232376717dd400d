"""Blocking checklist, routines, the pull log, promises and people to call."""

from __future__ import annotations

from datetime import date

import pytest

from clearpath.contact import blocking, pull
from clearpath.contact.channels import CHANNELS, MESSAGE_CHANNELS, STATUSES
from clearpath.plan.models import TrustedPerson
from clearpath.vault.service import Vault

TODAY = date(2026, 11, 24)
ISSUE_CHANNELS = {
    "phone",
    "whatsapp",
    "signal",
    "telegram",
    "email",
    "facebook",
    "instagram",
    "tiktok",
    "snapchat",
    "x",
    "linkedin",
    "payments",
    "cloud",
    "location",
    "smart_home",
    "car",
    "streaming",
    "group_chats",
}


def test_every_channel_the_issue_names_has_a_hint() -> None:
    assert {c.key for c in CHANNELS} == ISSUE_CHANNELS
    for channel in CHANNELS:
        assert 40 < len(channel.hint) < 260, channel.key
    assert set(STATUSES) == {"blocked", "muted", "filtered", "kept", "not_used"}
    assert set(MESSAGE_CHANNELS) >= ISSUE_CHANNELS


def test_a_channel_status_is_saved_once_and_updated(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        rows = blocking.checklist(db)
        assert [r.channel.key for r in rows] == [c.key for c in CHANNELS]
        assert all(r.status_label == "Not decided yet" for r in rows)
        blocking.set_channel(db, channel="signal", status="muted", changed_on=TODAY, notes="")
    with unlocked_vault.session() as db:
        blocking.set_channel(db, channel="signal", status="blocked", changed_on=None, notes="ok")
    with unlocked_vault.session() as db:
        row = next(r for r in blocking.checklist(db) if r.channel.key == "signal")
        assert row.status_label == "Blocked"
        assert row.status is not None
        assert row.status.notes == "ok"
        with pytest.raises(ValueError, match="unknown status"):
            blocking.set_channel(db, channel="signal", status="gone", changed_on=None, notes="")


def test_routines_can_be_done_and_removed(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        first = blocking.add_routine(db, routine="Gym Tuesdays", change="Saturdays")
        second = blocking.add_routine(db, routine="8:10 bus", change="")
        assert blocking.set_routine_done(db, first.id, True)
    with unlocked_vault.session() as db:
        assert [r.routine for r in blocking.list_routines(db)] == ["8:10 bus", "Gym Tuesdays"]
        assert blocking.delete_routine(db, second.id)
        assert not blocking.delete_routine(db, second.id)
        assert not blocking.set_routine_done(db, 999, True)


def test_the_pull_log_counts_by_kind(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        for kind in ("gifts", "gifts", "threat"):
            pull.add_pull(
                db, occurred_on=TODAY, channel="email", kind=kind, response="nothing", feeling=""
            )
        with pytest.raises(ValueError, match="unknown"):
            pull.add_pull(
                db, occurred_on=TODAY, channel="email", kind="nope", response="nothing", feeling=""
            )
    with unlocked_vault.session() as db:
        pattern = pull.pull_pattern(db)
        assert pattern.total == 3
        assert pattern.by_kind[0] == ("Gifts or favours", 2)
        pulls = pull.list_pulls(db, limit=2)
        assert len(pulls) == 2
        assert pull.delete_pull(db, pulls[0].id)
        assert not pull.delete_pull(db, pulls[0].id)


def test_promises_are_filled_in_later(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        promise = pull.add_promise(db, promise="Counselling", what_happened="")
        assert pull.update_promise(db, promise.id, promise="Counselling", what_happened="Once")
        assert not pull.update_promise(db, 999, promise="a", what_happened="b")
    with unlocked_vault.session() as db:
        assert [p.what_happened for p in pull.list_promises(db)] == ["Once"]
        assert pull.delete_promise(db, promise.id)
        assert not pull.delete_promise(db, promise.id)


def test_people_to_call_come_from_the_safety_plan_and_this_area(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        person = pull.add_person(db, name="Ana", phone="+44 7700 900123")
        db.add(TrustedPerson(name="Sam", phone="0123", calls_for_help=True))
    with unlocked_vault.session() as db:
        people = pull.people_to_call(db)
        assert [(p.name, p.phone, p.source, p.id is None) for p in people] == [
            ("Sam", "0123", "plan", True),
            ("Ana", "+44 7700 900123", "contact", False),
        ]
        assert people[0].role
        assert pull.delete_person(db, person.id)
        assert not pull.delete_person(db, person.id)
