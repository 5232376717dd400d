"""Reading messages back: conversations, pages through long chats, search with highlights."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from clearpath.evidence.models import EvidenceFile
from clearpath.messages import search
from clearpath.messages.models import Conversation, Message, MessageFile, MessageImport

PAGE = 200
SEARCH_LIMIT = 200


class ConversationNotFound(LookupError):
    pass


@dataclass(frozen=True)
class ConversationSummary:
    id: int
    title: str
    channel: str
    count: int
    first: datetime | None
    last: datetime | None


@dataclass(frozen=True)
class MessageView:
    id: int
    conversation_id: int
    sender: str | None
    direction: str | None
    timestamp_text: str
    raw_timestamp: str
    occurred_at: datetime
    text: str
    system: bool
    attachments: list[str]
    subject: str | None
    files: list[tuple[int, str]]  # (evidence file id, name)
    hit: str | None = None  # the text with HIT_START/HIT_END around matched words


@dataclass(frozen=True)
class Page:
    messages: list[MessageView]
    older: int | None  # the id to page back from, when there is more before
    newer: int | None  # the id to page on from, when there is more after


@dataclass(frozen=True)
class Filters:
    conversation_id: int | None = None
    sender: str | None = None
    channel: str | None = None
    since: date | None = None
    until: date | None = None


def conversations(db: Session) -> list[ConversationSummary]:
    counts = (
        select(
            Message.conversation_id,
            func.count().label("n"),
            func.min(Message.occurred_at).label("first"),
            func.max(Message.occurred_at).label("last"),
        )
        .group_by(Message.conversation_id)
        .subquery()
    )
    rows = db.execute(
        select(Conversation, counts.c.n, counts.c.first, counts.c.last)
        .outerjoin(counts, counts.c.conversation_id == Conversation.id)
        .order_by(counts.c.last.desc().nulls_last(), Conversation.id)
    ).all()
    return [
        ConversationSummary(c.id, c.title, c.channel, int(n or 0), first, last)
        for c, n, first, last in rows
    ]


def conversation(db: Session, conversation_id: int) -> ConversationSummary:
    for item in conversations(db):
        if item.id == conversation_id:
            return item
    raise ConversationNotFound(conversation_id)


def senders(db: Session, conversation_id: int | None = None) -> list[tuple[str, int]]:
    query = select(Message.sender, func.count()).where(Message.sender.is_not(None))
    if conversation_id is not None:
        query = query.where(Message.conversation_id == conversation_id)
    rows = db.execute(query.group_by(Message.sender).order_by(func.count().desc())).all()
    return [(str(sender), int(n)) for sender, n in rows]


def imports(db: Session, conversation_id: int) -> list[tuple[MessageImport, EvidenceFile]]:
    rows = db.execute(
        select(MessageImport, EvidenceFile)
        .join(EvidenceFile, EvidenceFile.id == MessageImport.file_id)
        .where(MessageImport.conversation_id == conversation_id)
        .order_by(MessageImport.id)
    ).all()
    return [(row[0], row[1]) for row in rows]


def page(
    db: Session, conversation_id: int, *, before: int | None = None, after: int | None = None
) -> Page:
    """PAGE messages in time order: the newest ones, or those just before ``before`` or just
    after ``after`` (message ids). Uses the (conversation, time, id) index, so the thousandth
    page is as quick as the first."""
    if db.get(Conversation, conversation_id) is None:
        raise ConversationNotFound(conversation_id)
    base = select(Message).where(Message.conversation_id == conversation_id)
    anchor_id = before if before is not None else after
    if anchor_id is not None:
        anchor = db.get(Message, anchor_id)
        if anchor is None or anchor.conversation_id != conversation_id:
            raise ConversationNotFound(conversation_id)
        key = (anchor.occurred_at, anchor.id)
    if after is not None:
        query = base.where(
            (Message.occurred_at > key[0])
            | ((Message.occurred_at == key[0]) & (Message.id > key[1]))
        ).order_by(Message.occurred_at, Message.id)
        rows = list(db.scalars(query.limit(PAGE + 1)))
        more_after = len(rows) > PAGE
        rows = rows[:PAGE]
        more_before = True
    else:
        query = base
        if before is not None:
            query = query.where(
                (Message.occurred_at < key[0])
                | ((Message.occurred_at == key[0]) & (Message.id < key[1]))
            )
        query = query.order_by(Message.occurred_at.desc(), Message.id.desc())
        rows = list(db.scalars(query.limit(PAGE + 1)))
        more_before = len(rows) > PAGE
        rows = list(reversed(rows[:PAGE]))
        more_after = before is not None
    views = _views(db, rows)
    return Page(
        messages=views,
        older=views[0].id if views and more_before else None,
        newer=views[-1].id if views and more_after else None,
    )


def find(db: Session, query: str, where: Filters | None = None) -> list[MessageView] | None:
    """Messages matching every word typed (best first, at most SEARCH_LIMIT), with the
    matching words marked; None when nothing searchable was typed."""
    expression = search.match_expression(query)
    if expression is None:
        return None
    search.ensure_index(db)
    where = where or Filters()
    sql = (
        "SELECT m.id, highlight(messages_search, 0, :start, :end) AS hit "
        "FROM messages_search JOIN messages_messages AS m ON m.id = messages_search.rowid "
        "WHERE messages_search MATCH :q"
    )
    params: dict[str, Any] = {"q": expression, "start": search.HIT_START, "end": search.HIT_END}
    if where.conversation_id is not None:
        sql += " AND m.conversation_id = :conversation"
        params["conversation"] = where.conversation_id
    if where.sender:
        sql += " AND m.sender = :sender"
        params["sender"] = where.sender
    if where.since is not None:
        sql += " AND m.occurred_at >= :since"
        params["since"] = _bound(where.since)
    if where.until is not None:
        sql += " AND m.occurred_at < :until"
        params["until"] = _bound(where.until + timedelta(days=1))
    if where.channel:
        sql += (
            " AND m.conversation_id IN (SELECT id FROM messages_conversations WHERE "
            "channel = :channel)"
        )
        params["channel"] = where.channel
    sql += " ORDER BY rank LIMIT :limit"
    params["limit"] = SEARCH_LIMIT
    hits = {int(row[0]): str(row[1]) for row in db.execute(text(sql), params).all()}
    rows = db.scalars(select(Message).where(Message.id.in_(hits))).all()
    rank = {message_id: place for place, message_id in enumerate(hits)}
    ordered = sorted(rows, key=lambda m: rank[m.id])
    return [_with_hit(view, hits[view.id]) for view in _views(db, ordered)]


def _bound(day: date) -> str:
    # occurred_at is stored as UTC text by SQLAlchemy; compare in the same form.
    return datetime.combine(day, time()).strftime("%Y-%m-%d %H:%M:%S.%f")


def _with_hit(view: MessageView, hit: str) -> MessageView:
    return MessageView(**{**view.__dict__, "hit": hit})


def _views(db: Session, rows: list[Message] | Any) -> list[MessageView]:
    ids = [row.id for row in rows]
    files: dict[int, list[tuple[int, str]]] = {}
    if ids:
        linked = db.execute(
            select(MessageFile.message_id, MessageFile.file_id, MessageFile.name).where(
                MessageFile.message_id.in_(ids)
            )
        ).all()
        for message_id, file_id, name in linked:
            files.setdefault(message_id, []).append((file_id, name))
    return [
        MessageView(
            id=row.id,
            conversation_id=row.conversation_id,
            sender=row.sender,
            direction=row.direction,
            timestamp_text=row.timestamp_text,
            raw_timestamp=row.raw_timestamp,
            occurred_at=row.occurred_at,
            text=row.text,
            system=row.system,
            attachments=json.loads(row.attachments),
            subject=row.subject,
            files=files.get(row.id, []),
        )
        for row in rows
    ]
