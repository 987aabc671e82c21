"""A new record written without the unit of work (`outbox.insert_new`, issue 8) is stored as
its flush would store it, and a store reads its station's code once."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, inspect

from station import audit, clock
from station.errors import StateError
from station.models import FoundItem, Inquiry, SyncRecord, Volunteer
from station.models.base import seeded_ids
from station.services import station as station_service
from station.store import Store, open_store
from station.sync import outbox

MORNING = datetime(2026, 11, 30, 9, 0, tzinfo=clock.LOCAL_TZ)


def found_item(**changes: Any) -> FoundItem:
    """A found item with its usual fields, and `changes`."""
    fields: dict[str, Any] = {
        "station_code": "YF01",
        "item_no": "YF01-20261130-0002",
        "category": "wallet",
        "description": "黑色钱包",
        "found_place": "古戏台",
        "found_at": MORNING,
        "retention_days": 30,
    }
    return FoundItem(**(fields | changes))


# Each with fields left unset: columns without a default, scalar defaults (a volunteer's
# flags, an item's status) and a callable one (an item's photos).
KINDS: dict[str, Callable[[], SyncRecord]] = {
    "inquiry": lambda: Inquiry(
        station_code="YF01",
        ticket_no="YF01-20261130-0001",
        category="help",
        question="借轮椅，回电 13812345678",
        visitor_phone="13812345678",
        status="open",
        created_at=MORNING,
    ),
    "volunteer": lambda: Volunteer(
        station_code="YF01", name="李红", badge_code="YF-0001", home_station="YF01"
    ),
    "found item": found_item,
    # A JSON column set to None stores JSON's null, not its default.
    "found item without photos": lambda: found_item(photos=None),
}


def _written(store: Store, make: Callable[[], SyncRecord], *, flush: bool) -> Any:
    """The rows a new record leaves in its table, the trail and the outbox, and the values
    the record holds after its transaction (detached: reading one not loaded would fail)."""
    with seeded_ids(random.Random(1)), clock.frozen_at(MORNING), store.transaction() as session:
        record = make()
        if flush:
            session.add(record)
            session.flush()
        else:
            outbox.insert_new(session, record)
    held = {attr.key: getattr(record, attr.key) for attr in inspect(type(record)).column_attrs}
    tables = (record.__tablename__, "audit_entries", "outbox")
    with closing(sqlite3.connect(store.db_path)) as conn:
        rows = {table: conn.execute(f"SELECT * FROM {table}").fetchall() for table in tables}
    return rows, held


@pytest.mark.parametrize("kind", KINDS)
def test_a_record_inserted_without_a_flush_is_stored_as_its_flush_stores_it(
    station_store: Store, tmp_path: Path, kind: str
) -> None:
    station_store.backup(tmp_path / "twin" / "redpost.db")
    with open_store(tmp_path / "twin") as twin:
        assert _written(twin, KINDS[kind], flush=False) == _written(
            station_store, KINDS[kind], flush=True
        )
        with twin.reading() as session:
            assert audit.verify(session) is None


def test_only_a_record_not_yet_in_the_session_is_inserted(station_store: Store) -> None:
    with station_store.transaction() as session:
        record = KINDS["volunteer"]()
        session.add(record)
        with pytest.raises(ValueError, match="not in the session"):
            outbox.insert_new(session, record)


def test_a_parent_given_without_its_key_is_refused(station_store: Store) -> None:
    """A flush would copy the post's key from the relationship; insert_new refuses instead
    of losing it."""
    with station_store.transaction() as session:
        post = station_service.posts(session)[0]
        record = KINDS["inquiry"]()
        assert isinstance(record, Inquiry)
        record.post = post
        with pytest.raises(ValueError, match="post_id"):
            outbox.insert_new(session, record)
        record.post_id = post.id
        outbox.insert_new(session, record)
    with station_store.reading() as session:
        stored = session.get(Inquiry, record.pk)
        assert stored is not None
        assert stored.post_id == post.id


def test_a_store_reads_its_station_code_once(station_store: Store) -> None:
    with open_store(station_store.folder) as store:
        read: list[str] = []
        event.listen(store.engine, "before_cursor_execute", lambda *args: read.append(args[2]))
        for _ in range(3):
            with store.transaction() as session:
                assert station_service.code(session) == "YF01"
    assert len([sql for sql in read if "FROM station" in sql]) == 1


def test_a_station_set_up_in_a_block_that_fails_is_not_remembered(store: Store) -> None:
    def set_up_then_fail() -> None:
        with store.transaction() as session:
            station_service.init(session, code="YF01", name="恩江古城红驿站")
            raise RuntimeError("power cut before commit")

    with pytest.raises(RuntimeError):
        set_up_then_fail()
    with store.reading() as session, pytest.raises(StateError):
        station_service.code(session)
