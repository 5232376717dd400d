"""Pages for no contact: protected days, slips and returns, the boundary and the timeline."""

from __future__ import annotations

from datetime import date
from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from clearpath.contact import nocontact
from clearpath.contact.forms import LONG, MEDIUM, SHORT, FormReader
from clearpath.contact.pull import people_to_call
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import redirect, render


def _overview(call: Call, status: int = 200, **values: Any) -> Response:
    today = date.today()
    with call.ctx.vault.session() as db:
        plan = nocontact.get_plan(db)
        space = nocontact.protected_space(db, today)
        crossings = nocontact.list_violations(db, limit=5)
        return render(
            call.request,
            "contact/index.html",
            call.session,
            status,
            plan=plan,
            space=space,
            crossings=crossings,
            modes=nocontact.MODES,
            today=today,
            form=call.form,
            **values,
        )


def overview(call: Call) -> Response:
    return _overview(call)


def save_start(call: Call) -> Response:
    read = FormReader(call.field)
    mode = read.choice("mode", "no contact or limited contact", nocontact.MODES)
    started = read.day("started_on", "the date it began", date.today())
    channel = read.text("channel", "the channel", SHORT)
    topics = read.text("topics", "the topics", MEDIUM)
    if mode == "limited" and read.ok and not channel:
        read.errors["channel"] = "For limited contact, please name the one channel to use."
    if not read.ok or started is None:
        return _overview(call, 400, errors=read.errors, focus="start")
    with call.ctx.vault.session() as db:
        nocontact.set_start(db, mode=mode, started_on=started, channel=channel, topics=topics)
    call.session.flash = "Saved. Every day from here counts."
    return redirect("/contact")


def save_slip(call: Call) -> Response:
    read = FormReader(call.field)
    occurred = read.day("slip_on", "the day it happened", date.today())
    what = read.text("what_happened", "what happened", LONG, required=True)
    trigger = read.text("trigger", "what set it off", MEDIUM)
    feeling = read.text("feeling", "how you felt", MEDIUM)
    adjustment = read.text("adjustment", "what you will adjust", MEDIUM)
    back = read.ticked("returned_now")
    if not read.ok or occurred is None:
        return _overview(call, 400, errors=read.errors, focus="slip")
    with call.ctx.vault.session() as db:
        nocontact.add_slip(
            db,
            occurred_on=occurred,
            what_happened=what,
            trigger=trigger,
            feeling=feeling,
            adjustment=adjustment,
            returned_on=date.today() if back else None,
        )
    call.session.flash = (
        "Kept. You are back to no contact, and that counts."
        if back
        else "Kept. When you are back to no contact, note it on this page."
    )
    return redirect("/contact")


def save_return(call: Call) -> Response:
    read = FormReader(call.field)
    returned = read.day("returned_on", "the day you returned", date.today())
    slip_id = int(call.request.path_params["slip_id"])
    if not read.ok or returned is None:
        return _overview(call, 400, errors=read.errors)
    with call.ctx.vault.session() as db:
        found = nocontact.mark_returned(db, slip_id, returned)
    call.session.flash = "You returned to no contact. That is a real success." if found else None
    return redirect("/contact")


def log_crossing(call: Call) -> Response:
    read = FormReader(call.field)
    note = read.text("crossing_note", "a note", MEDIUM)
    if not read.ok:
        return _overview(call, 400, errors=read.errors)
    with call.ctx.vault.session() as db:
        nocontact.record_violation(db, occurred_on=date.today(), note=note)
    call.session.flash = (
        "Logged with today's date, and kept as an incident in Evidence. "
        "You do not have to answer it."
    )
    return redirect("/contact#crossed")


def _boundary(call: Call, status: int = 200, **values: Any) -> Response:
    with call.ctx.vault.session() as db:
        plan = nocontact.get_plan(db)
        people = people_to_call(db)
        return render(
            call.request,
            "contact/boundary.html",
            call.session,
            status,
            plan=plan,
            people=people,
            form=call.form,
            **values,
        )


def boundary(call: Call) -> Response:
    return _boundary(call)


def save_boundary(call: Call) -> Response:
    read = FormReader(call.field)
    line = read.text("boundary_line", "the line you will repeat", MEDIUM, required=True)
    consequence = read.text("consequence", "the consequence", MEDIUM)
    who = read.text("who_steps_in", "who can step in", MEDIUM)
    if not read.ok:
        return _boundary(call, 400, errors=read.errors)
    with call.ctx.vault.session() as db:
        nocontact.set_boundary(db, line=line, consequence=consequence, who_steps_in=who)
    call.session.flash = "Your boundary is saved. It is shown on the pause screen too."
    return redirect("/contact/boundary")


def history(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        events = nocontact.timeline(db)
        space = nocontact.protected_space(db, date.today())
    return render(call.request, "contact/timeline.html", call.session, events=events, space=space)


ROUTES = [
    Route("/contact", guarded(overview, Access.UNLOCKED), methods=["GET"], name="contact.home"),
    Route(
        "/contact/start",
        guarded(save_start, Access.UNLOCKED),
        methods=["POST"],
        name="contact.start",
    ),
    Route(
        "/contact/slips",
        guarded(save_slip, Access.UNLOCKED),
        methods=["POST"],
        name="contact.slip",
    ),
    Route(
        "/contact/slips/{slip_id:int}/returned",
        guarded(save_return, Access.UNLOCKED),
        methods=["POST"],
        name="contact.returned",
    ),
    Route(
        "/contact/crossed",
        guarded(log_crossing, Access.UNLOCKED),
        methods=["POST"],
        name="contact.crossed",
    ),
    Route(
        "/contact/boundary",
        guarded(boundary, Access.UNLOCKED),
        methods=["GET"],
        name="contact.boundary",
    ),
    Route(
        "/contact/boundary",
        guarded(save_boundary, Access.UNLOCKED),
        methods=["POST"],
        name="contact.boundary_save",
    ),
    Route(
        "/contact/timeline",
        guarded(history, Access.UNLOCKED),
        methods=["GET"],
        name="contact.timeline",
    ),
]
