"""Required contact: the log, the response window and what is due."""

from __future__ import annotations

from datetime import datetime, timedelta

from clearpath.contact import nocontact, required
from clearpath.vault.service import Vault

NOW = datetime(2026, 11, 24, 12, 0)


def entry(**changes: object) -> required.EntryInput:
    values: dict[str, object] = {
        "occurred_at": NOW - timedelta(hours=2),
        "channel": "email",
        "topic": "Handover",
        "summary": "Asked to move it.",
        "my_reply": "",
        "follow_up_due": None,
        "needs_reply": False,
        "include_in_report": False,
    }
    values.update(changes)
    return required.EntryInput(**values)  # type: ignore[arg-type]


def test_a_needed_reply_is_due_after_the_response_window(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        nocontact.set_response_hours(db, 24)
        row = required.add_entry(db, entry(needs_reply=True))
        assert row.follow_up_due == NOW - timedelta(hours=2) + timedelta(hours=24)
        plain = required.add_entry(db, entry())
        assert plain.follow_up_due is None
        chosen = required.add_entry(db, entry(needs_reply=True, follow_up_due=NOW))
        assert chosen.follow_up_due == NOW


def test_what_is_due_lists_open_follow_ups_soonest_first(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        later = required.add_entry(db, entry(follow_up_due=NOW + timedelta(days=3)))
        soon = required.add_entry(db, entry(follow_up_due=NOW + timedelta(hours=5)))
        passed = required.add_entry(db, entry(follow_up_due=NOW - timedelta(hours=1)))
        done = required.add_entry(db, entry(follow_up_due=NOW))
        assert required.set_follow_up_done(db, done.id, True)
    with unlocked_vault.session() as db:
        items = required.what_is_due(db, NOW)
        assert [i.entry.id for i in items] == [passed.id, soon.id, later.id]
        assert items[0].hours_left < 0
        assert "still fine" in items[0].when
        assert items[1].when == "About 5 hours left."
        assert items[2].when == "About 3 days left."


def test_entries_can_be_flagged_for_the_evidence_report(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        first = required.add_entry(db, entry(include_in_report=True))
        second = required.add_entry(db, entry(occurred_at=NOW - timedelta(days=1)))
        assert required.set_in_report(db, second.id, True)
        assert required.set_in_report(db, first.id, False)
    with unlocked_vault.session() as db:
        assert [e.id for e in required.entries_for_report(db)] == [second.id]
        assert required.delete_entry(db, second.id)
        assert not required.delete_entry(db, second.id)
        assert required.get_entry(db, first.id) is not None
        assert not required.set_in_report(db, 999, True)
        assert not required.set_follow_up_done(db, 999, True)
        assert len(required.list_entries(db, limit=5)) == 1
