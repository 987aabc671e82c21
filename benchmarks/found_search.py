"""Lost-and-found search over 100,000 found items, as the desk's search box runs it, against
the raw SQL on the same file: queries of 2 Chinese characters (matched with instr() on the
content table) and of 4 (the FTS5 trigram index), one entry each.

The operation is `lostfound.find_found_lines(text=…, limit=PAGE)` in a read snapshot, the first
page the found list asks for (the columns it shows); the floor runs the SQL it amounts to with
sqlite3 on its own connection and fetches the same columns of the same page as tuples. For the
longer words that is two statements, as in the app: how many items the index finds (counting
stops past `search.MANY_MATCHES`), then the page, read newest first when they are many. Each
repetition runs both for one query, taking turns through a few words a volunteer would type.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import bulk
from measure import Entry, Stopwatch, Target, entry

from station.services import lostfound, search
from station.store import open_store

NAME = "lost-and-found search over 100,000 found items"
TARGET = Target(max_ratio=2, max_p95_seconds=0.050)
PAGE = 200  # the found list's first page (ui.tables.PAGE)
QUERIES = {
    2: ("钱包", "雨伞", "红色", "手机", "码头"),
    4: ("黑色钱包", "蓝色雨伞", "华为手机", "儿童水壶", "恩江码头"),
}
COLUMNS = ("item_no", "description", "colour", "found_place", "storage_place")
LISTED = ", ".join(lostfound.FoundLine._fields)  # the columns the found list shows
SHORT_SQL = f"""
SELECT {LISTED} FROM found_items
WHERE deleted_at IS NULL AND ({" OR ".join(f"instr(coalesce({c}, ''), ?) > 0" for c in COLUMNS)})
ORDER BY found_at DESC, pk DESC LIMIT ?
"""  # noqa: S608  (constant column names)
HITS_SQL = "SELECT rowid FROM found_items_fts WHERE found_items_fts MATCH ?"
MANY_SQL = f"SELECT count(*) FROM ({HITS_SQL} LIMIT ?)"  # noqa: S608  (constant)
# "pk + 0" keeps SQLite from looking the matches up one by one: it reads newest first instead.
LONG_SQL = f"""
SELECT {LISTED} FROM found_items
WHERE deleted_at IS NULL AND {{key}} IN ({HITS_SQL})
ORDER BY found_at DESC, pk DESC LIMIT ?
"""  # noqa: S608  (constant column names)


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
                        found = lostfound.find_found_lines(session, text=query, limit=PAGE)
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
        phrase = f'"{query}"'
        counted = raw.execute(MANY_SQL, (phrase, search.MANY_MATCHES + 1)).fetchone()[0]
        many = counted > search.MANY_MATCHES
        sql = LONG_SQL.format(key="pk + 0" if many else "pk")
        return raw.execute(sql, (phrase, PAGE)).fetchall()
    return raw.execute(SHORT_SQL, (*(query,) * len(COLUMNS), PAGE)).fetchall()
