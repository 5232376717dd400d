"""The contact area's pages: each one answers, reads calmly, and the templates fill safely."""

from __future__ import annotations

import html
import re
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from web_harness import Web, parse

from clearpath.contact import blocking, message_templates, nocontact, pull, required
from clearpath.plan.models import TrustedPerson
from plaintext_scan import files_holding, files_under, needles

PAGES = (
    "/contact",
    "/contact/boundary",
    "/contact/timeline",
    "/contact/blocking",
    "/contact/pull",
    "/contact/promises",
    "/contact/pause",
    "/contact/log",
    "/contact/due",
    "/contact/templates",
    *(f"/contact/templates/{t.key}" for t in message_templates.TEMPLATES),
)
GUILT = re.compile(r"\b(fail\w*|broke\w*|streak\w*|reset\w*|relapse\w*|should have)\b", re.I)
MARKER = "Quokka-7319"


def seed(web: Web) -> None:
    today = date.today()
    with web.vault.session() as db:
        nocontact.set_start(
            db, mode="limited", started_on=today - timedelta(days=5), channel="email", topics=""
        )
        nocontact.set_boundary(
            db, line=f"My decision is final {MARKER}", consequence="", who_steps_in=""
        )
        nocontact.add_slip(
            db,
            occurred_on=today - timedelta(days=2),
            what_happened=MARKER,
            trigger="",
            feeling="",
            adjustment="",
            returned_on=today,
        )
        nocontact.record_violation(db, occurred_on=today, note=MARKER)
        blocking.set_channel(db, channel="x", status="muted", changed_on=today, notes=MARKER)
        blocking.add_routine(db, routine=MARKER, change="")
        pull.add_pull(
            db,
            occurred_on=today,
            channel="email",
            kind="charm",
            response="boundary",
            feeling=MARKER,
        )
        pull.add_promise(db, promise=MARKER, what_happened="")
        pull.add_person(db, name=MARKER, phone="123")
        required.add_entry(
            db,
            required.EntryInput(
                occurred_at=datetime.now() - timedelta(hours=1),
                channel="email",
                topic=MARKER,
                summary="",
                my_reply="",
                follow_up_due=None,
                needs_reply=True,
                include_in_report=True,
            ),
        )


@pytest.mark.parametrize("path", PAGES)
def test_every_page_answers_calmly(home: Web, path: str) -> None:
    seed(home)
    response = home.get(path)
    assert response.status_code == 200
    page = parse(response.text)
    # The document's title (an SVG chart has its own <title> further down).
    assert page.title.startswith("Notes")
    assert "<title>Notes</title>" in response.text.split("</head>")[0]
    assert not GUILT.search(html.unescape(re.sub(r"<[^>]+>", " ", response.text)))
    assert len(page.find("h1")) == 1
    # Every link and form target is one of ours and carries no user text.
    for tag in page.find("a") + page.find("form"):
        target = tag.attrs.get("href") or tag.attrs.get("action") or ""
        assert MARKER not in target
    # A next step and a way to get help at the end of every page.
    assert "next-step" in response.text
    assert "If you need someone now" in response.text


def test_the_seeded_text_shows_where_it_belongs(home: Web) -> None:
    seed(home)
    assert MARKER in home.get("/contact/timeline").text
    assert MARKER in home.get("/contact/pause").text
    assert MARKER in home.get("/contact/due").text
    overview = home.get("/contact").text
    assert "6</span> days of protected space" in overview
    assert "1</span> time you returned to no contact" in overview


def test_pages_need_an_unlocked_vault(home: Web) -> None:
    home.lock()
    for path in PAGES[:10]:
        response = home.get(path)
        assert response.status_code == 303
        assert response.headers["location"] == "/unlock"


def test_a_template_fills_in_and_keeps_nothing(home: Web) -> None:
    response = home.post(
        "/contact/templates/one_channel",
        {"channel": "the co-parenting app", "window": "48 hours", "emergency": "07700 900123"},
    )
    assert response.status_code == 200
    text = html.unescape(response.text)
    assert (
        "From now on, please send everything about the children through the co-parenting app. "
        "I will reply within 48 hours. In an emergency involving the children, call "
        "07700 900123." in text
    )
    assert 'id="result"' in response.text
    assert "readonly" in response.text
    assert 'action="/contact/draft"' in response.text


