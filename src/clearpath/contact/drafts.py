"""The draft checker page: paste a reply, see what the rules notice, get a calmer version.

Nothing is stored and nothing is sent: the draft lives only in this request. The page works as
a plain form post; contact.js adds a copy button for the suggested version.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape
from starlette.responses import Response
from starlette.routing import Route

from clearpath.analysis import Analysis, Direction, Flag, analyse, categories
from clearpath.analysis.guidance import suggest
from clearpath.web.guards import Access, Call, guarded
from clearpath.web.render import render

MAX_DRAFT_CHARS = 5_000
TEMPLATE = "contact/draft.html"
EMPTY = "Paste or type your draft first."


@dataclass(frozen=True)
class NumberedFlag:
    """A flag as the page lists it: its number, its category's title, and the flag."""

    number: int
    title: str
    flag: Flag


def draft_page(call: Call) -> Response:
    return render(call.request, TEMPLATE, call.session, draft="")


def check_draft(call: Call) -> Response:
    draft = call.field("draft")
    problem = draft_problem(draft)
    if problem:
        return render(
            call.request, TEMPLATE, call.session, 400, draft=draft, errors={"draft": problem}
        )
    analysis = analyse(draft, Direction.OUT)
    numbered = number_flags(analysis)
    return render(
        call.request,
        TEMPLATE,
        call.session,
        draft=draft,
        analysis=analysis,
        flags=numbered,
        marked=mark_draft(analysis.text, numbered),
        guidance=suggest(analysis),
        sentence_count=len(analysis.sentences),
    )


def draft_problem(draft: str) -> str | None:
    """What is wrong with the typed draft, in one calm sentence, or None."""
    if not draft.strip():
        return EMPTY
    if len(draft) > MAX_DRAFT_CHARS:
        return (
            f"Your draft has {len(draft):,} characters and the checker takes up to "
            f"{MAX_DRAFT_CHARS:,}. A reply that long is worth cutting down first."
        )
    return None


def number_flags(analysis: Analysis) -> list[NumberedFlag]:
    """The flags in reading order, numbered from 1, with their category's title."""
    titles = {category.name: category.title for category in categories(Direction.OUT)}
    return [
        NumberedFlag(number, titles.get(flag.category, flag.category), flag)
        for number, flag in enumerate(analysis.flags, start=1)
    ]


def mark_draft(text: str, flags: list[NumberedFlag]) -> Markup:
    """The draft, escaped, with each flagged stretch in <mark> and a link to its flag.

    The text is cut at every flag's start and end; each piece is escaped first, then wrapped.
    Overlapping flags share pieces, so marks never nest or cross.
    """
    cuts = sorted({0, len(text), *(f.flag.start for f in flags), *(f.flag.end for f in flags)})
    out: list[str] = []
    for start, end in pairwise(cuts):
        piece = str(escape(text[start:end]))
        covering = [f for f in flags if f.flag.start < end and f.flag.end > start]
        if covering:
            kinds = sorted({f"flag-{f.flag.category}" for f in covering})
            piece = f'<mark class="flag {" ".join(kinds)}">{piece}</mark>'
        out.append(piece)
        for ending in (f for f in flags if f.flag.end == end):
            out.append(
                f'<a class="flag-ref" href="#flag-{ending.number}" '
                f'aria-label="Flag {ending.number}">{ending.number}</a>'
            )
    return Markup("".join(out))  # noqa: S704 - every piece of user text was escaped above


ROUTES = [
    Route("/contact/draft", guarded(draft_page, Access.UNLOCKED), methods=["GET"]),
    Route("/contact/draft", guarded(check_draft, Access.UNLOCKED), methods=["POST"]),
]
