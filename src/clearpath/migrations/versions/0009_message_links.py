"""Messages attached to incidents.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "messages_incident_links",
        sa.Column(
            "message_id", sa.Integer(), sa.ForeignKey("messages_messages.id"), primary_key=True
        ),
        sa.Column(
            "incident_id", sa.Integer(), sa.ForeignKey("evidence_incidents.id"), primary_key=True
        ),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_messages_incident_links_incident_id", "messages_incident_links", ["incident_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_messages_incident_links_incident_id", table_name="messages_incident_links")
    op.drop_table("messages_incident_links")
