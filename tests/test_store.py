"""The local store: pragmas, real transactions, the outbox hook, and where the data lives."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from station import paths
from station.errors import StateError
from station.models import OutboxEntry, Post
from station.numbering import next_number
from station.services import station as station_service
from station.store import Store, open_store


def test_connections_use_wal_full_sync_and_foreign_keys(store: Store) -> None:
    with store.reading() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert (conn.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0) >= 5000


def _add_post_then_fail(store: Store) -> None:
    with store.transaction() as session:
        station_service.add_post(session, name="六一桥")
        raise RuntimeError("power cut in the middle")


def test_a_failed_transaction_leaves_nothing_behind(station_store: Store) -> None:
    with pytest.raises(RuntimeError):
        _add_post_then_fail(station_store)
    with station_store.reading() as session:
        names = [p.name for p in station_service.posts(session)]
        assert "六一桥" not in names
        assert session.scalars(select(OutboxEntry).where(OutboxEntry.record_kind == "posts")).all()
        records = select(OutboxEntry).where(OutboxEntry.record_kind != "audit_entries")
        assert len(session.scalars(records).all()) == 2  # the two posts of init only


def test_a_write_transaction_holds_the_write_lock_from_its_begin(station_store: Store) -> None:
    """BEGIN IMMEDIATE: a second writer waits instead of failing later on upgrade."""
    with station_store.transaction() as session:
        session.connection()  # BEGIN has been emitted
        other = sqlite3.connect(station_store.db_path, timeout=0.1)
        with closing(other), pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")


def test_readers_are_not_blocked_by_a_writer(station_store: Store) -> None:
    seen: list[int] = []
    with station_store.transaction() as session:
        station_service.add_post(session, name="六一桥")

        def read() -> None:
            with station_store.reading() as reader:
                seen.append(len(station_service.posts(reader)))

        reader_thread = threading.Thread(target=read)
        reader_thread.start()
        reader_thread.join(timeout=5)
    assert seen == [2]  # the reader saw the last commit, not the open transaction


def test_every_change_is_stamped_and_queued_in_the_same_transaction(station_store: Store) -> None:
    with station_store.transaction() as session:
        post = station_service.add_post(session, name="永叔公园")
        created = post.created_at
    with station_store.transaction() as session:
        post = session.scalars(select(Post).where(Post.name == "永叔公园")).one()
        post.active = False
    with station_store.transaction() as session:
        post = session.scalars(select(Post).where(Post.name == "永叔公园")).one()
        post.deleted_at = post.updated_at
    with station_store.reading() as session:
        post = session.scalars(select(Post).where(Post.name == "永叔公园")).one()
        assert post.version == 3
        assert post.created_at == created
        assert post.updated_at >= created
        entries = session.scalars(
            select(OutboxEntry).where(OutboxEntry.record_id == post.id).order_by(OutboxEntry.seq)
        ).all()
        assert [(e.op, e.version) for e in entries] == [("create", 1), ("update", 2), ("delete", 3)]


def test_records_are_tombstoned_never_deleted(station_store: Store) -> None:
    with pytest.raises(RuntimeError, match="tombstoned"), station_store.transaction() as session:
        session.delete(session.scalars(select(Post)).first())
    with station_store.reading() as session:
        assert len(station_service.posts(session)) == 2


def test_numbers_are_unique_per_day_and_restart_the_next_day(station_store: Store) -> None:
    from datetime import date

    with station_store.transaction() as session:
        first = [next_number(session, "YF01", date(2026, 11, 30)) for _ in range(3)]
        other_day = next_number(session, "YF01", date(2026, 12, 1))
    with station_store.transaction() as session:
        after_commit = next_number(session, "YF01", date(2026, 11, 30))
    assert first == ["YF01-20261130-0001", "YF01-20261130-0002", "YF01-20261130-0003"]
    assert other_day == "YF01-20261201-0001"
    assert after_commit == "YF01-20261130-0004"


def _take_a_number_then_fail(store: Store, day: date) -> None:
    with store.transaction() as session:
        next_number(session, "YF01", day)
        raise RuntimeError("power cut before commit")


def test_a_number_taken_by_a_failed_transaction_is_given_again(station_store: Store) -> None:
    day = date(2026, 11, 30)
    with pytest.raises(RuntimeError):
        _take_a_number_then_fail(station_store, day)
    with station_store.transaction() as session:
        assert next_number(session, "YF01", day) == "YF01-20261130-0001"


def test_the_station_is_set_once(station_store: Store) -> None:
    with pytest.raises(StateError) as caught, station_store.transaction() as session:
        station_service.init(session, code="YF02", name="别的站")
    assert "YF01" in caught.value.message()
    assert "already set up" in caught.value.message("en")


def test_data_folder_comes_from_flag_then_environment_then_platform(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "from-env"))
    assert paths.data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert paths.data_dir(None) == tmp_path / "from-env"
    monkeypatch.delenv(paths.ENV_VAR)
    assert "redpost" in str(paths.data_dir(None))
    with open_store(tmp_path / "flag") as store:
        assert store.db_path == tmp_path / "flag" / "redpost.db"
