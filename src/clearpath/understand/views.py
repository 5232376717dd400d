"""Routes of the understand area (route names "understand.action").

This module also gathers the routes of readiness, danger signs and the help directory, which
belong to the same part of the path and are wired into the app through this list.
"""

from __future__ import annotations

from datetime import date

from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from clearpath.helpdir import views as helpdir_views
from clearpath.understand import danger_views, effects_views, readiness_views
from clearpath.understand.confirm_views import ask_first, confirmed
from clearpath.understand.forms import Collector
from clearpath.understand.reflections import (
    MAX_REFLECTION,
    add_reflection,
    count_reflections,
    delete_reflection,
    get_reflection,
    list_reflections,
    update_reflection,
)
from clearpath.understand.topics import TOPICS, Topic, topic_by_slug
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import error_page, redirect, render

NOT_FOUND = "This page is not here. It may have been deleted. Go back to Understand to carry on."


def not_found(call: Call) -> Response:
    return error_page(call.request, call.session, 404, NOT_FOUND)


def index(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        counts = count_reflections(db)
    return render(call.request, "understand/index.html", call.session, topics=TOPICS, counts=counts)


def _topic(call: Call) -> Topic | None:
    return topic_by_slug(str(call.request.path_params.get("slug", "")))


def _topic_page(
    call: Call,
    topic: Topic,
    status: int = 200,
    typed: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> Response:
    with call.ctx.vault.session() as db:
        notes = list_reflections(db, topic.slug) if topic.pattern else []
    return render(
        call.request,
        topic.template,
        call.session,
        status,
        topic=topic,
        topics=TOPICS,
        notes=notes,
        typed=typed or {},
        errors=errors or {},
        today=date.today(),
    )


def topic_page(call: Call) -> Response:
    topic = _topic(call)
    return not_found(call) if topic is None else _topic_page(call, topic)


def add_note(call: Call) -> Response:
    topic = _topic(call)
    if topic is None or not topic.pattern:
        return not_found(call)
    check = Collector()
    body = check.text(
        "body", call.field("body"), limit=MAX_REFLECTION, label="your note", required=True
    )
    day = check.day("noted_on", call.field("noted_on"), today=date.today())
    if check.errors:
        typed = {"body": call.field("body"), "noted_on": call.field("noted_on")}
        return _topic_page(call, topic, 400, typed, check.errors)
    with call.ctx.vault.session() as db:
        add_reflection(db, topic.slug, body, day)
    call.session.flash = "Your note is kept in your vault."
    return redirect(f"/understand/{topic.slug}#your-notes")


def _note_id(call: Call) -> int:
    return int(call.request.path_params["note_id"])


def edit_note(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        note = get_reflection(db, _note_id(call))
        if note is None:
            return not_found(call)
        topic = topic_by_slug(note.pattern)
        values = {"body": note.body, "noted_on": note.noted_on.isoformat()}
    return render(
        call.request,
        "understand/note_edit.html",
        call.session,
        topic=topic,
        note_id=_note_id(call),
        typed=values,
    )


def update_note(call: Call) -> Response:
    note_id = _note_id(call)
    with call.ctx.vault.session() as db:
        note = get_reflection(db, note_id)
        if note is None:
            return not_found(call)
        topic = topic_by_slug(note.pattern)
        check = Collector()
        body = check.text(
            "body", call.field("body"), limit=MAX_REFLECTION, label="your note", required=True
        )
        day = check.day("noted_on", call.field("noted_on"), today=date.today())
        if not check.errors:
            update_reflection(db, note_id, body, day)
    if check.errors:
        typed = {"body": call.field("body"), "noted_on": call.field("noted_on")}
        return render(
            call.request,
            "understand/note_edit.html",
            call.session,
            400,
            topic=topic,
            note_id=note_id,
            typed=typed,
            errors=check.errors,
        )
    call.session.flash = "Your note is updated."
    return redirect(f"/understand/{topic.slug if topic else ''}#your-notes")


def remove_note(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        note = get_reflection(db, _note_id(call))
        if note is None:
            return not_found(call)
        slug = note.pattern
        if confirmed(call):
            delete_reflection(db, note.id)
    if not confirmed(call):
        return ask_first(call, what="this note", back=f"/understand/{slug}#your-notes")
    call.session.flash = "Your note is deleted."
    return redirect(f"/understand/{slug}#your-notes")


ROUTES: list[BaseRoute] = [
    Route("/understand", guarded(index, Access.UNLOCKED), methods=["GET"], name="understand.index"),
    *effects_views.ROUTES,
    Route(
        "/understand/notes/{note_id:int}/edit",
        guarded(edit_note, Access.UNLOCKED),
        methods=["GET"],
        name="understand.edit_note",
    ),
    Route(
        "/understand/notes/{note_id:int}",
        guarded(update_note, Access.UNLOCKED),
        methods=["POST"],
        name="understand.update_note",
    ),
    Route(
        "/understand/notes/{note_id:int}/delete",
        guarded(remove_note, Access.UNLOCKED),
        methods=["POST"],
        name="understand.delete_note",
    ),
    Route(
        "/understand/{slug}",
        guarded(topic_page, Access.UNLOCKED),
        methods=["GET"],
        name="understand.topic",
    ),
    Route(
        "/understand/{slug}/notes",
        guarded(add_note, Access.UNLOCKED),
        methods=["POST"],
        name="understand.add_note",
    ),
    *readiness_views.ROUTES,
    *danger_views.ROUTES,
    *helpdir_views.ROUTES,
]
