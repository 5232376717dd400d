"""The contact area's tables.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels = None
depends_on = None


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _recorded_at() -> sa.Column[datetime]:
    return sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False)


def _text(name: str) -> sa.Column[str]:
    return sa.Column(name, sa.Text(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "contact_plan",
        _id(),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        _text("channel"),
        _text("topics"),
        _text("boundary_line"),
        _text("consequence"),
        _text("who_steps_in"),
        sa.Column("response_hours", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "contact_slips",
        _id(),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        _text("what_happened"),
        _text("trigger"),
        _text("feeling"),
        _text("adjustment"),
        sa.Column("returned_on", sa.Date(), nullable=True),
        _recorded_at(),
    )
    op.create_table(
        "contact_violations",
        _id(),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        _text("note"),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        _recorded_at(),
    )
    op.create_table(
        "contact_channels",
        _id(),
        sa.Column("channel", sa.String(40), nullable=False, unique=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=True),
        _text("notes"),
        _recorded_at(),
    )
    op.create_table(
        "contact_routines",
        _id(),
        _text("routine"),
        _text("change"),
        sa.Column("done", sa.Boolean(), nullable=False),
        _recorded_at(),
    )
    op.create_table(
        "contact_pulls",
        _id(),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("response", sa.String(20), nullable=False),
        _text("feeling"),
        _recorded_at(),
    )
    op.create_table(
        "contact_promises",
        _id(),
        _text("promise"),
        _text("what_happened"),
        _recorded_at(),
    )
    op.create_table(
        "contact_call_people",
        _id(),
        _text("name"),
        _text("phone"),
        _recorded_at(),
    )
    op.create_table(
        "contact_log",
        _id(),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        _text("topic"),
        _text("summary"),
        _text("my_reply"),
        sa.Column("follow_up_due", sa.DateTime(), nullable=True),
        sa.Column("follow_up_done", sa.Boolean(), nullable=False),
        sa.Column("include_in_report", sa.Boolean(), nullable=False),
        _recorded_at(),
    )


def downgrade() -> None:
    for table in (
        "contact_log",
        "contact_call_people",
        "contact_promises",
        "contact_pulls",
        "contact_routines",
        "contact_channels",
        "contact_violations",
        "contact_slips",
        "contact_plan",
    ):
        op.drop_table(table)
