"""Every row of every table, for asserting that a failed action left the store unchanged."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from station.store import Store


def snapshot(store: Store) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(store.db_path)) as conn:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name"
            )
        ]
        return {
            name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
        }
