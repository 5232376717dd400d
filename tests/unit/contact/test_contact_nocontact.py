"""No contact: protected days only grow, returns are counted, the timeline tells it calmly."""

from __future__ import annotations

from datetime import date, timedelta

from clearpath.contact import nocontact, pull
from clearpath.evidence.queries import get_incident
from clearpath.vault.service import Vault

TODAY = date(2026, 11, 24)


def test_a_new_vault_has_no_start_and_the_default_window(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        space = nocontact.protected_space(db, TODAY)
        assert space.started_on is None
        assert space.days == 0
        assert space.returns == 0
        assert nocontact.get_plan(db).response_hours == 48


def test_protected_days_count_today_and_are_never_taken_back(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        nocontact.set_start(
            db, mode="none", started_on=TODAY - timedelta(days=9), channel="x", topics="y"
        )
    with unlocked_vault.session() as db:
        assert nocontact.protected_space(db, TODAY).days == 10
        nocontact.add_slip(
            db,
            occurred_on=TODAY - timedelta(days=3),
            what_happened="I answered.",
            trigger="",
            feeling="",
            adjustment="",
        )
    with unlocked_vault.session() as db:
        space = nocontact.protected_space(db, TODAY)
        # A slip changes nothing in the count of protected days.
        assert space.days == 10
        assert space.open_slip is not None
        assert space.returns == 0
        assert nocontact.mark_returned(db, space.open_slip.id, TODAY)
    with unlocked_vault.session() as db:
        space = nocontact.protected_space(db, TODAY)
        assert space.days == 10
        assert space.returns == 1
        assert space.open_slip is None


def test_no_contact_keeps_no_limited_terms(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        nocontact.set_start(db, mode="none", started_on=TODAY, channel="email", topics="kids")
        plan = nocontact.get_plan(db)
        assert (plan.channel, plan.topics) == ("", "")
        nocontact.set_start(db, mode="limited", started_on=TODAY, channel="email", topics="kids")
        assert (plan.channel, plan.topics) == ("email", "kids")


def test_a_return_is_never_before_its_slip(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        slip = nocontact.add_slip(
            db, occurred_on=TODAY, what_happened="x", trigger="", feeling="", adjustment=""
        )
        assert nocontact.mark_returned(db, slip.id, TODAY - timedelta(days=5))
        assert slip.returned_on == TODAY
        assert not nocontact.mark_returned(db, slip.id + 100, TODAY)


def test_the_timeline_holds_the_whole_history_newest_first(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        nocontact.set_start(
            db, mode="limited", started_on=TODAY - timedelta(days=30), channel="email", topics=""
        )
        nocontact.add_slip(
            db,
            occurred_on=TODAY - timedelta(days=10),
            what_happened="A call",
            trigger="",
            feeling="",
            adjustment="Phone on silent",
            returned_on=TODAY - timedelta(days=9),
        )
        nocontact.record_violation(db, occurred_on=TODAY - timedelta(days=2), note="At my door")
        pull.add_pull(
            db,
            occurred_on=TODAY,
            channel="email",
            kind="gifts",
            response="nothing",
            feeling="",
        )
    with unlocked_vault.session() as db:
        events = nocontact.timeline(db)
    assert [e.kind for e in events] == ["pull", "crossed", "returned", "slip", "began"]
    assert events[-1].title == "Limited contact began"
    assert events[2].detail == "What you adjusted: Phone on silent"
    assert "gifts" in events[0].title


def test_a_crossing_becomes_an_incident_in_evidence(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        nocontact.set_boundary(db, line="Email only.", consequence="", who_steps_in="")
        violation = nocontact.record_violation(db, occurred_on=TODAY, note="")
        assert nocontact.violation_title(violation) == "Boundary crossed on 2026-11-24"
        incident_id = violation.incident_id
        violation_id = violation.id
    assert incident_id is not None
    with unlocked_vault.session() as db:
        assert [v.incident_id for v in nocontact.list_violations(db)] == [incident_id]
        incident = get_incident(db, incident_id)
    assert incident.source == f"contact:violation:{violation_id}"
    assert incident.fields.title == "Boundary crossed on 2026-11-24"
    assert incident.fields.occurred_on == TODAY
    assert incident.fields.categories == ("harassment",)
    assert incident.fields.what_happened == (
        "The boundary I set for contact was crossed.\n\nMy boundary: Email only."
    )


def test_a_crossing_note_is_what_happened(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        violation = nocontact.record_violation(db, occurred_on=TODAY, note="At my door")
        assert violation.incident_id is not None
        assert get_incident(db, violation.incident_id).fields.what_happened == "At my door"


def test_boundary_and_window_are_kept(unlocked_vault: Vault) -> None:
    with unlocked_vault.session() as db:
        nocontact.set_boundary(
            db, line="My decision is final.", consequence="Block", who_steps_in="Ana"
        )
        nocontact.set_response_hours(db, 72)
    with unlocked_vault.session() as db:
        plan = nocontact.get_plan(db)
        assert (plan.boundary_line, plan.consequence, plan.who_steps_in) == (
            "My decision is final.",
            "Block",
            "Ana",
        )
        assert plan.response_hours == 72
