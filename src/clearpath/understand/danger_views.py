"""The "Is my safety at risk?" page: a checklist with no score, and help shown at once.

Answers are kept only when the person ticks "keep these answers"; otherwise the post only
shows the response and nothing is written.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from clearpath.helpdir.directory import HelpService, load_directory
from clearpath.helpdir.services import country_asked, get_country, nearest_hotlines
from clearpath.understand.confirm_views import ask_first, confirmed
from clearpath.understand.danger import (
    MAX_DANGER_NOTE,
    SIGNS,
    SOURCES,
    Sign,
    any_high,
    delete_check,
    known_signs,
    list_checks,
    save_check,
)
from clearpath.understand.forms import Collector
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import error_page, redirect, render

NOT_FOUND = "These answers are not here any more. They may have been deleted."


def help_values(db: Session) -> dict[str, object]:
    """What the page needs to show the emergency number and the nearest hotlines."""
    code = get_country(db)
    country = load_directory().country(code) if code else None
    hotlines: list[HelpService] = nearest_hotlines(db)
    return {
        "country": country,
        "country_asked": country_asked(db),
        "countries": load_directory().countries,
        "hotlines": hotlines,
    }


def _page(
    call: Call,
    status: int = 200,
    *,
    ticked: list[Sign] | None = None,
    answered: bool = False,
    typed: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    saved_on: date | None = None,
) -> Response:
    chosen = ticked or []
    with call.ctx.vault.session() as db:
        values = help_values(db)
        checks = list_checks(db)
    return render(
        call.request,
        "danger/danger.html",
        call.session,
        status,
        signs=SIGNS,
        sources=SOURCES,
        ticked={sign.key for sign in chosen},
        high=any_high(chosen),
        answered=answered,
        checks=checks,
        typed=typed or {},
        errors=errors or {},
        today=date.today(),
        saved_on=saved_on,
        **values,
    )


def danger_page(call: Call) -> Response:
    return _page(call)


def answer(call: Call) -> Response:
    ticked = known_signs(v for v in call.form.getlist("sign") if isinstance(v, str))
    keep = call.field("keep") == "yes"
    typed = {"note": call.field("note"), "checked_on": call.field("checked_on")}
    if not keep:
        # Nothing is written: the answers live only in this response.
        return _page(call, ticked=ticked, answered=True, typed={})
    check = Collector()
    note = check.text("note", typed["note"], limit=MAX_DANGER_NOTE, label="your note")
    day = check.day("checked_on", typed["checked_on"], today=date.today())
    if check.errors:
        typed["keep"] = "yes"
        return _page(call, 400, ticked=ticked, answered=True, typed=typed, errors=check.errors)
    with call.ctx.vault.session() as db:
        check_id = save_check(db, day, ticked, note)
    call.session.flash = "Your answers are kept in your vault. You can delete them at any time."
    return redirect(f"/danger/checks/{check_id}#response")


def saved_answers(call: Call) -> Response:
    check_id = int(call.request.path_params["check_id"])
    with call.ctx.vault.session() as db:
        found = next((c for c in list_checks(db) if c.id == check_id), None)
    if found is None:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    return _page(call, ticked=found.signs, answered=True, saved_on=found.checked_on)


def remove_answers(call: Call) -> Response:
    if not confirmed(call):
        return ask_first(call, what="these kept answers", back="/danger#saved")
    with call.ctx.vault.session() as db:
        found = delete_check(db, int(call.request.path_params["check_id"]))
    if not found:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    call.session.flash = "Those answers are deleted."
    return redirect("/danger#saved")


ROUTES: list[BaseRoute] = [
    Route("/danger", guarded(danger_page, Access.UNLOCKED), methods=["GET"], name="danger.index"),
    Route("/danger", guarded(answer, Access.UNLOCKED), methods=["POST"], name="danger.answer"),
    Route(
        "/danger/checks/{check_id:int}",
        guarded(saved_answers, Access.UNLOCKED),
        methods=["GET"],
        name="danger.saved",
    ),
    Route(
        "/danger/checks/{check_id:int}/delete",
        guarded(remove_answers, Access.UNLOCKED),
        methods=["POST"],
        name="danger.delete",
    ),
]
