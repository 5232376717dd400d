"""The stable key of a message and the canonical record its hash is taken over."""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearpath.importers.base import ParsedMessage
from clearpath.messages.models import Message

BATCH = 5_000


class KeyMaker:
    """Keys that stay the same when the same export, or one that overlaps it, comes again.

    The key covers the channel, the time as written, the sender and the text. Two identical
    messages in the same minute are both real, so the n-th repeat within one export adds n
    to its key. Exports are in time order, so repeats are counted only among messages with
    the same written time, and memory stays small however long the chat.
    """

    def __init__(self, channel: str) -> None:
        self.channel = channel
        self._time = ""
        self._seen: Counter[tuple[str, str]] = Counter()

    def key(self, message: ParsedMessage) -> str:
        if message.timestamp != self._time:
            self._time = message.timestamp
            self._seen.clear()
        identity = (message.sender or "", message.text)
        repeat = self._seen[identity]
        self._seen[identity] = repeat + 1
        data = "\x1f".join((self.channel, message.timestamp, *identity, str(repeat)))
        return hashlib.sha256(data.encode("utf-8", errors="surrogatepass")).hexdigest()


def canonical_record(
    key: str, sender: str | None, timestamp: str, raw_timestamp: str, text: str, system: bool
) -> bytes:
    """The bytes the import's records hash runs over, one stored message at a time."""
    return json.dumps(
        {
            "key": key,
            "sender": sender,
            "timestamp": timestamp,
            "raw_timestamp": raw_timestamp,
            "text": text,
            "system": system,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode("utf-8", errors="surrogatepass")


def records_hash(db: Session, import_id: int) -> str:
    """SHA-256 over the canonical records one import added, in id order, read back from the
    database: what the import's log entry holds, and what verify recomputes."""
    digest = hashlib.sha256()
    rows = db.execute(
        select(
            Message.key,
            Message.sender,
            Message.timestamp_text,
            Message.raw_timestamp,
            Message.text,
            Message.system,
        )
        .where(Message.import_id == import_id)
        .order_by(Message.id)
        .execution_options(yield_per=BATCH)
    )
    for key, sender, stamp, raw, body, system in rows:
        digest.update(canonical_record(key, sender, stamp, raw, body, system))
        digest.update(b"\n")
    return digest.hexdigest()
