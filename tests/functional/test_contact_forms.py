"""Every form of the contact area (no contact, boundary, blocking, pull back, required contact,
message templates): valid, invalid, too long, unicode and empty.

A refused form answers 400 with a calm message next to the field, shows again what was typed,
and changes nothing in the vault.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from web_harness import Web

from clearpath.contact import models, nocontact, pull, required

TODAY = date.today().isoformat()
FUTURE = (date.today() + timedelta(days=3)).isoformat()
NOW = datetime.now().strftime("%Y-%m-%dT%H:%M")
UNICODE = "Café — 学校 😊 مرحبا"
TABLES = (
    models.ContactPlan,
    models.Slip,
    models.Violation,
    models.ChannelStatus,
    models.Routine,
    models.PullAttempt,
    models.Promise,
    models.CallPerson,
    models.ContactEntry,
)


@dataclass
class FormCase:
    name: str
    path: str
    valid: dict[str, str]
    invalid: dict[str, str]
    invalid_field: str
    long_field: str
    limit: int
    unicode_field: str
    empty_ok: bool = False
    extra_valid: dict[str, str] = field(default_factory=dict)


CASES = [
    FormCase(
        "start",
        "/contact/start",
        {"mode": "limited", "started_on": TODAY, "channel": "email", "topics": "the children"},
        {"mode": "none", "started_on": FUTURE},
        "started_on",
        "topics",
        1_000,
        "topics",
    ),
    FormCase(
        "slip",
        "/contact/slips",
        {"slip_on": TODAY, "what_happened": "I answered a call.", "feeling": "tired"},
        {"slip_on": "yesterday", "what_happened": "A call."},
        "slip_on",
        "what_happened",
        5_000,
        "what_happened",
    ),
    FormCase(
        "crossed",
        "/contact/crossed",
        {"crossing_note": "Came to my work"},
        {"crossing_note": "x" * 1_001},
        "crossing_note",
        "crossing_note",
        1_000,
        "crossing_note",
        empty_ok=True,
    ),
    FormCase(
        "boundary",
        "/contact/boundary",
        {"boundary_line": "My decision is final.", "consequence": "Block", "who_steps_in": "Ana"},
        {"boundary_line": "   ", "consequence": "Block"},
        "boundary_line",
        "consequence",
        1_000,
        "boundary_line",
    ),
    FormCase(
        "channel",
        "/contact/blocking/whatsapp",
        {"status": "blocked", "changed_on": TODAY, "notes": "With Ana there"},
        {"status": "vanished", "notes": "x"},
        "whatsapp-status",
        "notes",
        1_000,
        "notes",
        empty_ok=True,
    ),
    FormCase(
        "routine",
        "/contact/routines",
        {"routine": "Gym on Tuesdays", "change": "Saturday mornings"},
        {"routine": "", "change": "Saturday mornings"},
        "routine",
        "routine",
        1_000,
        "routine",
    ),
    FormCase(
        "pull",
        "/contact/pull",
        {
            "occurred_on": TODAY,
            "channel": "email",
            "kind": "gifts",
            "response": "nothing",
            "feeling": "calm",
        },
        {"occurred_on": TODAY, "channel": "pigeon", "kind": "gifts", "response": "nothing"},
        "channel",
        "feeling",
        1_000,
        "feeling",
    ),
    FormCase(
        "promise",
        "/contact/promises",
        {"promise": "Counselling", "what_happened": "Went once."},
        {"promise": "", "what_happened": "Went once."},
        "promise",
        "what_happened",
        5_000,
        "promise",
    ),
    FormCase(
        "person",
        "/contact/people",
        {"name": "Ana", "phone": "+44 7700 900123"},
        {"name": "", "phone": "+44 7700 900123"},
        "name",
        "name",
        200,
        "name",
    ),
    FormCase(
        "log",
        "/contact/log",
        {
            "occurred_at": NOW,
            "channel": "email",
            "topic": "Handover",
            "summary": "Asked to move it.",
            "needs_reply": "on",
            "include_in_report": "on",
        },
        {"occurred_at": "last week", "channel": "email", "topic": "Handover"},
        "occurred_at",
        "summary",
        5_000,
        "topic",
    ),
    FormCase(
        "window",
        "/contact/log/window",
        {"response_hours": "72"},
        {"response_hours": "0"},
        "response_hours",
        "response_hours",
        336,
        "response_hours",
    ),
]


def snapshot(web: Web) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    with web.vault.session() as db:
        for table in TABLES:
            for row in db.scalars(select(table)):
                rows.append(tuple(getattr(row, c.key) for c in table.__table__.columns))
    return rows


def refused(web: Web, path: str, data: dict[str, str], error_field: str) -> str:
    before = snapshot(web)
    response = web.post(path, data)
    assert response.status_code == 400, response.text[-2000:]
    assert f'id="{error_field}-error"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert "Traceback" not in response.text
    assert snapshot(web) == before, "a refused form changed the vault"
    return response.text


@pytest.fixture
def contact(home: Web) -> Web:
    """A vault with one slip (for the return form) and one promise (for its edit form)."""
    with home.vault.session() as db:
        nocontact.add_slip(
            db, occurred_on=date.today(), what_happened="x", trigger="", feeling="", adjustment=""
        )
        pull.add_promise(db, promise="Counselling", what_happened="")
        # Touch the plan so it exists before any snapshot is taken.
        nocontact.get_plan(db)
    return home


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_valid(contact: Web, case: FormCase) -> None:
    before = snapshot(contact)
    response = contact.post(case.path, case.valid)
    assert response.status_code == 303, response.text[-2000:]
    assert response.headers["location"].startswith("/contact")
    assert snapshot(contact) != before
    page = contact.get(response.headers["location"].split("#")[0])
    assert page.status_code == 200
    assert 'class="notice"' in page.text


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_invalid(contact: Web, case: FormCase) -> None:
    text = refused(contact, case.path, case.invalid, case.invalid_field)
    assert 'class="error-summary"' in text


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_too_long(contact: Web, case: FormCase) -> None:
    data = dict(case.valid)
    if case.long_field == "response_hours":
        data[case.long_field] = str(case.limit + 1)
    else:
        data[case.long_field] = "é" * (case.limit + 1)
    error = f"{case.long_field}-error" if case.name != "channel" else "whatsapp-notes"
    text = refused(contact, case.path, data, error.removesuffix("-error"))
    if case.long_field != "response_hours":
        assert "Please shorten it" in text
        # What was typed is shown again.
        assert "é" * (case.limit + 1) in html.unescape(text)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_unicode(contact: Web, case: FormCase) -> None:
    data = dict(case.valid)
    if case.unicode_field == "response_hours":
        data["response_hours"] = "٤٨"  # Arabic-Indic digits: int() reads them as 48
    else:
        data[case.unicode_field] = UNICODE
    response = contact.post(case.path, data)
    assert response.status_code == 303, response.text[-2000:]
    if case.unicode_field != "response_hours":
        assert any(UNICODE in str(value) for row in snapshot(contact) for value in row)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_empty(contact: Web, case: FormCase) -> None:
    if case.empty_ok:
        assert contact.post(case.path, {}).status_code == 303
        return
    before = snapshot(contact)
    response = contact.post(case.path, {})
    assert response.status_code == 400
    assert 'class="field-error"' in response.text
    assert snapshot(contact) == before


# -- the forms whose address names a row -------------------------------------------------


def only(web: Web, table: Any) -> Any:
    with web.vault.session() as db:
        row = db.scalars(select(table)).one()
        db.expunge(row)
        return row


def test_return_after_a_slip(contact: Web) -> None:
    slip = only(contact, models.Slip)
    path = f"/contact/slips/{slip.id}/returned"
    refused(contact, path, {"returned_on": FUTURE}, "returned_on")
    refused(contact, path, {"returned_on": "soon"}, "returned_on")
    refused(contact, path, {}, "returned_on")
    response = contact.post(path, {"returned_on": TODAY})
    assert response.status_code == 303
    assert only(contact, models.Slip).returned_on == date.today()
    assert "returned to no contact" in contact.get("/contact").text


def test_edit_a_promise(contact: Web) -> None:
    promise = only(contact, models.Promise)
    path = f"/contact/promises/{promise.id}"
    refused(contact, path, {"promise": "", "what_happened": "x"}, f"p{promise.id}-promise")
    text = refused(
        contact,
        path,
        {"promise": "ok", "what_happened": "x" * 5_001},
        f"p{promise.id}-what_happened",
    )
    assert "x" * 5_001 in text
    assert (
        contact.post(path, {"promise": "Counselling", "what_happened": UNICODE}).status_code == 303
    )
    assert only(contact, models.Promise).what_happened == UNICODE


def test_unknown_rows_and_channels_change_nothing(contact: Web) -> None:
    before = snapshot(contact)
    for path in (
        "/contact/blocking/fax",
        "/contact/slips/999/returned",
        "/contact/promises/999",
        "/contact/routines/999/done",
        "/contact/routines/999/delete",
        "/contact/pull/999/delete",
        "/contact/promises/999/delete",
        "/contact/people/999/delete",
        "/contact/log/999/done",
        "/contact/log/999/report",
        "/contact/log/999/delete",
    ):
        data = {"returned_on": TODAY, "promise": "a", "status": "blocked"}
        assert contact.post(path, data).status_code == 303, path
    assert snapshot(contact) == before


def test_every_form_needs_the_csrf_token(contact: Web) -> None:
    before = snapshot(contact)
    for case in CASES:
        response = contact.post(case.path, case.valid, csrf=False)
        assert response.status_code == 403, case.path
    assert snapshot(contact) == before


# -- buttons on the lists -----------------------------------------------------------------


def test_list_buttons(contact: Web) -> None:
    with contact.vault.session() as db:
        entry = required.add_entry(
            db,
            required.EntryInput(
                occurred_at=datetime.now() - timedelta(hours=1),
                channel="email",
                topic="Fees",
                summary="",
                my_reply="",
                follow_up_due=None,
                needs_reply=True,
                include_in_report=False,
            ),
        )
        entry_id = entry.id
    assert "Fees" in contact.get("/contact/due").text
    assert contact.post(f"/contact/log/{entry_id}/report", {"include": "yes"}).status_code == 303
    assert contact.post(f"/contact/log/{entry_id}/done", {"done": "yes"}).status_code == 303
    row = only(contact, models.ContactEntry)
    assert row.include_in_report
    assert row.follow_up_done
    assert "Nothing is waiting for a reply." in contact.get("/contact/due").text
    assert contact.post(f"/contact/log/{entry_id}/delete").status_code == 303
    with contact.vault.session() as db:
        assert db.scalars(select(models.ContactEntry)).first() is None


def test_routine_buttons(contact: Web) -> None:
    contact.post("/contact/routines", {"routine": "Bus at 8:10", "change": ""})
    routine = only(contact, models.Routine)
    assert contact.post(f"/contact/routines/{routine.id}/done", {"done": "yes"}).status_code == 303
    assert only(contact, models.Routine).done
    assert "I have made this change" not in contact.get("/contact/blocking").text
    contact.post(f"/contact/routines/{routine.id}/delete")
    with contact.vault.session() as db:
        assert db.scalars(select(models.Routine)).first() is None
