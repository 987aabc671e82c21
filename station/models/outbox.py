"""Book-keeping tables: the outbox of changes to push, and the per-day number counter."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from station.models.base import Base


class OutboxEntry(Base):
    """One change to a synced record, written in the same transaction as the change."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index(
            "ix_outbox_pending", "record_kind", "record_id", sqlite_where=text("pushed_at IS NULL")
        ),
    )

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    record_kind: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int]
    op: Mapped[str] = mapped_column(String(8))
    queued_at: Mapped[datetime]
    pushed_at: Mapped[datetime | None]


class NumberCounter(Base):
    """The last sequence number used for human-facing numbers on one local day."""

    __tablename__ = "number_counters"

    day: Mapped[str] = mapped_column(String(8), primary_key=True)
    last: Mapped[int]
