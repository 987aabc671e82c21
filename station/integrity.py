"""The store's self-check behind `redpost check`: SQLite, foreign keys, search index, outbox."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from station.migrations import HEAD
from station.models import SYNCED_KINDS
from station.services.search import SEARCHED_COLUMNS


def problems(db_path: Path) -> list[str]:
    """Everything wrong with the store at `db_path`, as plain sentences; empty when sound."""
    if not db_path.exists():
        return [f"no data file at {db_path}"]
    found: list[str] = []
    try:
        with closing(sqlite3.connect(db_path)) as conn:
            found += _sqlite(conn)
            if found:
                return found  # the rest cannot be trusted on a damaged file
            found += _schema(conn)
            if found:
                return found
            found += _search_index(conn)
            found += _outbox(conn)
    except sqlite3.DatabaseError as exc:
        found.append(f"the file is not a readable database: {exc}")
    return found


def _sqlite(conn: sqlite3.Connection) -> list[str]:
    result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        return [f"SQLite integrity check: {'; '.join(result[:5])}"]
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        return [
            f"{len(broken)} rows point at missing records (first: {table} row {rowid} → {parent})"
        ]
    return []


def _schema(conn: sqlite3.Connection) -> list[str]:
    try:
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except (sqlite3.OperationalError, TypeError):
        return ["the schema version is missing"]
    if revision != HEAD:
        return [f"the schema is at revision {revision}, this program expects {HEAD}"]
    if conn.execute("SELECT count(*) FROM station").fetchone()[0] != 1:
        return ["the station is not set up (run init)"]
    return []


def _search_index(conn: sqlite3.Connection) -> list[str]:
    found = []
    for model in SEARCHED_COLUMNS:
        fts = f"{model.__tablename__}_fts"
        try:
            # rank 1 also compares the index with the content table
            conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")  # noqa: S608
        except sqlite3.DatabaseError as exc:
            found.append(f"the search index of {model.__tablename__} is damaged ({exc})")
    return found


def _outbox(conn: sqlite3.Connection) -> list[str]:
    """Each own record's current version must have an outbox entry: the sync depends on it."""
    found = []
    for model in SYNCED_KINDS:
        table = model.__tablename__
        # Rows pulled from other stations are not ours to push, so only our own are checked.
        (missing,) = conn.execute(
            f"SELECT count(*) FROM {table} r "  # noqa: S608 (table names come from the models)
            "WHERE r.station_code = (SELECT code FROM station) "
            "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.record_kind = ? "
            "AND o.record_id = r.id AND o.version = r.version)",
            (model.kind,),
        ).fetchone()
        if missing:
            found.append(f"{missing} {table} changes are missing from the sync outbox")
    return found
