"""The volunteer roster (红马甲) and their shifts at posts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from station.models.base import SyncRecord
from station.models.station import Post


class Volunteer(SyncRecord):
    __tablename__ = "volunteers"
    kind = "volunteers"

    name: Mapped[str] = mapped_column(String(40))
    phone: Mapped[str | None] = mapped_column(String(32))
    team: Mapped[str | None] = mapped_column(String(40))
    badge_code: Mapped[str] = mapped_column(String(32), unique=True)
    is_party_member: Mapped[bool] = mapped_column(default=False)
    home_station: Mapped[str] = mapped_column(String(8))
    active: Mapped[bool] = mapped_column(default=True)


class Shift(SyncRecord):
    __tablename__ = "shifts"
    __table_args__ = (
        # One open shift per volunteer, enforced by the store as well as the service.
        Index(
            "uq_shifts_open_volunteer",
            "volunteer_id",
            unique=True,
            sqlite_where=text("check_out_at IS NULL AND deleted_at IS NULL"),
        ),
        Index("ix_shifts_check_in_at", "check_in_at"),
    )
    kind = "shifts"

    volunteer_id: Mapped[str] = mapped_column(ForeignKey("volunteers.id"))
    post_id: Mapped[str] = mapped_column(ForeignKey("posts.id"))
    check_in_at: Mapped[datetime]
    check_out_at: Mapped[datetime | None]
    # Closed by the day close rather than by the volunteer: the lead should review it.
    auto_closed: Mapped[bool] = mapped_column(default=False)

    volunteer: Mapped[Volunteer] = relationship(lazy="joined", innerjoin=True)
    post: Mapped[Post] = relationship(lazy="joined", innerjoin=True)

    @property
    def hours(self) -> float | None:
        if self.check_out_at is None:
            return None
        return round((self.check_out_at - self.check_in_at).total_seconds() / 3600, 2)
