"""Facebook Messenger and Instagram JSON exports (``message_1.json``).

Meta writes text as UTF-8 bytes disguised as Latin-1 characters ("CafÃ©" for "Café"), so
every string is repaired when, and only when, it decodes cleanly that way. Times are
``timestamp_ms``; messages are stored newest first and come out oldest first.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from clearpath.importers.base import (
    ImportProblem,
    ParsedMessage,
    ParseOptions,
    Source,
    SourceRef,
)

MEDIA_KEYS = ("photos", "videos", "audio_files", "files", "gifs")


def repair(text: str) -> str:
    """Undo Meta's Latin-1 disguise of UTF-8; leave text that was never disguised alone."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


class MessengerImporter:
    name = "messenger"
    label = "Facebook Messenger or Instagram export (.json)"

    def sniff(self, source: Source, head: bytes) -> bool:
        return b'"participants"' in head and (
            b'"timestamp_ms"' in head or b'"sender_name"' in head
        )

    def parse(self, source: Source, options: ParseOptions) -> Iterator[ParsedMessage]:
        try:
            with source.open() as stream:
                data = json.load(stream)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ImportProblem(
                "This file is not valid JSON.", line=getattr(exc, "lineno", None)
            ) from exc
        messages = data.get("messages") if isinstance(data, dict) else None
        if not isinstance(messages, list):
            raise ImportProblem("This is not a Messenger export: it has no messages list.")
        numbered = list(enumerate(messages))
        stamps = [m.get("timestamp_ms", 0) for _, m in numbered if isinstance(m, dict)]
        if len(stamps) > 1 and stamps[0] > stamps[-1]:
            numbered.reverse()
        for index, raw in numbered:
            if not isinstance(raw, dict):
                raise ImportProblem(f"Message {index + 1} is not an object.")
            yield _message(raw, index)


def _files(raw: dict[str, Any]) -> tuple[str, ...]:
    names: list[str] = []
    for key in MEDIA_KEYS:
        for item in raw.get(key) or []:
            if isinstance(item, dict) and isinstance(item.get("uri"), str):
                names.append(item["uri"])
    return tuple(names)


def _message(raw: dict[str, Any], index: int) -> ParsedMessage:
    stamp = raw.get("timestamp_ms")
    if not isinstance(stamp, int):
        raise ImportProblem(f"Message {index + 1} has no timestamp_ms.")
    moment = datetime.fromtimestamp(stamp / 1000, tz=UTC)
    iso = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if stamp % 1000:
        iso += f".{stamp % 1000:03d}"
    content = raw.get("content")
    sender = raw.get("sender_name")
    kind = raw.get("type", "Generic")
    return ParsedMessage(
        sender=repair(sender) if isinstance(sender, str) else None,
        timestamp=iso + "Z",
        raw_timestamp=str(stamp),
        text=repair(content) if isinstance(content, str) else "",
        source=SourceRef(item=str(index + 1)),
        system=kind not in ("Generic", "Share"),
        attachments=_files(raw),
        channel="messenger",
    )
