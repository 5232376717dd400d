"""The heal area's tables.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels = None
depends_on = None

NOW = sa.DateTime(timezone=True)

# The journal's full-text index: an FTS5 table that reads its text from the entries table
# (external content), kept in step by triggers, inside the encrypted database.
FTS_STATEMENTS = (
    "CREATE VIRTUAL TABLE heal_journal_fts USING fts5("
    "title, body, tags, content='heal_journal_entries', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER heal_journal_ai AFTER INSERT ON heal_journal_entries BEGIN "
    "INSERT INTO heal_journal_fts(rowid, title, body, tags) "
    "VALUES (new.id, new.title, new.body, new.tags); END",
    "CREATE TRIGGER heal_journal_ad AFTER DELETE ON heal_journal_entries BEGIN "
    "INSERT INTO heal_journal_fts(heal_journal_fts, rowid, title, body, tags) "
    "VALUES ('delete', old.id, old.title, old.body, old.tags); END",
    "CREATE TRIGGER heal_journal_au AFTER UPDATE ON heal_journal_entries BEGIN "
    "INSERT INTO heal_journal_fts(heal_journal_fts, rowid, title, body, tags) "
    "VALUES ('delete', old.id, old.title, old.body, old.tags); "
    "INSERT INTO heal_journal_fts(rowid, title, body, tags) "
    "VALUES (new.id, new.title, new.body, new.tags); END",
    # Rows already there (a downgrade and upgrade again) go into the index too.
    "INSERT INTO heal_journal_fts(heal_journal_fts) VALUES ('rebuild')",
)


def upgrade() -> None:
    op.create_table(
        "heal_settings",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "heal_journal_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("mood", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("created_at", NOW, nullable=False),
        sa.Column("updated_at", NOW, nullable=False),
    )
    op.create_index("ix_heal_journal_entries_day", "heal_journal_entries", ["day"])
    op.create_table(
        "heal_checkins",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("day", sa.Date(), nullable=False, unique=True),
        sa.Column("mood", sa.Integer(), nullable=False),
        sa.Column("sleep_hours", sa.Float(), nullable=True),
        sa.Column("sleep_quality", sa.Integer(), nullable=True),
        sa.Column("energy", sa.Integer(), nullable=True),
        sa.Column("anxiety", sa.Integer(), nullable=True),
        sa.Column("eating", sa.Text(), nullable=False),
        sa.Column("movement", sa.Text(), nullable=False),
        sa.Column("contact_attempts", sa.Text(), nullable=False),
        sa.Column("effect_sleep", sa.Integer(), nullable=True),
        sa.Column("effect_work", sa.Integer(), nullable=True),
        sa.Column("effect_social", sa.Integer(), nullable=True),
        sa.Column("effect_health", sa.Integer(), nullable=True),
        sa.Column("created_at", NOW, nullable=False),
    )
    op.create_table(
        "heal_promises",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", NOW, nullable=False),
    )
    op.create_table(
        "heal_promise_kept",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "promise_id",
            sa.Integer(),
            sa.ForeignKey("heal_promises.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("day", sa.Date(), nullable=False),
        sa.UniqueConstraint("promise_id", "day"),
    )
    op.create_index("ix_heal_promise_kept_promise_id", "heal_promise_kept", ["promise_id"])
    op.create_table(
        "heal_routines",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_table(
        "heal_routine_steps",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "routine_id",
            sa.Integer(),
            sa.ForeignKey("heal_routines.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_heal_routine_steps_routine_id", "heal_routine_steps", ["routine_id"])
    op.create_table(
        "heal_routine_ticks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "step_id",
            sa.Integer(),
            sa.ForeignKey("heal_routine_steps.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("day", sa.Date(), nullable=False),
        sa.UniqueConstraint("step_id", "day"),
    )
    op.create_index("ix_heal_routine_ticks_step_id", "heal_routine_ticks", ["step_id"])
    op.create_table(
        "heal_list_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("created_at", NOW, nullable=False),
    )
    op.create_index("ix_heal_list_items_kind", "heal_list_items", ["kind"])
    op.create_table(
        "heal_goals",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("target_day", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("created_at", NOW, nullable=False),
    )
    op.create_table(
        "heal_goal_steps",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "goal_id",
            sa.Integer(),
            sa.ForeignKey("heal_goals.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_heal_goal_steps_goal_id", "heal_goal_steps", ["goal_id"])
    op.create_table(
        "heal_comfort_photos",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(20), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", NOW, nullable=False),
    )
    op.create_table(
        "heal_hard_dates",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("yearly", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_table(
        "heal_date_plans",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("who_knows", sa.Text(), nullable=False),
        sa.Column("check_in", sa.Text(), nullable=False),
        sa.Column("way_home", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", NOW, nullable=False),
    )
    for statement in FTS_STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for trigger in ("heal_journal_au", "heal_journal_ad", "heal_journal_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS heal_journal_fts")
    for table in (
        "heal_date_plans",
        "heal_hard_dates",
        "heal_comfort_photos",
        "heal_goal_steps",
        "heal_goals",
        "heal_list_items",
        "heal_routine_ticks",
        "heal_routine_steps",
        "heal_routines",
        "heal_promise_kept",
        "heal_promises",
        "heal_checkins",
        "heal_journal_entries",
        "heal_settings",
    ):
        op.drop_table(table)
