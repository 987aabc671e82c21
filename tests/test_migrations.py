"""Migrations: a new store, an older store with data in it, and files this program must refuse."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, select

import station
from station import integrity, paths
from station.errors import StoreError
from station.migrations import HEAD
from station.models import Base, FoundItem
from station.services.search import matches
from station.store import migrate, open_store


def test_head_constant_is_alembics_head() -> None:
    config = Config()
    config.set_main_option("script_location", str(Path(station.__file__).parent / "migrations"))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD


def test_a_new_store_matches_the_models_exactly(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    engine = create_engine(f"sqlite:///{paths.database(tmp_path)}")
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "include_object": lambda obj, name, *_: (
                    not (name or "").startswith(
                        tuple(f"{t}_fts" for t in ("inquiries", "found_items", "lost_reports"))
                    )
                )
            },
        )
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def _older_store_with_data(folder: Path) -> Path:
    db = paths.database(folder)
    folder.mkdir(parents=True)
    migrate(db, "0001")
    now = "2026-11-20 02:00:00.000000"
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(
            "INSERT INTO station (code, name, created_at) VALUES ('YF01', '恩江古城红驿站', ?)",
            (now,),
        )
        conn.execute(
            "INSERT INTO found_items (id, station_code, created_at, updated_at, version, item_no, "
            "category, description, colour, found_place, found_at, photos, status, retention_days) "
            "VALUES ('a1', 'YF01', ?, ?, 1, 'YF01-20261120-0001', 'wallet', "
            "'黑色皮质钱包，内有身份证', '黑色', '驼背桥', ?, '[]', 'held', 7)",
            (now, now, now),
        )
        conn.execute(
            "INSERT INTO outbox (record_kind, record_id, version, op, queued_at) "
            "VALUES ('found_items', 'a1', 1, 'create', ?)",
            (now,),
        )
    return db


def test_an_older_store_is_backed_up_then_upgraded_keeping_its_data(tmp_path: Path) -> None:
    folder = tmp_path / "kiosk"
    db = _older_store_with_data(folder)
    with open_store(folder) as store, store.reading() as session:
        (item,) = session.scalars(select(FoundItem)).all()
        assert item.item_no == "YF01-20261120-0001"
        # rows that were there before the search index existed are found by it
        assert (
            session.scalars(select(FoundItem).where(matches(FoundItem, "皮质钱包"))).one() == item
        )
    backups = list(paths.backups(folder).glob("*.db"))
    assert len(backups) == 1
    assert "from-0001" in backups[0].name
    with closing(sqlite3.connect(backups[0])) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT count(*) FROM found_items").fetchone() == (1,)
    assert integrity.problems(db) == []


def test_a_current_store_opens_without_a_backup(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    open_store(tmp_path).close()
    assert not paths.backups(tmp_path).exists()


def test_a_store_from_a_newer_program_is_refused_untouched(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    db = paths.database(tmp_path)
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = db.read_bytes()
    with pytest.raises(StoreError) as caught:
        open_store(tmp_path)
    assert caught.value.code == "store_newer"
    assert "9999" in caught.value.message("en")
    assert db.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    paths.database(tmp_path).write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError) as caught:
        open_store(tmp_path)
    assert caught.value.code == "store_unreadable"
