"""Sign-in: PIN credentials and roles per volunteer, and the drafts kept at an idle lock.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "credentials",
        sa.Column("volunteer_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteers.id"],
            name=op.f("fk_credentials_volunteer_id_volunteers"),
        ),
        sa.PrimaryKeyConstraint("volunteer_id", name=op.f("pk_credentials")),
    )
    op.create_table(
        "drafts",
        sa.Column("volunteer_id", sa.String(length=36), nullable=False),
        sa.Column("desk", sa.String(length=40), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_drafts_volunteer_id_volunteers")
        ),
        sa.PrimaryKeyConstraint("volunteer_id", "desk", name=op.f("pk_drafts")),
    )


def downgrade() -> None:
    op.drop_table("drafts")
    op.drop_table("credentials")
