"""Recording every change of a synced record, from inside the flush that writes it.

`record_changes` is called by the outbox's before_flush hook (`station.sync.outbox`) before
it stamps records, so a change, its outbox entry and its audit entry share one SQLite
transaction, and the new audit entries are stamped and queued for central like any record
(as rows the hook writes after the flush, not as objects: see `chain.append_row`).
Rows applied by a pull never get here: the outbox hook skips those sessions.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from station.audit import chain, redact
from station.models import AuditEntry, SyncRecord, new_id

# Kept by the sync machinery, not by a person: not worth a line in the trail.
_BOOKKEEPING = frozenset({"pk", "id", "station_code", "created_at", "updated_at", "version"})


def _changes(record: SyncRecord, creating: bool) -> dict[str, list[Any]]:
    """{field: [before, after]} of the fields this flush changes, redacted."""
    state = inspect(record)
    changed: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        name = attr.key
        if name in _BOOKKEEPING:
            continue
        if creating:
            before, after = None, getattr(record, name)
            default = attr.columns[0].default
            if after is None and default is not None and default.is_scalar:
                after = default.arg
            if after is None:
                continue
        else:
            history = state.attrs[name].history
            if not history.has_changes():
                continue
            before = history.deleted[0] if history.deleted else None
            after = history.added[0] if history.added else None
        changed[name] = [
            redact.field(record.kind, name, before),
            redact.field(record.kind, name, after),
        ]
    return changed


def _op(session: Session, record: SyncRecord) -> str | None:
    """create, update or delete (a tombstone being set), or None when nothing changed."""
    if record in session.new:
        return "create"
    if not session.is_modified(record, include_collections=False):
        return None
    deleted = inspect(record).attrs.deleted_at.history
    return "delete" if record.deleted_at is not None and deleted.has_changes() else "update"


def record_changes(session: Session) -> list[dict[str, Any]]:
    """The audit entries of the new or changed synced records in this flush, one each, as
    rows for `chain.write` (the outbox hook stamps and queues them, then writes them)."""
    records = [
        obj
        for obj in [*session.new, *session.dirty]
        if isinstance(obj, SyncRecord) and not isinstance(obj, AuditEntry)
    ]
    rows = []
    for record in records:
        op = _op(session, record)
        if op is not None:
            rows.append(_row(session, record, op))
    return rows


def record_creation(session: Session, record: SyncRecord) -> dict[str, Any]:
    """The audit entry of a new record written without a flush, as a row for `chain.write`
    (see `station.sync.outbox.insert_new`): the one its flush would have made."""
    return _row(session, record, "create")


def _row(session: Session, record: SyncRecord, op: str) -> dict[str, Any]:
    if record.id is None:
        record.id = new_id()
    detail = {"changes": _changes(record, op == "create")}
    # The hook's rows go through `chain.write`, which checks a guessed head.
    return chain.append_row(
        session,
        op,
        detail,
        kind=record.kind,
        record_id=record.id,
        owner=record.station_code,
        guess=True,
    )
