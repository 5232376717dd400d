"""Full-text search over messages: an SQLite FTS5 index inside the encrypted vault.

The index keeps no copy of the text: it reads it from messages_messages ("external
content"), so a million messages are not stored twice. It is derived data, made and filled
the first time it is needed.
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.orm import Session

INDEX = "messages_search"
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12
# Marks around the words that matched; the page escapes the text, then turns these into <mark>.
HIT_START, HIT_END = "\x02", "\x03"


def ensure_index(db: Session) -> bool:
    """Make and fill the index if this vault has none yet; True when it was just made."""
    found = db.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
        {"name": INDEX},
    ).first()
    if found:
        return False
    db.execute(
        text(
            "CREATE VIRTUAL TABLE messages_search USING fts5(text, sender, "
            "content='messages_messages', content_rowid='id', "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
    )
    db.execute(text("INSERT INTO messages_search(messages_search) VALUES ('rebuild')"))
    return True


def add_import(db: Session, import_id: int) -> None:
    """Index the messages one import added."""
    if ensure_index(db):
        return  # just built from every message, these included
    db.execute(
        text(
            "INSERT INTO messages_search(rowid, text, sender) "
            "SELECT id, text, coalesce(sender, '') FROM messages_messages WHERE import_id = :id"
        ),
        {"id": import_id},
    )


def match_expression(query: str) -> str | None:
    """The FTS5 query for what the person typed: every word, as a prefix, none of it FTS
    syntax; None when there is no word to look for."""
    terms = _WORD.findall(query)[:MAX_TERMS]
    if not terms:
        return None
    return " ".join('"' + term + '"*' for term in terms)
