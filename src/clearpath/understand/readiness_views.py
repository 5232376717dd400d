"""The readiness page: dated 1-10 ratings, a chart per area, next steps for the lowest areas."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from clearpath.charts.svg import Series, line_chart
from clearpath.understand.confirm_views import ask_first, confirmed
from clearpath.understand.forms import Collector
from clearpath.understand.readiness import (
    HIGH,
    LOW,
    MAX_AREA_NAME,
    MAX_RATING_NOTE,
    Area,
    AreaLimit,
    RatingInput,
    add_area,
    add_entry,
    area_series,
    delete_area,
    delete_entry,
    list_areas,
    list_entries,
    suggestions,
)
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import error_page, redirect, render

NOT_FOUND = "This is not here any more. It may have been deleted."


def _charts(series: dict[str, list[tuple[date, float]]], areas: list[Area]) -> dict[str, Markup]:
    return {
        area.key: line_chart(
            [Series(area.name, series[area.key])],
            title=f"{area.name}, 1 to 10, over time",
            y_min=0,
            y_max=HIGH,
            width=420,
            height=200,
        )
        for area in areas
        if series[area.key]
    }


def _page(
    call: Call,
    status: int = 200,
    typed: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> Response:
    with call.ctx.vault.session() as db:
        areas = list_areas(db)
        entries = list_entries(db)
        series = area_series(entries, areas)
        steps = suggestions(entries, areas)
        names = {area.key: area.name for area in areas}
        history = [
            (
                entry.id,
                entry.noted_on,
                [
                    (names.get(r.area, "An area you removed"), r.score, r.note)
                    for r in entry.ratings
                ],
            )
            for entry in entries
        ]
    return render(
        call.request,
        "readiness/readiness.html",
        call.session,
        status,
        areas=areas,
        charts=_charts(series, areas),
        series=series,
        suggestions=steps,
        history=history,
        typed=typed or {},
        errors=errors or {},
        today=date.today(),
        low=LOW,
        high=HIGH,
    )


def readiness_page(call: Call) -> Response:
    return _page(call)


def add_ratings(call: Call) -> Response:
    check = Collector()
    typed = {"noted_on": call.field("noted_on")}
    day = check.day("noted_on", typed["noted_on"], today=date.today())
    with call.ctx.vault.session() as db:
        areas = list_areas(db)
    ratings: list[RatingInput] = []
    for area in areas:
        typed[f"score-{area.key}"] = call.field(f"score-{area.key}")
        typed[f"note-{area.key}"] = call.field(f"note-{area.key}")
        score = check.score(
            f"score-{area.key}",
            typed[f"score-{area.key}"],
            low=LOW,
            high=HIGH,
            label=area.name.lower(),
        )
        note = check.text(
            f"note-{area.key}",
            typed[f"note-{area.key}"],
            limit=MAX_RATING_NOTE,
            label=f"the note on {area.name.lower()}",
        )
        if score is not None:
            ratings.append(RatingInput(area.key, score, note))
        elif note and f"score-{area.key}" not in check.errors:
            check.errors[f"score-{area.key}"] = (
                f"You wrote a note on {area.name.lower()}. Please choose a number for it too, "
                "or clear the note."
            )
    if not check.errors and not ratings:
        check.errors[f"score-{areas[0].key}"] = "Please choose a number for at least one area."
    if check.errors:
        return _page(call, 400, typed, check.errors)
    with call.ctx.vault.session() as db:
        add_entry(db, day, ratings)
    call.session.flash = "Your ratings are kept. However they look today, they are a start."
    return redirect("/readiness#history")


def add_own_area(call: Call) -> Response:
    check = Collector()
    name = check.text(
        "area_name",
        call.field("area_name"),
        limit=MAX_AREA_NAME,
        label="the name of the area",
        required=True,
    )
    if not check.errors:
        try:
            with call.ctx.vault.session() as db:
                add_area(db, name)
        except AreaLimit as exc:
            check.errors["area_name"] = str(exc)
    if check.errors:
        return _page(call, 400, {"area_name": call.field("area_name")}, check.errors)
    call.session.flash = f"{name} is added. You can rate it from now on."
    return redirect("/readiness#rate")


def remove_own_area(call: Call) -> Response:
    if not confirmed(call):
        return ask_first(call, what="this area and all its ratings", back="/readiness#own-areas")
    with call.ctx.vault.session() as db:
        found = delete_area(db, int(call.request.path_params["area_id"]))
    if not found:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    call.session.flash = "The area and its ratings are removed."
    return redirect("/readiness#own-areas")


def remove_entry(call: Call) -> Response:
    if not confirmed(call):
        return ask_first(call, what="this entry and its ratings", back="/readiness#history")
    with call.ctx.vault.session() as db:
        found = delete_entry(db, int(call.request.path_params["entry_id"]))
    if not found:
        return error_page(call.request, call.session, 404, NOT_FOUND)
    call.session.flash = "That entry is deleted."
    return redirect("/readiness#history")


ROUTES: list[BaseRoute] = [
    Route(
        "/readiness",
        guarded(readiness_page, Access.UNLOCKED),
        methods=["GET"],
        name="readiness.index",
    ),
    Route(
        "/readiness", guarded(add_ratings, Access.UNLOCKED), methods=["POST"], name="readiness.add"
    ),
    Route(
        "/readiness/areas",
        guarded(add_own_area, Access.UNLOCKED),
        methods=["POST"],
        name="readiness.add_area",
    ),
    Route(
        "/readiness/areas/{area_id:int}/delete",
        guarded(remove_own_area, Access.UNLOCKED),
        methods=["POST"],
        name="readiness.delete_area",
    ),
    Route(
        "/readiness/entries/{entry_id:int}/delete",
        guarded(remove_entry, Access.UNLOCKED),
        methods=["POST"],
        name="readiness.delete_entry",
    ),
]
