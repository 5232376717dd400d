"""A wallet card: two sides the size of a bank card (85.6 x 54 mm), drawn on one A4 sheet.

Both sides sit next to each other at actual size: cut along the dashed outline, fold along
the middle line, and the card fits a wallet. With ``headings=False`` the card carries only
names and numbers, so it looks like ordinary notes.
"""

from __future__ import annotations

from dataclasses import dataclass

from clearpath.helpdir.directory import HelpService
from clearpath.plan.models import SafePlace, TrustedPerson
from clearpath.printing.document import ClearpathPDF

CARD_W = 85.6
CARD_H = 54.0
PADDING = 4.0
LEFT = (210.0 - 2 * CARD_W) / 2
TOP = 40.0
LARGEST = 10.0
SMALLEST = 6.0
ELLIPSIS = "\u2026"


@dataclass(frozen=True)
class CardFacts:
    """What goes on the card; any of these can be missing."""

    emergency: str | None
    hotline: HelpService | None
    place: SafePlace | None
    person: TrustedPerson | None


@dataclass(frozen=True)
class Line:
    text: str
    heading: bool = False


def sides(facts: CardFacts, *, headings: bool) -> tuple[list[Line], list[Line]]:
    """The lines of the front (numbers) and back (place and person) of the card."""
    front: list[Line] = []
    back: list[Line] = []

    def add(side: list[Line], heading: str, lines: list[str]) -> None:
        lines = [line for line in lines if line]
        if not lines:
            return
        if headings:
            side.append(Line(heading, heading=True))
        side += [Line(line) for line in lines]

    if facts.emergency:
        add(front, "Emergency", [facts.emergency])
    if facts.hotline:
        phone = facts.hotline.phone or (f"text {facts.hotline.text}" if facts.hotline.text
                                        else "")
        add(front, "Helpline", [facts.hotline.name, phone])
    if facts.place:
        add(back, "Safe place", [facts.place.name, facts.place.address.replace("\n", ", "),
                                 facts.place.contact])
    if facts.person:
        add(back, "Trusted contact", [facts.person.name, facts.person.phone])
    return front, back


def _fit(pdf: ClearpathPDF, text: str, width: float) -> str:
    """The text, cut with an ellipsis where it would run past the card's edge."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + ELLIPSIS) > width:
        text = text[:-1]
    return text + ELLIPSIS


def _draw_side(pdf: ClearpathPDF, lines: list[Line], x: float) -> None:
    size = LARGEST
    usable = CARD_H - 2 * PADDING
    while size > SMALLEST and len(lines) * size * 0.5 > usable:
        size -= 0.5
    y = TOP + PADDING
    for line in lines:
        pdf.set_font(pdf.FONT, "B" if line.heading else "", size)
        if y + size * 0.5 > TOP + CARD_H - PADDING:
            break
        pdf.set_xy(x + PADDING, y)
        text = _fit(pdf, line.text, CARD_W - 2 * PADDING)
        pdf.cell(CARD_W - 2 * PADDING, size * 0.5, text)
        y += size * 0.5


def card_pdf(facts: CardFacts, *, headings: bool) -> bytes:
    """The card sheet as PDF bytes, made in memory."""
    front, back = sides(facts, headings=headings)
    pdf = ClearpathPDF("Notes", footer=False)
    pdf.add_page()
    pdf.set_font(pdf.FONT, "", 9)
    pdf.set_xy(LEFT, TOP - 12)
    pdf.multi_cell(2 * CARD_W, 4.5, "Print at actual size (100%). Cut along the dashed line "
                   "and fold along the middle.")
    pdf.set_draw_color(120, 120, 120)
    with pdf.local_context():
        pdf.set_dash_pattern(dash=1.5, gap=1.2)
        pdf.rect(LEFT, TOP, 2 * CARD_W, CARD_H)
    pdf.set_draw_color(200, 200, 200)
    pdf.line(LEFT + CARD_W, TOP, LEFT + CARD_W, TOP + CARD_H)
    _draw_side(pdf, front, LEFT)
    _draw_side(pdf, back, LEFT + CARD_W)
    return pdf.to_bytes()


def is_empty(facts: CardFacts) -> bool:
    front, back = sides(facts, headings=False)
    return not front and not back
