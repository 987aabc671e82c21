"""Tables of the end-of-day sync: station directory, the push batch in flight, sync issues.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "directory",
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("hotline", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_directory")),
    )
    op.create_table(
        "push_batches",
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("rows", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("batch_id", name=op.f("pk_push_batches")),
    )
    op.create_table(
        "sync_issues",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("problem", sa.String(length=12), nullable=False),
        sa.Column("record_kind", sa.String(length=30), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_sync_issues")),
        sa.UniqueConstraint(
            "problem",
            "record_kind",
            "record_id",
            name=op.f("uq_sync_issues_problem_record_kind_record_id"),
        ),
    )


def downgrade() -> None:
    op.drop_table("sync_issues")
    op.drop_table("push_batches")
    op.drop_table("directory")
