"""A central already in use upgrades in place: its records keep their order, and pushes go on
under the push turn (c0002) that replaced the advisory lock; each station still touches only
its own rows once its policies ask who is calling once per statement (c0003)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import ProgrammingError

from station.central import admin, database, exchange, migrations
from tests.central.rows import batch, found_item


def _downgrade(central: Engine, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    with central.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def test_a_central_from_before_the_push_turn_upgrades_and_keeps_its_order(
    pg_admin_url: str,
) -> None:
    central = database.make_engine(pg_admin_url)
    database.upgrade(central)
    with central.begin() as conn:
        role, password = admin.add_station(conn, "YF01", "YF01") or ("", "")
    station = database.make_engine(central.url.set(username=role, password=password))
    try:
        earlier = found_item("YF01")
        with station.connect() as conn:
            exchange.push(conn, "YF01", batch(), [earlier])
        _downgrade(central, "c0001")
        with central.connect() as conn:
            assert conn.scalar(text("SELECT to_regclass('push_turn')")) is None
        database.upgrade(central)  # what `redpost-central init` runs on an existing central
        later = found_item("YF01")
        with station.connect() as conn:
            pushed = exchange.push(conn, "YF01", batch(), [later])
            pulled = exchange.pull(conn, "YF01", 0, 10)
        assert [accepted[1] for accepted in pushed.accepted] == [later["id"]]
        assert [p.row["id"] for p in pulled] == [earlier["id"], later["id"]]
    finally:
        station.dispose()
        central.dispose()


# A row of each station table that belongs to YF02, as YF01 might try to add it.
_THEIRS = {
    "records": "(id, kind, station_code, version, digest, created_at, updated_at, public, private)"
    " VALUES (gen_random_uuid()::text, 'found_items', 'YF02', 1, '', now(), now(), '{}', '{}')",
    "batches": "(batch_id, station_code, received_at, result)"
    " VALUES (gen_random_uuid()::text, 'YF02', now(), '{}')",
    "parked": "(station_code, batch_id, kind, record_id, version, reason, detail, parked_at)"
    " VALUES ('YF02', gen_random_uuid()::text, 'found_items', gen_random_uuid()::text, 1,"
    " 'malformed', '', now())",
    "conflicts": "(station_code, kind, record_id, incoming_version, central_version, reason,"
    " detected_at) VALUES ('YF02', 'found_items', gen_random_uuid()::text, 1, 2,"
    " 'stale_version', now())",
    "sync_runs": "(station_code, started_at, finished_at, pushed, pulled, conflicts, parked)"
    " VALUES ('YF02', now(), now(), 0, 0, 0, 0)",
}


def _confined(conn: Connection) -> None:
    """YF01, holding no rows of its own yet, sees, changes and adds none of YF02's."""
    for table in _THEIRS:
        assert conn.scalar(text(f"SELECT count(*) FROM {table}")) == 0, table
    # No WHERE clause: only the update policy stands between YF01 and YF02's record.
    assert conn.execute(text("UPDATE records SET version = 99")).rowcount == 0
    conn.rollback()
    for table, row in _THEIRS.items():
        with pytest.raises(ProgrammingError, match="row-level security"):
            conn.execute(text(f"INSERT INTO {table} {row}"))
        conn.rollback()


def test_policies_confine_each_station_before_and_after_they_ask_once_per_statement(
    pg_admin_url: str,
) -> None:
    central = database.make_engine(pg_admin_url)
    database.upgrade(central)
    stations = {}
    with central.begin() as conn:
        for code in ("YF01", "YF02"):
            role, password = admin.add_station(conn, code, code) or ("", "")
            stations[code] = database.make_engine(central.url.set(username=role, password=password))
    try:
        theirs = found_item("YF02")
        with stations["YF02"].connect() as conn:
            exchange.push(conn, "YF02", batch(), [theirs])
        _downgrade(central, "c0002")
        with stations["YF01"].connect() as conn:
            _confined(conn)
        database.upgrade(central)
        with central.connect() as conn:
            checks = conn.scalars(
                text(
                    "SELECT unnest(array_remove(ARRAY[qual, with_check], NULL)) FROM pg_policies"
                    " WHERE policyname LIKE 'own_%'"
                )
            ).all()
        assert len(checks) == 12  # read and insert on five tables, update's two
        assert all("( SELECT current_station()" in check for check in checks)
        mine = found_item("YF01")
        with stations["YF01"].connect() as conn:
            _confined(conn)
            pushed = exchange.push(conn, "YF01", batch(), [mine])
            assert [accepted[1] for accepted in pushed.accepted] == [mine["id"]]
            assert conn.scalar(text("SELECT count(*) FROM records")) == 1
    finally:
        for engine in stations.values():
            engine.dispose()
        central.dispose()
