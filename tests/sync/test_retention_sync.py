"""An erasure on the kiosk, by retention or by request, clears central's private copy too."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select

from station import clock
from station.central.schema import records
from station.services import personal, retention
from station.sync.run import sync
from tests.sync.conftest import Central, KioskFactory
from tests.sync.day import unsynced, work_day

VISITOR_PHONE = "13900001111"  # work_day's inquiry, closed on the spot
OWNER_PHONE = "13600003333"  # work_day's lost report, still open
FINDER_PHONE = "13700002222"  # work_day's found item, still held


def central_private(central: Central) -> dict[tuple[str, str], dict[str, object]]:
    engine = central.admin()
    with engine.connect() as conn:
        rows = conn.execute(select(records.c.kind, records.c.id, records.c.private)).all()
    engine.dispose()
    return {(row.kind, row.id): row.private for row in rows}


def test_erasure_reaches_central(central: Central, kiosk: KioskFactory) -> None:
    store = kiosk("YF01")
    work_day(store)
    sync(store)
    before = json.dumps(list(central_private(central).values()), ensure_ascii=False)
    for phone in (VISITOR_PHONE, OWNER_PHONE, FINDER_PHONE):
        assert phone in before

    with store.reading() as session:
        (inquiry,) = personal.find(session, VISITOR_PHONE)
        (lost,) = personal.find(session, OWNER_PHONE)
    with store.transaction() as session:
        counts = retention.run(session, clock.now() + timedelta(days=31))
        assert (counts.inquiries, counts.lost_reports, counts.found_items) == (1, 0, 0)
        assert personal.erase(session, OWNER_PHONE).lost_reports == 1
    report = sync(store)
    assert report.pushed >= 2
    with store.reading() as session:
        assert unsynced(session) == 0

    held = central_private(central)
    after = json.dumps(list(held.values()), ensure_ascii=False)
    assert VISITOR_PHONE not in after
    assert OWNER_PHONE not in after
    assert FINDER_PHONE in after  # not due, not asked for: kept
    assert held["inquiries", inquiry["id"]] == {"visitor_name": None, "visitor_phone": None}
    assert held["lost_reports", lost["id"]] == {"contact_name": "", "contact_phone": ""}
    assert not report.mismatches
