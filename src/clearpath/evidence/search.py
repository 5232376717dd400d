"""Full-text search over incidents: an SQLite FTS5 index inside the encrypted vault.

The index is derived data. It is made (and filled from the current versions) the first time
it is needed, kept in step with every new version, and an erased incident is taken out of it
with FTS5's secure-delete on, then the index is rewritten ("optimize"), so no word of it stays
in the index's own tables either. SQLCipher encrypts every page of it like the rest.
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.orm import Session

from clearpath.evidence.categories import label
from clearpath.evidence.records import IncidentFields

INDEX = "evidence_search"
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12


def ensure_index(db: Session) -> None:
    """Make the index if this vault has none yet, filled from every incident not erased."""
    found = db.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
        {"name": INDEX},
    ).first()
    if found:
        return
    db.execute(
        text(
            "CREATE VIRTUAL TABLE evidence_search USING fts5("
            "title, body, tokenize = 'unicode61 remove_diacritics 2')"
        )
    )
    db.execute(
        text("INSERT INTO evidence_search(evidence_search, rank) VALUES ('secure-delete', 1)")
    )
    # Imported here: queries imports this module.
    from clearpath.evidence.queries import current_fields_of_all

    for incident_id, values in current_fields_of_all(db):
        _insert(db, incident_id, values)


def index_incident(db: Session, incident_id: int, values: IncidentFields) -> None:
    """Put the current version of one incident in the index (replacing the one before)."""
    ensure_index(db)
    db.execute(text("DELETE FROM evidence_search WHERE rowid = :id"), {"id": incident_id})
    _insert(db, incident_id, values)


def forget_incident(db: Session, incident_id: int) -> None:
    """Take an incident out of the index for good (used when it is erased)."""
    ensure_index(db)
    db.execute(text("DELETE FROM evidence_search WHERE rowid = :id"), {"id": incident_id})
    db.execute(text("INSERT INTO evidence_search(evidence_search) VALUES ('optimize')"))


def matching_ids(db: Session, query: str) -> list[int] | None:
    """Ids of incidents whose words match every word of ``query``, best first; None when the
    query has no words (no search)."""
    terms = _WORD.findall(query)[:MAX_TERMS]
    if not terms:
        return None
    ensure_index(db)
    # Each word quoted (so nothing typed is FTS syntax) and matched as a prefix.
    expression = " ".join('"' + term.replace('"', "") + '"*' for term in terms)
    rows = db.execute(
        text("SELECT rowid FROM evidence_search WHERE evidence_search MATCH :q ORDER BY rank"),
        {"q": expression},
    ).all()
    return [int(row[0]) for row in rows]


def _insert(db: Session, incident_id: int, values: IncidentFields) -> None:
    body = "\n".join(
        [
            values.what_happened,
            values.place,
            *(f"{p.name} {p.contact}" for p in values.people),
            values.injuries,
            values.medical,
            values.report_numbers,
            values.effects_sleep,
            values.effects_work,
            values.effects_health,
            *(label(c) for c in values.categories),
        ]
    )
    db.execute(
        text("INSERT INTO evidence_search(rowid, title, body) VALUES (:id, :title, :body)"),
        {"id": incident_id, "title": values.title, "body": body},
    )
