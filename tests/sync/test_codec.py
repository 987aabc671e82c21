"""Wire rows made for a push straight from the stored columns match those made from records."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from station.models import Inquiry, SyncRecord
from station.store import Store
from station.sync.codec import MODELS, to_wire, wire_maker
from station.sync.wire import WireRow


def _inquiry(number: int, moment: datetime, **values: object) -> Inquiry:
    return Inquiry(
        station_code="YF01",
        ticket_no=f"YF01-20261130-{number:04d}",
        category="directions",
        question="古戏台怎么走？",
        status="open",
        created_at=moment,
        **values,
    )


def _pushed(store: Store, model: type[SyncRecord]) -> dict[str, WireRow]:
    columns, make = wire_maker(model)
    with store.reading() as session:
        return {row["id"]: row for row in map(make, session.execute(select(*columns)))}


def test_wire_rows_from_columns_equal_those_from_records(station_store: Store) -> None:
    whole = datetime(2026, 11, 30, 8, 0, 0, tzinfo=UTC)  # isoformat() drops zero microseconds
    with station_store.transaction() as session:
        session.add(_inquiry(1, whole, closed_at=whole.replace(microsecond=120), answer="往前"))
        session.add(_inquiry(2, whole.replace(microsecond=999_999), visitor_phone="13800001111"))
        gone = _inquiry(3, whole)
        session.add(gone)
        session.flush()
        gone.deleted_at = whole.replace(second=5)
    for model in (MODELS["inquiries"], MODELS["posts"]):
        pushed = _pushed(station_store, model)
        with station_store.reading() as session:
            expected = {r.id: to_wire(r) for r in session.scalars(select(model))}
        assert pushed == expected
        assert len(pushed) == (3 if model is Inquiry else 2)
    rows = _pushed(station_store, Inquiry).values()
    assert {row["created_at"] for row in rows} == {
        "2026-11-30T08:00:00+00:00",
        "2026-11-30T08:00:00.999999+00:00",
    }
    assert {row["fields"]["closed_at"] for row in rows} == {
        "2026-11-30T08:00:00.000120+00:00",
        None,
    }
