"""Who may sign in at this kiosk, and what each person left typed when the kiosk locked.

Both tables stay on the kiosk: PIN hashes never travel to central, and drafts hold what a
volunteer was typing, personal data included, until that person signs in again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from station.models.base import Base


class Credential(Base):
    """A volunteer's PIN (a salted scrypt hash), role and failed-attempt count at this kiosk."""

    __tablename__ = "credentials"

    volunteer_id: Mapped[str] = mapped_column(ForeignKey("volunteers.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    changed_at: Mapped[datetime]


class Draft(Base):
    """The unsaved contents of one desk's form, kept when the kiosk locked."""

    __tablename__ = "drafts"

    volunteer_id: Mapped[str] = mapped_column(ForeignKey("volunteers.id"), primary_key=True)
    desk: Mapped[str] = mapped_column(String(40), primary_key=True)
    saved_at: Mapped[datetime]
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
