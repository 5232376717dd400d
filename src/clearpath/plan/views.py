"""Routes of the plan area (route names "plan.action"): the safety plan's overview and parts.

The exit plan and the leaving checklist are in exit_views.py, printing in print_views.py.
"""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import BaseRoute

from clearpath.plan import exit_views, print_views, services, summary
from clearpath.plan.fields import SHORT, FieldSpec
from clearpath.plan.forms import Parsed, Value, clean, parse_form, too_long
from clearpath.plan.pages import not_found, plan_route
from clearpath.plan.parts import ListSpec, PartSpec
from clearpath.plan.services import NotFound
from clearpath.web.guards import Call
from clearpath.web.render import redirect, render

WHERE_KEPT_LIMIT = 1000
ITEM_GONE = "That line is no longer in your plan. It may have been removed in another tab."
ENTRY_GONE = "That entry is no longer in your plan. It may have been removed in another tab."


def _part(call: Call) -> PartSpec | None:
    return summary.part_spec(str(call.request.path_params.get("part", "")))


def _list(part: PartSpec, call: Call) -> ListSpec | None:
    key = call.request.path_params.get("list")
    return next((ls for ls in part.lists if ls.key == key), None)


def _prefixed(parsed: Parsed, prefix: str) -> dict[str, Value]:
    return {prefix + name: value for name, value in parsed.typed.items()}


