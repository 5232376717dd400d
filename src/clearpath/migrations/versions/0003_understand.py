"""The understand area's tables, readiness, saved danger checks and the help directory.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def _stamps() -> list[sa.Column[Any]]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "understand_reflections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("pattern", sa.String(40), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        *_stamps(),
    )
    op.create_index("ix_understand_reflections_pattern", "understand_reflections", ["pattern"])
    effect_columns: list[sa.Column[Any]] = []
    for name in ("sleep", "work", "social", "health"):
        effect_columns += [
            sa.Column(name, sa.Integer(), nullable=True),
            sa.Column(f"{name}_note", sa.Text(), nullable=False),
        ]
    op.create_table(
        "understand_effects",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("went_through", sa.Text(), nullable=False),
        *effect_columns,
        *_stamps(),
    )
    op.create_index("ix_understand_effects_noted_on", "understand_effects", ["noted_on"])
    op.create_table(
        "readiness_areas",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "readiness_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_readiness_entries_noted_on", "readiness_entries", ["noted_on"])
    op.create_table(
        "readiness_ratings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "entry_id",
            sa.Integer(),
            sa.ForeignKey("readiness_entries.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("area", sa.String(40), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_index("ix_readiness_ratings_entry_id", "readiness_ratings", ["entry_id"])
    op.create_table(
        "danger_checks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("signs", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "helpdir_settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "helpdir_chosen",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("service_id", sa.String(80), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "helpdir_own_services",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("phone", sa.String(80), nullable=False),
        sa.Column("text", sa.String(200), nullable=False),
        sa.Column("chat", sa.String(200), nullable=False),
        sa.Column("hours", sa.String(200), nullable=False),
        sa.Column("web", sa.String(300), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("chosen", sa.Boolean(), nullable=False),
        *_stamps(),
    )


def downgrade() -> None:
    for table in (
        "helpdir_own_services",
        "helpdir_chosen",
        "helpdir_settings",
        "danger_checks",
        "readiness_ratings",
        "readiness_entries",
        "readiness_areas",
        "understand_effects",
        "understand_reflections",
    ):
        op.drop_table(table)
