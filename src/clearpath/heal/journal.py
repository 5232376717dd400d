"""The journal: entries, unsent letters and morning pages, with full-text search."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from markupsafe import Markup, escape
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from clearpath.heal.forms import MARK_CLOSE, MARK_OPEN
from clearpath.heal.models import JournalEntry

KINDS = {"entry": "Journal entry", "letter": "Unsent letter", "morning": "Morning pages"}
MAX_TAGS = 12
MAX_TAG_LENGTH = 40
PAGE_SIZE = 30
_TAG_SPLIT = re.compile(r"[,\s]+")
_WORD = re.compile(r"\w+", re.UNICODE)


class JournalError(ValueError):
    """Something about the entry needs another look; the message says what."""


class KeptAsWritten(JournalError):
    """Morning pages are free writing: they are kept as written and not edited afterwards."""

    def __init__(self) -> None:
        super().__init__("Morning pages are kept as you wrote them, so they cannot be changed.")


@dataclass(frozen=True)
class EntryDraft:
    kind: str
    day: date
    mood: int | None
    title: str
    body: str
    tags: tuple[str, ...]
    prompt: str = ""


@dataclass(frozen=True)
class Found:
    entry: JournalEntry
    snippet: Markup


def parse_tags(raw: str) -> tuple[str, ...]:
    """Tags typed as "grief, calm work": lower case, no "#", each once, in typed order."""
    seen: list[str] = []
    for part in _TAG_SPLIT.split(raw.lower()):
        tag = part.strip().lstrip("#")
        if tag and tag not in seen:
            seen.append(tag)
    if len(seen) > MAX_TAGS:
        raise JournalError(f"Please use at most {MAX_TAGS} tags.")
    if any(len(tag) > MAX_TAG_LENGTH for tag in seen):
        raise JournalError(f"Each tag can be up to {MAX_TAG_LENGTH} characters.")
    return tuple(seen)


def tags_of(entry: JournalEntry) -> list[str]:
    return entry.tags.split()


def add_entry(db: Session, draft: EntryDraft) -> JournalEntry:
    """Save a new entry (the caller's session commits)."""
    if draft.kind not in KINDS:
        raise JournalError("Please choose a kind of entry.")
    now = datetime.now(UTC)
    entry = JournalEntry(
        kind=draft.kind,
        day=draft.day,
        mood=draft.mood,
        title=draft.title,
        body=draft.body,
        tags=_stored_tags(draft.tags),
        prompt=draft.prompt,
        created_at=now,
        updated_at=now,
    )
    db.add(entry)
    db.flush()
    return entry


def update_entry(db: Session, entry_id: int, draft: EntryDraft) -> JournalEntry:
    """Change an entry or letter; morning pages stay as written."""
    entry = get_entry(db, entry_id)
    if entry is None:
        raise JournalError("This entry is not in your journal any more.")
    if entry.kind == "morning":
        raise KeptAsWritten()
    entry.day, entry.mood, entry.title = draft.day, draft.mood, draft.title
    entry.body, entry.tags = draft.body, _stored_tags(draft.tags)
    entry.updated_at = datetime.now(UTC)
    return entry


def delete_entry(db: Session, entry_id: int) -> None:
    entry = get_entry(db, entry_id)
    if entry is not None:
        db.delete(entry)


def get_entry(db: Session, entry_id: int) -> JournalEntry | None:
    return db.get(JournalEntry, entry_id)


def link_incident(db: Session, entry_id: int, incident_id: int) -> None:
    """Remember which Evidence incident was made from this entry."""
    entry = get_entry(db, entry_id)
    if entry is not None:
        entry.incident_id = incident_id


def all_tags(db: Session) -> list[str]:
    tags: set[str] = set()
    for stored in db.scalars(select(JournalEntry.tags).distinct()):
        tags.update(stored.split())
    return sorted(tags)


@dataclass(frozen=True)
class Filters:
    query: str = ""
    tag: str = ""
    mood: int | None = None
    kind: str = ""
    since: date | None = None
    until: date | None = None


def search(
    db: Session, filters: Filters, *, limit: int = PAGE_SIZE, offset: int = 0
) -> list[Found]:
    """Entries matching the filters, newest first, each with a highlighted snippet."""
    match = fts_query(filters.query)
    if filters.query.strip() and not match:
        return []
    conditions = []
    if filters.tag:
        conditions.append(JournalEntry.tags.contains(f" {filters.tag.lower()} "))
    if filters.mood is not None:
        conditions.append(JournalEntry.mood == filters.mood)
    if filters.kind in KINDS:
        conditions.append(JournalEntry.kind == filters.kind)
    if filters.since:
        conditions.append(JournalEntry.day >= filters.since)
    if filters.until:
        conditions.append(JournalEntry.day <= filters.until)
    if not match:
        rows = db.scalars(
            select(JournalEntry)
            .where(*conditions)
            .order_by(JournalEntry.day.desc(), JournalEntry.id.desc())
            .limit(limit)
            .offset(offset)
        ).all()
        return [Found(entry, escape(_opening(entry.body))) for entry in rows]
    # Filter and page first, then make snippets only for the entries shown.
    matching = (
        select(text("rowid"))
        .select_from(text("heal_journal_fts"))
        .where(text("heal_journal_fts MATCH :match"))
    )
    rows = db.scalars(
        select(JournalEntry)
        .where(JournalEntry.id.in_(matching), *conditions)
        .order_by(JournalEntry.day.desc(), JournalEntry.id.desc())
        .limit(limit)
        .offset(offset),
        {"match": match},
    ).all()
    snippets = _snippets(db, match, [entry.id for entry in rows])
    return [
        Found(entry, highlighted(snippets.get(entry.id) or _opening(entry.body))) for entry in rows
    ]


def _snippets(db: Session, match: str, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    marks = f"'{MARK_OPEN}', '{MARK_CLOSE}'"
    found = db.execute(
        text(
            f"SELECT rowid, snippet(heal_journal_fts, 1, {marks}, ' … ', 24) "  # noqa: S608
            "FROM heal_journal_fts WHERE heal_journal_fts MATCH :match "
            f"AND rowid IN ({', '.join(str(int(i)) for i in ids)})"
        ),
        {"match": match},
    ).all()
    return {int(row[0]): str(row[1]) for row in found}


def count_entries(db: Session) -> int:
    return db.scalar(select(func.count(JournalEntry.id))) or 0


def fts_query(typed: str) -> str:
    """What a person typed, as a safe FTS5 query: every word must appear.

    Each word is quoted, so FTS5 operators and punctuation in the text are only text. The
    last word may be unfinished ("riv" finds "river"); the others are whole words, which
    keeps a long search fast."""
    words = _WORD.findall(typed)[:12]
    terms = [f'"{word}"' for word in words]
    if terms:
        terms[-1] += "*"
    return " ".join(terms)


def highlighted(snippet: str) -> Markup:
    """Escape the person's text first, then turn the search marks into <mark> tags."""
    safe = str(escape(snippet))
    return Markup(safe.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))  # noqa: S704


def _opening(body: str, length: int = 180) -> str:
    flat = " ".join(body.split())
    return flat if len(flat) <= length else flat[:length].rstrip() + " …"


def _stored_tags(tags: tuple[str, ...]) -> str:
    return f" {' '.join(tags)} " if tags else ""
