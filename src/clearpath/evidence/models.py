"""Tables of the evidence area.

Incidents are append-only: each edit adds a row to ``evidence_incident_versions``; the
incident row only says which version is current and whether it was deleted (a tombstone) or
erased. Files keep their metadata here and their content encrypted under files/. Every event
is also a leaf of the integrity log (``evidence_log_leaves``), with signed checkpoints.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from clearpath.db import Base

ACTIVE = "active"
DELETED = "deleted"
ERASED = "erased"


class Incident(Base):
    __tablename__ = "evidence_incidents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Set by the app when the incident is first written down; never editable.
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    current_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    state: Mapped[str] = mapped_column(String(16), nullable=False, default=ACTIVE)
    state_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Where it came from when another area made it ("journal:12"); None when typed here.
    source: Mapped[str | None] = mapped_column(String(100))


class IncidentVersion(Base):
    __tablename__ = "evidence_incident_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_incidents.id"), nullable=False, index=True
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    saved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    what_happened: Mapped[str] = mapped_column(Text, nullable=False)
    occurred_on: Mapped[date | None] = mapped_column(Date)
    occurred_until: Mapped[date | None] = mapped_column(Date)  # a range for something ongoing
    occurred_time: Mapped[str | None] = mapped_column(String(5))  # "HH:MM", local to timezone
    timezone: Mapped[str | None] = mapped_column(String(64))
    approximate: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # JSON arrays / objects kept as text; the services read and write them.
    categories: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    place: Mapped[str] = mapped_column(Text, nullable=False, default="")
    people: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    injuries: Mapped[str] = mapped_column(Text, nullable=False, default="")
    medical: Mapped[str] = mapped_column(Text, nullable=False, default="")
    report_numbers: Mapped[str] = mapped_column(Text, nullable=False, default="")
    effects_sleep: Mapped[str] = mapped_column(Text, nullable=False, default="")
    effects_work: Mapped[str] = mapped_column(Text, nullable=False, default="")
    effects_health: Mapped[str] = mapped_column(Text, nullable=False, default="")
    linked_incidents: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    # SHA-256 of the version's canonical JSON; the same hash is in its log leaf.
    record_sha256: Mapped[str] = mapped_column(String(64), nullable=False)


class EvidenceFile(Base):
    __tablename__ = "evidence_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_number: Mapped[int] = mapped_column(Integer, nullable=False, unique=True)
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("evidence_incidents.id"), index=True)
    stored_name: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    # The file's own random key, wrapped (AES-GCM) under the vault's "evidence files" subkey.
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    original_name: Mapped[str] = mapped_column(Text, nullable=False)
    size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    media_type: Mapped[str] = mapped_column(String(100), nullable=False)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    details: Mapped[str] = mapped_column(Text, nullable=False, default="{}")  # JSON metadata
    has_gps: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    state: Mapped[str] = mapped_column(String(16), nullable=False, default=ACTIVE)


class LogLeaf(Base):
    __tablename__ = "evidence_log_leaves"

    # 0-based position in the Merkle tree.
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data: Mapped[str] = mapped_column(Text, nullable=False)  # canonical JSON, hashes only
    leaf_hash: Mapped[str] = mapped_column(String(64), nullable=False)


class Checkpoint(Base):
    __tablename__ = "evidence_checkpoints"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tree_size: Mapped[int] = mapped_column(Integer, nullable=False)
    root_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False)  # the signed note, as text
    signed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class SigningKey(Base):
    __tablename__ = "evidence_signing_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    public_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    # The Ed25519 private key, AES-GCM encrypted under the vault's "log signing key" subkey.
    wrapped_private_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
