"""Importing an export: preview it, keep the original as evidence, add the new messages.

Nothing is stored until the whole file has been read once without a problem, so a file that
stops being readable at line 2,041 leaves nothing behind. The messages then go in as one
transaction: every message, its place in the search index and one log leaf whose hash covers
the records this import added.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from clearpath.evidence import checkpoints
from clearpath.evidence.log import append_event
from clearpath.importers.base import Importer, ImportProblem, ParsedMessage, ParseOptions, Source
from clearpath.importers.registry import by_name, detect
from clearpath.messages import search
from clearpath.messages.models import Conversation, Message, MessageFile, MessageImport
from clearpath.messages.originals import keep_attachments, keep_original
from clearpath.messages.records import KeyMaker, RecordsHasher, records_hash
from clearpath.messages.timezones import WallClock, is_zone
from clearpath.vault.service import Vault

BATCH = 20_000
# SQLite's default page cache (about 2 MB), restored after an import.
DEFAULT_CACHE = -2000
# During an import (KiB, as SQLite counts a negative cache_size): 64 MiB.
IMPORT_CACHE = -65536
SAMPLE = 20
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Preview:
    """What the file holds, shown before anything is stored."""

    format: str
    label: str
    count: int
    system: int
    senders: list[tuple[str, int]]
    first: str | None
    last: str | None
    sample: list[ParsedMessage]
    attachment_names: frozenset[str] = frozenset()
    channel: str = ""


@dataclass(frozen=True)
class ImportRequest:
    source: Source
    options: ParseOptions = field(default_factory=ParseOptions)
    format: str | None = None  # None: recognise it from the file
    zone: str = "UTC"
    me: str | None = None  # the person's own name as the export writes it
    conversation_id: int | None = None  # add to this conversation
    title: str | None = None  # or make/find one with this title


@dataclass(frozen=True)
class ImportResult:
    conversation_id: int
    import_id: int
    new: int
    seen: int
    file_item: int
    attachments_kept: int


def choose_importer(source: Source, name: str | None) -> Importer:
    return by_name(name) if name else detect(source)


def preview(source: Source, name: str | None, options: ParseOptions) -> Preview:
    """Read the whole export once (ImportProblem names the line where it cannot) and sum it
    up; the first messages are kept to show."""
    importer = choose_importer(source, name)
    senders: Counter[str] = Counter()
    sample: list[ParsedMessage] = []
    names: set[str] = set()
    count = system = 0
    first = last = None
    channel = ""
    for message in importer.parse(source, options):
        count += 1
        if len(sample) < SAMPLE:
            sample.append(message)
        first = first or message.timestamp
        last = message.timestamp
        channel = message.channel
        if message.system:
            system += 1
        elif message.sender:
            senders[message.sender] += 1
        names.update(message.attachments)
    return Preview(
        format=importer.name,
        label=importer.label,
        count=count,
        system=system,
        senders=senders.most_common(),
        first=first,
        last=last,
        sample=sample,
        attachment_names=frozenset(names),
        channel=channel or importer.name,
    )


def import_export(
    vault: Vault,
    request: ImportRequest,
    *,
    stored_file_id: int | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Keep the original (unless it is already the evidence file ``stored_file_id``), then add
    every message not already in the conversation. ImportProblem for a file that cannot be
    read; nothing is stored then."""
    if not is_zone(request.zone):
        raise ImportProblem(f"{request.zone!r} is not a time zone this device knows.")
    summary = preview(request.source, request.format, request.options)
    if summary.count == 0:
        raise ImportProblem("This export holds no messages, so there is nothing to import.")
    importer = by_name(summary.format)
    original = keep_original(vault, request.source, stored_file_id)
    kept = keep_attachments(vault, request.source, summary.attachment_names)
    with vault.session() as db:
        conversation = _conversation(db, request, summary)
        record = MessageImport(
            conversation_id=conversation,
            file_id=original.id,
            format=summary.format,
            imported_at=datetime.now(UTC),
            timezone=request.zone,
            date_order=request.options.date_order.value if request.options.date_order else None,
            me=request.me,
            new_count=0,
            seen_count=0,
            records_sha256="",
        )
        db.add(record)
        db.flush()
        # Into an empty conversation every message is new, so the records hash can be taken
        # on the way in; otherwise it is read back, since some messages were already there.
        was_empty = db.scalar(
            select(Message.id).where(Message.conversation_id == conversation).limit(1)
        ) is None
        hashing = RecordsHasher() if was_empty else None
        rows = _rows(importer.parse(request.source, request.options), record, request, summary)
        _insert(db, _hashed(rows, hashing), summary.count, progress)
        new = int(db.scalar(select(func.count()).where(Message.import_id == record.id)) or 0)
        _link_files(db, record.id, kept)
        records_sha256 = hashing.hexdigest() if hashing else records_hash(db, record.id)
        search.add_import(db, record.id)
        record.new_count = new
        record.seen_count = summary.count - new
        record.records_sha256 = records_sha256
        append_event(
            db,
            {
                "event": "messages.imported",
                "import": record.id,
                "conversation": conversation,
                "file_item": original.item_number,
                "format": summary.format,
                "new": record.new_count,
                "seen": record.seen_count,
                "records_sha256": records_sha256,
            },
        )
        checkpoints.sign_checkpoint(db, vault)
        return ImportResult(
            conversation_id=conversation,
            import_id=record.id,
            new=record.new_count,
            seen=record.seen_count,
            file_item=original.item_number,
            attachments_kept=len(kept),
        )


