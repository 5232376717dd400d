"""The evidence pages through HTTP: quick capture, the full form, edit, history, delete,
erase, the timeline filters and the check page."""

from __future__ import annotations

import re

from web_harness import Web, parse

from clearpath.evidence import services
from clearpath.evidence.services import TimelineFilter


def _incidents(web: Web, **where: object) -> list[services.IncidentSummary]:
    with web.vault.session() as db:
        return services.list_incidents(db, TimelineFilter(**where))  # type: ignore[arg-type]


def _new_id(response: object) -> int:
    location = response.headers["location"]  # type: ignore[attr-defined]
    match = re.fullmatch(r"/evidence/incidents/(\d+)", location)
    assert match, location
    return int(match.group(1))


def test_evidence_home_shows_quick_capture_first(home: Web) -> None:
    page = home.get("/evidence")
    assert page.status_code == 200
    assert page.text.index("Write it down now") < page.text.index("Timeline")
    assert "Nothing written down yet" in page.text
    assert parse(page.text).title.strip() == "Clearpath" or parse(page.text).title


def test_quick_capture_in_one_post(home: Web) -> None:
    response = home.post(
        "/evidence/new",
        {"title": "Shouting at the door", "occurred_on": "2026-11-20", "what_happened": "Late."},
    )
    assert response.status_code == 303
    incident_id = _new_id(response)
    page = home.get(f"/evidence/incidents/{incident_id}")
    assert "Shouting at the door" in page.text
    assert "2026-11-20" in page.text
    assert "Saved." in page.text
    assert "Shouting at the door" in home.get("/evidence").text


def test_quick_capture_with_only_the_story_uses_its_first_words(home: Web) -> None:
    response = home.post("/evidence/new", {"what_happened": "He  took my phone\nand kept it"})
    assert response.status_code == 303
    assert _incidents(home)[0].fields.title == "He took my phone and kept it"


def test_quick_capture_empty_invalid_and_too_long(home: Web) -> None:
    empty = home.post("/evidence/new", {"title": " ", "occurred_on": ""})
    assert empty.status_code == 400
    assert "Please write a few words" in empty.text
    bad_date = home.post(
        "/evidence/new", {"title": "x", "occurred_on": "31/12/2026", "from": "new"}
    )
    assert bad_date.status_code == 400
    assert "year-month-day" in bad_date.text
    assert 'value="x"' in bad_date.text
    long = home.post("/evidence/new", {"title": "t" * 201})
    assert long.status_code == 400
    assert "longer than 200 characters" in long.text
    assert _incidents(home) == []


def test_quick_capture_needs_the_csrf_token(home: Web) -> None:
    response = home.post("/evidence/new", {"title": "x"}, csrf=False)
    assert response.status_code == 403
    assert _incidents(home) == []


def _full(**extra: str) -> dict[str, str]:
    form = {
        "title": "Threats in the car park",
        "what_happened": "He said he would take the children.\nΚαλημέρα — 你好 — مرحبا",
        "occurred_on": "2026-10-01",
        "occurred_time": "21:30",
        "timezone": "Europe/London",
        "approximate": "yes",
        "place": "Supermarket car park",
        "person_name_0": "Ana",
        "person_role_0": "witness",
        "person_contact_0": "07700 900123",
        "injuries": "Bruised arm",
        "medical": "GP on 2 October",
        "report_numbers": "CR/1234/26",
        "effects_sleep": "Could not sleep",
        "effects_work": "",
        "effects_health": "",
        "own_categories": "Following me, Car",
        "linked_incidents": "",
    }
    form.update(extra)
    return form


def test_full_form_keeps_every_field(home: Web) -> None:
    data = _full()
    response = home.client.post(
        "/evidence/new/full",
        data={"csrf_token": home.token(), **data, "categories": ["threats", "children"]},
    )
    assert response.status_code == 303, response.text
    incident_id = _new_id(response)
    with home.vault.session() as db:
        values = services.get_incident(db, incident_id).fields
    assert values.categories == ("threats", "children", "own:Following me", "own:Car")
    assert values.occurred_time == "21:30"
    assert values.approximate
    assert values.people[0].name == "Ana"
    assert values.witnesses
    assert "مرحبا" in values.what_happened
    page = home.get(f"/evidence/incidents/{incident_id}").text
    for text in ("About 2026-10-01 at 21:30 (Europe/London)", "CR/1234/26", "Bruised arm", "Ana"):
        assert text in page


def test_full_form_errors_keep_what_was_typed(home: Web) -> None:
    response = home.post(
        "/evidence/new/full",
        _full(
            occurred_time="9pm", timezone="Nowhere/City", linked_incidents="7, abc", place="p" * 501
        ),
    )
    assert response.status_code == 400
    assert "Please write incident numbers only" in response.text
    assert "Supermarket" not in response.text  # the place was replaced by the long one
    assert "p" * 501 in response.text
    assert _incidents(home) == []
    response = home.post("/evidence/new/full", _full(occurred_time="9pm", timezone="Nowhere/City"))
    assert response.status_code == 400
    assert "like 21:30" in response.text
    assert "time zone is not one" in response.text
    assert "Threats in the car park" in response.text


def test_edit_makes_a_version_and_history_says_what_changed(home: Web) -> None:
    incident_id = _new_id(home.post("/evidence/new", {"title": "First title"}))
    form = home.get(f"/evidence/incidents/{incident_id}/edit")
    assert 'value="First title"' in form.text
    saved = home.post(
        f"/evidence/incidents/{incident_id}/edit",
        {"title": "First title", "what_happened": "Now with details", "place": "Home"},
    )
    assert saved.status_code == 303
    unchanged = home.post(
        f"/evidence/incidents/{incident_id}/edit",
        {"title": "First title", "what_happened": "Now with details", "place": "Home"},
    )
    assert unchanged.status_code == 303
    assert "Nothing had changed" in home.get(f"/evidence/incidents/{incident_id}").text
    history = home.get(f"/evidence/incidents/{incident_id}/history").text
    assert "Version 2 (current)" in history
    assert "Changed: What happened, Place." in history
    assert '<td class="prewrap">(empty)</td><td class="prewrap">Home</td>' in history
    assert "Version 1" in history


