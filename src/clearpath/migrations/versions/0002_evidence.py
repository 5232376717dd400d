"""The evidence area's tables.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

The full-text index (an FTS5 virtual table) is not made here: it is derived data, built by
clearpath.evidence.search the first time it is needed and rebuilt from the versions whenever
it is missing, so it never shows up as a table the models do not know.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None

STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "evidence_incidents",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("recorded_at", STAMP, nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("state_changed_at", STAMP, nullable=True),
        sa.Column("source", sa.String(100), nullable=True),
    )
    op.create_table(
        "evidence_incident_versions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "incident_id", sa.Integer(), sa.ForeignKey("evidence_incidents.id"), nullable=False
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("saved_at", STAMP, nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("what_happened", sa.Text(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=True),
        sa.Column("occurred_until", sa.Date(), nullable=True),
        sa.Column("occurred_time", sa.String(5), nullable=True),
        sa.Column("timezone", sa.String(64), nullable=True),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("categories", sa.Text(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("people", sa.Text(), nullable=False),
        sa.Column("injuries", sa.Text(), nullable=False),
        sa.Column("medical", sa.Text(), nullable=False),
        sa.Column("report_numbers", sa.Text(), nullable=False),
        sa.Column("effects_sleep", sa.Text(), nullable=False),
        sa.Column("effects_work", sa.Text(), nullable=False),
        sa.Column("effects_health", sa.Text(), nullable=False),
        sa.Column("linked_incidents", sa.Text(), nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
    )
    op.create_index(
        "ix_evidence_incident_versions_incident_id",
        "evidence_incident_versions",
        ["incident_id"],
    )
    op.create_table(
        "evidence_files",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("item_number", sa.Integer(), nullable=False, unique=True),
        sa.Column(
            "incident_id", sa.Integer(), sa.ForeignKey("evidence_incidents.id"), nullable=True
        ),
        sa.Column("stored_name", sa.String(64), nullable=False, unique=True),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("added_at", STAMP, nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("has_gps", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
    )
    op.create_index("ix_evidence_files_incident_id", "evidence_files", ["incident_id"])
    op.create_table(
        "evidence_log_leaves",
        sa.Column("position", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("leaf_hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "evidence_checkpoints",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("tree_size", sa.Integer(), nullable=False),
        sa.Column("root_hash", sa.String(64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("signed_at", STAMP, nullable=False),
    )
    op.create_table(
        "evidence_signing_keys",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("wrapped_private_key", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
    )


def downgrade() -> None:
    # The search index is derived from the versions: it goes with them. Its shadow tables
    # go with it.
    op.execute("DROP TABLE IF EXISTS evidence_search")
    op.drop_table("evidence_signing_keys")
    op.drop_table("evidence_checkpoints")
    op.drop_table("evidence_log_leaves")
    op.drop_index("ix_evidence_files_incident_id", table_name="evidence_files")
    op.drop_table("evidence_files")
    op.drop_index(
        "ix_evidence_incident_versions_incident_id", table_name="evidence_incident_versions"
    )
    op.drop_table("evidence_incident_versions")
    op.drop_table("evidence_incidents")
