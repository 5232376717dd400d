"""Text analysis: transparent rules over drafts going out and messages coming in.

Pure: text in, dataclasses out; no database, no web. ``analyse(text, direction)`` is the entry
point; ``guidance.suggest(analysis)`` offers a calmer version of a draft; ``lines`` reads and
writes the JSON line format of ``clearpath analyze``.
"""

from clearpath.analysis.engine import MAX_TEXT_CHARS, TextTooLong, analyse, categories
from clearpath.analysis.model import Analysis, Direction, Flag, Guidance, Sentence

__all__ = [
    "MAX_TEXT_CHARS",
    "Analysis",
    "Direction",
    "Flag",
    "Guidance",
    "Sentence",
    "TextTooLong",
    "analyse",
    "categories",
]
