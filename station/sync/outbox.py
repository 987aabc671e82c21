"""The session hook that stamps synced records and writes their outbox entries.

It runs inside every flush, so a change and its outbox entry always share one SQLite
transaction, and no service can forget either.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session

from station import clock
from station.audit.hook import record_changes
from station.models import AuditEntry, OutboxEntry, SyncRecord, new_id

# Set on a session's `info` while it applies rows pulled from central: those are not ours
# to push back.
APPLYING_PULL = "applying_pull"


def _queue(session: Session, record: SyncRecord, op: str) -> None:
    session.add(
        OutboxEntry(
            record_kind=record.kind,
            record_id=record.id,
            version=record.version,
            op=op,
            queued_at=clock.now(),
        )
    )


def _stamp(session: Session, flush_context: Any, instances: Any) -> None:
    if session.info.get(APPLYING_PULL):
        return
    # First, so the audit entries it adds are stamped and queued below like any record.
    record_changes(session)
    moment = clock.now()
    for obj in list(session.new):
        if isinstance(obj, SyncRecord):
            if obj.id is None:
                obj.id = new_id()
            obj.created_at = obj.created_at or moment
            obj.updated_at = moment
            obj.version = 1
            _queue(session, obj, "create")
    for obj in list(session.dirty):
        if not isinstance(obj, SyncRecord) or not session.is_modified(
            obj, include_collections=False
        ):
            continue
        # A tombstone is the change that sets deleted_at; later edits to it are updates.
        deleting = (
            obj.deleted_at is not None and inspect(obj).attrs.deleted_at.history.has_changes()
        )
        obj.version = (obj.version or 0) + 1
        obj.updated_at = moment
        _queue(session, obj, "delete" if deleting else "update")
    for obj in session.deleted:
        if isinstance(obj, SyncRecord):
            raise RuntimeError(f"{obj.kind} rows are tombstoned, never deleted: set deleted_at")


class RecordSession(Session):
    """The session class of the local store: every flush stamps records and fills the outbox."""


event.listen(RecordSession, "before_flush", _stamp)


def pending_count(session: Session) -> int:
    """How many records have changes not yet pushed to central.

    Audit entries are not counted: they are the trail of those changes, not records a lead
    looks after, and they go with the next sync all the same.
    """
    distinct = (
        select(OutboxEntry.record_kind, OutboxEntry.record_id)
        .where(OutboxEntry.pushed_at.is_(None), OutboxEntry.record_kind != AuditEntry.kind)
        .distinct()
        .subquery()
    )
    return session.scalar(select(func.count()).select_from(distinct)) or 0
