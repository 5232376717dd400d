"""The stable key of a message and the canonical record its hash is taken over."""

from __future__ import annotations

import hashlib
from collections import Counter

from sqlalchemy.orm import Session

from clearpath.importers.base import ParsedMessage

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
    """The bytes the import's records hash runs over, for one stored message: each field as
    its UTF-8 length, a colon and its bytes ("-" for no sender), so no two different records
    can give the same bytes. docs/importers.md has the layout."""
    parts = (key, sender, timestamp, raw_timestamp, text, "1" if system else "0")
    out = bytearray()
    for part in parts:
        if part is None:
            out += b"-;"
            continue
        data = part.encode("utf-8", errors="surrogatepass")
        out += b"%d:%s;" % (len(data), data)
    return bytes(out)


class RecordsHasher:
    """The records hash taken message by message, in the order they are stored."""

    def __init__(self) -> None:
        self._digest = hashlib.sha256()

    def add(
        self,
        key: str,
        sender: str | None,
        timestamp: str,
        raw_timestamp: str,
        text: str,
        system: bool | int,
    ) -> None:
        self._digest.update(
            canonical_record(key, sender, timestamp, raw_timestamp, text, bool(system))
        )

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


def records_hash(db: Session, import_id: int) -> str:
    """SHA-256 over the canonical records one import added, in id order, read back from the
    database: what the import's log entry holds, and what verify recomputes."""
    hasher = RecordsHasher()
    cursor = db.connection().connection.cursor()
    try:
        cursor.execute(
            "SELECT key, sender, timestamp_text, raw_timestamp, text, system "
            "FROM messages_messages WHERE import_id = ? ORDER BY id",
            (import_id,),
        )
        while rows := cursor.fetchmany(BATCH):
            for key, sender, stamp, raw, body, system in rows:
                hasher.add(key, sender, stamp, raw, body, system)
    finally:
        cursor.close()
    return hasher.hexdigest()
