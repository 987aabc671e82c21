"""Lost-and-found search over 100,000 found items, as the desk's search box runs it, against
the raw SQL on the same file: queries of 2 Chinese characters (matched with instr() on the
content table) and of 4 (the FTS5 trigram index), one entry each.

The operation is `lostfound.find_found(text=…, limit=PAGE)` in a read snapshot, the first page
the found list asks for; the floor runs the SQL it amounts to with sqlite3 on its own
connection and fetches the same page of rows as tuples. Each repetition runs both for one
query, taking turns through a few words a volunteer would type.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import bulk
from measure import Entry, Stopwatch, Target, entry

from station.services import lostfound
from station.store import open_store

NAME = "lost-and-found search over 100,000 found items"
TARGET = Target(max_ratio=2, max_p95_seconds=0.050)
PAGE = 200  # the found list's first page (ui.tables.PAGE)
QUERIES = {
    2: ("钱包", "雨伞", "红色", "手机", "码头"),
    4: ("黑色钱包", "蓝色雨伞", "华为手机", "儿童水壶", "恩江码头"),
}
COLUMNS = ("item_no", "description", "colour", "found_place", "storage_place")
SHORT_SQL = f"""
SELECT * FROM found_items
WHERE deleted_at IS NULL AND ({" OR ".join(f"instr(coalesce({c}, ''), ?) > 0" for c in COLUMNS)})
ORDER BY found_at DESC, pk DESC LIMIT ?
"""  # noqa: S608  (constant column names)
LONG_SQL = """
SELECT * FROM found_items
WHERE deleted_at IS NULL
  AND pk IN (SELECT rowid FROM found_items_fts WHERE found_items_fts MATCH ?)
ORDER BY found_at DESC, pk DESC LIMIT ?
"""


def run(quick: bool, scratch: Path) -> list[Entry]:
    total, repetitions = (5_000, 10) if quick else (100_000, 50)
    folder = bulk.found_items(scratch, total)
    store = open_store(folder)
    entries = []
    try:
        with closing(sqlite3.connect(folder / "redpost.db")) as raw:
            for length, queries in QUERIES.items():
                operation, floor = Stopwatch(), Stopwatch()
                hits: dict[str, int] = {}
                for repetition in range(repetitions):
                    query = queries[repetition % len(queries)]
                    with operation.timing(), store.reading() as session:
                        found = lostfound.find_found(session, text=query, limit=PAGE)
                    with floor.timing():
                        rows = _raw(raw, query)
                    if len(found) != len(rows):
                        raise RuntimeError(f"{query}: the app found {len(found)}, SQL {len(rows)}")
                    hits[query] = len(rows)
                name = f"{NAME}, {length}-character queries"
                if quick:
                    name += f" (quick: {total:,})"
                entries.append(
                    entry(name, TARGET, operation.samples, floor.samples, {"hits": hits})
                )
    finally:
        store.close()
    return entries


def _raw(raw: sqlite3.Connection, query: str) -> list[tuple[object, ...]]:
    if len(query) >= 3:
        return raw.execute(LONG_SQL, (f'"{query}"', PAGE)).fetchall()
    return raw.execute(SHORT_SQL, (*(query,) * len(COLUMNS), PAGE)).fetchall()