def test_delete_restore_and_erase(home: Web) -> None:
    incident_id = _new_id(home.post("/evidence/new", {"title": "Private words"}))
    assert "Delete this incident?" in home.get(f"/evidence/incidents/{incident_id}/delete").text
    assert home.post(f"/evidence/incidents/{incident_id}/delete").status_code == 303
    assert "Private words" not in home.get("/evidence").text
    assert "Private words" in _timeline(home, deleted="yes")
    assert home.post(f"/evidence/incidents/{incident_id}/restore").status_code == 303
    assert "Private words" in home.get("/evidence").text
    page = home.get(f"/evidence/incidents/{incident_id}/erase")
    assert "cannot be undone" in page.text
    refused = home.post(f"/evidence/incidents/{incident_id}/erase", {})
    assert refused.status_code == 400
    assert "tick the box" in refused.text
    assert (
        home.post(f"/evidence/incidents/{incident_id}/erase", {"confirm": "erase"}).status_code
        == 303
    )
    assert home.get(f"/evidence/incidents/{incident_id}").status_code == 404
    assert "Private words" not in _timeline(home, deleted="yes")


def _timeline(web: Web, **filters: str) -> str:
    response = web.post("/evidence", {"form": "timeline", **filters})
    assert response.status_code == 200
    return response.text


def test_timeline_filters_and_search(home: Web) -> None:
    home.client.post(
        "/evidence/new/full",
        data={"csrf_token": home.token(), **_full(), "categories": ["threats"]},
    )
    home.post("/evidence/new", {"title": "Message at night", "occurred_on": "2026-11-02"})
    everything = home.get("/evidence").text
    assert "2 incidents written down." in everything
    by_kind = _timeline(home, category="threats")
    assert "Showing 1 of 2" in by_kind
    assert "Threats in the car park" in by_kind
    assert 'value="threats" selected' in by_kind
    assert "Message at night" not in _timeline(home, witnesses="yes")
    assert "Message at night" in _timeline(home, **{"from": "2026-11-01", "to": "2026-11-30"})
    assert "Threats in the car park" not in _timeline(home, **{"from": "2026-11-01"})
    searched = _timeline(home, q="childr")
    assert "Threats in the car park" in searched
    assert 'value="childr"' in searched
    assert "Nothing matches" in _timeline(home, files="yes")
    assert "year-month-day" in _timeline(home, **{"from": "yesterday"})
    # Search words never go into the address, where the browser's history would keep them.
    assert "Showing" not in home.get("/evidence?q=childr&category=threats").text
    assert home.post("/evidence", {"form": "timeline", "q": "x"}, csrf=False).status_code == 403


def test_unknown_incident_is_a_calm_404(home: Web) -> None:
    for path in (
        "/evidence/incidents/999",
        "/evidence/incidents/999/edit",
        "/evidence/incidents/999/history",
        "/evidence/incidents/999/erase",
    ):
        response = home.get(path)
        assert response.status_code == 404
        assert "may have been erased" in response.text


def test_verify_page(home: Web) -> None:
    home.post("/evidence/new", {"title": "Something"})
    page = home.get("/evidence/verify")
    assert "Check now" in page.text
    assert "The latest signed checkpoint" in page.text
    result = home.post("/evidence/verify")
    assert result.status_code == 200
    assert "Everything matches: 0 files, 1 record version and 1 log entry." in result.text
    with home.vault.session() as db:
        services.record_incident(db, title="From the journal", what_happened="", source="j:1")
    later = home.post("/evidence/verify").text
    assert "The newest 1 log entry is not yet in a signed checkpoint." in later
    assert "They are signed now" in later
    assert "signed now" not in home.post("/evidence/verify").text


def test_evidence_pages_need_an_unlocked_vault(locked: Web) -> None:
    for path in ("/evidence", "/evidence/new", "/evidence/files", "/evidence/verify"):
        response = locked.get(path)
        assert response.status_code == 303
        assert response.headers["location"] == "/unlock"


def test_a_long_timeline_comes_in_pages(home: Web) -> None:
    with home.vault.session() as db:
        for n in range(105):
            services.create_incident(db, services.IncidentFields(title=f"Entry number {n}"))
    first = home.get("/evidence").text
    assert "105 incidents written down." in first
    assert "Page 1 of 2." in first
    assert first.count('class="timeline-item') == 100
    assert '<input type="hidden" name="page" value="2">' in first
    second = _timeline(home, page="2")
    assert second.count('class="timeline-item') == 5
    assert '<input type="hidden" name="page" value="1">' in second
    assert "Page 2 of 2." in _timeline(home, page="99")


def test_an_edit_that_cannot_be_saved_changes_nothing(home: Web) -> None:
    incident_id = _new_id(home.post("/evidence/new", {"title": "Kept as it was"}))
    response = home.post(
        f"/evidence/incidents/{incident_id}/edit",
        {"title": "", "what_happened": "x" * 50_001, "linked_incidents": str(incident_id)},
    )
    assert response.status_code == 400
    assert "Please give it a short title" in response.text
    assert "longer than 50,000 characters" in response.text
    assert "no other incident number" in response.text
    with home.vault.session() as db:
        found = services.get_incident(db, incident_id)
    assert found.version == 1
    assert found.fields.title == "Kept as it was"
