"""Wire rows made for a push straight from the stored columns match those made from records."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import select, text

from station.models import FoundItem, Inquiry, Post, SyncRecord
from station.store import Store
from station.sync.codec import MODELS, to_wire, wire_maker
from station.sync.wire import WireRow
from station.sync.wire_json import wire_texts


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


def test_wire_json_from_sqlite_equals_the_records_wire_rows(station_store: Store) -> None:
    whole = datetime(2026, 11, 30, 8, 0, 0, tzinfo=UTC)
    with station_store.transaction() as session:
        session.add(_inquiry(1, whole, closed_at=whole.replace(microsecond=120), answer="往前\n"))
        session.add(_inquiry(2, whole.replace(microsecond=999_999), visitor_phone='13"8\\'))
        gone = _inquiry(3, whole)
        session.add(gone)
        session.add(
            FoundItem(
                station_code="YF01",
                item_no="YF01-F-0001",
                category="bag",
                description="黑色双肩包\x01",
                found_place="驼背桥",
                found_at=whole,
                photos=[{"b": 1, "a": [None, True]}, "p.jpg"],
                retention_days=90,
            )
        )
        session.flush()
        gone.deleted_at = whole.replace(second=5)
        closed = session.scalars(select(Post)).first()
        assert closed is not None
        closed.active = False
    with station_store.transaction() as session:
        # A time in a form SQLAlchemy never writes (seconds only) is made in Python.
        seconds_only = "UPDATE inquiries SET closed_at = '2026-11-30 09:00:00' WHERE ticket_no = :t"
        session.execute(text(seconds_only), {"t": "YF01-20261130-0002"})
    with station_store.reading() as session:
        records = [
            r for model in (Post, Inquiry, FoundItem) for r in session.scalars(select(model))
        ]
        expected = [to_wire(r) for r in reversed(records)]
        keys = [(row["kind"], row["id"]) for row in expected]
        made = wire_texts(session.connection(), [*keys[:2], ("posts", "no-such-id"), *keys[2:]])
    assert [json.loads(made_row) for made_row in made] == expected
    # Booleans as true/false, not the 1/0 SQLite holds (which Python would find equal).
    flags = [json.loads(t)["fields"]["active"] for t in made if '"kind":"posts"' in t]
    assert sorted(flags, key=repr) == [False, True]
    assert all(type(flag) is bool for flag in flags)
    assert "2026-11-30T09:00:00+00:00" in {r["fields"].get("closed_at") for r in expected}
