"""PostgreSQL itself keeps a station to its own rows: tried through the station's own role."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import ProgrammingError

from station.central import admin, database, exchange, roles
from tests.central.rows import batch, found_item, inquiry


@pytest.fixture
def setup(pg_admin_url: str) -> Iterator[tuple[Engine, Connection, dict[str, str]]]:
    """Central with YF01 (connected as its role) and YF02's found item and inquiry."""
    central = database.make_engine(pg_admin_url)
    database.upgrade(central)
    engines = []
    conns = {}
    for code in ("YF01", "YF02"):
        with central.begin() as conn:
            role, password = admin.add_station(conn, code, code) or ("", "")
        engine = database.make_engine(central.url.set(username=role, password=password))
        engines.append(engine)
        conns[code] = engine.connect()
    theirs, asked = found_item("YF02"), inquiry("YF02")
    exchange.push(conns["YF02"], "YF02", batch(), [theirs, asked])
    mine = found_item("YF01")
    exchange.push(conns["YF01"], "YF01", batch(), [mine])
    yield central, conns["YF01"], {"theirs": theirs["id"], "asked": asked["id"], "mine": mine["id"]}
    for conn in conns.values():
        conn.close()
    for engine in engines:
        engine.dispose()
    central.dispose()


def _refused(conn: Connection, sql: str, **params: object) -> str:
    with pytest.raises(ProgrammingError) as caught:
        conn.execute(text(sql), params)
    conn.rollback()
    return str(caught.value.orig)


def test_cannot_write_another_stations_rows(setup) -> None:  # type: ignore[no-untyped-def]
    central, conn, ids = setup
    assert "row-level security" in _refused(
        conn,
        "INSERT INTO records (id, kind, station_code, version, digest, created_at, updated_at,"
        " public, private) VALUES (gen_random_uuid()::text, 'found_items', 'YF02', 1, '',"
        " now(), now(), '{}', '{}')",
    )
    hidden = conn.execute(
        text("UPDATE records SET public = '{}', version = 99 WHERE id = :i"), {"i": ids["theirs"]}
    )
    assert hidden.rowcount == 0
    conn.commit()
    assert "permission denied" in _refused(
        conn, "DELETE FROM records WHERE id = :i", i=ids["theirs"]
    )
    assert "permission denied" in _refused(conn, "DELETE FROM records WHERE id = :i", i=ids["mine"])
    # Its own row cannot be handed to another station, nor its seq chosen.
    assert "permission denied" in _refused(
        conn, "UPDATE records SET station_code = 'YF02' WHERE id = :i", i=ids["mine"]
    )
    assert "permission denied" in _refused(
        conn, "UPDATE records SET seq = 1 WHERE id = :i", i=ids["mine"]
    )
    with central.connect() as admin_conn:
        row = admin_conn.execute(
            text("SELECT version, public FROM records WHERE id = :i"), {"i": ids["theirs"]}
        ).one()
    assert row.version == 1
    assert row.public["description"] == "黑色雨伞"


def test_cannot_read_personal_data(setup) -> None:  # type: ignore[no-untyped-def]
    _, conn, ids = setup
    assert "permission denied" in _refused(conn, "SELECT private FROM records")
    assert "permission denied" in _refused(conn, "SELECT * FROM records")
    assert "permission denied" in _refused(conn, "SELECT role_name FROM stations")
    # Other stations' rows are invisible in the table; the shared view has public fields only.
    assert conn.scalar(text("SELECT count(*) FROM records WHERE station_code = 'YF02'")) == 0
    seen = conn.execute(text("SELECT id, public FROM shared_records")).all()
    assert {r.id for r in seen} == {ids["theirs"], ids["mine"]}
    assert all("finder_phone" not in r.public and "finder_name" not in r.public for r in seen)
    assert ids["asked"] not in {r.id for r in seen}
    for table in ("batches", "parked", "conflicts", "sync_runs"):
        assert conn.scalar(text(f"SELECT count(*) FROM {table} WHERE station_code = 'YF02'")) == 0


def test_roles_own_nothing_and_bypass_nothing(setup) -> None:  # type: ignore[no-untyped-def]
    _, conn, _ = setup
    me = conn.execute(
        text(
            "SELECT oid, rolsuper, rolbypassrls, rolcreatedb, rolcreaterole FROM pg_roles"
            " WHERE rolname = session_user"
        )
    ).one()
    assert (me.rolsuper, me.rolbypassrls, me.rolcreatedb, me.rolcreaterole) == (False,) * 4
    group = conn.execute(
        text("SELECT oid, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = :g"),
        {"g": roles.group_role(conn)},
    ).one()
    assert (group.rolsuper, group.rolbypassrls) == (False, False)
    for oid in (me.oid, group.oid):
        owned = conn.scalar(
            text(
                "SELECT (SELECT count(*) FROM pg_class WHERE relowner = :o)"
                " + (SELECT count(*) FROM pg_proc WHERE proowner = :o)"
                " + (SELECT count(*) FROM pg_namespace WHERE nspowner = :o)"
                " + (SELECT count(*) FROM pg_database WHERE datdba = :o)"
            ),
            {"o": oid},
        )
        assert owned == 0
    assert "permission denied" in _refused(conn, "CREATE TABLE mine (x int)")
    # A stalled kiosk cannot hold the push lock, or a transaction, for ever.
    for name, value in roles.TIMEOUTS.items():
        setting = conn.scalar(text("SELECT setting FROM pg_settings WHERE name = :n"), {"n": name})
        assert int(setting) == int(value.removesuffix("s")) * 1000, name


def test_a_station_cannot_hold_up_another_stations_push(setup) -> None:  # type: ignore[no-untyped-def]
    central, conn, _ = setup
    # Every advisory lock is open to any role, and a session's outlives its transaction: the
    # old stamping lock, held like this, stalled every push until lock_timeout (60 s).
    conn.execute(text("SELECT pg_advisory_lock(5310001)"))
    conn.commit()
    with central.begin() as admin_conn:
        role, password = admin.add_station(admin_conn, "YF03", "YF03") or ("", "")
    other = database.make_engine(central.url.set(username=role, password=password))
    try:
        with other.connect() as pushing:
            pushing.execute(text("SET lock_timeout = '5s'"))
            pushing.commit()
            row = found_item("YF03")
            result = exchange.push(pushing, "YF03", batch(), [row])
        assert [accepted[1] for accepted in result.accepted] == [row["id"]]
        # The turn itself is a row no station may lock, read or write but through a push.
        for sql in (
            "SELECT * FROM push_turn FOR UPDATE",
            "LOCK TABLE push_turn",
            "UPDATE push_turn SET turn = 1",
        ):
            assert "permission denied" in _refused(conn, sql)
    finally:
        other.dispose()
