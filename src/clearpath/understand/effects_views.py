"""The effects diary pages: how the relationship touches sleep, work, social life and health."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from clearpath.charts.svg import Series, line_chart
from clearpath.understand.confirm_views import ask_first, confirmed
from clearpath.understand.forms import Collector
from clearpath.understand.models import EffectEntry
from clearpath.understand.reflections import (
    EFFECT_AREAS,
    MAX_EFFECT_NOTE,
    MAX_WENT_THROUGH,
    EffectInput,
    add_effect,
    delete_effect,
    effect_series,
    get_effect,
    list_effects,
    update_effect,
)
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import error_page, redirect, render

NOT_FOUND = "This entry is not here any more. It may have been deleted."


def effects_chart(entries: list[EffectEntry]) -> Markup | None:
    """The diary as a line chart, or None when no entry has a number yet."""
    series = effect_series(entries)
    lines = [Series(EFFECT_AREAS[area], points) for area, points in series.items() if points]
    if not lines:
        return None
    return line_chart(
        lines, title="How strongly each part of life was affected, 0 to 10", y_min=0, y_max=10
    )


def _read(call: Call) -> tuple[EffectInput | None, dict[str, str], dict[str, str]]:
    check = Collector()
    typed = {name: call.field(name) for name in ("noted_on", "went_through")}
    day = check.day("noted_on", typed["noted_on"], today=date.today())
    went = check.text(
        "went_through", typed["went_through"], limit=MAX_WENT_THROUGH, label="what you went through"
    )
    scores: dict[str, int | None] = {}
    notes: dict[str, str] = {}
    for area, label in EFFECT_AREAS.items():
        typed[area] = call.field(area)
        typed[f"{area}_note"] = call.field(f"{area}_note")
        scores[area] = check.score(area, typed[area], low=0, high=10, label=label.lower())
        notes[area] = check.text(
            f"{area}_note",
            typed[f"{area}_note"],
            limit=MAX_EFFECT_NOTE,
            label=f"the note on {label.lower()}",
        )
    if (
        not check.errors
        and not went
        and all(v is None for v in scores.values())
        and not any(notes.values())
    ):
        check.errors["went_through"] = (
            "This entry is empty. Write a few words or choose a number for at least one part "
            "of life."
        )
    if check.errors:
        return None, typed, check.errors
    return EffectInput(day, went, scores, notes), typed, {}


def _page(
    call: Call,
    status: int = 200,
    typed: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> Response:
    with call.ctx.vault.session() as db:
        entries = list_effects(db)
        chart = effects_chart(entries)
        newest_first = list(reversed(entries))
    return render(
        call.request,
        "understand/effects.html",
        call.session,
        status,
        entries=newest_first,
        chart=chart,
        areas=EFFECT_AREAS,
        typed=typed or {},
        errors=errors or {},
        today=date.today(),
    )


def effects_page(call: Call) -> Response:
    return _page(call)


def add_entry(call: Call) -> Response:
    data, typed, errors = _read(call)
    if data is None:
        return _page(call, 400, typed, errors)
    with call.ctx.vault.session() as db:
        add_effect(db, data)
    call.session.flash = "Your entry is kept in your vault."
    return redirect("/understand/effects#entries")


def _entry_id(call: Call) -> int:
    return int(call.request.path_params["entry_id"])


def _typed_from(entry: EffectEntry) -> dict[str, str]:
    typed = {"noted_on": entry.noted_on.isoformat(), "went_through": entry.went_through}
    for area in EFFECT_AREAS:
        value = getattr(entry, area)
        typed[area] = "" if value is None else str(value)
        typed[f"{area}_note"] = getattr(entry, f"{area}_note")
    return typed


def edit_entry(call: Call) -> Response:
    with call.ctx.vault.session() as db:
        entry = get_effect(db, _entry_id(call))
        if entry is None:
            return error_page(call.request, call.session, 404, NOT_FOUND)
        typed = _typed_from(entry)
    return render(
        call.request,
        "understand/effects_edit.html",
        call.session,
        entry_id=_entry_id(call),
        typed=typed,
        areas=EFFECT_AREAS,
        today=date.today(),
    )


def update_entry(call: Call) -> Response:
    data, typed, errors = _read(call)
    if data is None:
        return render(
            call.request,
            "understand/effects_edit.html",
            call.session,
            400,
            entry_id=_entry_id(call),
            typed=typed,
            errors=errors,
            areas=EFFECT_AREAS,
            today=date.today(),
        )
    with call.ctx.vault.session() as db:
        found = update_effect(db, _entry_id(call), data)
    if not found:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    call.session.flash = "Your entry is updated."
    return redirect("/understand/effects#entries")


def remove_entry(call: Call) -> Response:
    if not confirmed(call):
        return ask_first(call, what="this entry", back="/understand/effects#entries")
    with call.ctx.vault.session() as db:
        found = delete_effect(db, _entry_id(call))
    if not found:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    call.session.flash = "Your entry is deleted."
    return redirect("/understand/effects#entries")


ROUTES: list[BaseRoute] = [
    Route(
        "/understand/effects",
        guarded(effects_page, Access.UNLOCKED),
        methods=["GET"],
        name="understand.effects",
    ),
    Route(
        "/understand/effects",
        guarded(add_entry, Access.UNLOCKED),
        methods=["POST"],
        name="understand.add_effect",
    ),
    Route(
        "/understand/effects/{entry_id:int}/edit",
        guarded(edit_entry, Access.UNLOCKED),
        methods=["GET"],
        name="understand.edit_effect",
    ),
    Route(
        "/understand/effects/{entry_id:int}",
        guarded(update_entry, Access.UNLOCKED),
        methods=["POST"],
        name="understand.update_effect",
    ),
    Route(
        "/understand/effects/{entry_id:int}/delete",
        guarded(remove_entry, Access.UNLOCKED),
        methods=["POST"],
        name="understand.delete_effect",
    ),
]
