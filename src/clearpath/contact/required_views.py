"""Pages for required contact: the contact log, the response window and what is due."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from clearpath.contact import nocontact, required
from clearpath.contact.channels import MESSAGE_CHANNELS
from clearpath.contact.forms import LONG, MEDIUM, FormReader
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import redirect, render

RECENT_ENTRIES = 100
# A follow-up may be planned up to a year ahead; anything later is most likely a typing slip.
LATEST_FOLLOW_UP = timedelta(days=366)


def _now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


def _log_page(call: Call, status: int = 200, **values: Any) -> Response:
    now = _now()
    with call.ctx.vault.session() as db:
        return render(
            call.request,
            "contact/log.html",
            call.session,
            status,
            entries=required.list_entries(db, limit=RECENT_ENTRIES),
            due=required.what_is_due(db, now),
            plan=nocontact.get_plan(db),
            channels=MESSAGE_CHANNELS,
            now=now,
            form=call.form,
            **values,
        )


def log(call: Call) -> Response:
    return _log_page(call)


def save_entry(call: Call) -> Response:
    now = _now()
    read = FormReader(call.field)
    occurred = read.moment("occurred_at", "when it happened", latest=now + timedelta(hours=1))
    channel = read.choice("channel", "the channel", MESSAGE_CHANNELS)
    topic = read.text("topic", "the topic", MEDIUM, required=True)
    summary = read.text("summary", "a summary", LONG)
    reply = read.text("my_reply", "your reply", LONG)
    due = read.moment(
        "follow_up_due", "the follow-up date", required=False, latest=now + LATEST_FOLLOW_UP
    )
    if not read.ok or occurred is None:
        return _log_page(call, 400, errors=read.errors, editing="new")
    entry = required.EntryInput(
        occurred_at=occurred,
        channel=channel,
        topic=topic,
        summary=summary,
        my_reply=reply,
        follow_up_due=due,
        needs_reply=read.ticked("needs_reply"),
        include_in_report=read.ticked("include_in_report"),
    )
    with call.ctx.vault.session() as db:
        required.add_entry(db, entry)
    call.session.flash = "Kept in your contact log."
    return redirect("/contact/log")


def _entry_action(call: Call, action: str) -> Response:
    entry_id = int(call.request.path_params["entry_id"])
    with call.ctx.vault.session() as db:
        if action == "done":
            required.set_follow_up_done(db, entry_id, call.field("done") == "yes")
        elif action == "report":
            required.set_in_report(db, entry_id, call.field("include") == "yes")
        else:
            required.delete_entry(db, entry_id)
            call.session.flash = "Removed from the log."
    return redirect(f"/contact/log#entry-{entry_id}" if action != "delete" else "/contact/log")


def entry_done(call: Call) -> Response:
    return _entry_action(call, "done")


def entry_report(call: Call) -> Response:
    return _entry_action(call, "report")


def entry_delete(call: Call) -> Response:
    return _entry_action(call, "delete")


def save_window(call: Call) -> Response:
    read = FormReader(call.field)
    hours = read.whole_number(
        "response_hours",
        "the response window in hours",
        required.MIN_RESPONSE_HOURS,
        required.MAX_RESPONSE_HOURS,
    )
    if not read.ok:
        return _log_page(call, 400, errors=read.errors, editing="window")
    with call.ctx.vault.session() as db:
        nocontact.set_response_hours(db, hours)
    call.session.flash = f"Your response window is {hours} hours."
    return redirect("/contact/log#window")


def due(call: Call) -> Response:
    now = _now()
    with call.ctx.vault.session() as db:
        return render(
            call.request,
            "contact/due.html",
            call.session,
            items=required.what_is_due(db, now),
            plan=nocontact.get_plan(db),
            channels=MESSAGE_CHANNELS,
        )


def _route(path: str, handler: Any, method: str, name: str) -> Route:
    return Route(path, guarded(handler, Access.UNLOCKED), methods=[method], name=name)


ROUTES = [
    _route("/contact/log", log, "GET", "contact.log"),
    _route("/contact/log", save_entry, "POST", "contact.log_add"),
    _route("/contact/log/window", save_window, "POST", "contact.window"),
    _route("/contact/log/{entry_id:int}/done", entry_done, "POST", "contact.log_done"),
    _route("/contact/log/{entry_id:int}/report", entry_report, "POST", "contact.log_report"),
    _route("/contact/log/{entry_id:int}/delete", entry_delete, "POST", "contact.log_delete"),
    _route("/contact/due", due, "GET", "contact.due"),
]
