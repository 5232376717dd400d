"""A brief, informative, friendly, firm version of a draft, offered as guidance.

It keeps the sentences no rule flagged, in order, and adds a calm closing when something was
left out. It never invents facts: when every sentence was flagged, it leaves a frame for the
practical point instead.
"""

from __future__ import annotations

import re

from clearpath.analysis.model import Analysis, Guidance, Sentence

CLOSING = "Thank you."
EMPTY_FRAME = "Noted. [Add the practical point here in one sentence: a time, a date or a document.]"
MAX_SENTENCES = 5
_HAS_CLOSING = re.compile(
    r"\b(?:thanks|thank you|regards|best wishes|cheers|bye|see you)\b", re.IGNORECASE
)

NOTE_CLEAN = (
    "Nothing was flagged. Rules can miss things, so read it once more, slowly, before you send it."
)
NOTE_NOT_CHECKED = "This text was not checked, so there is no suggested version."
NOTE_EMPTY = (
    "Every sentence had a flag, so only a frame is left. Fill in the practical point, "
    "or decide that no reply is needed."
)
NOTE_STILL_LONG = (
    "This is still more than five sentences. Keep only what the other person needs in order to act."
)


def suggest(analysis: Analysis) -> Guidance:
    """The guidance version of an analysed draft."""
    sentences = analysis.sentences
    if not analysis.analysed:
        return Guidance(analysis.text.strip(), len(sentences), 0, (NOTE_NOT_CHECKED,))
    kept = [
        sentence
        for sentence in sentences
        if not any(flag.category != "too_long" for flag in analysis.flags_in(sentence))
    ]
    left_out = len(sentences) - len(kept)
    text = _joined(analysis.text, kept)
    if not analysis.flags:
        return Guidance(text, len(kept), 0, (NOTE_CLEAN,))
    notes: list[str] = []
    if not kept:
        return Guidance(EMPTY_FRAME, 0, left_out, (NOTE_EMPTY,))
    if len(kept) > MAX_SENTENCES:
        notes.append(NOTE_STILL_LONG)
    if left_out and not _HAS_CLOSING.search(text):
        if text[-1].isalnum():
            text += "."
        text = f"{text} {CLOSING}"
    return Guidance(text, len(kept), left_out, tuple(notes))


def _joined(text: str, kept: list[Sentence]) -> str:
    """The kept sentences, apart by a line break where the draft had one, else by a space."""
    parts: list[str] = []
    previous_end = None
    for sentence in kept:
        if previous_end is not None:
            gap = text[previous_end : sentence.start]
            parts.append("\n" if "\n" in gap else " ")
        parts.append(sentence.words)
        previous_end = sentence.end
    return "".join(parts)
