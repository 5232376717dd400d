"""The healing timeline: the leaving date, gentle phases, milestones and hard dates."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from starlette.responses import Response
from starlette.routing import Route

from clearpath.heal import lists, prefs, timeline
from clearpath.heal.forms import Fields
from clearpath.heal.responses import invalid, path_id, saved, today
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import render

LINE = 300


def _values(db: Session) -> dict[str, Any]:
    day = today()
    leaving = prefs.get_date(db, prefs.LEAVING_DATE)
    return {
        "leaving": leaving,
        "days_since": (day - leaving).days if leaving and leaving <= day else None,
        "phases": timeline.PHASES,
        "here": timeline.phase_for(leaving, day),
        "milestones": lists.items(db, "milestone"),
        "milestone_kind": lists.LIST_KINDS["milestone"],
        "hard_dates": [
            (row, timeline.next_occurrence(row, day)) for row in timeline.hard_dates(db)
        ],
        "today": day,
    }


def timeline_page(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        return render(call.request, "heal/timeline.html", call.session, **_values(db))


def set_leaving(call: Call) -> Response:
    form = Fields(call.field)
    leaving = form.day("leaving_date", "the date you left")
    if leaving is not None and leaving > today():
        form.errors["leaving_date"] = "Please choose today or a day before."
    with call.ctx.vault.session() as db:
        if form.errors:
            return invalid(call, "heal/timeline.html", form.errors, typed=form.typed, **_values(db))
        prefs.put_date(db, prefs.LEAVING_DATE, leaving)
    return saved(call, "Saved.", "/heal/timeline")


def add_hard_date(call: Call) -> Response:
    form = Fields(call.field)
    title = form.text("hard_title", "what the date is", LINE, required=True)
    day = form.day("hard_day", "the date", required=True)
    note = form.text("hard_note", "the note", 1_000)
    yearly = form.raw("hard_yearly") == "on"
    with call.ctx.vault.session() as db:
        if form.errors or day is None:
            return invalid(call, "heal/timeline.html", form.errors, typed=form.typed, **_values(db))
        timeline.add_hard_date(db, title, day, yearly=yearly, note=note)
    return saved(
        call, "Kept. Your home page will mention it a few days ahead.", "/heal/timeline#hard-dates"
    )


def remove_hard_date(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        timeline.remove_hard_date(db, path_id(call))
    return saved(call, "Removed.", "/heal/timeline#hard-dates")


ROUTES = [
    Route(
        "/heal/timeline",
        guarded(timeline_page, Access.UNLOCKED),
        methods=["GET"],
        name="heal.timeline",
    ),
    Route(
        "/heal/timeline/leaving",
        guarded(set_leaving, Access.UNLOCKED),
        methods=["POST"],
        name="heal.leaving",
    ),
    Route(
        "/heal/hard-dates",
        guarded(add_hard_date, Access.UNLOCKED),
        methods=["POST"],
        name="heal.hard_date_add",
    ),
    Route(
        "/heal/hard-dates/{item_id:int}/remove",
        guarded(remove_hard_date, Access.UNLOCKED),
        methods=["POST"],
        name="heal.hard_date_remove",
    ),
]
