"""The integrity log's storage: every evidence event is one leaf of an RFC 6962 Merkle tree.

A leaf is the canonical JSON of the event (keys sorted, no spaces, UTF-8) and holds hashes
only, never the words of a record, so an erased record leaves nothing readable behind.
The tree maths lives in clearpath.integrity.merkle; signing checkpoints in .checkpoints.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearpath.evidence.models import LogLeaf
from clearpath.integrity import merkle

LEAF_FORMAT = 1


def canonical_json(value: Any) -> bytes:
    """The one byte form of a JSON value that every hash here is taken over."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def utc_text(moment: datetime) -> str:
    """A moment as UTC text with microseconds; naive values (as SQLite returns them) are UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def append_event(db: Session, event: Mapping[str, Any]) -> int:
    """Append one event as the next leaf; return its position (0-based). The caller commits."""
    data = canonical_json({"format": LEAF_FORMAT, **event})
    position = tree_size(db)
    db.add(
        LogLeaf(
            position=position,
            data=data.decode("utf-8"),
            leaf_hash=merkle.leaf_hash(data).hex(),
        )
    )
    db.flush()
    return position


def tree_size(db: Session) -> int:
    """How many leaves the log holds."""
    return int(db.scalar(select(func.count()).select_from(LogLeaf)) or 0)


def all_leaves(db: Session) -> Sequence[LogLeaf]:
    """Every leaf, in tree order."""
    return db.scalars(select(LogLeaf).order_by(LogLeaf.position)).all()


def leaf_event(leaf: LogLeaf) -> dict[str, Any]:
    """The event a leaf holds (its JSON, parsed); an empty dict if it is not JSON."""
    try:
        value = json.loads(leaf.data)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def root_of(leaves: Sequence[LogLeaf], size: int | None = None) -> bytes:
    """The Merkle root over the first ``size`` leaves, recomputed from their data (not from
    the stored hashes, which could have been changed along with the data)."""
    chosen = leaves if size is None else leaves[:size]
    return merkle.root([merkle.leaf_hash(leaf.data.encode("utf-8")) for leaf in chosen])
