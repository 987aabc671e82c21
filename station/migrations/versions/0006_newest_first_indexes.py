"""Indexes for the lists that read newest first (issue 8).

found_items.found_at and lost_reports.lost_at: the lost-and-found desk's lists and searches,
which without them sort the whole table for every page (a 2-character search over 100,000
found items: about 0.6 s, then 17 ms). inquiries (station_code, created_at): the inquiry
desk's day list, for which SQLite otherwise walks the station_code index, that is every
inquiry of the station (a page of one day among 200,000: 99 ms, then 0.8 ms).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_found_items_found_at", "found_items", ["found_at"])
    op.create_index("ix_lost_reports_lost_at", "lost_reports", ["lost_at"])
    op.create_index(
        "ix_inquiries_station_code_created_at", "inquiries", ["station_code", "created_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_inquiries_station_code_created_at", table_name="inquiries")
    op.drop_index("ix_lost_reports_lost_at", table_name="lost_reports")
    op.drop_index("ix_found_items_found_at", table_name="found_items")
