"""The messages area's tables.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24

The full-text index is derived data made by clearpath.messages.search when first needed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels = None
depends_on = None

STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "messages_conversations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
    )
    op.create_table(
        "messages_imports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "conversation_id",
            sa.Integer(),
            sa.ForeignKey("messages_conversations.id"),
            nullable=False,
        ),
        sa.Column("file_id", sa.Integer(), sa.ForeignKey("evidence_files.id"), nullable=False),
        sa.Column("format", sa.String(32), nullable=False),
        sa.Column("imported_at", STAMP, nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("date_order", sa.String(16), nullable=True),
        sa.Column("me", sa.Text(), nullable=True),
        sa.Column("new_count", sa.Integer(), nullable=False),
        sa.Column("seen_count", sa.Integer(), nullable=False),
        sa.Column("records_sha256", sa.String(64), nullable=False),
    )
    op.create_index(
        "ix_messages_imports_conversation_id", "messages_imports", ["conversation_id"]
    )
    op.create_table(
        "messages_messages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "conversation_id",
            sa.Integer(),
            sa.ForeignKey("messages_conversations.id"),
            nullable=False,
        ),
        sa.Column(
            "import_id", sa.Integer(), sa.ForeignKey("messages_imports.id"), nullable=False
        ),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("sender", sa.Text(), nullable=True),
        sa.Column("direction", sa.String(3), nullable=True),
        sa.Column("timestamp_text", sa.String(40), nullable=False),
        sa.Column("raw_timestamp", sa.Text(), nullable=False),
        sa.Column("occurred_at", STAMP, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("system", sa.Boolean(), nullable=False),
        sa.Column("attachments", sa.Text(), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.UniqueConstraint("conversation_id", "key", name="uq_messages_conversation_key"),
    )
    op.create_index(
        "ix_messages_conversation_time",
        "messages_messages",
        ["conversation_id", "occurred_at", "id"],
    )
    op.create_table(
        "messages_files",
        sa.Column(
            "message_id",
            sa.Integer(),
            sa.ForeignKey("messages_messages.id"),
            primary_key=True,
        ),
        sa.Column("file_id", sa.Integer(), sa.ForeignKey("evidence_files.id"), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS messages_search")
    op.drop_table("messages_files")
    op.drop_index("ix_messages_conversation_time", table_name="messages_messages")
    op.drop_table("messages_messages")
    op.drop_index("ix_messages_imports_conversation_id", table_name="messages_imports")
    op.drop_table("messages_imports")
    op.drop_table("messages_conversations")
