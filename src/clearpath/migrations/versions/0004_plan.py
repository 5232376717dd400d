"""The plan area's tables: safety plan parts and exit plan tasks.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_safe_places",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("contact", sa.Text(), nullable=False),
        sa.Column("route", sa.Text(), nullable=False),
        sa.Column("they_know", sa.String(20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    op.create_table(
        "plan_trusted_people",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(60), nullable=False),
        sa.Column("keeps_things", sa.Boolean(), nullable=False),
        sa.Column("calls_for_help", sa.Boolean(), nullable=False),
        sa.Column("comes_along", sa.Boolean(), nullable=False),
        sa.Column("code_word", sa.String(200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    op.create_table(
        "plan_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(60), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=True),
    )
    op.create_index("ix_plan_entries_kind", "plan_entries", ["kind"])
    op.create_table(
        "plan_checklist_marks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("checklist", sa.String(40), nullable=False),
        sa.Column("item_key", sa.String(60), nullable=True),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("has_original", sa.Boolean(), nullable=False),
        sa.Column("has_copy", sa.Boolean(), nullable=False),
        sa.Column("where_kept", sa.Text(), nullable=False),
    )
    op.create_index("ix_plan_checklist_marks_checklist", "plan_checklist_marks", ["checklist"])
    op.create_table(
        "plan_texts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("part", sa.String(40), nullable=False),
        sa.Column("field", sa.String(60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.UniqueConstraint("part", "field", name="uq_plan_texts_part_field"),
    )
    op.create_table(
        "plan_exit_tasks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("stage", sa.Integer(), nullable=False),
        sa.Column("default_key", sa.String(60), nullable=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("part", sa.String(40), nullable=False),
        sa.UniqueConstraint("default_key", name="uq_plan_exit_tasks_default_key"),
    )
    op.create_index("ix_plan_exit_tasks_stage", "plan_exit_tasks", ["stage"])


def downgrade() -> None:
    op.drop_index("ix_plan_exit_tasks_stage", table_name="plan_exit_tasks")
    op.drop_table("plan_exit_tasks")
    op.drop_table("plan_texts")
    op.drop_index("ix_plan_checklist_marks_checklist", table_name="plan_checklist_marks")
    op.drop_table("plan_checklist_marks")
    op.drop_index("ix_plan_entries_kind", table_name="plan_entries")
    op.drop_table("plan_entries")
    op.drop_table("plan_trusted_people")
    op.drop_table("plan_safe_places")
