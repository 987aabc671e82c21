"""The session hook that stamps synced records and writes their outbox entries.

It runs inside every flush, so a change and its outbox entry always share one SQLite
transaction, and no service can forget either.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, func, insert, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from station import clock
from station.audit import chain
from station.audit.hook import record_changes
from station.models import AuditEntry, OutboxEntry, SyncRecord, new_id

# Set on a session's `info` while it applies rows pulled from central: those are not ours
# to push back.
APPLYING_PULL = "applying_pull"

_INSERT_ENTRIES = insert(OutboxEntry)
# Where `_stamp` leaves the flush's entries for `_write`, in the flush's own attributes.
_WRITES = "redpost_entries"


def _entry(kind: str, record_id: str, version: int, op: str) -> dict[str, Any]:
    return {
        "record_kind": kind,
        "record_id": record_id,
        "version": version,
        "op": op,
        "queued_at": clock.now(),
    }


def _stamp(session: Session, flush_context: UOWTransaction, instances: Any) -> None:
    if session.info.get(APPLYING_PULL):
        return
    try:
        flush_context.attributes[_WRITES] = _entries(session)
    except BaseException:
        # The trail rows made so far will never be written, and the flush's transaction
        # goes on: the chain must not go on from them.
        chain.forget_head(session)
        raise


def _entries(session: Session) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The flush's audit rows and outbox entries, its records stamped on the way."""
    # First, so the audit entries it makes are stamped and queued below like any record.
    trail = record_changes(session)
    moment = clock.now()
    entries: list[dict[str, Any]] = []
    for obj in list(session.new):
        if isinstance(obj, SyncRecord):
            if obj.id is None:
                obj.id = new_id()
            obj.created_at = obj.created_at or moment
            obj.updated_at = moment
            obj.version = 1
            entries.append(_entry(obj.kind, obj.id, obj.version, "create"))
    # Queued where they stood as objects: added to the session last, before any update.
    for row in trail:
        row["updated_at"] = moment
        entries.append(_entry(AuditEntry.kind, row["id"], row["version"], "create"))
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
        entries.append(_entry(obj.kind, obj.id, obj.version, "delete" if deleting else "update"))
    for obj in session.deleted:
        if isinstance(obj, SyncRecord):
            raise RuntimeError(f"{obj.kind} rows are tombstoned, never deleted: set deleted_at")
    return trail, entries


def _write(session: Session, flush_context: UOWTransaction) -> None:
    """Insert the flush's audit and outbox entries, with Core, after its own rows.

    Not as ORM objects: nothing reads them back in this session, and the unit of work would
    cost as much as the change itself and insert the outbox entries one by one to fetch each
    seq (issue 8). After the flush's rows, so every table's rows keep the order they had as
    objects; inside the flush, so a failure rolls them back with it.
    """
    trail, entries = flush_context.attributes.pop(_WRITES, ([], []))
    chain.write(session, trail)
    if entries:
        session.connection().execute(_INSERT_ENTRIES, entries)


class RecordSession(Session):
    """The session class of the local store: every flush stamps records and fills the outbox."""


event.listen(RecordSession, "before_flush", _stamp)
event.listen(RecordSession, "after_flush", _write)


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
