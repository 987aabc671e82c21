"""Issue 5's day benchmark: a station's ordinary day (about a hundred records, made by the
demo's day of desk work) synced end to end on loopback, against a bare connect and one
round trip as the station role.

Two kiosks share one central: a neighbour station that syncs its own day first, so the
timed sync pulls real shared data too, and ours. Each repetition plays one more day at
both (not timed), then times `sync(store)`: connect, hello, push, pull, check, log the run.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import keyring
import psycopg
from central_db import Central, fresh_central
from keyring.backends import fail
from measure import Entry, Stopwatch, Target, entry

from station import clock
from station.demo import fill
from station.services import station as station_service
from station.store import Store, open_store
from station.sync import connect
from station.sync.run import sync

NAME = "typical day sync end to end"
TARGET = Target(max_seconds=1.0)
OURS, NEIGHBOUR = "YF01", "YF02"


def run(quick: bool, scratch: Path) -> Entry:
    repetitions = 3 if quick else 10
    # A headless kiosk has no keyring: the password lives in the data folder's file
    # (keyring itself is untyped).
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    today = clock.local_today()
    days = [today - timedelta(days=repetitions + 1 - n) for n in range(repetitions + 1)]
    operation, floor = Stopwatch(), Stopwatch()
    pushed: list[int] = []
    pulled: list[int] = []
    with fresh_central() as central:
        ours, url = _kiosk(central, scratch / OURS, OURS)
        neighbour, _ = _kiosk(central, scratch / NEIGHBOUR, NEIGHBOUR)
        try:
            # The stations' history (roster, quick answers, a first day) is already central's.
            _day(ours, neighbour, days[0], 0)
            bare = central.libpq(url)
            for number, day in enumerate(days[1:], 1):
                _day(ours, neighbour, day, number)
                with floor.timing(), psycopg.connect(bare) as pg:
                    pg.execute("SELECT 1").fetchone()
                with operation.timing():
                    report = sync(ours)
                if report.parked or report.conflicts or report.mismatches:
                    raise RuntimeError(f"the day's sync was not clean: {report.summary()}")
                pushed.append(report.pushed)
                pulled.append(report.pulled)
        finally:
            ours.close()
            neighbour.close()
    notes = {"pushed_per_sync": pushed, "pulled_per_sync": pulled}
    return entry(NAME, TARGET, operation.samples, floor.samples, notes)


def _kiosk(central: Central, folder: Path, code: str) -> tuple[Store, str]:
    """A kiosk of station `code`, registered at central and connected (`redpost connect`),
    and the URL its role logs in with."""
    store = open_store(folder)
    with store.transaction() as session:
        station_service.init(session, code=code, name=f"{code} 红驿站")
    url = central.add_station(code)
    connect.connect(folder, url)
    return store, url


def _day(ours: Store, neighbour: Store, day: date, number: int) -> None:
    """Both stations live through `day` until late evening; the neighbour then syncs."""
    evening = datetime.combine(day, time(23, 55), clock.LOCAL_TZ)
    with clock.frozen_at(evening):
        fill(ours, days=1, seed=2 * number + 1)
        fill(neighbour, days=1, seed=2 * number + 2)
    sync(neighbour)
    if number == 0:
        sync(ours)
