"""Signed checkpoints of the integrity log: the tree size and root, signed with Ed25519.

The signing key is made the first time it is needed: a random 32-byte seed, kept in the vault
database encrypted (AES-GCM) under the vault's "evidence log signing key" subkey. The note
format is clearpath.integrity.checkpoint's (C2SP signed note).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import UTC, datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select
from sqlalchemy.orm import Session

from clearpath.evidence.log import all_leaves, root_of
from clearpath.evidence.models import Checkpoint, SigningKey
from clearpath.integrity import checkpoint as notes
from clearpath.vault.service import Vault

KEY_PURPOSE = "evidence log signing key"
ORIGIN_PREFIX = "clearpath.local/evidence/"
_AAD = b"clearpath evidence signing seed v1"


class SigningKeyDamaged(Exception):
    """The stored signing key does not decrypt with this vault's key."""


def _signing_row(db: Session) -> SigningKey | None:
    return db.scalars(select(SigningKey).order_by(SigningKey.id).limit(1)).first()


def signer(db: Session, vault: Vault) -> notes.NoteSigner:
    """The log's signer, made and stored on first use."""
    row = _signing_row(db)
    wrapping = AESGCM(vault.subkey(KEY_PURPOSE))
    if row is None:
        seed = secrets.token_bytes(32)
        name = ORIGIN_PREFIX + secrets.token_hex(4)
        made = notes.NoteSigner.from_seed(name, seed)
        nonce = secrets.token_bytes(12)
        db.add(
            SigningKey(
                name=name,
                public_key=made.public_key,
                wrapped_private_key=nonce + wrapping.encrypt(nonce, seed, _AAD),
                created_at=datetime.now(UTC),
            )
        )
        db.flush()
        return made
    blob = row.wrapped_private_key
    try:
        seed = wrapping.decrypt(blob[:12], blob[12:], _AAD)
    except (InvalidTag, ValueError) as exc:
        raise SigningKeyDamaged() from exc
    return notes.NoteSigner.from_seed(row.name, seed)


def verifier(db: Session) -> notes.NoteVerifier | None:
    """The public half of the log's key as stored (None before the first checkpoint)."""
    row = _signing_row(db)
    if row is None:
        return None
    return notes.NoteVerifier(row.name, notes.key_id(row.name, row.public_key), row.public_key)


def sign_checkpoint(db: Session, vault: Vault) -> Checkpoint:
    """Sign the log as it is now (or return the latest checkpoint when nothing was added
    since). Call it after evidence changes and before every report or bundle."""
    leaves = all_leaves(db)
    latest = latest_checkpoint(db)
    if latest is not None and latest.tree_size == len(leaves):
        return latest
    made = signer(db, vault)
    root = root_of(leaves)
    note = notes.sign_checkpoint(notes.Checkpoint(made.name, len(leaves), root), made)
    row = Checkpoint(
        tree_size=len(leaves), root_hash=root.hex(), note=note, signed_at=datetime.now(UTC)
    )
    db.add(row)
    db.flush()
    return row


def latest_checkpoint(db: Session) -> Checkpoint | None:
    """The newest signed checkpoint, or None."""
    return db.scalars(select(Checkpoint).order_by(Checkpoint.id.desc()).limit(1)).first()


def all_checkpoints(db: Session) -> Sequence[Checkpoint]:
    """Every checkpoint, oldest first."""
    return db.scalars(select(Checkpoint).order_by(Checkpoint.id)).all()
