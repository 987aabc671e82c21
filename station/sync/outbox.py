"""The session hook that stamps synced records and writes their outbox entries.

It runs inside every flush, so a change and its outbox entry always share one SQLite
transaction, and no service can forget either. `insert_new` writes a new record the same way
without a flush, for the saves a desk waits on.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Connection, Insert, Table, event, func, insert, inspect, select
from sqlalchemy.orm import MANYTOONE, Session, UOWTransaction, make_transient_to_detached

from station import clock
from station.audit import chain
from station.audit.hook import record_changes, record_creation
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
    entries = [_created(obj, moment) for obj in list(session.new) if isinstance(obj, SyncRecord)]
    # Queued where they stood as objects: added to the session last, before any update.
    entries.extend(_trail_entry(row, moment) for row in trail)
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


def _created(obj: SyncRecord, moment: datetime) -> dict[str, Any]:
    """Stamp a new record; its outbox entry."""
    if obj.id is None:
        obj.id = new_id()
    obj.created_at = obj.created_at or moment
    obj.updated_at = moment
    obj.version = 1
    return _entry(obj.kind, obj.id, obj.version, "create")


def _trail_entry(row: dict[str, Any], moment: datetime) -> dict[str, Any]:
    """Stamp an audit row; its outbox entry."""
    row["updated_at"] = moment
    return _entry(AuditEntry.kind, row["id"], row["version"], "create")


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


def insert_new(session: Session, record: SyncRecord) -> None:
    """Write a new record (not yet in the session) at once, as a flush would write it: the
    same row, audit entry and outbox entries, in the same order. It then joins the session
    as a persistent object, every column loaded.

    Without the unit of work, which cost a saved inquiry more than the rest of its work
    (issue 8). For a service's own records: rows applied by a pull go through the session.
    What is pending is flushed first, as a query would have flushed it. A failure leaves the
    transaction to be rolled back by whoever owns it, as any statement's does.
    """
    state = inspect(record)
    if not state.transient:
        raise ValueError("only a new record that is not in the session is inserted")
    for link in state.mapper.relationships:
        # A flush copies a parent's key from the relationship; this writes the columns only.
        if link.direction is MANYTOONE and state.dict.get(link.key) is not None:
            keys = [state.mapper.get_property_by_column(c).key for c in link.local_columns]
            if any(state.dict.get(key) is None for key in keys):
                raise ValueError(f"{link.key} is given without its key ({', '.join(keys)})")
    session.flush()
    try:
        row = record_creation(session, record)
        moment = clock.now()
        entries = [_created(record, moment), _trail_entry(row, moment)]
        connection = session.connection()
        _insert_row(connection, record)
        chain.write(session, [row])
        connection.execute(_INSERT_ENTRIES, entries)
    except BaseException:
        chain.forget_head(session)
        raise
    make_transient_to_detached(record)
    session.add(record)


class _Column(NamedTuple):
    """A mapped column as `_insert_row` treats it."""

    attr: str  # the record's attribute
    key: str  # the column's key in the statement's parameters
    primary_key: bool
    has_default: bool
    stores_none: bool  # a None the column's type stores (JSON's null) rather than NULL


def _insert_row(connection: Connection, record: SyncRecord) -> None:
    """INSERT the record's row with the columns the unit of work would give it (a column's
    default where the record holds None), then set on it its key, those defaults and the
    columns it never held (None), so that none is left to load."""
    state = inspect(record)
    held = state.dict
    statement, columns = _insert_plan(type(record))
    values: dict[str, Any] = {}
    for column in columns:
        value = held.get(column.attr)
        # As the unit of work: a None the column's type stores (JSON's null) is sent when it
        # was set; any other None leaves the column to its default.
        if not column.primary_key and (
            value is not None
            or not column.has_default
            or (column.stores_none and column.attr in held)
        ):
            values[column.key] = value
    result = connection.execute(statement, values)
    # The values given and the defaults that fired, and the key: of one row.
    inserted, key = result.last_inserted_params(), result.inserted_primary_key
    assert isinstance(inserted, Mapping)
    assert key is not None
    # Into the record's dict, not through its attributes: `make_transient_to_detached`
    # takes whatever it holds as loaded, so the history setting them would make is dropped.
    for column in columns:
        if column.primary_key:
            held[column.attr] = key[0]
        elif column.key not in values or column.attr not in held:
            held[column.attr] = inserted[column.key]


@cache
def _insert_plan(kind: type[SyncRecord]) -> tuple[Insert, tuple[_Column, ...]]:
    # One statement and column list per kind: making them anew costs about as much as
    # running the statement (issue 8).
    mapper = inspect(kind)
    columns = tuple(
        _Column(
            attr.key,
            attr.columns[0].key,
            attr.columns[0].primary_key,
            attr.columns[0].default is not None,
            bool(attr.columns[0].type.should_evaluate_none),
        )
        for attr in mapper.column_attrs
    )
    table = mapper.local_table
    assert isinstance(table, Table)
    return insert(table), columns


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
