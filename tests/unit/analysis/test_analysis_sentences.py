"""Sentence splitting: abbreviations, emoji, missing final punctuation, exact offsets."""

from __future__ import annotations

import pytest

from clearpath.analysis.sentences import split_sentences


def words(text: str) -> list[str]:
    return [sentence.words for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pickup is at 5. Thanks.", ["Pickup is at 5.", "Thanks."]),
        ("no final punctuation here", ["no final punctuation here"]),
        ("Dr. Patel said so. Mrs. Lee agreed.", ["Dr. Patel said so.", "Mrs. Lee agreed."]),
        ("See you at 5 p.m. on Friday. Bye", ["See you at 5 p.m. on Friday.", "Bye"]),
        ("Back by 5 p.m. Thanks", ["Back by 5 p.m.", "Thanks"]),
        ("Bring shoes, coats etc. and the bag.", ["Bring shoes, coats etc. and the bag."]),
        ("e.g. Friday works. J. Smith came.", ["e.g. Friday works.", "J. Smith came."]),
        ("No. I won't. Ref no. 5 is paid.", ["No.", "I won't.", "Ref no. 5 is paid."]),
        ("It costs 3.50 each. Ok", ["It costs 3.50 each.", "Ok"]),
        (
            "Term starts on the 5th. Half term is the 21st. Ok",
            ["Term starts on the 5th.", "Half term is the 21st.", "Ok"],
        ),
        ("Sam lost a tooth 🦷 See you Friday", ["Sam lost a tooth 🦷", "See you Friday"]),
        ("Great 👍 thanks", ["Great 👍 thanks"]),
        ("Wait... what? ok.", ["Wait... what?", "ok."]),
        ("I was going to… never mind. Fine", ["I was going to… never mind.", "Fine"]),
        ('He said "stop." Then he left.', ['He said "stop."', "Then he left."]),
        ("Really?! Yes!!", ["Really?!", "Yes!!"]),
        ("line one\nline two\n\nline three", ["line one", "line two", "line three"]),
        ("  ", []),
        ("", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_offsets_point_at_the_words() -> None:
    text = "  Hi.  Pickup at 5?\n\nThanks 🙏  "
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.words
        assert sentence.words == sentence.words.strip()
