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
from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from station import audit, clock
from station.audit import chain
from station.errors import StateError
from station.models import AuditEntry, FoundItem, Inquiry, SyncRecord, Volunteer
from station.models.base import seeded_ids
from station.numbering import next_number
from station.services import inquiries, records
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


def _stored(store: Store) -> dict[str, list[Any]]:
    with closing(sqlite3.connect(store.db_path)) as conn:
        tables = ("inquiries", "audit_entries", "outbox", "number_counters")
        return {table: conn.execute(f"SELECT * FROM {table}").fetchall() for table in tables}


def _create(session: Session, question: str) -> None:
    """A resolved inquiry saved as the desk saves it: its handler and post become ids, and it
    is written without a flush, chained on the head the store's last transaction left."""
    inquiries.create(
        session,
        category="directions",
        question=question,
        answer="往前两百米",
        handled_by="YF-0001",
        post="驼背桥",
        resolved=True,
    )


def _create_with_objects(session: Session, question: str) -> None:
    """The same inquiry as the unit of work writes it, with its handler and post as objects."""
    handler = records.volunteer(session, "handled_by", "YF-0001", required=False, active_only=False)
    assert handler is not None
    where = station_service.post(session, "驼背桥")
    moment = clock.now()
    session.add(
        Inquiry(
            station_code="YF01",
            ticket_no=next_number(session, "YF01"),
            category="directions",
            question=question,
            answer="往前两百米",
            handled_by=handler.id,
            handler=handler,
            post_id=where.id,
            post=where,
            status="resolved",
            created_at=moment,
            closed_at=moment,
            resolve_seconds=0,
        )
    )
    session.flush()


def test_a_saved_inquiry_is_stored_as_the_unit_of_work_stores_it(
    station_store: Store, tmp_path: Path
) -> None:
    with station_store.transaction() as session:
        session.add(KINDS["volunteer"]())
    station_store.backup(tmp_path / "twin" / "redpost.db")
    stored = []
    with open_store(tmp_path / "twin") as twin:
        for store, save in ((station_store, _create), (twin, _create_with_objects)):
            with seeded_ids(random.Random(1)), clock.frozen_at(MORNING):
                for question in ("古戏台怎么走？", "厕所在哪里？"):
                    with store.transaction() as session:
                        save(session, question)
            stored.append(_stored(store))
            with store.reading() as session:
                assert audit.verify(session) is None
    assert stored[0] == stored[1]
    assert len(stored[0]["inquiries"]) == 2


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


def test_a_store_reads_the_audit_head_only_when_it_has_not_written_it(
    station_store: Store,
) -> None:
    """A store's sessions take the chain's head from its last transaction (issue 8)."""
    with open_store(station_store.folder) as store:
        read: list[str] = []
        event.listen(store.engine, "before_cursor_execute", lambda *args: read.append(args[2]))
        for _ in range(3):
            with store.transaction() as session:
                inquiries.create(session, category="other", question="厕所在哪里？")
        with store.reading() as session:
            assert audit.verify(session) is None
    assert len([sql for sql in read if sql.startswith("SELECT audit_entries.seq")]) == 1


def test_a_guessed_head_with_the_newest_hash_but_another_number_is_caught(
    station_store: Store,
) -> None:
    """The insert checks the number a guessed head gives as well as its hash."""
    with station_store.transaction() as session:
        inquiries.create(session, category="other", question="厕所在哪里？")
    newest = select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc())
    with station_store.reading() as session:
        seq, head = session.execute(newest).first() or (0, "")
    with station_store.transaction() as session:
        session.info[chain.GUESS_KEY] = (seq + 5, head)
        inquiries.create(session, category="other", question="哪里可以充电？")
    with station_store.reading() as session:
        assert audit.verify(session) is None
        assert session.scalars(newest.with_only_columns(AuditEntry.seq)).first() == seq + 1


def _one_save(session: Session, question: str) -> None:
    inquiries.create(session, category="other", question=question)


def _two_in_one_flush(session: Session, question: str) -> None:
    """Two new records flushed together: the flush hook writes their two entries at once."""
    for number in (1, 2):
        session.add(
            Inquiry(
                station_code="YF01",
                ticket_no=f"YF01-20261130-01{number:02d}",
                category="other",
                question=question,
                status="open",
                created_at=MORNING,
            )
        )
    session.flush()


@pytest.mark.parametrize("third", [_one_save, _two_in_one_flush])
def test_a_save_after_another_store_wrote_chains_on_from_the_newest_entry(
    station_store: Store, tmp_path: Path, third: Callable[[Session, str], None]
) -> None:
    """A guessed head that another store has moved on from is caught: the entries are
    chained on from the newest, and stored as they are when one store writes everything."""
    station_store.backup(tmp_path / "twin" / "redpost.db")

    def three_saves(first: Store, second: Store) -> Any:
        with seeded_ids(random.Random(1)), clock.frozen_at(MORNING):
            steps = ((first, _one_save), (second, _one_save), (first, third))
            for number, (store, save) in enumerate(steps, 1):
                with store.transaction() as session:
                    save(session, f"第{number}条")
        with closing(sqlite3.connect(first.db_path)) as conn:
            tables = ("inquiries", "audit_entries", "outbox")
            return {table: conn.execute(f"SELECT * FROM {table}").fetchall() for table in tables}

    with open_store(station_store.folder) as other:
        # The third save guesses the head its first left, but the second wrote after it.
        guessed_wrong = three_saves(station_store, other)
    with open_store(tmp_path / "twin") as twin:
        guessed_right = three_saves(twin, twin)
        with twin.reading() as session:
            assert audit.verify(session) is None
    assert guessed_wrong == guessed_right
    with station_store.reading() as session:
        assert audit.verify(session) is None


def test_a_station_set_up_in_a_block_that_fails_is_not_remembered(store: Store) -> None:
    def set_up_then_fail() -> None:
        with store.transaction() as session:
            station_service.init(session, code="YF01", name="恩江古城红驿站")
            raise RuntimeError("power cut before commit")

    with pytest.raises(RuntimeError):
        set_up_then_fail()
    with store.reading() as session, pytest.raises(StateError):
        station_service.code(session)
