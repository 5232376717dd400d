"""Pages for the pull back: the quick log, promises and what happened, the pause screen."""

from __future__ import annotations

from datetime import date
from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from clearpath.charts.svg import Bar, bar_chart
from clearpath.contact import nocontact, pull
from clearpath.contact.channels import MESSAGE_CHANNELS
from clearpath.contact.forms import LONG, MEDIUM, SHORT, FormReader
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import redirect, render

RECENT_PULLS = 50
THREAT_NOTE = (
    "Saved. A threat can mean a risk to your safety. If you feel in danger, call your local "
    "emergency number, and consider telling an advocate or the police."
)


def _path_id(call: Call, name: str) -> int:
    return int(call.request.path_params[name])


def _pull_page(call: Call, status: int = 200, **values: Any) -> Response:
    with call.ctx.vault.session() as db:
        pattern = pull.pull_pattern(db)
        chart = bar_chart(
            [Bar(label, count) for label, count in pattern.by_kind], title="Tries by kind"
        )
        return render(
            call.request,
            "contact/pull.html",
            call.session,
            status,
            pulls=pull.list_pulls(db, limit=RECENT_PULLS),
            pattern=pattern,
            chart=chart,
            kinds=pull.KINDS,
            responses=pull.RESPONSES,
            channels=MESSAGE_CHANNELS,
            today=date.today(),
            form=call.form,
            **values,
        )


def pull_log(call: Call) -> Response:
    return _pull_page(call)


def save_pull(call: Call) -> Response:
    read = FormReader(call.field)
    occurred = read.day("occurred_on", "the day", date.today())
    channel = read.choice("channel", "where it came from", MESSAGE_CHANNELS)
    kind = read.choice("kind", "what kind of pull it was", pull.KINDS)
    response = read.choice("response", "what you did", pull.RESPONSES)
    feeling = read.text("feeling", "how you felt", MEDIUM)
    if not read.ok or occurred is None:
        return _pull_page(call, 400, errors=read.errors)
    with call.ctx.vault.session() as db:
        pull.add_pull(
            db,
            occurred_on=occurred,
            channel=channel,
            kind=kind,
            response=response,
            feeling=feeling,
        )
    call.session.flash = (
        THREAT_NOTE
        if kind == "threat"
        else "Saved. Noticing the pull is already a way of holding your ground."
    )
    return redirect("/contact/pull")


def delete_pull(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        pull.delete_pull(db, _path_id(call, "pull_id"))
    call.session.flash = "Removed."
    return redirect("/contact/pull#logged")


def _promises_page(call: Call, status: int = 200, **values: Any) -> Response:
    with call.ctx.vault.session() as db:
        return render(
            call.request,
            "contact/promises.html",
            call.session,
            status,
            promises=pull.list_promises(db),
            form=call.form,
            **values,
        )


def promises(call: Call) -> Response:
    return _promises_page(call)


def _read_promise(call: Call) -> tuple[FormReader, str, str]:
    read = FormReader(call.field)
    promise = read.text("promise", "what was promised", LONG, required=True)
    happened = read.text("what_happened", "what happened after", LONG)
    return read, promise, happened


def save_promise(call: Call) -> Response:
    read, promise, happened = _read_promise(call)
    if not read.ok:
        return _promises_page(call, 400, errors=read.errors, editing="new")
    with call.ctx.vault.session() as db:
        pull.add_promise(db, promise=promise, what_happened=happened)
    call.session.flash = "Kept. It will be here when the next promise arrives."
    return redirect("/contact/promises")


def update_promise(call: Call) -> Response:
    promise_id = _path_id(call, "promise_id")
    read, promise, happened = _read_promise(call)
    if not read.ok:
        errors = {f"p{promise_id}-{name}": message for name, message in read.errors.items()}
        return _promises_page(call, 400, errors=errors, editing=promise_id)
    with call.ctx.vault.session() as db:
        pull.update_promise(db, promise_id, promise=promise, what_happened=happened)
    call.session.flash = "Updated."
    return redirect(f"/contact/promises#promise-{promise_id}")


def delete_promise(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        pull.delete_promise(db, _path_id(call, "promise_id"))
    call.session.flash = "Removed."
    return redirect("/contact/promises")


def _pause_page(call: Call, status: int = 200, **values: Any) -> Response:
    with call.ctx.vault.session() as db:
        return render(
            call.request,
            "contact/pause.html",
            call.session,
            status,
            plan=nocontact.get_plan(db),
            people=pull.people_to_call(db),
            promises=pull.list_promises(db)[:3],
            form=call.form,
            **values,
        )


def pause(call: Call) -> Response:
    return _pause_page(call)


def add_person(call: Call) -> Response:
    read = FormReader(call.field)
    name = read.text("name", "a name", SHORT, required=True)
    phone = read.text("phone", "a phone number", SHORT)
    if not read.ok:
        return _pause_page(call, 400, errors=read.errors)
    with call.ctx.vault.session() as db:
        pull.add_person(db, name=name, phone=phone)
    call.session.flash = "Added to the people you can call."
    return redirect("/contact/pause#call")


def delete_person(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        pull.delete_person(db, _path_id(call, "person_id"))
    call.session.flash = "Removed."
    return redirect("/contact/pause#call")


def _route(path: str, handler: Any, method: str, name: str) -> Route:
    return Route(path, guarded(handler, Access.UNLOCKED), methods=[method], name=name)


ROUTES = [
    _route("/contact/pull", pull_log, "GET", "contact.pull"),
    _route("/contact/pull", save_pull, "POST", "contact.pull_save"),
    _route("/contact/pull/{pull_id:int}/delete", delete_pull, "POST", "contact.pull_delete"),
    _route("/contact/promises", promises, "GET", "contact.promises"),
    _route("/contact/promises", save_promise, "POST", "contact.promise_add"),
    _route("/contact/promises/{promise_id:int}", update_promise, "POST", "contact.promise_edit"),
    _route(
        "/contact/promises/{promise_id:int}/delete",
        delete_promise,
        "POST",
        "contact.promise_delete",
    ),
    _route("/contact/pause", pause, "GET", "contact.pause"),
    _route("/contact/people", add_person, "POST", "contact.person_add"),
    _route(
        "/contact/people/{person_id:int}/delete", delete_person, "POST", "contact.person_delete"
    ),
]
