"""The shared list forms: add a line to a personal list, remove one."""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from clearpath.heal import lists
from clearpath.heal.forms import Fields
from clearpath.heal.responses import invalid, path_id, safe_back, saved, today
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import redirect

MAX_LINE = 500
ADDED = {
    "win": "Your win is kept. Well done.",
    "gratitude": "Kept. A small good thing counts.",
    "contact": "Added to who to call.",
}


def add_line(call: Call) -> Response:
    kind = lists.LIST_KINDS.get(str(call.request.path_params.get("kind", "")))
    if kind is None:
        return redirect("/heal")
    back = safe_back(call.field("back"), "/heal")
    form = Fields(call.field)
    text = form.text("text", "this line", MAX_LINE, required=True)
    detail = form.text("detail", "the second line", MAX_LINE) if kind.detail_label else ""
    day = form.day("day", "the date") if kind.dated else None
    if kind.dated and day is None and "day" not in form.errors:
        day = today()
    if not form.errors:
        try:
            with call.ctx.vault.session() as db:
                item = lists.add_item(db, kind.key, text, detail, day)
                message = ADDED.get(kind.key, f"Added to {kind.heading.lower()}.")
                return saved(call, message, back, "heal/_item.html", item=item, back=back)
        except lists.ListError as exc:
            form.errors["text"] = str(exc)
    return invalid(call, "heal/list_fix.html", form.errors, kind=kind, typed=form.typed, back=back)


def remove_line(call: Call) -> Response:
    kind = str(call.request.path_params.get("kind", ""))
    back = safe_back(call.field("back"), "/heal")
    with call.ctx.vault.session() as db:
        if kind in lists.LIST_KINDS:
            lists.remove_item(db, kind, path_id(call))
    return saved(call, "Removed.", back)


ROUTES = [
    Route(
        "/heal/list/{kind}",
        guarded(add_line, Access.UNLOCKED),
        methods=["POST"],
        name="heal.list_add",
    ),
    Route(
        "/heal/list/{kind}/{item_id:int}/remove",
        guarded(remove_line, Access.UNLOCKED),
        methods=["POST"],
    ),
]
