"""Visitor inquiries (游客咨询/求助) and their follow-up notes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from station.models.base import SyncRecord
from station.models.station import Post
from station.models.volunteer import Volunteer


class Inquiry(SyncRecord):
    __tablename__ = "inquiries"
    __table_args__ = (
        Index("ix_inquiries_created_at", "created_at"),
        Index("ix_inquiries_status", "status"),
        # The desk's day list: this station's inquiries of one day, newest first (issue 8).
        Index("ix_inquiries_station_code_created_at", "station_code", "created_at"),
    )
    kind = "inquiries"

    ticket_no: Mapped[str] = mapped_column(String(24), unique=True)
    post_id: Mapped[str | None] = mapped_column(ForeignKey("posts.id"))
    category: Mapped[str] = mapped_column(String(20))
    visitor_name: Mapped[str | None] = mapped_column(String(40))
    visitor_phone: Mapped[str | None] = mapped_column(String(32))
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str | None] = mapped_column(Text)
    handled_by: Mapped[str | None] = mapped_column(ForeignKey("volunteers.id"))
    status: Mapped[str] = mapped_column(String(12))
    referral_unit: Mapped[str | None] = mapped_column(String(60))
    referral_contact: Mapped[str | None] = mapped_column(String(32))
    escalation_level: Mapped[int | None]
    closed_at: Mapped[datetime | None]
    resolve_seconds: Mapped[int | None]

    post: Mapped[Post | None] = relationship(lazy="joined")
    handler: Mapped[Volunteer | None] = relationship(lazy="joined")
    # pk breaks ties: notes written in one second (or under a frozen clock) keep their order.
    follow_ups: Mapped[list[InquiryFollowUp]] = relationship(
        lazy="selectin",
        order_by="[InquiryFollowUp.created_at, InquiryFollowUp.pk]",
        viewonly=True,
    )


class InquiryFollowUp(SyncRecord):
    __tablename__ = "inquiry_follow_ups"
    kind = "inquiry_follow_ups"

    inquiry_id: Mapped[str] = mapped_column(ForeignKey("inquiries.id"), index=True)
    note: Mapped[str] = mapped_column(Text)
    written_by: Mapped[str | None] = mapped_column(ForeignKey("volunteers.id"))
