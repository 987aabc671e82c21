"""Issue 5's push benchmark: a kiosk's 50,000 pending records pushed to a fresh central on
the local PostgreSQL, against a COPY of the same rows in the same run.

The operation is the real push phase (`station.sync.push.push_all`) over the station role's
own connection: batches saved locally, sent, settled. The floor is what PostgreSQL can take
at best: the admin COPYing the very rows the push writes (same columns, same JSON, into the
same records table, so the same sequence trigger fires) in one transaction.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import psycopg
from central_db import Central, fresh_central
from kiosk import copy, fill_inquiries, set_up
from measure import Entry, Stopwatch, Target, entry
from sqlalchemy import func, select

from station.central import database, exchange
from station.central.schema import records
from station.store import Store
from station.sync import push
from station.sync.codec import MODELS, to_wire

NAME = "sync push 50,000 records to local PostgreSQL"
TARGET = Target(max_ratio=3)
CODE = "YF01"
COLUMNS = (
    "id",
    "kind",
    "station_code",
    "version",
    "digest",
    "created_at",
    "updated_at",
    "deleted_at",
    "public",
    "private",
)


def run(quick: bool, scratch: Path) -> Entry:
    total, repetitions = (2_000, 3) if quick else (50_000, 5)
    template = scratch / "template"
    store = set_up(template, CODE)
    try:
        pending = fill_inquiries(store, total)
        rows = _copy_rows(store)
    finally:
        store.close()
    if len(rows) != pending:
        raise RuntimeError(f"{pending} records pending but {len(rows)} rows to copy")
    operation, floor = Stopwatch(), Stopwatch()
    for repetition in range(repetitions):
        folder = scratch / f"kiosk-{repetition}"
        # Alternate which goes first, so neither always meets a warmer server.
        if repetition % 2 == 0:
            _push(template, folder, pending, operation)
            _copy(rows, floor)
        else:
            _copy(rows, floor)
            _push(template, folder, pending, operation)
    name = NAME if total == 50_000 else f"{NAME} (quick: {total:,})"
    return entry(name, TARGET, operation.samples, floor.samples, {"records": pending})


def _copy_rows(store: Store) -> list[tuple[Any, ...]]:
    """The records-table row of every pending record, as the push will write it."""
    found: list[tuple[Any, ...]] = []
    with store.reading() as session:
        kinds = {kind for kind, _ in push.pending_keys(session)}
        for model in (MODELS[kind] for kind in kinds):
            for record in session.scalars(select(model).where(model.station_code == CODE)):
                values = exchange.row_values(to_wire(record))
                values["public"] = json.dumps(values["public"])
                values["private"] = json.dumps(values["private"])
                found.append(tuple(values[name] for name in COLUMNS))
    return found


def _quiet(stage: str, done: int, total: int) -> None:
    """No progress wanted."""


def _push(template: Path, folder: Path, pending: int, watch: Stopwatch) -> None:
    with fresh_central() as central:
        url = central.add_station(CODE)
        store = copy(template, folder)
        engine = database.make_engine(url)
        try:
            with engine.connect() as conn:
                # What the sync does before its push: say hello (checks schema and station).
                exchange.hello(conn, CODE)
                conn.rollback()
                with watch.timing():
                    outcome = push.push_all(store, conn, CODE, _quiet)
        finally:
            engine.dispose()
            store.close()
            shutil.rmtree(folder)
        if len(outcome.accepted) != pending or outcome.parked or outcome.conflicts:
            raise RuntimeError(
                f"push accepted {len(outcome.accepted)} of {pending} records, "
                f"parked {len(outcome.parked)}, conflicts {len(outcome.conflicts)}"
            )
        _expect_rows(central, pending)


def _copy(rows: list[tuple[Any, ...]], watch: Stopwatch) -> None:
    with fresh_central() as central:
        central.add_station(CODE)
        statement = f"COPY records ({', '.join(COLUMNS)}) FROM STDIN"
        pg = psycopg.connect(central.libpq(central.admin_url))  # connected before timing
        with pg, watch.timing():
            with pg.cursor() as cursor, cursor.copy(statement) as copying:
                for row in rows:
                    copying.write_row(row)
            pg.commit()
        _expect_rows(central, len(rows))


def _expect_rows(central: Central, expected: int) -> None:
    """Never report the time of work that did not happen."""
    engine = database.make_engine(central.admin_url)
    try:
        with engine.connect() as conn:
            stamped = conn.scalar(
                select(func.count()).select_from(records).where(records.c.seq.is_not(None))
            )
    finally:
        engine.dispose()
    if stamped != expected:
        raise RuntimeError(f"central holds {stamped} stamped records, expected {expected}")
