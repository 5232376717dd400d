"""The heal start page, the first-days home and the panels this area adds to the home page."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session
from starlette.responses import Response
from starlette.routing import Route

from clearpath.heal import checkins, daily, firstdays, lists, prefs, timeline
from clearpath.heal.forms import Fields
from clearpath.heal.grounding import BREATHINGS
from clearpath.heal.responses import invalid, saved, today
from clearpath.heal.words import word_for
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import render

MAX_TASK = 300


def hub(call: Call) -> Response:
    day = today()
    with call.ctx.vault.session() as db:
        values: dict[str, Any] = {
            "word": word_for(day),
            "checked_in": checkins.check_in_on(db, day) is not None,
            "promise_count": len(daily.promises(db)),
            "upcoming": timeline.upcoming(db, day),
            "phase": timeline.phase_for(prefs.get_date(db, prefs.LEAVING_DATE), day),
            "acute": prefs.acute_home(db),
        }
    return render(call.request, "heal/hub.html", call.session, today=day, **values)


def first_days_values(db: Session, day: date) -> dict[str, Any] | None:
    """What the simpler home shows, or None when the person uses the full home page."""
    if not prefs.acute_home(db):
        return None
    return {
        "callers": firstdays.who_to_call(db),
        "emergency": firstdays.emergency_number(db),
        "task": firstdays.task_for(db, day),
        "decisions_after": prefs.get_date(db, prefs.DECISIONS_AFTER),
        "word": word_for(day),
        "today": day,
        "upcoming": timeline.upcoming(db, day),
        "breathing_longer": BREATHINGS[1],
        "suggested_pause": day + timedelta(days=90),
    }


def first_days(call: Call) -> Response:
    """Where the person keeps who to call, and sets the pause on big decisions."""
    day = today()
    with call.ctx.vault.session() as db:
        values = first_days_values(db, day) or {}
        return render(
            call.request,
            "heal/first_days.html",
            call.session,
            contacts=lists.items(db, "contact"),
            contact_kind=lists.LIST_KINDS["contact"],
            callers=firstdays.who_to_call(db),
            decisions_after=prefs.get_date(db, prefs.DECISIONS_AFTER),
            task=firstdays.task_for(db, day),
            acute=prefs.acute_home(db),
            today=day,
            suggested_pause=day + timedelta(days=90),
            **{k: v for k, v in values.items() if k not in {"task", "decisions_after", "today"}},
        )


def switch(call: Call) -> Response:
    turn_on = call.field("acute") == "on"
    with call.ctx.vault.session() as db:
        prefs.put(db, prefs.ACUTE_HOME, "on" if turn_on else "")
    message = (
        "Your home now shows only the basics. The full app is one click away."
        if turn_on
        else "The full app is back."
    )
    return saved(call, message, "/home")


def save_first_days(call: Call) -> Response:
    day = today()
    form = Fields(call.field)
    task = form.text("task", "your task for today", MAX_TASK)
    pause = form.day("decisions_after", "the date")
    if pause is not None and pause <= day:
        form.errors["decisions_after"] = "Please choose a date after today."
    if form.errors:
        with call.ctx.vault.session() as db:
            return invalid(
                call,
                "heal/first_days.html",
                form.errors,
                contacts=lists.items(db, "contact"),
                contact_kind=lists.LIST_KINDS["contact"],
                callers=firstdays.who_to_call(db),
                decisions_after=pause,
                typed=form.typed,
                task=task,
                acute=prefs.acute_home(db),
                today=day,
                suggested_pause=day + timedelta(days=90),
            )
    with call.ctx.vault.session() as db:
        # The simpler home sends only the date; the task stays as it was then.
        if "task" in call.form:
            firstdays.set_task(db, day, task)
        prefs.put_date(db, prefs.DECISIONS_AFTER, pause)
    return saved(call, "Saved. One thing at a time.", "/home")


# -- home page panels ---------------------------------------------------------------------


def word_panel(db: Session, day: date) -> list[Any]:
    from clearpath.web.home_views import Panel  # home_views imports this module

    return [Panel("heal/panel_word.html", {"word": word_for(day)})]


def hard_dates_panel(db: Session, day: date) -> list[Any]:
    from clearpath.web.home_views import Panel

    found = timeline.upcoming(db, day)
    return [Panel("heal/panel_hard_dates.html", {"upcoming": found})] if found else []


def switch_panel(db: Session, day: date) -> list[Any]:
    from clearpath.web.home_views import Panel

    return [Panel("heal/panel_switch.html", {})]


ROUTES = [
    Route("/heal", guarded(hub, Access.UNLOCKED), methods=["GET"], name="heal.hub"),
    Route(
        "/heal/first-days",
        guarded(first_days, Access.UNLOCKED),
        methods=["GET"],
        name="heal.first_days",
    ),
    Route(
        "/heal/first-days",
        guarded(save_first_days, Access.UNLOCKED),
        methods=["POST"],
        name="heal.first_days_save",
    ),
    Route(
        "/heal/first-days/switch",
        guarded(switch, Access.UNLOCKED),
        methods=["POST"],
        name="heal.first_days_switch",
    ),
]
