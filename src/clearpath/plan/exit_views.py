"""The exit plan's pages (/plan/exit) and the one-page leaving checklist (/plan/leaving)."""

from __future__ import annotations

from datetime import date

from starlette.responses import Response
from starlette.routing import BaseRoute

from clearpath.plan import services, summary, tasks
from clearpath.plan.fields import LONG, SHORT, FieldSpec
from clearpath.plan.forms import Value, parse_form, parse_status
from clearpath.plan.pages import not_found, plan_route
from clearpath.plan.parts import LEAVING, LEAVING_TEXTS, PARTS
from clearpath.plan.services import NotFound
from clearpath.plan.stages import STAGE_BY_NUMBER, STATUSES
from clearpath.web.guards import Call
from clearpath.web.render import redirect, render

# What the leaving page shows: these parts of the safety plan and stage 3 of the exit plan.
LEAVING_PARTS = frozenset({"bag", "documents", "places", "people"})
LEAVING_STAGE = 3
TASK_GONE = "That task is no longer in your plan. It may have been removed in another tab."
PART_CHOICES = (
    ("", "No part"),
    *((part.slug, part.title) for part in PARTS),
    (LEAVING, "The moment of leaving"),
)
PART_LINKS = {
    **{part.slug: (part.title, f"/plan/safety/{part.slug}") for part in PARTS},
    LEAVING: ("The moment of leaving", "/plan/leaving"),
}
TITLE = FieldSpec("title", "Your task", required=True, limit=SHORT)
PART = FieldSpec("part", "The part of your safety plan it concerns", "choice",
                 choices=PART_CHOICES)
TASK_FIELDS = (
    FieldSpec("status", "Where it stands", "choice", choices=STATUSES),
    FieldSpec("due_on", "Date", "date", 10,
              hint="A day you plan it for, or a date to keep in mind."),
    FieldSpec("notes", "Notes", "area", LONG),
    PART,
)


# -- the exit plan ----------------------------------------------------------------------------


def _show_exit(call: Call, status: int = 200, errors: dict[str, str] | None = None,
               typed: dict[str, Value] | None = None) -> Response:
    with call.ctx.vault.session() as db:
        stage_list = tasks.stages(db)
    return render(call.request, "plan/exit.html", call.session, status, stages=stage_list,
                  statuses=STATUSES, part_links=PART_LINKS, title_spec=TITLE, part_spec=PART,
                  errors=errors or {}, typed=typed or {})


def exit_page(call: Call) -> Response:
    return _show_exit(call)


def add_task(call: Call) -> Response:
    raw_stage = call.field("stage")
    if not raw_stage.isdigit() or int(raw_stage) not in STAGE_BY_NUMBER:
        return not_found(call)
    stage = int(raw_stage)
    prefix = f"new-{stage}-"
    parsed = parse_form((TITLE, PART), call.field, prefix)
    if not parsed.ok:
        typed = {prefix + name: value for name, value in parsed.typed.items()}
        return _show_exit(call, 400, parsed.errors, typed)
    with call.ctx.vault.session() as db:
        key = tasks.add_task(db, stage, str(parsed.values["title"]), str(parsed.values["part"]))
    call.session.flash = "Your task is added."
    return redirect(f"/plan/exit#task-{key}")


def _key(call: Call) -> str:
    return str(call.request.path_params.get("key", ""))


def _show_task(call: Call, task: tasks.Task, values: dict[str, Value], status: int = 200,
               errors: dict[str, str] | None = None) -> Response:
    fields = (TITLE, *TASK_FIELDS) if task.own else TASK_FIELDS
    return render(call.request, "plan/task.html", call.session, status, task=task,
                  fields=fields, values=values, stage=STAGE_BY_NUMBER[task.stage],
                  part_links=PART_LINKS, errors=errors or {})


