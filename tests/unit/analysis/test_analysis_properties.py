"""Any text at all: the engine never crashes, and every span lies inside the text and matches."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clearpath.analysis import Direction, analyse
from clearpath.analysis.guidance import suggest
from clearpath.analysis.lines import record
from clearpath.analysis.sentences import split_sentences

_PLAIN = (
    "sorry I I'm you why because my new address feel ? . ! ... Dr. p.m. 5 Leeds every Monday "
    "idiot don't e.g. ' 🙏 👍 مرحبا"
)
WORDS = st.sampled_from([*_PLAIN.split(), "\u2026", "\n", " ", "don\u2019t", "\u200f", "\u00a0"])
TEXTS = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=60).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(list(Direction)))
def test_any_text_gives_exact_spans_inside_the_text(text: str, direction: Direction) -> None:
    result = analyse(text, direction)
    for flag in result.flags:
        assert 0 <= flag.start < flag.end <= len(text)
        assert text[flag.start : flag.end] == flag.match
        assert flag.explanation
        assert flag.suggestion
    record("x", result)  # the output line can always be built
    if direction is Direction.OUT:
        suggest(result)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sentences_are_in_order_and_cover_every_word(text: str) -> None:
    sentences = split_sentences(text)
    last = 0
    for sentence in sentences:
        assert last <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.words
        assert not text[last : sentence.start].strip()
        last = sentence.end
    assert not text[last:].strip()
