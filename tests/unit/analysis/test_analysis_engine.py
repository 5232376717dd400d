"""The engine: directions, languages, limits, typographic apostrophes, guidance."""

from __future__ import annotations

import pytest

from clearpath.analysis import MAX_TEXT_CHARS, Direction, TextTooLong, analyse, categories
from clearpath.analysis.guidance import CLOSING, EMPTY_FRAME, NOTE_CLEAN, NOTE_STILL_LONG, suggest
from clearpath.analysis.language import guess_language

DRAFT_CATEGORIES = (
    "jade",
    "emotional",
    "apology",
    "open_question",
    "personal_detail",
    "hostile",
    "too_long",
)


def test_the_draft_pack_has_exactly_the_issue_categories() -> None:
    assert tuple(c.name for c in categories(Direction.OUT)) == DRAFT_CATEGORIES


def test_incoming_text_is_not_analysed_until_a_pack_exists_and_says_so() -> None:
    result = analyse("I know where you live.", Direction.IN)
    assert not result.analysed
    assert result.flags == ()
    assert result.reason is not None
    assert "incoming messages" in result.reason


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ok", "en"),
        ("Yes, 4pm", "en"),
        ("👍", "en"),
        ("Please send the form.", "en"),
        ("Bitte schick mir das Formular, ich bin nicht da.", "de"),
        ("Por favor, mándame el formulario para la escuela.", "es"),
        ("سأكون هناك في الخامسة", None),
        ("明日の五時に迎えに行きます", None),
    ],
)
def test_language_guess(text: str, language: str | None) -> None:
    assert guess_language(text) == language


def test_a_draft_in_another_language_is_not_analysed() -> None:
    result = analyse("Lo siento mucho, no es mi culpa.", Direction.OUT)
    assert not result.analysed
    assert "(es)" in (result.reason or "")


def test_the_language_can_be_given() -> None:
    assert analyse("Sorry.", Direction.OUT, language="en").categories == ("apology",)
    assert not analyse("Sorry.", Direction.OUT, language="fr").analysed


def test_typographic_apostrophes_match_like_straight_ones() -> None:
    straight = analyse("It wasn't my fault. Don't be mad.", Direction.OUT)
    curly = analyse("It wasn\u2019t my fault. Don\u2019t be mad.", Direction.OUT)
    assert [f.rule for f in straight.flags] == [f.rule for f in curly.flags]
    assert len(curly.flags) == 2


def test_too_long_flags_the_words_after_the_fifth_sentence() -> None:
    text = "One. Two. Three. Four. Five. Six and seven. Really."
    (flag,) = analyse(text, Direction.OUT).flags
    assert flag.category == "too_long"
    assert flag.match == "Six and seven. Really."
    assert flag.explanation.startswith("7 sentences.")
    assert analyse("One. Two. Three. Four. Five.", Direction.OUT).flags == ()


def test_a_text_over_the_limit_is_refused() -> None:
    with pytest.raises(TextTooLong):
        analyse("a" * (MAX_TEXT_CHARS + 1), Direction.OUT)


def test_guidance_keeps_the_calm_sentences_and_adds_a_closing() -> None:
    result = analyse("I'm sorry. Pickup is at 5 on Friday. I moved to Leeds.", Direction.OUT)
    guidance = suggest(result)
    assert guidance.text == f"Pickup is at 5 on Friday. {CLOSING}"
    assert (guidance.kept, guidance.left_out) == (1, 2)


def test_guidance_keeps_a_closing_that_is_there() -> None:
    result = analyse("Sorry! Pickup at 5. Thanks", Direction.OUT)
    assert suggest(result).text == "Pickup at 5. Thanks"


def test_guidance_for_a_clean_draft_is_the_draft_with_a_reminder() -> None:
    guidance = suggest(analyse("Pickup at 5. See you then.", Direction.OUT))
    assert guidance.text == "Pickup at 5. See you then."
    assert guidance.notes == (NOTE_CLEAN,)


def test_guidance_when_every_sentence_is_flagged_leaves_a_frame() -> None:
    guidance = suggest(analyse("Sorry. Why do you do this?", Direction.OUT))
    assert guidance.text == EMPTY_FRAME
    assert guidance.kept == 0


def test_guidance_says_when_the_calm_part_is_still_long() -> None:
    text = "Sorry. A is 1. B is 2. C is 3. D is 4. E is 5. F is 6."
    guidance = suggest(analyse(text, Direction.OUT))
    assert NOTE_STILL_LONG in guidance.notes
    assert not guidance.text.startswith("Sorry")


def test_guidance_keeps_the_line_breaks_of_the_draft() -> None:
    draft = "Hi,\n\nI'm so sorry.\nPickup is at 5 on Friday.\n\nThanks"
    assert suggest(analyse(draft, Direction.OUT)).text == "Hi,\nPickup is at 5 on Friday.\nThanks"


def test_quoted_words_are_not_the_writers_own() -> None:
    draft = 'You wrote "I\'ll make sure you never see them". Pickup is at 5.'
    assert analyse(draft, Direction.OUT).flags == ()
    curly = "The teacher said \u201csorry for the delay\u201d. I\u2019m sorry too."
    (flag,) = analyse(curly, Direction.OUT).flags
    assert flag.start == curly.rindex("sorry")


def test_why_not_with_a_plan_is_a_suggestion() -> None:
    assert analyse("Why not meet at 5 instead?", Direction.OUT).flags == ()
    assert analyse("Why not?", Direction.OUT).categories == ("open_question",)