def task_page(call: Call) -> Response:
    try:
        with call.ctx.vault.session() as db:
            task = tasks.get_task(db, _key(call))
    except NotFound:
        return not_found(call, TASK_GONE)
    values: dict[str, Value] = {
        "title": task.title, "status": task.status,
        "due_on": task.due_on.isoformat() if task.due_on else "",
        "notes": task.notes, "part": task.part,
    }
    return _show_task(call, task, values)


def save_task(call: Call) -> Response:
    try:
        with call.ctx.vault.session() as db:
            task = tasks.get_task(db, _key(call))
    except NotFound:
        return not_found(call, TASK_GONE)
    fields = (TITLE, *TASK_FIELDS) if task.own else TASK_FIELDS
    parsed = parse_form(fields, call.field)
    if not parsed.ok:
        return _show_task(call, task, parsed.typed, 400, parsed.errors)
    values = parsed.values
    due = values["due_on"]
    with call.ctx.vault.session() as db:
        tasks.save_task(
            db, task.key,
            status=str(values["status"]),
            due_on=due if isinstance(due, date) else None,
            notes=str(values["notes"]),
            part=str(values["part"]),
            title=str(values["title"]) if task.own else None,
        )
    call.session.flash = "Your task is saved."
    return redirect(f"/plan/exit#task-{task.key}")


def set_status(call: Call) -> Response:
    status = parse_status(call.field("status"))
    key = _key(call)
    if status is None:
        return _show_exit(call, 400, {f"status-{key}": "Please choose one of the four answers."})
    try:
        with call.ctx.vault.session() as db:
            tasks.get_task(db, key)
            tasks.set_status(db, key, status)
    except NotFound:
        return not_found(call, TASK_GONE)
    return redirect(f"/plan/exit#task-{key}")


def remove_task(call: Call) -> Response:
    try:
        with call.ctx.vault.session() as db:
            tasks.remove_task(db, _key(call))
    except NotFound:
        return not_found(call, TASK_GONE)
    call.session.flash = "Your task is removed."
    return redirect("/plan/exit")


# -- the moment of leaving --------------------------------------------------------------------


def show_leaving(call: Call, status: int = 200, errors: dict[str, str] | None = None,
                 typed: dict[str, Value] | None = None, *, printing: bool = False) -> Response:
    """The leaving checklist; ``printing`` shows it as the print step's answer."""
    with call.ctx.vault.session() as db:
        plan = summary.whole_plan(db, only=LEAVING_PARTS)
        leaving_tasks = tasks.stages(db, only=LEAVING_STAGE)[0]
        children = services.read_texts(db, "children")
        pets = services.read_texts(db, "pets")
    return render(call.request, "plan/leaving.html", call.session, status, plan=plan,
                  children=children, pets=pets, printing=printing,
                  stage=leaving_tasks, texts=LEAVING_TEXTS, part_links=PART_LINKS,
                  errors=errors or {}, typed=typed or {})


def leaving_page(call: Call) -> Response:
    return show_leaving(call)


def save_leaving(call: Call) -> Response:
    parsed = parse_form(LEAVING_TEXTS, call.field, "text-")
    if not parsed.ok:
        typed = {"text-" + name: value for name, value in parsed.typed.items()}
        return show_leaving(call, 400, parsed.errors, typed)
    with call.ctx.vault.session() as db:
        services.save_texts(db, LEAVING, parsed.values)
    call.session.flash = "Your message is saved."
    return redirect("/plan/leaving#message")


TASK = "/plan/exit/tasks/{key:str}"
ROUTES: list[BaseRoute] = [
    plan_route("/plan/exit", exit_page, "plan.exit"),
    plan_route("/plan/exit/tasks", add_task, "plan.add_task", "POST"),
    plan_route(TASK, task_page, "plan.task"),
    plan_route(TASK, save_task, "plan.save_task", "POST"),
    plan_route(TASK + "/status", set_status, "plan.task_status", "POST"),
    plan_route(TASK + "/remove", remove_task, "plan.remove_task", "POST"),
    plan_route("/plan/leaving", leaving_page, "plan.leaving"),
    plan_route("/plan/leaving", save_leaving, "plan.save_leaving", "POST"),
]

