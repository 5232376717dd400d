"""Print and carry: a caution to confirm first, then a printable page, the PDF or the card.

The confirmation is part of the POST that makes the output, so there is no address that
prints or downloads without it. Files are made in memory and sent; the app keeps no copy.
"""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import BaseRoute

from clearpath.helpdir import services as helpdir
from clearpath.plan import services, summary
from clearpath.plan.exit_views import show_leaving
from clearpath.plan.pages import plan_route
from clearpath.plan.printout import PAPER_CAUTION, entry_lines, item_words, number_lines, plan_pdf
from clearpath.plan.wallet_card import CardFacts, card_pdf, is_empty
from clearpath.web.guards import Call
from clearpath.web.render import render

CHOICES = (
    ("page", "The safety plan, as a page to print from your browser"),
    ("leaving", "The moment of leaving, as one page to print"),
    ("pdf", "The safety plan as a PDF file"),
    ("card", "A wallet card to print (a PDF the size of a bank card, two sides)"),
)
# Neutral names: a file name is visible in the downloads list and the folder.
FILE_NAMES = {"pdf": "notes.pdf", "card": "notes-small.pdf"}
NOT_CONFIRMED = "Please tick the box to say you have read this, or go back."
NO_CHOICE = "Please choose what you would like."
EMPTY_CARD = (
    "There is nothing to put on the card yet. Choose your country in the help directory, "
    "or add a safe place or a trusted person first."
)


def _show(call: Call, status: int = 200, errors: dict[str, str] | None = None,
          chosen: str = "", plain: bool = False) -> Response:
    return render(call.request, "plan/print.html", call.session, status, choices=CHOICES,
                  chosen=chosen, plain=plain, errors=errors or {})


def print_page(call: Call) -> Response:
    return _show(call)


def card_facts(call: Call) -> CardFacts:
    with call.ctx.vault.session() as db:
        country = helpdir.get_country(db)
        hotlines = helpdir.chosen_hotlines(db) or helpdir.nearest_hotlines(db, limit=1)
        places = services.safe_places(db)
        people = services.trusted_people(db)
    callers = [person for person in people if person.calls_for_help] or people
    return CardFacts(
        emergency=helpdir.emergency_number(country) if country else None,
        hotline=hotlines[0] if hotlines else None,
        place=places[0] if places else None,
        person=callers[0] if callers else None,
    )


def _download(data: bytes, what: str) -> Response:
    return Response(
        data,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{FILE_NAMES[what]}"'},
    )


def make_output(call: Call) -> Response:
    what = call.field("what")
    plain = call.field("plain") != ""
    errors = {}
    if what not in dict(CHOICES):
        errors["what"] = NO_CHOICE
    if not call.field("understood"):
        errors["understood"] = NOT_CONFIRMED
    if errors:
        return _show(call, 400, errors, what, plain)
    if what == "card":
        facts = card_facts(call)
        if is_empty(facts):
            return _show(call, 400, {"what": EMPTY_CARD}, what, plain)
        return _download(card_pdf(facts, headings=not plain), what)
    if what == "leaving":
        return show_leaving(call, printing=True)
    with call.ctx.vault.session() as db:
        plan = summary.whole_plan(db)
    if what == "pdf":
        return _download(plan_pdf(plan), what)
    return render(call.request, "plan/printable.html", call.session, plan=plan,
                  numbers=number_lines(plan.numbers), entry_lines=entry_lines,
                  item_words=item_words, paper_caution=PAPER_CAUTION)


ROUTES: list[BaseRoute] = [
    plan_route("/plan/print", print_page, "plan.print"),
    plan_route("/plan/print", make_output, "plan.print_output", "POST"),
]