def _conversation(db: Session, request: ImportRequest, summary: Preview) -> int:
    if request.conversation_id is not None:
        if db.get(Conversation, request.conversation_id) is None:
            raise ImportProblem("That conversation is no longer here; choose another one.")
        return request.conversation_id
    title = (request.title or "").strip() or _default_title(request.source.name, summary)
    found = db.scalar(
        select(Conversation.id).where(
            Conversation.title == title, Conversation.channel == summary.channel
        )
    )
    if found is not None:
        return int(found)
    conversation = Conversation(
        title=title[:200], channel=summary.channel, created_at=datetime.now(UTC)
    )
    db.add(conversation)
    db.flush()
    return conversation.id


def _default_title(file_name: str, summary: Preview) -> str:
    others = [name for name, _ in summary.senders][:2]
    return ", ".join(others) if others else file_name


# The columns written for each message, in the order _rows gives them.
COLUMNS = (
    "conversation_id",
    "import_id",
    "key",
    "sender",
    "direction",
    "timestamp_text",
    "raw_timestamp",
    "occurred_at",
    "text",
    "system",
    "attachments",
    "recipients",
    "subject",
    "source",
)
INSERT_SQL = (
    f"INSERT OR IGNORE INTO messages_messages ({', '.join(COLUMNS)}) "  # noqa: S608 - constants
    f"VALUES ({', '.join('?' for _ in COLUMNS)})"
)
NO_NAMES = "[]"


def _json_list(values: tuple[str, ...]) -> str:
    return json.dumps(list(values), ensure_ascii=False) if values else NO_NAMES


def _rows(
    messages: Iterable[ParsedMessage],
    record: MessageImport,
    request: ImportRequest,
    summary: Preview,
) -> Iterator[tuple[object, ...]]:
    """One tuple per message in COLUMNS order (plain values: a million of them go through
    the driver's executemany without the ORM's per-row work)."""
    keys = KeyMaker(summary.channel)
    clock = WallClock(request.zone)
    conversation, import_id, me = record.conversation_id, record.id, request.me
    for message in messages:
        direction = message.direction
        if direction is None and not message.system and message.sender is not None:
            direction = "out" if me and message.sender == me else "in"
        yield (
            conversation,
            import_id,
            keys.key(message),
            message.sender,
            direction,
            message.timestamp,
            message.raw_timestamp,
            clock.utc_text(message.timestamp),
            message.text,
            1 if message.system else 0,
            _json_list(message.attachments),
            _json_list(message.recipients),
            message.subject,
            message.source.as_json_text(),
        )


def _hashed(
    rows: Iterable[tuple[object, ...]], hashing: RecordsHasher | None
) -> Iterator[tuple[object, ...]]:
    if hashing is None:
        yield from rows
        return
    for row in rows:
        # key, sender, timestamp_text, raw_timestamp, text, system (see COLUMNS)
        hashing.add(row[2], row[3], row[5], row[6], row[8], row[9])  # type: ignore[arg-type]
        yield row


def _insert(
    db: Session, rows: Iterable[tuple[object, ...]], total: int, progress: Progress | None
) -> int:
    """Insert in batches inside the session's transaction; a message whose key the
    conversation has already is left out. Returns how many messages were read."""
    cursor = db.connection().connection.cursor()
    batch: list[tuple[object, ...]] = []
    done = 0
    # A bigger page cache for the length of the import, so pages are encrypted and written
    # once at the commit instead of spilling to disk while the table grows.
    cursor.execute(f"PRAGMA cache_size = {IMPORT_CACHE}")
    try:
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                cursor.executemany(INSERT_SQL, batch)
                done += len(batch)
                batch = []
                if progress:
                    progress(done, total)
        if batch:
            cursor.executemany(INSERT_SQL, batch)
            done += len(batch)
    finally:
        cursor.execute(f"PRAGMA cache_size = {DEFAULT_CACHE}")
        cursor.close()
    if progress:
        progress(done, total)
    return done


def _link_files(db: Session, import_id: int, kept: dict[str, int]) -> None:
    if not kept:
        return
    rows = db.execute(
        select(Message.id, Message.attachments).where(
            Message.import_id == import_id, Message.attachments != "[]"
        )
    ).all()
    links = [
        {"message_id": message_id, "file_id": kept[name], "name": name}
        for message_id, names in rows
        for name in dict.fromkeys(json.loads(names))
        if name in kept
    ]
    if links:
        db.execute(insert(MessageFile).prefix_with("OR IGNORE"), links)