def test_a_template_with_empty_fields_shows_brackets(home: Web) -> None:
    response = home.post("/contact/templates/reconnect", {})
    assert response.status_code == 200
    assert "[the topic]" in response.text


def test_a_template_keeps_unicode_and_escapes_markup(home: Web) -> None:
    response = home.post("/contact/templates/smear", {"name": "Zoë <b>学校</b> 😊"})
    assert response.status_code == 200
    assert "Zoë &lt;b&gt;学校&lt;/b&gt; 😊" in response.text


def test_a_template_field_that_is_too_long_is_refused(home: Web) -> None:
    long = "ж" * (message_templates.FIELD_LIMIT + 1)
    response = home.post("/contact/templates/lawyer", {"lawyer": long})
    assert response.status_code == 400
    assert 'id="lawyer-error"' in response.text
    assert long in response.text


def test_a_template_field_with_an_invalid_character_is_refused(home: Web) -> None:
    response = home.post("/contact/templates/lawyer", {"lawyer": "A\x00B"})
    assert response.status_code == 400
    assert 'id="lawyer-error"' in response.text


def test_an_unknown_template_goes_back_to_the_list(home: Web) -> None:
    assert home.get("/contact/templates/nope").headers["location"] == "/contact/templates"
    assert home.post("/contact/templates/nope", {}).headers["location"] == "/contact/templates"


def test_the_pages_load_only_our_own_files(home: Web) -> None:
    page = parse(home.get("/contact/pause").text)
    sources = [t.attrs.get("src", "") for t in page.find("script")]
    sheets = [
        t.attrs.get("href", "") for t in page.find("link") if t.attrs.get("rel") == "stylesheet"
    ]
    assert "/static/contact.js" in sources
    assert "/static/contact.css" in sheets
    assert all(s.startswith("/static/") for s in sources + sheets)
    assert not any(body.strip() for body in page.script_bodies)
    assert home.get("/static/contact.css").status_code == 200
    assert home.get("/static/contact.js").status_code == 200


def test_nothing_typed_here_lands_on_disk_readable(home: Web) -> None:
    """What a person types in the contact forms is only in the encrypted vault."""
    started = time.time()
    marker = f"contact-plaintext-{uuid.uuid4().hex}"
    home.post("/contact/slips", {"slip_on": date.today().isoformat(), "what_happened": marker})
    home.post("/contact/boundary", {"boundary_line": marker})
    home.post("/contact/crossed", {"crossing_note": marker})
    home.post("/contact/promises", {"promise": marker})
    home.post("/contact/people", {"name": marker})
    home.post("/contact/templates/smear", {"name": marker})
    home.post(
        "/contact/log",
        {
            "occurred_at": datetime.now().strftime("%Y-%m-%dT%H:%M"),
            "channel": "email",
            "topic": marker,
        },
    )
    assert marker in home.get("/contact/timeline").text
    home.lock()
    wanted = needles(marker)
    assert not files_holding(files_under(home.data_dir), wanted)
    assert not files_holding(files_under(Path(tempfile.gettempdir()), started), wanted)


def test_a_threat_gets_a_safety_note(home: Web) -> None:
    data = {
        "occurred_on": date.today().isoformat(),
        "channel": "phone",
        "kind": "threat",
        "response": "nothing",
    }
    assert home.post("/contact/pull", data).status_code == 303
    assert "emergency number" in home.get("/contact/pull").text


def test_a_crossing_is_one_click_and_lands_in_evidence(home: Web) -> None:
    response = home.post("/contact/crossed", {})
    assert response.status_code == 303
    with home.vault.session() as db:
        (violation,) = nocontact.list_violations(db)
        incident_id = violation.incident_id
    assert incident_id is not None
    page = home.get("/contact").text
    assert "kept as an incident in Evidence" in page
    assert f'href="/evidence/incidents/{incident_id}"' in page
    incident = home.get(f"/evidence/incidents/{incident_id}")
    assert incident.status_code == 200
    assert "Boundary crossed on" in incident.text


def test_the_pause_screen_names_the_safety_plans_trusted_people(home: Web) -> None:
    with home.vault.session() as db:
        db.add(TrustedPerson(name="Sam Plan", phone="0123", calls_for_help=True))
        pull.add_person(db, name="Ana Own", phone="")
    text = home.get("/contact/pause").text
    assert text.index("Sam Plan") < text.index("Ana Own")
    assert 'href="/plan/safety"' in text
    # Only the person's own entries can be removed here.
    assert text.count("/contact/people/") == 1
