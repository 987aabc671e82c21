"""Checking the chain: the first entry that was edited, deleted or moved, or None.

Reads the stored columns as text, so an entry whose moment was overwritten with garbage is
reported, not a crash. A deleted last entry leaves no gap in the chain; the outbox still
names it (every entry is queued for central when written), which is how it is found.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from station.audit.chain import GENESIS, entry_hash
from station.models import AuditEntry, OutboxEntry

EDITED = "edited"
MISSING = "missing"
UNLINKED = "unlinked"
REORDERED = "reordered"


@dataclass(frozen=True)
class BadEntry:
    """The first entry where the chain breaks; `problem` is one of the constants above."""

    seq: int
    problem: str

    @property
    def message_code(self) -> str:
        return f"audit_{self.problem}"


def _iso(stored: str | None) -> str | None:
    """The stored naive-UTC moment as the ISO text it was hashed with."""
    if stored is None:
        return None
    try:
        return datetime.fromisoformat(stored).replace(tzinfo=UTC).isoformat()
    except ValueError:
        return None


def _missing_tail(session: Session, last_seq: int) -> BadEntry | None:
    gone = session.scalar(
        select(OutboxEntry.record_id)
        .where(
            OutboxEntry.record_kind == AuditEntry.kind,
            OutboxEntry.record_id.not_in(select(AuditEntry.id)),
        )
        .limit(1)
    )
    return BadEntry(last_seq + 1, MISSING) if gone is not None else None


def verify(session: Session) -> BadEntry | None:
    """Walk the chain in seq order; the first bad entry, or None when the chain is intact."""
    table = AuditEntry.__table__
    rows = session.execute(
        select(
            AuditEntry.pk,
            AuditEntry.seq,
            AuditEntry.prev_hash,
            AuditEntry.entry_hash,
            type_coerce(table.c.moment, String()).label("moment"),
            AuditEntry.actor,
            AuditEntry.action,
            AuditEntry.record_kind,
            AuditEntry.record_id,
            AuditEntry.detail,
        ).order_by(AuditEntry.seq, AuditEntry.pk)
    )
    expected, prev, last_pk = 1, GENESIS, 0
    for row in rows:
        if row.seq != expected:
            # A gap is a deleted entry; a repeated or smaller seq, entries moved around.
            return BadEntry(expected, MISSING if row.seq > expected else REORDERED)
        moment = _iso(row.moment)
        own = entry_hash(
            (
                row.seq,
                row.prev_hash,
                moment or "",
                row.actor,
                row.action,
                row.record_kind,
                row.record_id,
                row.detail,
            )
        )
        if moment is None or own != row.entry_hash:
            return BadEntry(row.seq, EDITED)
        if row.prev_hash != prev:
            return BadEntry(row.seq, UNLINKED)
        if row.pk < last_pk:
            return BadEntry(row.seq, REORDERED)
        expected, prev, last_pk = expected + 1, row.entry_hash, row.pk
    return _missing_tail(session, expected - 1)
