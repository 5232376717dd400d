"""The exit plan's forms, the leaving checklist, and print and carry (caution first)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest
from markupsafe import escape
from web_harness import Web

from clearpath.helpdir import services as helpdir
from clearpath.plan import services, tasks
from clearpath.plan.parts import PART_BY_SLUG
from clearpath.plan.stages import STAGES, STATUSES
from clearpath.printing.testing import ink_fraction, page_images
from plaintext_scan import files_holding, files_under, needles

ARABIC = "\u0645\u0646\u0632\u0644 \u0644\u064a\u0644\u0649"
CHINESE = "\u738b\u5c0f\u660e"


def stage_tasks(web: Web, number: int) -> list[tasks.Task]:
    with web.vault.session() as db:
        return tasks.stages(db)[number - 1].tasks


# -- the exit plan ----------------------------------------------------------------------------


def test_the_exit_plan_shows_four_stages_with_calm_progress(home: Web) -> None:
    page = home.get("/plan/exit")
    assert page.status_code == 200
    for stage in STAGES:
        assert f'id="stage-{stage.number}"' in page.text
        assert f"0 of {len(stage.tasks)} looked at" in page.text
    home.post("/plan/exit/tasks/s1-phrases/status", {"status": "done"})
    home.post("/plan/exit/tasks/s1-grey-rock/status", {"status": "skip"})
    page = home.get("/plan/exit").text
    assert f"2 of {len(STAGES[0].tasks)} looked at, 1 done." in page


@pytest.mark.parametrize(("status", "_words"), STATUSES)
def test_a_listed_task_takes_every_status(home: Web, status: str, _words: str) -> None:
    response = home.post("/plan/exit/tasks/s2-where/status", {"status": status})
    assert response.status_code == 303
    assert response.headers["location"] == "/plan/exit#task-s2-where"
    assert stage_tasks(home, 2)[0].status == status


def test_a_made_up_status_or_task_is_refused(home: Web) -> None:
    assert home.post("/plan/exit/tasks/s2-where/status", {"status": "late"}).status_code == 400
    assert home.post("/plan/exit/tasks/s2-where/status", {}).status_code == 400
    assert home.post("/plan/exit/tasks/nothing/status", {"status": "done"}).status_code == 404
    assert home.get("/plan/exit/tasks/nothing").status_code == 404
    assert home.get("/plan/exit/tasks/mine-99").status_code == 404
    assert stage_tasks(home, 2)[0].status == "todo"


def test_a_listed_task_saves_date_notes_and_part(home: Web) -> None:
    form = {"status": "doing", "due_on": "2027-01-05", "notes": f"Ask {ARABIC}",
            "part": "places", "title": "ignored for listed tasks"}
    assert home.post("/plan/exit/tasks/s2-transport", form).status_code == 303
    task = stage_tasks(home, 2)[1]
    assert (task.status, task.due_on.isoformat() if task.due_on else None, task.notes,
            task.part) == ("doing", "2027-01-05", f"Ask {ARABIC}", "places")
    assert task.title.startswith("Plan transport")
    page = home.get("/plan/exit/tasks/s2-transport").text
    assert 'value="2027-01-05"' in page


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"status": "doing", "due_on": "5 January", "notes": "", "part": ""}, "due_on"),
        ({"status": "doing", "due_on": "", "notes": "n" * 2001, "part": ""}, "notes"),
        ({"status": "soon", "due_on": "", "notes": "", "part": ""}, "status"),
        ({"status": "doing", "due_on": "", "notes": "", "part": "elsewhere"}, "part"),
        ({}, "status"),
    ],
)
def test_a_task_form_with_a_problem_saves_nothing(home: Web, form: dict[str, str],
                                                  field: str) -> None:
    response = home.post("/plan/exit/tasks/s3-time", form)
    assert response.status_code == 400
    assert f'id="{field}-error"' in response.text
    assert stage_tasks(home, 3)[0] == tasks.Task("s3-time", 3, stage_tasks(home, 3)[0].title)


@pytest.mark.parametrize("title", ["Ask about the spare room", ARABIC, CHINESE])
def test_an_own_task_is_added_edited_and_removed(home: Web, title: str) -> None:
    response = home.post("/plan/exit/tasks", {"stage": "2", "new-2-title": title,
                                              "new-2-part": "bag"})
    assert response.status_code == 303
    own = [t for t in stage_tasks(home, 2) if t.own]
    assert [(t.title, t.part) for t in own] == [(title, "bag")]
    assert str(escape(title)) in home.get("/plan/exit").text
    key = own[0].key
    assert home.post(f"/plan/exit/tasks/{key}", {"title": "Renamed", "status": "done",
                                                 "due_on": "", "notes": "",
                                                 "part": ""}).status_code == 303
    assert [t.title for t in stage_tasks(home, 2) if t.own] == ["Renamed"]
    refused = home.post(f"/plan/exit/tasks/{key}", {"title": "", "status": "done"})
    assert refused.status_code == 400
    assert 'id="title-error"' in refused.text
    assert home.post(f"/plan/exit/tasks/{key}/remove").status_code == 303
    assert [t for t in stage_tasks(home, 2) if t.own] == []
    assert home.post(f"/plan/exit/tasks/{key}/remove").status_code == 404


def test_an_own_task_needs_a_title_within_the_limit_and_a_real_stage(home: Web) -> None:
    empty = home.post("/plan/exit/tasks", {"stage": "1", "new-1-title": "  "})
    assert empty.status_code == 400
    assert 'id="new-1-title-error"' in empty.text
    long = home.post("/plan/exit/tasks", {"stage": "4", "new-4-title": "t" * 201})
    assert long.status_code == 400
    assert "up to 200 characters" in long.text
    assert home.post("/plan/exit/tasks", {"stage": "9", "new-9-title": "x"}).status_code == 404
    assert home.post("/plan/exit/tasks", {"new-1-title": "x"}).status_code == 404
    assert all(not t.own for stage in range(1, 5) for t in stage_tasks(home, stage))


def test_a_listed_task_cannot_be_removed(home: Web) -> None:
    assert home.post("/plan/exit/tasks/s1-phrases/remove").status_code == 404


# -- the moment of leaving --------------------------------------------------------------------


def test_the_leaving_page_pulls_the_plan_together(home: Web) -> None:
    empty = home.get("/plan/leaving").text
    assert "No safe place noted yet" in empty
    assert "Choose your country in the" in empty
    with home.vault.session() as db:
        helpdir.set_country(db, "FR")
        services.save_texts(db, "bag", {"where_kept": "At Sam's, blue bag"})
        services.add_entry(db, PART_BY_SLUG["places"].lists[0],
                           {"name": ARABIC, "address": "1 rue", "route": "Metro 4"})
        services.add_entry(db, PART_BY_SLUG["people"].lists[0],
                           {"name": CHINESE, "phone": "0600", "code_word": "rain"})
        services.mark_item(db, PART_BY_SLUG["documents"].checklist, "passport",  # type: ignore[arg-type]
                           has_copy=True, where_kept="work")
    page = home.get("/plan/leaving").text
    for expected in ("At Sam&#39;s, blue bag", ARABIC, "Metro 4", CHINESE, "rain",
                     "children&#39;s)</bdi>: copy", helpdir.emergency_number("FR") or "?"):
        assert expected in page, expected


def test_the_leaving_message_is_saved_and_checked(home: Web) -> None:
    form = {"text-message": f"Code blue. {ARABIC}", "text-send_to": CHINESE}
    assert home.post("/plan/leaving", form).status_code == 303
    page = home.get("/plan/leaving").text
    assert f"Code blue. {ARABIC}" in page
    long = home.post("/plan/leaving", {"text-message": "m" * 1001, "text-send_to": ""})
    assert long.status_code == 400
    assert 'id="text-message-error"' in long.text
    with home.vault.session() as db:
        assert services.read_texts(db, "leaving")["send_to"] == CHINESE
    assert home.post("/plan/leaving", {}).status_code == 303


# -- print and carry --------------------------------------------------------------------------


def fill_for_print(web: Web) -> None:
    with web.vault.session() as db:
        helpdir.set_country(db, "GB")
        services.add_entry(db, PART_BY_SLUG["places"].lists[0],
                           {"name": ARABIC, "address": "12 Hill Road"})
        services.add_entry(db, PART_BY_SLUG["people"].lists[0],
                           {"name": CHINESE, "phone": "07700 900123", "calls_for_help": True})


def test_nothing_is_printed_or_downloaded_without_the_confirmation(home: Web) -> None:
    page = home.get("/plan/print")
    assert "not encrypted" in page.text
    for what in ("page", "pdf", "card"):
        response = home.post("/plan/print", {"what": what})
        assert response.status_code == 400
        assert response.headers["content-type"].startswith("text/html")
        assert 'id="understood-error"' in response.text
    missing = home.post("/plan/print", {"understood": "yes"})
    assert missing.status_code == 400
    assert 'id="what-error"' in missing.text
    assert home.post("/plan/print", {"what": "zip", "understood": "yes"}).status_code == 400


def test_an_empty_card_is_refused_calmly(home: Web) -> None:
    response = home.post("/plan/print", {"what": "card", "understood": "yes"})
    assert response.status_code == 400
    assert "nothing to put on the card yet" in response.text


def test_the_printable_page_holds_the_plan(home: Web) -> None:
    fill_for_print(home)
    page = home.post("/plan/print", {"what": "page", "understood": "yes"})
    assert page.status_code == 200
    assert ARABIC in page.text
    assert CHINESE in page.text
    assert "Emergency services (United Kingdom): 999" in page.text


@pytest.mark.parametrize(("what", "plain"), [("pdf", ""), ("card", ""), ("card", "yes")])
def test_pdfs_are_made_in_memory_and_are_not_blank(home: Web, tmp_path: Path, what: str,
                                                   plain: str) -> None:
    fill_for_print(home)
    since = time.time() - 1
    response = home.post("/plan/print", {"what": what, "understood": "yes", "plain": plain})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    assert "notes" in disposition
    assert response.headers["cache-control"] == "no-store"
    # Nothing of the plan was written anywhere by making the file.
    found = files_holding(files_under(Path(tempfile.gettempdir()), since),
                          needles(ARABIC, CHINESE, "12 Hill Road"))
    assert found == []
    pages = page_images(response.content, tmp_path / "pages")
    assert pages
    assert all(ink_fraction(png) > 0.001 for png in pages)
    if what == "card":
        assert len(pages) == 1



def test_the_leaving_checklist_prints_after_the_confirmation(home: Web) -> None:
    fill_for_print(home)
    assert home.post("/plan/print", {"what": "leaving"}).status_code == 400
    page = home.post("/plan/print", {"what": "leaving", "understood": "yes"})
    assert page.status_code == 200
    assert "The moment of leaving" in page.text
    assert "print command" in page.text
    assert CHINESE in page.text
