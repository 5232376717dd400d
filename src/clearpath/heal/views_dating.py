"""Dating again, when and if the person feels ready: reflections and a safe-date plan."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session
from starlette.responses import Response
from starlette.routing import Route

from clearpath.heal import dating, lists
from clearpath.heal.dating import GREEN_FLAGS, RED_FLAGS, STEADY, PlanDraft
from clearpath.heal.forms import Fields
from clearpath.heal.responses import invalid, path_id, saved, today
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import render

LINE = 300
OWN = ("value", "not_accept", "red_flag", "green_flag", "steady")


def _values(db: Session) -> dict[str, Any]:
    return {
        "sections": [(lists.LIST_KINDS[k], lists.items(db, k)) for k in OWN],
        "red_flags": RED_FLAGS,
        "green_flags": GREEN_FLAGS,
        "steady": STEADY,
        "plans": dating.plans(db),
        "today": today(),
    }


def dating_page(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        return render(call.request, "heal/dating.html", call.session, **_values(db))


def add_plan(call: Call) -> Response:
    form = Fields(call.field)
    draft = PlanDraft(
        day=form.day("plan_day", "the date"),
        place=form.text("place", "the place", LINE, required=True),
        who_knows=form.text("who_knows", "who knows", LINE),
        check_in=form.text("check_in", "the check-in time", LINE),
        way_home=form.text("way_home", "how you get home", LINE),
        notes=form.text("plan_notes", "the notes", 2_000),
    )
    with call.ctx.vault.session() as db:
        if form.errors:
            return invalid(call, "heal/dating.html", form.errors, typed=form.typed, **_values(db))
        dating.add_plan(db, draft)
    return saved(
        call, "Your plan is saved. Enjoy yourself, and trust your gut.", "/heal/dating#plans"
    )


def remove_plan(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        dating.remove_plan(db, path_id(call))
    return saved(call, "The plan is removed.", "/heal/dating#plans")


ROUTES = [
    Route(
        "/heal/dating", guarded(dating_page, Access.UNLOCKED), methods=["GET"], name="heal.dating"
    ),
    Route(
        "/heal/dating/plans",
        guarded(add_plan, Access.UNLOCKED),
        methods=["POST"],
        name="heal.date_plan_add",
    ),
    Route(
        "/heal/dating/plans/{item_id:int}/remove",
        guarded(remove_plan, Access.UNLOCKED),
        methods=["POST"],
        name="heal.date_plan_remove",
    ),
]
