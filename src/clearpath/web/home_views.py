"""The home page: the areas of the path, and a note to yourself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session
from starlette.responses import Response
from starlette.routing import Route

from clearpath.backup import views as backup_views
from clearpath.heal import views as heal_views
from clearpath.helpdir import services as helpdir
from clearpath.notes.services import NoteTooLong, read_note, save_note
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import redirect, render


@dataclass(frozen=True)
class Area:
    name: str
    summary: str
    # None while the area is not built yet: its card says so plainly instead of linking
    # to an empty page.
    href: str | None = None


# Each area of the path, in the order a person usually walks it.
AREAS = (
    Area(
        "Understand",
        "Plain words about patterns like gaslighting, control, and being pulled back in.",
        "/understand",
    ),
    Area(
        "Prepare",
        "See how ready you feel, in your own time, one area at a time.",
        "/readiness",
    ),
    Area(
        "Safety plan",
        "What to do, who to call and what to take if you need to leave fast.",
        "/plan/safety",
    ),
    Area(
        "Exit plan",
        "Leaving in small steps you choose, at a pace that keeps you safe.",
        "/plan/exit",
    ),
    Area(
        "Evidence",
        "Records of what happened that an advocate or a court can rely on.",
        "/evidence",
    ),
    Area(
        "Messages",
        "Bring in messages you received, read them safely, see the pattern.",
        "/messages",
    ),
    Area(
        "Contact",
        "Hold no contact or limited contact, and answer safely when you must.",
        "/contact",
    ),
    Area("Heal", "Check-ins, a journal and small steps to rebuild your life.", "/heal"),
)


@dataclass(frozen=True)
class Panel:
    """A small section an area adds to the home page (a reminder, the word for the day)."""

    template: str
    values: dict[str, object] = field(default_factory=dict)


# Each source looks at the vault and today's date and returns its panels (often none).
PanelSource = Callable[[Session, date], list[Panel]]


def home_panels(db: Session, today: date) -> list[Panel]:
    sources: tuple[PanelSource, ...] = (*heal_views.HOME_PANELS, *backup_views.HOME_PANELS)
    return [panel for source in sources for panel in source(db, today)]


def home(call: Call) -> Response:
    if call.session.pending_code:
        return redirect("/recovery-code")
    with call.ctx.vault.session() as db:
        note = read_note(db)
        panels = home_panels(db, date.today())
        help_now = _help_now(db)
        # "Today is hard": the simpler first-days home, when the person switched it on.
        first_days = heal_views.first_days_home(db, date.today())
    if first_days is not None:
        return render(call.request, "heal/first_days_home.html", call.session, **first_days)
    return render(
        call.request,
        "home/home.html",
        call.session,
        areas=AREAS,
        note=note,
        panels=panels,
        help_now=help_now,
    )


def _help_now(db: Session) -> dict[str, object]:
    """The emergency number and the person's chosen hotlines, for "If you need someone now"."""
    country = helpdir.get_country(db)
    return {
        "emergency": helpdir.emergency_number(country) if country else None,
        "country": helpdir.country_name(country) if country else None,
        "hotlines": helpdir.chosen_hotlines(db)[:2],
    }


def update_note(call: Call) -> Response:
    body = call.field("note")
    try:
        with call.ctx.vault.session() as db:
            save_note(db, body)
    except NoteTooLong as exc:
        return render(
            call.request,
            "home/home.html",
            call.session,
            400,
            areas=AREAS,
            panels=[],
            help_now={"emergency": None, "country": None, "hotlines": []},
            note=body,
            errors={"note": str(exc)},
        )
    call.session.flash = "Your note is saved."
    return redirect("/home#note")


ROUTES = [
    Route("/home", guarded(home, Access.UNLOCKED), methods=["GET"]),
    Route("/note", guarded(update_note, Access.UNLOCKED), methods=["POST"]),
]