def overview(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        plan = summary.whole_plan(db, rows=False)
    return render(call.request, "plan/safety.html", call.session, plan=plan)


def show_part(
    call: Call,
    part: PartSpec,
    *,
    status: int = 200,
    errors: dict[str, str] | None = None,
    typed: dict[str, Value] | None = None,
    open_form: str = "",
) -> Response:
    with call.ctx.vault.session() as db:
        content = summary.part_content(db, part)
        numbers = summary.numbers(db) if part.slug == "numbers" else None
    return render(
        call.request,
        "plan/part.html",
        call.session,
        status,
        part=part,
        content=content,
        numbers=numbers,
        errors=errors or {},
        typed=typed or {},
        open_form=open_form,
    )


def part_page(call: Call) -> Response:
    part = _part(call)
    return not_found(call) if part is None else show_part(call, part)


def save_texts(call: Call) -> Response:
    part = _part(call)
    if part is None or not part.texts:
        return not_found(call)
    parsed = parse_form(part.texts, call.field, "text-")
    if not parsed.ok:
        return show_part(call, part, status=400, errors=parsed.errors,
                         typed=_prefixed(parsed, "text-"))
    with call.ctx.vault.session() as db:
        services.save_texts(db, part.slug, parsed.values)
    call.session.flash = "Saved."
    return redirect(f"/plan/safety/{part.slug}")


def add_entry(call: Call) -> Response:
    part = _part(call)
    ls = _list(part, call) if part else None
    if part is None or ls is None:
        return not_found(call)
    prefix = f"{ls.key}-new-"
    parsed = parse_form(ls.fields, call.field, prefix)
    if not parsed.ok:
        return show_part(call, part, status=400, errors=parsed.errors,
                         typed=_prefixed(parsed, prefix), open_form=ls.key)
    with call.ctx.vault.session() as db:
        services.add_entry(db, ls, parsed.values)
    call.session.flash = f"Added to {ls.title.lower()}."
    return redirect(f"/plan/safety/{part.slug}#list-{ls.key}")


def _entry_target(call: Call) -> tuple[PartSpec, ListSpec, int] | None:
    part = _part(call)
    ls = _list(part, call) if part else None
    raw = str(call.request.path_params.get("entry", ""))
    if part is None or ls is None or not raw.isdigit():
        return None
    return part, ls, int(raw)


def _show_entry(
    call: Call,
    target: tuple[PartSpec, ListSpec, int],
    values: dict[str, Value],
    status: int = 200,
    errors: dict[str, str] | None = None,
) -> Response:
    part, ls, entry_id = target
    return render(call.request, "plan/entry.html", call.session, status, part=part, ls=ls,
                  entry_id=entry_id, values=values, errors=errors or {})


def entry_page(call: Call) -> Response:
    target = _entry_target(call)
    if target is None:
        return not_found(call)
    _part_spec, ls, entry_id = target
    try:
        with call.ctx.vault.session() as db:
            row = services.get_entry(db, ls, entry_id)
            values: dict[str, Value] = {f.name: getattr(row, f.name) for f in ls.fields}
    except NotFound:
        return not_found(call, ENTRY_GONE)
    return _show_entry(call, target, values)


def save_entry(call: Call) -> Response:
    target = _entry_target(call)
    if target is None:
        return not_found(call)
    part, ls, entry_id = target
    parsed = parse_form(ls.fields, call.field)
    if not parsed.ok:
        return _show_entry(call, target, parsed.typed, 400, parsed.errors)
    try:
        with call.ctx.vault.session() as db:
            services.update_entry(db, ls, entry_id, parsed.values)
    except NotFound:
        return not_found(call, ENTRY_GONE)
    call.session.flash = "Your changes are saved."
    return redirect(f"/plan/safety/{part.slug}#list-{ls.key}")


def remove_entry(call: Call) -> Response:
    target = _entry_target(call)
    if target is None:
        return not_found(call)
    part, ls, entry_id = target
    try:
        with call.ctx.vault.session() as db:
            services.remove_entry(db, ls, entry_id)
    except NotFound:
        return not_found(call, ENTRY_GONE)
    call.session.flash = f"Removed from {ls.title.lower()}."
    return redirect(f"/plan/safety/{part.slug}#list-{ls.key}")


def mark_item(call: Call) -> Response:
    part = _part(call)
    if part is None or part.checklist is None:
        return not_found(call)
    spec = part.checklist
    key = str(call.request.path_params.get("key", ""))
    with call.ctx.vault.session() as db:
        if not services.item_exists(db, spec, key):
            return not_found(call, ITEM_GONE)
    if spec.documents:
        prefix = f"item-{key}-"
        where = clean(call.field("where_kept"))
        if len(where) > WHERE_KEPT_LIMIT:
            errors = {f"{prefix}where_kept": too_long("Where it is kept", WHERE_KEPT_LIMIT)}
            return show_part(call, part, status=400, errors=errors,
                             typed={f"{prefix}where_kept": where})
        with call.ctx.vault.session() as db:
            services.mark_item(
                db, spec, key,
                state="skip" if call.field("skip") else "open",
                has_original=bool(call.field("has_original")),
                has_copy=bool(call.field("has_copy")),
                where_kept=where,
            )
    else:
        state = call.field("state")
        if state not in dict(spec.states):
            return show_part(call, part, status=400,
                             errors={f"item-{key}": "Please choose one of the buttons."})
        with call.ctx.vault.session() as db:
            services.mark_item(db, spec, key, state=state)
    return redirect(f"/plan/safety/{part.slug}#item-{key}")


OWN_LABEL = FieldSpec("label", "Your line", required=True, limit=SHORT)


def add_item(call: Call) -> Response:
    part = _part(call)
    if part is None or part.checklist is None:
        return not_found(call)
    parsed = parse_form((OWN_LABEL,), call.field)
    if not parsed.ok:
        errors = {"own-label": parsed.errors["label"]}
        return show_part(call, part, status=400, errors=errors,
                         typed={"own-label": parsed.typed["label"]})
    with call.ctx.vault.session() as db:
        services.add_own_item(db, part.checklist, str(parsed.values["label"]))
    call.session.flash = "Your line is added."
    return redirect(f"/plan/safety/{part.slug}#checklist-heading")


def confirm_remove_item(call: Call) -> Response:
    """Ask before an own checklist line is removed for good (works without JavaScript)."""
    part = _part(call)
    if part is None or part.checklist is None:
        return not_found(call)
    key = str(call.request.path_params["key"])
    with call.ctx.vault.session() as db:
        item = next((i for i in services.checklist_items(db, part.checklist)
                     if i.key == key and i.own), None)
    if item is None:
        return not_found(call, ITEM_GONE)
    return render(call.request, "plan/remove_item.html", call.session, part=part, item=item)


def remove_item(call: Call) -> Response:
    part = _part(call)
    if part is None or part.checklist is None:
        return not_found(call)
    try:
        with call.ctx.vault.session() as db:
            services.remove_own_item(db, part.checklist, str(call.request.path_params["key"]))
    except NotFound:
        return not_found(call, ITEM_GONE)
    call.session.flash = "Your line is removed."
    return redirect(f"/plan/safety/{part.slug}#checklist-heading")


SAFETY = "/plan/safety/{part:str}"
LISTS = SAFETY + "/lists/{list:str}"
ROUTES: list[BaseRoute] = [
    plan_route("/plan/safety", overview, "plan.safety"),
    plan_route(SAFETY, part_page, "plan.part"),
    plan_route(SAFETY + "/texts", save_texts, "plan.save_texts", "POST"),
    plan_route(LISTS, add_entry, "plan.add_entry", "POST"),
    plan_route(LISTS + "/{entry:str}", entry_page, "plan.entry"),
    plan_route(LISTS + "/{entry:str}", save_entry, "plan.save_entry", "POST"),
    plan_route(LISTS + "/{entry:str}/remove", remove_entry, "plan.remove_entry", "POST"),
    plan_route(SAFETY + "/items", add_item, "plan.add_item", "POST"),
    plan_route(SAFETY + "/items/{key:str}", mark_item, "plan.mark_item", "POST"),
    plan_route(SAFETY + "/items/{key:str}/remove", confirm_remove_item, "plan.confirm_remove"),
    plan_route(SAFETY + "/items/{key:str}/remove", remove_item, "plan.remove_item", "POST"),
    *exit_views.ROUTES,
    *print_views.ROUTES,
]
