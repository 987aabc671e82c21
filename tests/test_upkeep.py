"""The daily upkeep: today's backup and, once a day, the retention erasure, with nobody
signed in."""

from __future__ import annotations

from datetime import timedelta

from station import backup, clock, upkeep
from station.services import inquiries
from station.store import Store


def test_the_daily_upkeep_erases_once_a_day_with_nobody_signed_in(
    station_store: Store,
) -> None:
    with (
        clock.frozen_at(clock.now() - timedelta(days=40)),
        station_store.transaction() as session,
    ):
        old = inquiries.create(
            session,
            category="other",
            question="旧事",
            visitor_phone="13812345678",
            resolved=True,
        ).ticket_no
    station_store.actor = None  # the kiosk is locked
    first = upkeep.run_daily(station_store.folder)
    assert first is not None
    assert first.inquiries == 1
    assert upkeep.run_daily(station_store.folder) is None, "ran twice on one day"
    with station_store.reading() as session:
        assert inquiries.get(session, old).visitor_phone is None
    assert any(b.kind == backup.DAILY for b in backup.listing(station_store.folder))
    with clock.frozen_at(clock.now() + timedelta(days=1)):
        assert upkeep.run_daily(station_store.folder) is not None
