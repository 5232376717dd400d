"""The home page: the areas of the path, and a note to yourself."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.responses import Response
from starlette.routing import Route

from clearpath.notes.services import NoteTooLong, read_note, save_note
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import redirect, render


@dataclass(frozen=True)
class Area:
    name: str
    summary: str


# Each area of the path, in the order a person usually walks it. None is built yet;
# the cards say so plainly rather than linking to empty pages.
AREAS = (
    Area(
        "Understand",
        "Plain words about patterns like gaslighting, control, and being pulled back in.",
    ),
    Area("Prepare", "See how ready you feel, in your own time, one area at a time."),
    Area("Safety plan", "What to do, who to call and what to take if you need to leave fast."),
    Area("Exit plan", "Leaving in small steps you choose, at a pace that keeps you safe."),
    Area("Evidence", "Records of what happened that an advocate or a court can rely on."),
    Area("Messages", "Bring in messages you received, read them safely, see the pattern."),
    Area("Contact", "Hold no contact or limited contact, and answer safely when you must."),
    Area("Heal", "Check-ins, a journal and small steps to rebuild your life."),
)


def home(call: Call) -> Response:
    if call.session.pending_code:
        return redirect("/recovery-code")
    with call.ctx.vault.session() as db:
        note = read_note(db)
    return render(call.request, "home/home.html", call.session, areas=AREAS, note=note)


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
            note=body,
            errors={"note": str(exc)},
        )
    call.session.flash = "Your note is saved."
    return redirect("/home#note")


ROUTES = [
    Route("/home", guarded(home, Access.UNLOCKED), methods=["GET"]),
    Route("/note", guarded(update_note, Access.UNLOCKED), methods=["POST"]),
]
