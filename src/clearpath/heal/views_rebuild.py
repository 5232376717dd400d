"""Rebuilding who I am: qualities, wins, goals, people; and the comfort box with photos."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from starlette.responses import Response
from starlette.routing import Route

from clearpath.heal import lists
from clearpath.heal.forms import Fields
from clearpath.heal.responses import invalid, path_id, saved, today
from clearpath.heal.upload import Upload, with_upload
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import redirect, render

LINE = 300
MAX_STEPS = 20
COMFORT_KINDS = ("comfort_words", "comfort_song", "comfort_memory", "comfort_scent")
REBUILD_KINDS = ("quality", "nourished", "to_try", "people")


def _rebuild_values(db: Session) -> dict[str, Any]:
    open_goals = lists.goals(db, done=False)
    done_goals = lists.goals(db, done=True)
    return {
        "sections": [(lists.LIST_KINDS[k], lists.items(db, k)) for k in REBUILD_KINDS],
        "wins": lists.items(db, "win")[:50],
        "win_kind": lists.LIST_KINDS["win"],
        "quick_wins": lists.QUICK_WINS,
        "open_goals": open_goals,
        "done_goals": done_goals,
        "steps": lists.steps_of(db, [g.id for g in open_goals + done_goals]),
        "today": today(),
    }


def rebuild_page(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        return render(call.request, "heal/rebuild.html", call.session, **_rebuild_values(db))


def doubt_page(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        return render(
            call.request,
            "heal/doubt.html",
            call.session,
            qualities=lists.items(db, "quality"),
            wins=lists.items(db, "win")[:12],
            words=lists.items(db, "comfort_words"),
        )


def add_goal(call: Call) -> Response:
    form = Fields(call.field)
    title = form.text("goal_title", "the goal", LINE, required=True)
    target = form.day("goal_day", "the date")
    steps_text = form.text("goal_steps", "the steps", 5_000)
    steps = [line.strip() for line in steps_text.splitlines() if line.strip()]
    if len(steps) > MAX_STEPS:
        form.errors["goal_steps"] = f"Please keep it to {MAX_STEPS} steps or fewer."
    elif any(len(step) > LINE for step in steps):
        form.errors["goal_steps"] = f"Each step can be up to {LINE} characters."
    with call.ctx.vault.session() as db:
        if form.errors:
            return invalid(
                call, "heal/rebuild.html", form.errors, typed=form.typed, **_rebuild_values(db)
            )
        goal = lists.add_goal(db, title, target, steps)
    return saved(call, "Your goal is added. One step at a time.", f"/heal/rebuild#goal-{goal.id}")


def add_goal_step(call: Call) -> Response:
    goal_id = path_id(call)
    form = Fields(call.field)
    text = form.text(f"goal-step-{goal_id}", "the step", LINE, required=True)
    with call.ctx.vault.session() as db:
        if form.errors:
            return invalid(
                call, "heal/rebuild.html", form.errors, typed=form.typed, **_rebuild_values(db)
            )
        lists.add_goal_step(db, goal_id, text)
    return saved(call, "Step added.", f"/heal/rebuild#goal-{goal_id}")


def toggle_step(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        lists.toggle_step(db, path_id(call))
    return saved(call, "Step updated.", "/heal/rebuild#goals")


def finish_goal(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        lists.finish_goal(db, path_id(call), today())
    return saved(call, "Updated. Every finished goal is kept below.", "/heal/rebuild#goals")


def remove_goal(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        lists.remove_goal(db, path_id(call))
    return saved(call, "Goal removed.", "/heal/rebuild#goals")


# -- comfort box ---------------------------------------------------------------------------


def _comfort_values(db: Session) -> dict[str, Any]:
    return {
        "sections": [(lists.LIST_KINDS[k], lists.items(db, k)) for k in COMFORT_KINDS],
        "photos": lists.photo_ids(db),
        "max_bytes": lists.MAX_PHOTO_BYTES,
    }


def comfort_page(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        return render(call.request, "heal/comfort.html", call.session, **_comfort_values(db))


def add_photo(call: Call) -> Response:
    upload: Upload = call.request.state.heal_upload
    form = Fields(call.field)
    caption = form.text("caption", "the caption", LINE)
    if upload.problem:
        form.errors["photo"] = upload.problem
    elif upload.photo is None:
        form.errors["photo"] = "Please choose a photo first."
    with call.ctx.vault.session() as db:
        if not form.errors and upload.photo is not None:
            try:
                lists.add_photo(db, upload.photo, caption)
            except lists.ListError as exc:
                form.errors["photo"] = str(exc)
        if form.errors:
            return render(
                call.request,
                "heal/comfort.html",
                call.session,
                400,
                errors=form.errors,
                typed=form.typed,
                **_comfort_values(db),
            )
    return saved(
        call, "Your photo is in the comfort box, locked in the vault.", "/heal/comfort#photos"
    )


def show_photo(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        found = lists.photo(db, path_id(call))
        if found is None:
            return Response(status_code=404)
        return Response(
            found.data,
            media_type=found.media_type,
            headers={"Content-Disposition": "inline", "Cache-Control": "no-store"},
        )


def remove_photo(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        lists.remove_photo(db, path_id(call))
    call.session.flash = "The photo is removed."
    return redirect("/heal/comfort#photos")


def _post(path: str, handler: Any, name: str) -> Route:
    return Route(path, guarded(handler, Access.UNLOCKED), methods=["POST"], name=name)


ROUTES = [
    Route(
        "/heal/rebuild",
        guarded(rebuild_page, Access.UNLOCKED),
        methods=["GET"],
        name="heal.rebuild",
    ),
    Route(
        "/heal/rebuild/doubt",
        guarded(doubt_page, Access.UNLOCKED),
        methods=["GET"],
        name="heal.doubt",
    ),
    _post("/heal/goals", add_goal, "heal.goal_add"),
    _post("/heal/goals/{item_id:int}/steps", add_goal_step, "heal.goal_step_add"),
    _post("/heal/goal-steps/{item_id:int}/toggle", toggle_step, "heal.goal_step"),
    _post("/heal/goals/{item_id:int}/done", finish_goal, "heal.goal_done"),
    _post("/heal/goals/{item_id:int}/remove", remove_goal, "heal.goal_remove"),
    Route(
        "/heal/comfort",
        guarded(comfort_page, Access.UNLOCKED),
        methods=["GET"],
        name="heal.comfort",
    ),
    Route(
        "/heal/comfort/photos",
        with_upload(guarded(add_photo, Access.UNLOCKED)),
        methods=["POST"],
        name="heal.photo_add",
    ),
    Route(
        "/heal/comfort/photos/{item_id:int}",
        guarded(show_photo, Access.UNLOCKED),
        methods=["GET"],
        name="heal.photo",
    ),
    _post("/heal/comfort/photos/{item_id:int}/remove", remove_photo, "heal.photo_remove"),
]
