"""Lost and found (失物招领): found items, lost reports, returns and police hand-overs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from station.models.base import SyncRecord
from station.models.volunteer import Volunteer


class PoliceHandover(SyncRecord):
    """One hand-over of unclaimed items to the police (移交公安)."""

    __tablename__ = "police_handovers"
    kind = "police_handovers"

    handover_no: Mapped[str] = mapped_column(String(24), unique=True)
    police_unit: Mapped[str] = mapped_column(String(60))
    officer_name: Mapped[str] = mapped_column(String(40))
    handed_by: Mapped[str | None] = mapped_column(ForeignKey("volunteers.id"))
    handed_at: Mapped[datetime]


class FoundItem(SyncRecord):
    __tablename__ = "found_items"
    # found_at alone: the desk lists and searches newest first (issue 8).
    __table_args__ = (
        Index("ix_found_items_status_found_at", "status", "found_at"),
        Index("ix_found_items_found_at", "found_at"),
    )
    kind = "found_items"

    item_no: Mapped[str] = mapped_column(String(24), unique=True)
    category: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    colour: Mapped[str | None] = mapped_column(String(20))
    found_place: Mapped[str] = mapped_column(String(60))
    found_at: Mapped[datetime]
    finder_name: Mapped[str | None] = mapped_column(String(40))
    finder_phone: Mapped[str | None] = mapped_column(String(32))
    storage_place: Mapped[str | None] = mapped_column(String(60))
    # File names under the data folder's photos/ directory.
    photos: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(12), default="held")
    retention_days: Mapped[int]
    handover_id: Mapped[str | None] = mapped_column(ForeignKey("police_handovers.id"))
    registered_by: Mapped[str | None] = mapped_column(ForeignKey("volunteers.id"))

    handover: Mapped[PoliceHandover | None] = relationship(lazy="joined")


class LostReport(SyncRecord):
    __tablename__ = "lost_reports"
    __table_args__ = (
        Index("ix_lost_reports_status_lost_at", "status", "lost_at"),
        Index("ix_lost_reports_lost_at", "lost_at"),
    )
    kind = "lost_reports"

    report_no: Mapped[str] = mapped_column(String(24), unique=True)
    category: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)
    colour: Mapped[str | None] = mapped_column(String(20))
    lost_place: Mapped[str] = mapped_column(String(60))
    lost_at: Mapped[datetime]
    contact_name: Mapped[str] = mapped_column(String(40))
    contact_phone: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(12), default="open")
    closed_at: Mapped[datetime | None]
    registered_by: Mapped[str | None] = mapped_column(ForeignKey("volunteers.id"))


class ItemReturn(SyncRecord):
    """A found item handed back to its owner."""

    __tablename__ = "item_returns"
    kind = "item_returns"

    found_item_id: Mapped[str] = mapped_column(ForeignKey("found_items.id"), unique=True)
    lost_report_id: Mapped[str | None] = mapped_column(ForeignKey("lost_reports.id"))
    claimant_name: Mapped[str] = mapped_column(String(40))
    id_type: Mapped[str] = mapped_column(String(20))
    id_last4: Mapped[str] = mapped_column(String(4))
    # File name under the data folder's signatures/ directory.
    signature_file: Mapped[str | None] = mapped_column(String(80))
    handed_over_by: Mapped[str | None] = mapped_column(ForeignKey("volunteers.id"))
    returned_at: Mapped[datetime]

    found_item: Mapped[FoundItem] = relationship(lazy="joined", innerjoin=True)
    handler: Mapped[Volunteer | None] = relationship(lazy="joined")
