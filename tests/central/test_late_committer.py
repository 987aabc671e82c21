"""Rule 3: a push that commits late must not be skipped by a puller that moved on meanwhile."""

from __future__ import annotations

import threading
import time

from sqlalchemy import Connection, text

from station.central import admin, database, exchange
from tests.central.rows import batch, found_item

STATIONS = [f"ZZ{n:02d}" for n in range(10)]


def test_no_puller_misses_a_late_committer(pg_admin_url: str) -> None:
    central = database.make_engine(pg_admin_url)
    database.upgrade(central)
    engines, conns = [], {}
    for code in ["LATE", "PULL", *STATIONS]:
        with central.begin() as conn:
            role, password = admin.add_station(conn, code, code) or ("", "")
        engine = database.make_engine(central.url.set(username=role, password=password))
        engines.append(engine)
        conns[code] = engine.connect()

    late_row = found_item("LATE")
    committing = threading.Event()
    late_conn: Connection = conns["LATE"]
    real_commit = late_conn.commit

    def slow_commit() -> None:
        committing.set()
        late_conn.execute(text("SELECT pg_sleep(2)"))
        real_commit()

    late_conn.commit = slow_commit  # type: ignore[method-assign]
    late = threading.Thread(
        target=exchange.push, args=(late_conn, "LATE", batch(), [late_row]), daemon=True
    )
    late.start()
    assert committing.wait(10)

    pushed: dict[str, str] = {}

    def push(code: str) -> None:
        row = found_item(code)
        pushed[code] = row["id"]
        exchange.push(conns[code], code, batch(), [row])

    others = [threading.Thread(target=push, args=(code,), daemon=True) for code in STATIONS]
    for thread in others:
        thread.start()
    seen: set[str] = set()
    watermark = 0
    started = time.monotonic()
    while any(t.is_alive() for t in [late, *others]) and time.monotonic() - started < 30:
        for pulled in exchange.pull(conns["PULL"], "PULL", watermark, 3):
            seen.add(pulled.row["id"])
            watermark = pulled.seq
        time.sleep(0.01)
    for thread in [late, *others]:
        thread.join(10)
    for pulled in exchange.pull(conns["PULL"], "PULL", watermark, 1000):
        seen.add(pulled.row["id"])
    assert late_row["id"] in seen
    assert set(pushed.values()) <= seen
    for conn in conns.values():
        conn.close()
    for engine in [*engines, central]:
        engine.dispose()
