"""Pages for the blocking checklist and the routines that make a person easy to find."""

from __future__ import annotations

from datetime import date
from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from clearpath.contact import blocking
from clearpath.contact.channels import CHANNEL_NAMES, STATUSES
from clearpath.contact.forms import MEDIUM, FormReader
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import redirect, render


def _page(call: Call, status: int = 200, **values: Any) -> Response:
    with call.ctx.vault.session() as db:
        return render(
            call.request,
            "contact/blocking.html",
            call.session,
            status,
            rows=blocking.checklist(db),
            routines=blocking.list_routines(db),
            statuses=STATUSES,
            today=date.today(),
            form=call.form,
            **values,
        )


def checklist(call: Call) -> Response:
    return _page(call)


def save_channel(call: Call) -> Response:
    key = call.request.path_params["channel"]
    if key not in CHANNEL_NAMES:
        return redirect("/contact/blocking")
    read = FormReader(call.field)
    status = read.choice("status", "a status", STATUSES, required=False)
    changed = read.day("changed_on", "the date", date.today(), required=False)
    notes = read.text("notes", "notes", MEDIUM)
    if not read.ok:
        errors = {f"{key}-{name}": message for name, message in read.errors.items()}
        return _page(call, 400, errors=errors, editing=key)
    with call.ctx.vault.session() as db:
        blocking.set_channel(db, channel=key, status=status, changed_on=changed, notes=notes)
    call.session.flash = f"Saved: {CHANNEL_NAMES[key]}."
    return redirect(f"/contact/blocking#channel-{key}")


def add_routine(call: Call) -> Response:
    read = FormReader(call.field)
    routine = read.text("routine", "the routine", MEDIUM, required=True)
    change = read.text("change", "the change you plan", MEDIUM)
    if not read.ok:
        return _page(call, 400, errors=read.errors, editing="routine")
    with call.ctx.vault.session() as db:
        blocking.add_routine(db, routine=routine, change=change)
    call.session.flash = "Added to your routines."
    return redirect("/contact/blocking#routines")


def routine_done(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        blocking.set_routine_done(
            db, int(call.request.path_params["routine_id"]), call.field("done") == "yes"
        )
    return redirect("/contact/blocking#routines")


def routine_delete(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        blocking.delete_routine(db, int(call.request.path_params["routine_id"]))
    call.session.flash = "Removed."
    return redirect("/contact/blocking#routines")


ROUTES = [
    Route(
        "/contact/blocking",
        guarded(checklist, Access.UNLOCKED),
        methods=["GET"],
        name="contact.blocking",
    ),
    Route(
        "/contact/blocking/{channel:str}",
        guarded(save_channel, Access.UNLOCKED),
        methods=["POST"],
        name="contact.channel",
    ),
    Route(
        "/contact/routines",
        guarded(add_routine, Access.UNLOCKED),
        methods=["POST"],
        name="contact.routine_add",
    ),
    Route(
        "/contact/routines/{routine_id:int}/done",
        guarded(routine_done, Access.UNLOCKED),
        methods=["POST"],
        name="contact.routine_done",
    ),
    Route(
        "/contact/routines/{routine_id:int}/delete",
        guarded(routine_delete, Access.UNLOCKED),
        methods=["POST"],
        name="contact.routine_delete",
    ),
]
