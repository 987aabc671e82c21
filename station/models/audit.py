"""The audit trail's table: one row per recorded action, chained by hashes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from station.models.base import SyncRecord


class AuditEntry(SyncRecord):
    """One entry of the tamper-evident trail, written only by `station.audit`.

    A synced kind, so the outbox carries the trail to central like any record. Entries are
    never changed or deleted: SQLite triggers (migration 0004) refuse both, and
    `station.audit.verify` catches what is done with the triggers dropped. `entry_hash` is
    sha256 over (seq, prev_hash, moment, actor, action, record_kind, record_id, detail);
    `detail` is canonical JSON with personal data already redacted.
    """

    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_moment", "moment"),)
    kind = "audit_entries"

    seq: Mapped[int] = mapped_column(unique=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))
    moment: Mapped[datetime]
    # A volunteer id or badge once sign-in exists, "cli", or None when nobody is known.
    actor: Mapped[str | None] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(16))
    record_kind: Mapped[str | None] = mapped_column(String(30))
    record_id: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[str] = mapped_column(Text)
