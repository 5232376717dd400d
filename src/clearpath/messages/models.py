"""Tables of the messages area.

A conversation holds messages from one or more imports. Each import points at the original
export, kept byte for byte in the evidence file store (``evidence_files``) and logged in the
integrity log. Messages are never rewritten: re-importing the same or an overlapping export
adds only messages whose stable key is new.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from clearpath.db import Base


class Conversation(Base):
    __tablename__ = "messages_conversations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text, nullable=False)
    channel: Mapped[str] = mapped_column(String(32), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class MessageImport(Base):
    __tablename__ = "messages_imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("messages_conversations.id"), nullable=False, index=True
    )
    # The original export in the evidence file store.
    file_id: Mapped[int] = mapped_column(ForeignKey("evidence_files.id"), nullable=False)
    format: Mapped[str] = mapped_column(String(32), nullable=False)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    # The zone the person confirmed for times the export writes without one.
    timezone: Mapped[str] = mapped_column(String(64), nullable=False)
    date_order: Mapped[str | None] = mapped_column(String(16))
    me: Mapped[str | None] = mapped_column(Text)
    new_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    seen_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # SHA-256 over the canonical records of the messages this import added, in order; the
    # same hash is in the import's log leaf.
    records_sha256: Mapped[str] = mapped_column(String(64), nullable=False, default="")


class Message(Base):
    __tablename__ = "messages_messages"
    __table_args__ = (
        UniqueConstraint("conversation_id", "key", name="uq_messages_conversation_key"),
        Index("ix_messages_conversation_time", "conversation_id", "occurred_at", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("messages_conversations.id"), nullable=False
    )
    import_id: Mapped[int] = mapped_column(ForeignKey("messages_imports.id"), nullable=False)
    # Stable across re-imports: SHA-256 of channel, written time, sender, text and the
    # number of identical earlier messages in the same export.
    key: Mapped[str] = mapped_column(String(64), nullable=False)
    sender: Mapped[str | None] = mapped_column(Text)
    # "in", "out" (from the person), or None when the export does not say.
    direction: Mapped[str | None] = mapped_column(String(3))
    # As the export wrote it (ISO 8601, no zone where it had none) and its own raw text.
    timestamp_text: Mapped[str] = mapped_column(String(40), nullable=False)
    raw_timestamp: Mapped[str] = mapped_column(Text, nullable=False)
    # The same moment in UTC, using the zone the person confirmed; for ordering and filters.
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    system: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    attachments: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    recipients: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    subject: Mapped[str | None] = mapped_column(Text)
    # Where in the export it came from (JSON: member, item, lines or bytes).
    source: Mapped[str] = mapped_column(Text, nullable=False)


class MessageFile(Base):
    """A file from the export (a photo in a WhatsApp zip) kept as evidence for a message."""

    __tablename__ = "messages_files"

    message_id: Mapped[int] = mapped_column(ForeignKey("messages_messages.id"), primary_key=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("evidence_files.id"), primary_key=True)
    name: Mapped[str] = mapped_column(Text, nullable=False)


class MessageIncidentLink(Base):
    """A message kept as part of an incident in Evidence (and so quoted in the report)."""

    __tablename__ = "messages_incident_links"

    message_id: Mapped[int] = mapped_column(
        ForeignKey("messages_messages.id"), primary_key=True
    )
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_incidents.id"), primary_key=True, index=True
    )
    linked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
