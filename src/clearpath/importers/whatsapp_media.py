"""How WhatsApp writes an attachment into the chat text, in the supported languages.

iOS: ``<attached: 00000012-PHOTO-2021-01-05-21-41-05.jpg>`` (and its translations).
Android: ``IMG-20210105-WA0001.jpg (file attached)`` (and its translations).
When media was left out of the export the text says so (``<Media omitted>``,
``image omitted``); there is then no file name to keep.
"""

from __future__ import annotations

import re

# "<attached: NAME>" as iOS writes it in en, de, fr, es, pt, it, nl, ru.
_IOS = re.compile(
    r"<(?:attached|Anhang|pièce jointe|adjunto|anexado|allegato|bijgevoegd|вложение):\s*"
    r"([^>\n]+)>"
)
# "NAME (file attached)" as Android writes it in the same languages.
_ANDROID = re.compile(
    r"(\S[^\n]*?\.[A-Za-z0-9]{1,5})\s\((?:file attached|Datei angehängt|fichier joint|"
    r"archivo adjunto|arquivo anexado|file allegato|bestand bijgevoegd|файл добавлен)\)"
)
# Placeholders for media that was not exported (kept as text; no file to link).
OMITTED = re.compile(
    r"<Media omitted>|<Medien ausgelassen>|<Médias omis>|<Multimedia omitido>|"
    r"<Mídia oculta>|<Media omessi>|<Media weggelaten>|<Без медиафайлов>|"
    r"\b(?:image|video|audio|sticker|GIF|document|Contact card) omitted\b"
)


def attachment_names(text: str) -> tuple[str, ...]:
    """The file names a message refers to, in the order written (often none)."""
    if "<" not in text and "(" not in text:
        return ()
    names = [name.strip() for name in _IOS.findall(text)]
    names.extend(name.strip().lstrip("\u200e") for name in _ANDROID.findall(text))
    return tuple(names)


def media_left_out(text: str) -> bool:
    """True when the message stood for media the export did not include."""
    return OMITTED.search(text) is not None
