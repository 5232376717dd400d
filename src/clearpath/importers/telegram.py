"""Telegram Desktop's JSON export (``result.json``), one chat or a whole account.

A message's ``text`` is a string, or a list mixing strings and entities
(``{"type": "bold", "text": "..."}``); the plain text is their concatenation. ``date`` is the
local wall-clock time as the export writes it; ``date_unixtime`` the exact instant. Service
messages (calls, pins, members joining) are kept and marked as system messages. Media are
references to files beside the JSON (``photo``, ``file``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from clearpath.importers.base import (
    ImportProblem,
    ParsedMessage,
    ParseOptions,
    Source,
    SourceRef,
)

MEDIA_KEYS = ("photo", "file", "thumbnail")


class TelegramImporter:
    name = "telegram"
    label = "Telegram Desktop export (result.json)"

    def sniff(self, source: Source, head: bytes) -> bool:
        text = head.lstrip(b"\xef\xbb\xbf \r\n\t")
        return text.startswith(b"{") and (
            b'"date_unixtime"' in head or (b'"messages"' in head and b'"from_id"' in head)
        )

    def parse(self, source: Source, options: ParseOptions) -> Iterator[ParsedMessage]:
        try:
            with source.open() as stream:
                data = json.load(stream)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            line = getattr(exc, "lineno", None)
            raise ImportProblem("This file is not valid JSON.", line=line) from exc
        for chat_name, messages in _chats(data):
            for index, raw in enumerate(messages):
                if not isinstance(raw, dict):
                    raise ImportProblem(f"Message {index + 1} in {chat_name!r} is not an object.")
                yield _message(raw, chat_name, index)


def _chats(data: Any) -> Iterator[tuple[str, list[Any]]]:
    if not isinstance(data, dict):
        raise ImportProblem("This is not a Telegram export: the file is not a JSON object.")
    if isinstance(data.get("messages"), list):
        yield str(data.get("name") or ""), data["messages"]
        return
    chats = data.get("chats")
    listed = chats.get("list") if isinstance(chats, dict) else None
    if not isinstance(listed, list):
        raise ImportProblem("This is not a Telegram export: it has no messages list.")
    for chat in listed:
        if isinstance(chat, dict) and isinstance(chat.get("messages"), list):
            yield str(chat.get("name") or ""), chat["messages"]


def plain_text(value: Any) -> str:
    """The text of a message, whether written as a string or a list of pieces."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(
            piece if isinstance(piece, str) else str(piece.get("text", ""))
            for piece in value
            if isinstance(piece, str | dict)
        )
    return ""


def _message(raw: dict[str, Any], chat_name: str, index: int) -> ParsedMessage:
    date = raw.get("date")
    if not isinstance(date, str) or len(date) < 16:
        raise ImportProblem(f"Message {index + 1} in {chat_name!r} has no readable date.")
    system = raw.get("type") == "service"
    text = plain_text(raw.get("text"))
    if system and not text:
        text = str(raw.get("action") or "").replace("_", " ")
    sender = raw.get("actor") if system else raw.get("from")
    files = tuple(str(raw[key]) for key in MEDIA_KEYS[:2] if isinstance(raw.get(key), str))
    return ParsedMessage(
        sender=str(sender) if sender is not None else None,
        timestamp=date,
        raw_timestamp=date,
        text=text,
        source=SourceRef(item=str(raw.get("id", index + 1))),
        system=system,
        attachments=files,
        channel="telegram",
    )
