"""Wire rows as JSON text, made by SQLite itself from the stored columns (for the push).

The text is the JSON of the very row `codec.to_wire` makes from the loaded record: times
in wire form, booleans as true/false, JSON columns as their values. SQLAlchemy writes every
time as "YYYY-MM-DD HH:MM:SS.ffffff"; a row holding a time in any other form is made in
Python instead (`codec.wire_maker`), as before.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from itertools import groupby
from operator import itemgetter

from sqlalchemy import Boolean, Column, Connection, TextClause, bindparam, select, text
from sqlalchemy.types import JSON

from station.models import SyncRecord
from station.sync.codec import MODELS, TOP_LEVEL, is_time, wire_columns, wire_maker


def wire_texts(connection: Connection, keys: Sequence[tuple[str, str]]) -> list[str]:
    """The wire row of each (kind, id) as JSON text, in the order of `keys`; keys whose
    record is gone are left out."""
    texts: list[str] = []
    for kind, group in groupby(keys, key=itemgetter(0)):
        model = MODELS[kind]
        ids = json.dumps([rid for _, rid in group])
        found = connection.execute(_query(model), {"ids": ids}).all()
        unusual = [rid for rid, usual, _ in found if not usual]
        remade = _remade(connection, model, unusual) if unusual else {}
        texts.extend(remade.get(rid, wire) for rid, _, wire in found)
    return texts


def _remade(connection: Connection, model: type[SyncRecord], ids: list[str]) -> dict[str, str]:
    columns, make = wire_maker(model)
    rows = connection.execute(select(*columns).where(model.id.in_(ids))).all()
    return {row["id"]: json.dumps(row, ensure_ascii=False) for row in map(make, rows)}


@cache
def _query(model: type[SyncRecord]) -> TextClause:
    """(id, whether every time is in SQLAlchemy's form, wire JSON) of each record whose id is
    in the JSON array :ids, in the array's order."""
    columns = {column.key: column for column in wire_columns(model)}
    times = [f'm."{column.name}"' for column in columns.values() if is_time(column)]
    usual = " AND ".join(f"({_usual(t)})" for t in times) or "1"
    fields = ", ".join(
        f"'{key}', {_value(column)}" for key, column in columns.items() if key not in TOP_LEVEL
    )
    envelope = (
        f"'kind', '{model.kind}', 'id', m.id, 'station_code', m.station_code, "
        "'version', m.version, "
        f"'created_at', coalesce({_time('m.created_at')}, ''), "
        f"'updated_at', coalesce({_time('m.updated_at')}, ''), "
        f"'deleted_at', {_time('m.deleted_at')}"
    )
    return text(
        f"SELECT m.id, {usual}, json_object({envelope}, 'fields', json_object({fields})) "  # noqa: S608 (the model's own columns)
        f'FROM json_each(:ids) AS k JOIN "{model.__tablename__}" AS m ON m.id = k.value '
        "ORDER BY k.key"
    ).bindparams(bindparam("ids"))


def _usual(stored: str) -> str:
    return (
        f"{stored} IS NULL OR (typeof({stored}) = 'text' AND length({stored}) = 26 "
        f"AND substr({stored}, 11, 1) = ' ' AND substr({stored}, 20, 1) = '.')"
    )


def _time(stored: str) -> str:
    """`codec._stored_iso` in SQL, for a time in the usual form (NULL stays NULL)."""
    day_time = f"substr({stored}, 1, 10) || 'T' || substr({stored}, 12, 8)"
    return (
        f"{day_time} || CASE WHEN substr({stored}, 20) = '.000000' THEN '' "
        f"ELSE substr({stored}, 20) END || '+00:00'"
    )


def _value(column: Column[object]) -> str:
    stored = f'm."{column.name}"'
    if is_time(column):
        return _time(stored)
    if isinstance(column.type, Boolean):
        truth = f"CASE WHEN {stored} IS NULL THEN 'null' WHEN {stored} THEN 'true' ELSE 'false' END"
        return f"json({truth})"
    if isinstance(column.type, JSON):
        return f"json({stored})"
    return stored
