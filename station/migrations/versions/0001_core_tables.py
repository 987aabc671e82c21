"""Core tables of the local store: station, posts, roster, shifts, inquiries, lost and found, outbox.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "faqs",
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("question", sa.String(length=200), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_faqs")),
        sa.UniqueConstraint("id", name=op.f("uq_faqs_id")),
    )
    with op.batch_alter_table("faqs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_faqs_station_code"), ["station_code"], unique=False)

    op.create_table(
        "number_counters",
        sa.Column("day", sa.String(length=8), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_number_counters")),
    )
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("record_kind", sa.String(length=30), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("queued_at", sa.DateTime(), nullable=False),
        sa.Column("pushed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(
            "ix_outbox_pending",
            ["record_kind", "record_id"],
            unique=False,
            sqlite_where=sa.text("pushed_at IS NULL"),
        )

    op.create_table(
        "posts",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_posts")),
        sa.UniqueConstraint("id", name=op.f("uq_posts_id")),
        sa.UniqueConstraint("station_code", "name", name=op.f("uq_posts_station_code_name")),
    )
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_posts_station_code"), ["station_code"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "station",
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("hotline", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_station")),
    )
    op.create_table(
        "volunteers",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("team", sa.String(length=40), nullable=True),
        sa.Column("badge_code", sa.String(length=32), nullable=False),
        sa.Column("is_party_member", sa.Boolean(), nullable=False),
        sa.Column("home_station", sa.String(length=8), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_volunteers")),
        sa.UniqueConstraint("badge_code", name=op.f("uq_volunteers_badge_code")),
        sa.UniqueConstraint("id", name=op.f("uq_volunteers_id")),
    )
    with op.batch_alter_table("volunteers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_volunteers_station_code"), ["station_code"], unique=False
        )

    op.create_table(
        "inquiries",
        sa.Column("ticket_no", sa.String(length=24), nullable=False),
        sa.Column("post_id", sa.String(length=36), nullable=True),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("visitor_name", sa.String(length=40), nullable=True),
        sa.Column("visitor_phone", sa.String(length=32), nullable=True),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("handled_by", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("referral_unit", sa.String(length=60), nullable=True),
        sa.Column("referral_contact", sa.String(length=32), nullable=True),
        sa.Column("escalation_level", sa.Integer(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("resolve_seconds", sa.Integer(), nullable=True),
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["handled_by"], ["volunteers.id"], name=op.f("fk_inquiries_handled_by_volunteers")
        ),
        sa.ForeignKeyConstraint(["post_id"], ["posts.id"], name=op.f("fk_inquiries_post_id_posts")),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_inquiries")),
        sa.UniqueConstraint("id", name=op.f("uq_inquiries_id")),
        sa.UniqueConstraint("ticket_no", name=op.f("uq_inquiries_ticket_no")),
    )
    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.create_index("ix_inquiries_created_at", ["created_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_inquiries_station_code"), ["station_code"], unique=False
        )
        batch_op.create_index("ix_inquiries_status", ["status"], unique=False)

    op.create_table(
        "lost_reports",
        sa.Column("report_no", sa.String(length=24), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("colour", sa.String(length=20), nullable=True),
        sa.Column("lost_place", sa.String(length=60), nullable=False),
        sa.Column("lost_at", sa.DateTime(), nullable=False),
        sa.Column("contact_name", sa.String(length=40), nullable=False),
        sa.Column("contact_phone", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("registered_by", sa.String(length=36), nullable=True),
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["registered_by"],
            ["volunteers.id"],
            name=op.f("fk_lost_reports_registered_by_volunteers"),
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_lost_reports")),
        sa.UniqueConstraint("id", name=op.f("uq_lost_reports_id")),
        sa.UniqueConstraint("report_no", name=op.f("uq_lost_reports_report_no")),
    )
    with op.batch_alter_table("lost_reports", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lost_reports_station_code"), ["station_code"], unique=False
        )
        batch_op.create_index("ix_lost_reports_status_lost_at", ["status", "lost_at"], unique=False)

    op.create_table(
        "police_handovers",
        sa.Column("handover_no", sa.String(length=24), nullable=False),
        sa.Column("police_unit", sa.String(length=60), nullable=False),
        sa.Column("officer_name", sa.String(length=40), nullable=False),
        sa.Column("handed_by", sa.String(length=36), nullable=True),
        sa.Column("handed_at", sa.DateTime(), nullable=False),
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["handed_by"], ["volunteers.id"], name=op.f("fk_police_handovers_handed_by_volunteers")
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_police_handovers")),
        sa.UniqueConstraint("handover_no", name=op.f("uq_police_handovers_handover_no")),
        sa.UniqueConstraint("id", name=op.f("uq_police_handovers_id")),
    )
    with op.batch_alter_table("police_handovers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_police_handovers_station_code"), ["station_code"], unique=False
        )

    op.create_table(
        "shifts",
        sa.Column("volunteer_id", sa.String(length=36), nullable=False),
        sa.Column("post_id", sa.String(length=36), nullable=False),
        sa.Column("check_in_at", sa.DateTime(), nullable=False),
        sa.Column("check_out_at", sa.DateTime(), nullable=True),
        sa.Column("auto_closed", sa.Boolean(), nullable=False),
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["post_id"], ["posts.id"], name=op.f("fk_shifts_post_id_posts")),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteers.id"], name=op.f("fk_shifts_volunteer_id_volunteers")
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_shifts")),
        sa.UniqueConstraint("id", name=op.f("uq_shifts_id")),
    )
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.create_index("ix_shifts_check_in_at", ["check_in_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_shifts_station_code"), ["station_code"], unique=False)
        batch_op.create_index(
            "uq_shifts_open_volunteer",
            ["volunteer_id"],
            unique=True,
            sqlite_where=sa.text("check_out_at IS NULL AND deleted_at IS NULL"),
        )

    op.create_table(
        "found_items",
        sa.Column("item_no", sa.String(length=24), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("colour", sa.String(length=20), nullable=True),
        sa.Column("found_place", sa.String(length=60), nullable=False),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        sa.Column("finder_name", sa.String(length=40), nullable=True),
        sa.Column("finder_phone", sa.String(length=32), nullable=True),
        sa.Column("storage_place", sa.String(length=60), nullable=True),
        sa.Column("photos", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("retention_days", sa.Integer(), nullable=False),
        sa.Column("handover_id", sa.String(length=36), nullable=True),
        sa.Column("registered_by", sa.String(length=36), nullable=True),
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["handover_id"],
            ["police_handovers.id"],
            name=op.f("fk_found_items_handover_id_police_handovers"),
        ),
        sa.ForeignKeyConstraint(
            ["registered_by"],
            ["volunteers.id"],
            name=op.f("fk_found_items_registered_by_volunteers"),
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_found_items")),
        sa.UniqueConstraint("id", name=op.f("uq_found_items_id")),
        sa.UniqueConstraint("item_no", name=op.f("uq_found_items_item_no")),
    )
    with op.batch_alter_table("found_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_found_items_station_code"), ["station_code"], unique=False
        )
        batch_op.create_index(
            "ix_found_items_status_found_at", ["status", "found_at"], unique=False
        )

    op.create_table(
        "inquiry_follow_ups",
        sa.Column("inquiry_id", sa.String(length=36), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("written_by", sa.String(length=36), nullable=True),
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["inquiry_id"],
            ["inquiries.id"],
            name=op.f("fk_inquiry_follow_ups_inquiry_id_inquiries"),
        ),
        sa.ForeignKeyConstraint(
            ["written_by"],
            ["volunteers.id"],
            name=op.f("fk_inquiry_follow_ups_written_by_volunteers"),
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_inquiry_follow_ups")),
        sa.UniqueConstraint("id", name=op.f("uq_inquiry_follow_ups_id")),
    )
    with op.batch_alter_table("inquiry_follow_ups", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inquiry_follow_ups_inquiry_id"), ["inquiry_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_inquiry_follow_ups_station_code"), ["station_code"], unique=False
        )

    op.create_table(
        "item_returns",
        sa.Column("found_item_id", sa.String(length=36), nullable=False),
        sa.Column("lost_report_id", sa.String(length=36), nullable=True),
        sa.Column("claimant_name", sa.String(length=40), nullable=False),
        sa.Column("id_type", sa.String(length=20), nullable=False),
        sa.Column("id_last4", sa.String(length=4), nullable=False),
        sa.Column("signature_file", sa.String(length=80), nullable=True),
        sa.Column("handed_over_by", sa.String(length=36), nullable=True),
        sa.Column("returned_at", sa.DateTime(), nullable=False),
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["found_item_id"],
            ["found_items.id"],
            name=op.f("fk_item_returns_found_item_id_found_items"),
        ),
        sa.ForeignKeyConstraint(
            ["handed_over_by"],
            ["volunteers.id"],
            name=op.f("fk_item_returns_handed_over_by_volunteers"),
        ),
        sa.ForeignKeyConstraint(
            ["lost_report_id"],
            ["lost_reports.id"],
            name=op.f("fk_item_returns_lost_report_id_lost_reports"),
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_item_returns")),
        sa.UniqueConstraint("found_item_id", name=op.f("uq_item_returns_found_item_id")),
        sa.UniqueConstraint("id", name=op.f("uq_item_returns_id")),
    )
    with op.batch_alter_table("item_returns", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_item_returns_station_code"), ["station_code"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("item_returns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_returns_station_code"))

    op.drop_table("item_returns")
    with op.batch_alter_table("inquiry_follow_ups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inquiry_follow_ups_station_code"))
        batch_op.drop_index(batch_op.f("ix_inquiry_follow_ups_inquiry_id"))

    op.drop_table("inquiry_follow_ups")
    with op.batch_alter_table("found_items", schema=None) as batch_op:
        batch_op.drop_index("ix_found_items_status_found_at")
        batch_op.drop_index(batch_op.f("ix_found_items_station_code"))

    op.drop_table("found_items")
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_shifts_open_volunteer",
            sqlite_where=sa.text("check_out_at IS NULL AND deleted_at IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_shifts_station_code"))
        batch_op.drop_index("ix_shifts_check_in_at")

    op.drop_table("shifts")
    with op.batch_alter_table("police_handovers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_police_handovers_station_code"))

    op.drop_table("police_handovers")
    with op.batch_alter_table("lost_reports", schema=None) as batch_op:
        batch_op.drop_index("ix_lost_reports_status_lost_at")
        batch_op.drop_index(batch_op.f("ix_lost_reports_station_code"))

    op.drop_table("lost_reports")
    with op.batch_alter_table("inquiries", schema=None) as batch_op:
        batch_op.drop_index("ix_inquiries_status")
        batch_op.drop_index(batch_op.f("ix_inquiries_station_code"))
        batch_op.drop_index("ix_inquiries_created_at")

    op.drop_table("inquiries")
    with op.batch_alter_table("volunteers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_volunteers_station_code"))

    op.drop_table("volunteers")
    op.drop_table("station")
    op.drop_table("settings")
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_posts_station_code"))

    op.drop_table("posts")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_pending", sqlite_where=sa.text("pushed_at IS NULL"))

    op.drop_table("outbox")
    op.drop_table("number_counters")
    with op.batch_alter_table("faqs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_faqs_station_code"))

    op.drop_table("faqs")
