"""The plan's printouts: entry lines, checklist words, the wallet card's two sides."""

from __future__ import annotations

from pathlib import Path

from clearpath.helpdir.directory import HelpService
from clearpath.plan.models import SafePlace, TrustedPerson
from clearpath.plan.parts import PART_BY_SLUG
from clearpath.plan.printout import entry_lines, item_words
from clearpath.plan.services import Item
from clearpath.plan.wallet_card import CardFacts, card_pdf, is_empty, sides
from clearpath.printing.testing import ink_fraction, page_images

ARABIC = "\u0645\u0646\u0632\u0644 \u0644\u064a\u0644\u0649"
CHINESE = "\u738b\u5c0f\u660e"
FACTS = CardFacts(
    emergency="112",
    hotline=HelpService(id="x", name="Helpline", kinds=("hotline",), country="DE",
                        phone="116 016"),
    place=SafePlace(name=ARABIC, address="1 Road\nTown", contact=""),
    person=TrustedPerson(name=CHINESE, phone="+86 138 0013 8000"),
)


def test_entry_lines_name_first_then_filled_fields() -> None:
    place = SafePlace(name="Sam's", address="1 Road", contact="", route="Bus 4",
                      they_know="not yet", notes="")
    assert entry_lines(PART_BY_SLUG["places"].lists[0], place) == [
        "Sam's", "Address: 1 Road", "How to get there: Bus 4",
        "Do they know you may come: Not yet",
    ]


def test_item_words() -> None:
    bag = PART_BY_SLUG["bag"].checklist
    assert bag is not None
    assert item_words(Item("cash", "Cash", "done"), bag.states, False) == "Cash: packed"
    document = Item("id", "ID", has_original=True, has_copy=True, where_kept="Sam")
    assert item_words(document, (), True) == "ID: original and copy; kept: Sam"
    assert item_words(Item("id", "ID", "skip"), (), True) == "ID: not for me"


def test_the_card_with_and_without_headings() -> None:
    front, back = sides(FACTS, headings=True)
    assert [line.text for line in front] == ["Emergency", "112", "Helpline", "Helpline",
                                             "116 016"]
    assert [line.text for line in back if line.heading] == ["Safe place", "Trusted contact"]
    front, back = sides(FACTS, headings=False)
    assert not any(line.heading for line in front + back)
    assert [line.text for line in back] == [ARABIC, "1 Road, Town", CHINESE,
                                            "+86 138 0013 8000"]
    assert is_empty(CardFacts(None, None, None, None))


def test_the_card_pdf_is_one_page_with_ink(tmp_path: Path) -> None:
    data = card_pdf(FACTS, headings=False)
    pages = page_images(data, tmp_path)
    assert len(pages) == 1
    assert ink_fraction(pages[0]) > 0.001
