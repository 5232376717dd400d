"""A small guess at the language of a text, so text no rule pack covers is never passed as fine.

Counts common function words of a few languages. Short texts with no such words but in Latin
letters (like "ok" or "Yes, 4pm") are taken as English; text mostly in another script is not.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The most frequent short words of each language; overlap between languages is left out.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the and you i to is it of that this for not with my your we be have are was will "
        "me can please on at what but so just do don't i'm it's if they he she would "
        "could"
    ),
    "es": _words(
        "el la los las que y es por para con una pero como más mi tu su lo te se del al "
        "estoy eres muy también porque cuando"
    ),
    "de": _words(
        "der die das und ist nicht ich du mit zu den dem ein eine auch auf für bitte sie "
        "wir ihr mich dich mein dein aber wenn noch"
    ),
    "fr": _words(
        "le la les et est je tu vous pas une des du avec pour que qui mais mon ton sur "
        "dans ce cette très aussi"
    ),
    "pt": _words("o os não você eu com uma para mas meu minha seu sua isso está"),
    "it": _words("il lo gli che non sono sei con per una ma mio mia tuo tua questo"),
    "nl": _words("het een niet ik je jij met voor maar mijn jouw dit dat zijn wij"),
}


def guess_language(text: str) -> str | None:
    """An ISO 639-1 code, or None when the text is not in Latin letters and not recognised."""
    words = [word.lower() for word in _WORD.findall(text)]
    scores = {
        language: sum(word in vocabulary for word in words)
        for language, vocabulary in FUNCTION_WORDS.items()
    }
    best = max(scores, key=lambda language: (scores[language], language == "en"))
    if scores[best] > 0 and scores[best] > scores["en"]:
        return best
    if scores["en"] > 0:
        return "en"
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return "en"  # numbers, emoji, punctuation: nothing to read differently
    latin = sum(char.isascii() or "\u00c0" <= char <= "\u024f" for char in letters)
    return "en" if latin / len(letters) > 0.8 else None
