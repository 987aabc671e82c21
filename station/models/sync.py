"""What the kiosk keeps about the end-of-day sync: the station directory, the batch in
flight, and the issues the lead must see (parked records, conflicts, clashes, count gaps)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from station.models.base import Base


class DirectoryEntry(Base):
    """A station of the alliance, pulled from central, for referral slips (names and phones)."""

    __tablename__ = "directory"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    hotline: Mapped[str | None] = mapped_column(String(32))


class PushBatch(Base):
    """A batch saved before it is sent, so a sync cut short re-sends it under the same id.

    Central answers a known batch id with its stored result; the row goes once that result
    is applied locally, in the same transaction. `keys` holds the batch's (kind, id) pairs
    (in the column `rows`, where releases before 2026-12-01 saved whole wire rows).
    """

    __tablename__ = "push_batches"

    batch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    made_at: Mapped[datetime]
    keys: Mapped[list[Any]] = mapped_column("rows", JSON)


class SyncIssue(Base):
    """Something a sync could not settle by itself; kept until a later sync settles it.

    `problem` is parked, conflict, clash (a pulled row collides with a local one) or count
    (the check found central holding a different number of this station's records).
    """

    __tablename__ = "sync_issues"
    __table_args__ = (UniqueConstraint("problem", "record_kind", "record_id"),)

    pk: Mapped[int] = mapped_column(primary_key=True)
    problem: Mapped[str] = mapped_column(String(12))
    record_kind: Mapped[str] = mapped_column(String(30))
    # Empty for a whole kind (count).
    record_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int | None]
    reason: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[datetime]
