"""Small promises, routines with checklists, and gratitude."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from sqlalchemy.orm import Session
from starlette.responses import Response
from starlette.routing import Route

from clearpath.heal import daily, lists
from clearpath.heal.forms import Fields
from clearpath.heal.responses import invalid, path_id, saved, today
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import render

LINE = 300
GRATITUDE_FIELDS = ("thing_1", "thing_2", "thing_3")
GRATITUDE_SHOWN = 300


def _promise_values(db: Session) -> dict[str, Any]:
    day = today()
    daily.ensure_starter_routines(db)
    return {
        "promises": daily.promises(db),
        "kept": daily.kept_this_month(db, day),
        "kept_today": daily.kept_today(db, day),
        "routines": daily.routines(db),
        "ticked": daily.ticked_on(db, day),
        "today": day,
    }


def promises_page(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        return render(call.request, "heal/promises.html", call.session, **_promise_values(db))


def add_promise(call: Call) -> Response:
    form = Fields(call.field)
    text = form.text("promise", "your promise", LINE, required=True)
    with call.ctx.vault.session() as db:
        if form.errors:
            return invalid(
                call, "heal/promises.html", form.errors, typed=form.typed, **_promise_values(db)
            )
        promise = daily.add_promise(db, text)
        return saved(
            call,
            "Your promise is added. Small is perfect.",
            "/heal/promises#promises",
            "heal/_promise.html",
            promise=promise,
            kept={},
            kept_today=set(),
        )


def keep_promise(call: Call) -> Response:
    day = today()
    with call.ctx.vault.session() as db:
        promise_id = path_id(call)
        daily.mark_kept(db, promise_id, day)
        count = daily.kept_this_month(db, day).get(promise_id, 0)
        promise = next((p for p in daily.promises(db) if p.id == promise_id), None)
        times = "once" if count == 1 else f"{count} times"
        message = f"Kept. That is {times} this month."
        if promise is None:
            return saved(call, message, "/heal/promises#promises")
        return saved(
            call,
            message,
            "/heal/promises#promises",
            "heal/_promise.html",
            promise=promise,
            kept={promise_id: count},
            kept_today={promise_id},
        )


def put_away(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        daily.set_aside(db, path_id(call))
    return saved(call, "Put away. You can make a new promise any time.", "/heal/promises")


def tick_routine(call: Call) -> Response:
    routine_id = path_id(call)
    ticked = {int(v) for v in call.form.getlist("step") if isinstance(v, str) and v.isdigit()}
    with call.ctx.vault.session() as db:
        daily.set_ticks(db, routine_id, today(), ticked)
    return saved(call, "Saved for today.", f"/heal/promises#routine-{routine_id}")


def add_routine(call: Call) -> Response:
    form = Fields(call.field)
    name = form.text("routine_name", "a name for the routine", LINE, required=True)
    with call.ctx.vault.session() as db:
        if form.errors:
            return invalid(
                call, "heal/promises.html", form.errors, typed=form.typed, **_promise_values(db)
            )
        routine = daily.add_routine(db, name)
    return saved(
        call, "Routine added. Now add a step or two.", f"/heal/promises#routine-{routine.id}"
    )


def add_step(call: Call) -> Response:
    routine_id = path_id(call)
    form = Fields(call.field)
    text = form.text("step_text", "the step", LINE, required=True)
    with call.ctx.vault.session() as db:
        if form.errors:
            return invalid(
                call,
                "heal/promises.html",
                {f"step-{routine_id}": form.errors["step_text"]},
                typed=form.typed,
                **_promise_values(db),
            )
        daily.add_step(db, routine_id, text)
    return saved(call, "Step added.", f"/heal/promises#routine-{routine_id}")


def remove_step(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        daily.remove_step(db, path_id(call))
    return saved(call, "Step removed.", "/heal/promises#routines")


def remove_routine(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        daily.remove_routine(db, path_id(call))
    return saved(call, "Routine removed.", "/heal/promises#routines")


# -- gratitude -----------------------------------------------------------------------------


def _gratitude_values(db: Session) -> dict[str, Any]:
    rows = lists.items(db, "gratitude")[:GRATITUDE_SHOWN]
    days = [(day, list(group)) for day, group in groupby(rows, key=lambda item: item.day)]
    return {"days": days, "today": today()}


def gratitude_page(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        return render(call.request, "heal/gratitude.html", call.session, **_gratitude_values(db))


def add_gratitude(call: Call) -> Response:
    form = Fields(call.field)
    day = form.day("day", "the date", required=True)
    things = [form.text(name, "this line", LINE) for name in GRATITUDE_FIELDS]
    if not form.errors and not any(things):
        form.errors["thing_1"] = "Please write at least one small thing."
    with call.ctx.vault.session() as db:
        if form.errors or day is None:
            return invalid(
                call,
                "heal/gratitude.html",
                form.errors,
                typed=form.typed,
                **_gratitude_values(db),
            )
        added = [lists.add_item(db, "gratitude", text, "", day) for text in things if text]
        return saved(
            call,
            "Kept. Thank you for noticing them.",
            "/heal/gratitude",
            "heal/_gratitude_day.html",
            day=day,
            items=added,
        )


def _post(path: str, handler: Any, name: str) -> Route:
    return Route(path, guarded(handler, Access.UNLOCKED), methods=["POST"], name=name)


ROUTES = [
    Route(
        "/heal/promises",
        guarded(promises_page, Access.UNLOCKED),
        methods=["GET"],
        name="heal.promises",
    ),
    _post("/heal/promises", add_promise, "heal.promise_add"),
    _post("/heal/promises/{item_id:int}/kept", keep_promise, "heal.promise_kept"),
    _post("/heal/promises/{item_id:int}/away", put_away, "heal.promise_away"),
    _post("/heal/routines", add_routine, "heal.routine_add"),
    _post("/heal/routines/{item_id:int}/ticks", tick_routine, "heal.routine_ticks"),
    _post("/heal/routines/{item_id:int}/steps", add_step, "heal.routine_step_add"),
    _post("/heal/routines/{item_id:int}/remove", remove_routine, "heal.routine_remove"),
    _post("/heal/routine-steps/{item_id:int}/remove", remove_step, "heal.routine_step_remove"),
    Route(
        "/heal/gratitude",
        guarded(gratitude_page, Access.UNLOCKED),
        methods=["GET"],
        name="heal.gratitude",
    ),
    _post("/heal/gratitude", add_gratitude, "heal.gratitude_add"),
]
