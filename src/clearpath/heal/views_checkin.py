"""The daily check-in (under a minute) and the charts of how things have been."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session
from starlette.responses import Response
from starlette.routing import Route

from clearpath.charts.svg import Marker, Series, line_chart
from clearpath.contact.nocontact import list_slips
from clearpath.heal import checkins, prefs, timeline
from clearpath.heal.checkins import EFFECTS, MOODS, RANGES, SCALE, CheckInDraft
from clearpath.heal.forms import Fields
from clearpath.heal.models import CheckIn
from clearpath.heal.responses import invalid, saved, today
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import render

NOTE_LIMIT = 500
QUALITY = {1: "Poor", 2: "Restless", 3: "All right", 4: "Good", 5: "Deep and restful"}


def _values(**extra: Any) -> dict[str, Any]:
    return {"moods": MOODS, "amount": SCALE, "quality": QUALITY, "effects": EFFECTS, **extra}


def _typed_from(row: CheckIn | None, day: date) -> dict[str, str]:
    typed = {"day": day.isoformat()}
    if row is None:
        return typed
    for name in ("mood", "sleep_quality", "energy", "anxiety", *EFFECTS):
        value = getattr(row, name)
        typed[name] = "" if value is None else str(value)
    typed["sleep_hours"] = "" if row.sleep_hours is None else f"{row.sleep_hours:g}"
    for name in ("eating", "movement", "contact_attempts"):
        typed[name] = getattr(row, name)
    return typed


def check_in_page(call: Call) -> Response:
    day = today()
    try:
        day = date.fromisoformat(call.request.query_params.get("day", "")) or day
    except ValueError:
        day = today()
    with call.ctx.vault.session() as db:
        row = checkins.check_in_on(db, day)
        typed = _typed_from(row, day)
    return render(
        call.request,
        "heal/check_in.html",
        call.session,
        **_values(typed=typed, already=row is not None, is_today=day == today()),
    )


def save_check_in(call: Call) -> Response:
    form = Fields(call.field)
    day = form.day("day", "the day", required=True)
    if day is not None and day > today():
        form.errors["day"] = "Please choose today or a day before."
    mood = form.number("mood", "your mood", 1, 5, required=True)
    sleep_hours = form.hours("sleep_hours", "your sleep")
    quality = form.number("sleep_quality", "how you slept", 1, 5)
    energy = form.number("energy", "your energy", 1, 5)
    anxiety = form.number("anxiety", "your worry", 1, 5)
    eating = form.text("eating", "the note on eating", NOTE_LIMIT)
    movement = form.text("movement", "the note on movement", NOTE_LIMIT)
    contact = form.text("contact_attempts", "the note on contact attempts", NOTE_LIMIT)
    effects = {name: form.number(name, label.lower(), 0, 10) for name, label in EFFECTS.items()}
    if form.errors or day is None or mood is None:
        return invalid(
            call,
            "heal/check_in.html",
            form.errors,
            **_values(typed=form.typed, already=False, is_today=True),
        )
    draft = CheckInDraft(
        day,
        mood,
        sleep_hours,
        quality,
        energy,
        anxiety,
        eating,
        movement,
        contact,
        effects["effect_sleep"],
        effects["effect_work"],
        effects["effect_social"],
        effects["effect_health"],
    )
    with call.ctx.vault.session() as db:
        checkins.save_check_in(db, draft)
    message = "Thank you for checking in. It is saved."
    return saved(call, message, "/heal/check-in/charts", "heal/_check_in_saved.html", note=message)


def markers_between(db: Session, first: date, last: date) -> list[Marker]:
    """The days worth marking on a chart: leaving day and hard dates."""
    found = []
    leaving = prefs.get_date(db, prefs.LEAVING_DATE)
    if leaving is not None and first <= leaving <= last:
        found.append(Marker(leaving, "The day you left"))
    for row in timeline.hard_dates(db):
        if not row.yearly:
            if first <= row.day <= last:
                found.append(Marker(row.day, row.title))
            continue
        for year in range(first.year, last.year + 1):
            on = timeline.next_occurrence(row, date(year, 1, 1))
            if on is not None and on.year == year and first <= on <= last:
                found.append(Marker(on, row.title))
    found += _contact_markers(db, first, last)
    return sorted(found, key=lambda m: m.day)


def _contact_markers(db: Session, first: date, last: date) -> list[Marker]:
    """Days contact happened after all, from the contact area's slip log."""
    return [
        Marker(slip.occurred_on, "Contact happened")
        for slip in list_slips(db)
        if first <= slip.occurred_on <= last
    ]


def charts_page(call: Call) -> Response:
    key = call.request.query_params.get("range", "4w")
    if key not in RANGES:
        key = "4w"
    label, days = RANGES[key]
    last = today()
    first = last - timedelta(days=days - 1)
    with call.ctx.vault.session() as db:
        rows = checkins.check_ins_between(db, min(first, last - timedelta(days=55)), last)
        markers = markers_between(db, first, last)
    shown = [row for row in rows if row.day >= first]
    points = checkins.weekly_means if days > 100 else checkins.series
    mood = Series("Mood (1 to 5)", points(shown, "mood"))
    energy = Series("Energy (1 to 5)", points(shown, "energy"))
    worry = Series("Worry (1 to 5)", points(shown, "anxiety"))
    sleep = Series("Sleep (hours)", points(shown, "sleep_hours"))
    per = " (weekly averages)" if days > 100 else ""
    both = f"Mood, energy and worry{per}"
    hours = f"Hours of sleep{per}"
    charts = [
        (both, line_chart([mood, energy, worry], title=both, y_min=1, y_max=5, markers=markers)),
        (hours, line_chart([sleep], title=hours, y_min=0, y_max=12, markers=markers)),
    ]
    return render(
        call.request,
        "heal/charts.html",
        call.session,
        ranges=RANGES,
        current=key,
        label=label,
        charts=charts,
        markers=markers,
        summary=checkins.summary(rows, last),
        rows=list(reversed(shown))[:62],
        moods=MOODS,
        count=len(shown),
    )


ROUTES = [
    Route(
        "/heal/check-in",
        guarded(check_in_page, Access.UNLOCKED),
        methods=["GET"],
        name="heal.check_in",
    ),
    Route(
        "/heal/check-in",
        guarded(save_check_in, Access.UNLOCKED),
        methods=["POST"],
        name="heal.check_in_save",
    ),
    Route(
        "/heal/check-in/charts",
        guarded(charts_page, Access.UNLOCKED),
        methods=["GET"],
        name="heal.charts",
    ),
]
