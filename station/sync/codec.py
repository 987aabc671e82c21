"""Local ORM records to wire rows and back.

A wire row carries every column but the local `pk`; times travel as ISO 8601 strings in
UTC. Going back, a column the row lacks (personal data central keeps to itself) keeps the
local value, or is empty: NULL, or "" where the column is NOT NULL.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import Column, ColumnElement, String, inspect, type_coerce
from sqlalchemy.orm import Mapper

from station.models import SYNCED_KINDS, SyncRecord
from station.models.base import UTCDateTime
from station.sync.wire import WireRow

MODELS: dict[str, type[SyncRecord]] = {model.kind: model for model in SYNCED_KINDS}
# Position of each kind in push order: parents before children.
ORDER: dict[str, int] = {model.kind: i for i, model in enumerate(SYNCED_KINDS)}
TOP_LEVEL = ("id", "station_code", "version", "created_at", "updated_at", "deleted_at")


def wire_columns(model: type[SyncRecord]) -> list[Column[Any]]:
    """The columns a wire row carries (every one but the local row number)."""
    mapper: Mapper[Any] = inspect(model)
    return [c for c in mapper.columns if c.key != "pk"]


def is_time(column: Column[Any]) -> bool:
    """Whether the column holds a time (sent in ISO form with its zone)."""
    return isinstance(column.type, UTCDateTime)


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


def parse_time(text: object) -> datetime | None:
    if text is None:
        return None
    if not isinstance(text, str):
        raise ValueError(f"not an ISO time: {text!r}")
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"time without a zone: {text!r}")
    return moment.astimezone(UTC)


def to_wire(record: SyncRecord) -> WireRow:
    """The record's current state as a wire row."""
    fields: dict[str, Any] = {}
    for column in wire_columns(type(record)):
        if column.key in TOP_LEVEL:
            continue
        value = getattr(record, column.key)
        fields[column.key] = iso(value) if is_time(column) else value
    return WireRow(
        kind=record.kind,
        id=record.id,
        station_code=record.station_code,
        version=record.version,
        created_at=iso(record.created_at) or "",
        updated_at=iso(record.updated_at) or "",
        deleted_at=iso(record.deleted_at),
        fields=fields,
    )


def wire_maker(
    model: type[SyncRecord],
) -> tuple[list[ColumnElement[Any]], Callable[[Sequence[Any]], WireRow]]:
    """What to select for `model`, and a function making the wire row from a result row
    of it: the same row `to_wire` makes from the loaded record."""
    return _wire_maker(model)


@cache
def _wire_maker(
    model: type[SyncRecord],
) -> tuple[list[ColumnElement[Any]], Callable[[Sequence[Any]], WireRow]]:
    by_key = {column.key: column for column in wire_columns(model)}
    # The envelope first, then the fields in column order; times come as the text SQLite
    # holds, turned into wire form without making datetimes.
    order = [*TOP_LEVEL, *(key for key in by_key if key not in TOP_LEVEL)]
    selected: list[ColumnElement[Any]] = [
        type_coerce(column, String) if is_time(column) else column
        for column in (by_key[key] for key in order)
    ]
    names = order[len(TOP_LEVEL) :]
    timed = [key for key in names if is_time(by_key[key])]
    kind = model.kind
    first = len(TOP_LEVEL)

    def make(values: Sequence[Any]) -> WireRow:
        fields = dict(zip(names, values[first:], strict=True))
        for name in timed:
            fields[name] = _stored_iso(fields[name])
        rid, station_code, version, created, updated, deleted = values[:first]
        return WireRow(
            kind=kind,
            id=rid,
            station_code=station_code,
            version=version,
            created_at=_stored_iso(created) or "",
            updated_at=_stored_iso(updated) or "",
            deleted_at=_stored_iso(deleted),
            fields=fields,
        )

    return selected, make


def _stored_iso(stored: str | None) -> str | None:
    """`iso()` of a time from the text SQLite holds for it (naive UTC, as SQLAlchemy writes
    it: "YYYY-MM-DD HH:MM:SS.ffffff"), without making a datetime."""
    if stored is None:
        return None
    if len(stored) == 26 and stored[10] == " " and stored[19] == ".":
        if stored.endswith(".000000"):  # isoformat() leaves zero microseconds out
            return f"{stored[:10]}T{stored[11:19]}+00:00"
        return f"{stored[:10]}T{stored[11:]}+00:00"
    return iso(datetime.fromisoformat(stored).replace(tzinfo=UTC))


def from_wire(model: type[SyncRecord], row: WireRow, local: SyncRecord | None) -> dict[str, Any]:
    """Column values for `model` from a pulled row; raises ValueError when malformed."""
    values: dict[str, Any] = {
        "id": row["id"],
        "station_code": row["station_code"],
        "version": int(row["version"]),
        "created_at": parse_time(row["created_at"]),
        "updated_at": parse_time(row["updated_at"]),
        "deleted_at": parse_time(row["deleted_at"]),
    }
    fields = row["fields"]
    for column in wire_columns(model):
        name = column.key
        if name in TOP_LEVEL:
            continue
        if name in fields:
            values[name] = parse_time(fields[name]) if is_time(column) else fields[name]
        elif local is not None:
            values[name] = getattr(local, name)
        else:
            values[name] = "" if not column.nullable else None
    return values


def foreign_keys(model: type[SyncRecord]) -> list[tuple[str, type[SyncRecord], bool]]:
    """(column, referenced model, nullable) for each reference to another synced record."""
    by_table = {m.__tablename__: m for m in SYNCED_KINDS}
    found: list[tuple[str, type[SyncRecord], bool]] = []
    for column in wire_columns(model):
        for fk in column.foreign_keys:
            target = by_table.get(fk.column.table.name)
            if target is not None:
                found.append((column.key, target, bool(column.nullable)))
    return found
