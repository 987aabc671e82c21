"""Syncs whose connection is cut at random byte offsets, either way, lose and double nothing.

Three stations work and sync through a loopback proxy (tests/sync/cutproxy.py) that drops
the connection to PostgreSQL after a seeded random number of bytes, kiosk to central or
back, with a FIN or a RST. A cut sync must fail with the lead's "cannot be reached" error,
never anything else; after a final clean sync central equals the union of the stations'
records, each once at its latest version, and every outbox is empty.

A second test cuts every few bytes of the log-in and hello, each way, and wants the same
"cannot be reached" every time.

REDPOST_CUT_SEED replays another sequence of cuts.
"""

from __future__ import annotations

import os
import random
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import make_url

from station.central.errors import CentralError
from station.store import Store
from station.sync import connect
from station.sync.run import sync
from tests.sync.conftest import Central, KioskFactory
from tests.sync.cutproxy import DOWN, UP, Cut, CutProxy, Traffic
from tests.sync.day import work_day
from tests.sync.rounds import assert_converged, churn, phase

SEED = int(os.environ.get("REDPOST_CUT_SEED", "5"))
ROUNDS = 50
MIN_CUTS = 60
# Offsets drawn within a part: about what each part of a small sync carries.
PART_BYTES = {"connect": 2048, "push": 8192, "pull": 8192, "check": 256, "finish": 512}
STATIONS = ("YF01", "YF02", "YF03")


@pytest.fixture
def proxy(central: Central) -> Iterator[CutProxy]:
    server = make_url(central.admin_url)
    running = CutProxy((str(server.host), int(server.port or 5432)))
    yield running
    running.close()


def _through(proxy: CutProxy, station_url: str) -> str:
    return (
        make_url(station_url)
        .set(host="127.0.0.1", port=proxy.port)
        .render_as_string(hide_password=False)
    )


def _draw_cut(rng: random.Random, last_whole: Traffic) -> Cut:
    """A cut at a random byte offset either way: half of them counted from the first byte,
    below what the latest uncut sync carried that way; the others counted from the start
    of a part drawn at random, so the short parts (log-in and hello, the check, recording
    the run) are cut as often as the long ones."""
    direction = rng.choice((UP, DOWN))
    abrupt = rng.random() < 0.5
    if rng.random() < 0.5:
        return Cut(direction, rng.randrange(getattr(last_whole, direction)), abrupt)
    part = rng.choice(sorted(PART_BYTES))
    after = None if part == "connect" else part  # the log-in starts at the first byte
    return Cut(direction, rng.randrange(PART_BYTES[part]), abrupt, after)


def _cut_sync(store: Store, proxy: CutProxy, cut: Cut) -> tuple[str, Traffic | None]:
    """One sync through the armed proxy: ("done", its traffic when uncut) or the part of
    the sync it failed in. A cut sync may only fail as "central cannot be reached"."""
    opened = len(proxy.connections)
    last = ["connect"]

    def reached(part: str) -> None:
        last[0] = part
        proxy.reached(part)

    proxy.arm(cut)
    try:
        report = sync(store, lambda *step: reached(phase(*step)))
    except CentralError as exc:
        failure: CentralError | None = exc
    else:
        failure = None
    finally:
        proxy.arm(None)
    if failure is not None:
        assert failure.code == "central_offline", failure.message("en")
        return last[0], None
    # Even the first sync after a cut finds central complete: nothing waits for a repair.
    assert (report.parked, report.conflicts, report.mismatches) == (0, 0, []), report.as_dict()
    (traffic,) = proxy.connections[opened:]
    return "done", (None if traffic.cut else traffic)


@pytest.mark.parametrize("central", ["postgresql"], indirect=True)
def test_syncs_cut_at_random_bytes_lose_nothing_and_double_nothing(
    central: Central, kiosk: KioskFactory, proxy: CutProxy
) -> None:
    rng = random.Random(SEED)
    stores = {code: kiosk(code) for code in STATIONS}
    for code, store in stores.items():
        connect.connect(store.folder, _through(proxy, central.station_urls[code]))
        work_day(store)
    for store in stores.values():
        churn(store, rng, "r0")
        sync(store)
    last_whole = proxy.connections[-1]

    outcomes: Counter[str] = Counter()
    rounds = 0
    while rounds < ROUNDS or sum(t.cut for t in proxy.connections) < MIN_CUTS:
        rounds += 1
        for code in rng.sample(STATIONS, k=rng.randint(1, len(STATIONS))):
            churn(stores[code], rng, f"r{rounds}")
            outcome, traffic = _cut_sync(stores[code], proxy, _draw_cut(rng, last_whole))
            outcomes[outcome] += 1
            if traffic is not None:
                last_whole = traffic
        assert rounds < 4 * ROUNDS, f"the proxy hardly cuts: {outcomes}"

    for _ in range(2):  # the first pass pushes everything, the second brings it to all
        for store in stores.values():
            report = sync(store)
            assert (report.parked, report.conflicts, report.mismatches) == (0, 0, [])
    assert_converged(central, stores)

    print(f"seed {SEED}: {rounds} rounds, outcomes {dict(outcomes)}")
    # The cuts fell in every part of a sync, not only while connecting.
    assert {"connect", "push", "pull", "check", "finish"} <= set(outcomes), outcomes


HELLO_STEP = 24


@pytest.mark.parametrize("central", ["postgresql"], indirect=True)
def test_a_cut_anywhere_while_connecting_is_reported_as_offline(
    central: Central, kiosk: KioskFactory, proxy: CutProxy
) -> None:
    """Every HELLO_STEP-th byte of the log-in and hello, each way: the lead is told central
    cannot be reached, never that central is not set up or the station unknown."""
    store = kiosk("YF01")
    connect.connect(store.folder, _through(proxy, central.station_urls["YF01"]))
    at_push: dict[str, int] = {}

    def measure(stage: str, done: int, total: int) -> None:
        if stage == "push" and not at_push:
            at_push.update(up=proxy.connections[-1].up, down=proxy.connections[-1].down)

    sync(store, measure)
    outcomes: Counter[str] = Counter()
    for direction in (UP, DOWN):
        for offset in range(0, at_push[direction], HELLO_STEP):
            outcomes[_cut_sync(store, proxy, Cut(direction, offset))[0]] += 1
    assert outcomes == {"connect": sum(outcomes.values())}, outcomes
