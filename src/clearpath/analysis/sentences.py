"""Sentence splitting that copes with how people really write messages.

Handles abbreviations ("Dr.", "e.g.", "5 p.m."), initials, decimal numbers and times, ellipses
followed by lower case, closing quotes and brackets, emoji that end a sentence instead of a full
stop, line breaks, and a last sentence without final punctuation.
"""

from __future__ import annotations

import re

from clearpath.analysis.model import Sentence


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words with a full stop that never end a sentence: a name or a number follows them.
NEVER_ENDS = _words("mr mrs ms mx dr prof st jr sr vs eg ie e.g i.e cf ca approx tel nr")
# Words with a full stop that end a sentence only when a capital letter follows
# ("by 5 p.m. Thanks" ends, "Jan. 5" and "etc. and so on" go on).
MAY_END = _words(
    "etc min max appt dept est rd ave inc ltd co am pm a.m p.m jan feb mar apr jun jul "
    "aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun"
)

# A possible end: terminal punctuation (with closing quotes or brackets) then space, or a line
# break, or a run of emoji followed by space. The text after decides whether it really ends.
_END = re.compile(
    r"""(?:[.!?\u2026\u061f\u3002\uff01\uff1f]+["'\u2019\u201d)\]]*(?=\s))"""
    r"""|(?:\n\s*)"""
    r"""|(?:[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\u200d]+(?=\s+[A-Z0-9\u00C0-\u024F]))"""
)
# Not after a digit: "21st." and "5th." end a sentence; "St." does not.
_WORD_BEFORE = re.compile(r"(?<!\w)([A-Za-z][A-Za-z.]*)\.$")
_NEXT_WORD = re.compile(r"\s*(\S)")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text``, each with exact offsets; blank text has none."""
    sentences: list[Sentence] = []
    start = 0
    for end_mark in _END.finditer(text):
        end = end_mark.end()
        if not _ends_here(text, start, end_mark):
            continue
        _add(sentences, text, start, end)
        start = end
    _add(sentences, text, start, len(text))
    return tuple(sentences)


def _ends_here(text: str, start: int, end_mark: re.Match[str]) -> bool:
    mark = end_mark.group()
    if "\n" in mark:
        return True
    if mark.startswith(("..", "\u2026")):
        # An ellipsis followed by lower case is a pause inside one sentence.
        return not _next_is_lower(text, end_mark.end())
    if not mark.startswith("."):
        return True
    before = _WORD_BEFORE.search(text, start, end_mark.start() + 1)
    if before is None:
        return True
    word = before.group(1).lower()
    if word in NEVER_ENDS or (word == "no" and _next_is_digit(text, end_mark.end())):
        return False
    if word in MAY_END:
        return _next_is_upper(text, end_mark.end())
    # A single capital letter is an initial ("J. Smith").
    return not (len(before.group(1)) == 1 and before.group(1).isupper())


def _next_is_lower(text: str, position: int) -> bool:
    following = _NEXT_WORD.match(text, position)
    return following is not None and following.group(1).islower()


def _next_is_upper(text: str, position: int) -> bool:
    following = _NEXT_WORD.match(text, position)
    return following is None or following.group(1).isupper()


def _next_is_digit(text: str, position: int) -> bool:
    following = _NEXT_WORD.match(text, position)
    return following is not None and following.group(1).isdigit()


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    # Trim spaces at both ends so the span holds only the words.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end, text[start:end]))
