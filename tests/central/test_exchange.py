"""The exchange a kiosk's sync calls, on a SQLite central and on PostgreSQL as a station role."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select

from station.central import exchange
from station.central.errors import CentralError
from station.central.schema import SCHEMA_HEAD, VERSION_TABLE, conflicts, parked, records
from tests.central.conftest import StationConnect
from tests.central.rows import batch, found_item, inquiry


def test_hello_names_epoch_and_revision(central: Engine, station_conn: StationConnect) -> None:
    conn = station_conn("YF01")
    first = exchange.hello(conn, "YF01")
    assert first.station_code == "YF01"
    assert first.schema_revision == SCHEMA_HEAD
    assert exchange.hello(conn, "YF01").epoch == first.epoch


def test_hello_refuses_a_station_that_is_not_this_login(
    central: Engine, station_conn: StationConnect
) -> None:
    conn = station_conn("YF01")
    with pytest.raises(CentralError) as caught:
        exchange.hello(conn, "YF09")
    assert caught.value.code in {"central_not_registered", "central_wrong_station"}


def test_hello_tells_an_old_schema(central: Engine, station_conn: StationConnect) -> None:
    conn = station_conn("YF01")
    with central.begin() as admin:
        admin.exec_driver_sql(f"UPDATE {VERSION_TABLE} SET version_num = 'c0000'")
    with pytest.raises(CentralError) as caught:
        exchange.hello(conn, "YF01")
    assert caught.value.code == "central_schema_new"
    from station.central import migrations

    with central.begin() as admin:
        admin.exec_driver_sql(f"UPDATE {VERSION_TABLE} SET version_num = '{migrations.KNOWN[0]}'")
    with pytest.raises(CentralError) as caught:
        exchange.hello(conn, "YF01")
    assert caught.value.code == "central_schema_old"
    with central.begin() as admin:
        admin.exec_driver_sql(f"UPDATE {VERSION_TABLE} SET version_num = '{SCHEMA_HEAD}'")
    assert exchange.hello(conn, "YF01").schema_revision == SCHEMA_HEAD


def test_push_accepts_and_pull_returns_public_fields_only(
    central: Engine, station_conn: StationConnect
) -> None:
    a, b = station_conn("YF01"), station_conn("YF02")
    item, asked = found_item("YF01"), inquiry("YF01")
    result = exchange.push(a, "YF01", batch(), [item, asked])
    assert sorted(result.accepted) == sorted(
        [("found_items", item["id"], 1), ("inquiries", asked["id"], 1)]
    )
    assert result.parked == result.conflicts == []
    pulled = exchange.pull(b, "YF02", 0, 100)
    assert [p.row["id"] for p in pulled] == [item["id"]]  # inquiries are not shared
    assert pulled[0].row["fields"] == {"item_no": "YF01-20261130-0001", "description": "黑色雨伞"}
    assert pulled[0].row["station_code"] == "YF01"
    assert pulled[0].row["created_at"] == item["created_at"]
    assert exchange.counts(a, "YF01") == {"found_items": 1, "inquiries": 1}


def test_same_batch_twice_changes_nothing(central: Engine, station_conn: StationConnect) -> None:
    conn = station_conn("YF01")
    batch_id, item = batch(), found_item("YF01")
    first = exchange.push(conn, "YF01", batch_id, [item])
    seqs = _seqs(central)
    # Even with different rows, the stored result comes back and nothing is written.
    again = exchange.push(conn, "YF01", batch_id, [found_item("YF01", version=2, rid=item["id"])])
    assert again == first
    assert _seqs(central) == seqs
    with central.connect() as admin:
        assert admin.scalar(select(records.c.version)) == 1


def test_bad_rows_are_parked_with_reasons_and_the_rest_go(
    central: Engine, station_conn: StationConnect
) -> None:
    conn = station_conn("YF01")
    good = found_item("YF01")
    foreign = found_item("YF02")
    strange = {**found_item("YF01"), "kind": "spaceships"}
    broken = {**found_item("YF01"), "version": "two"}
    undated = {**found_item("YF01"), "created_at": "yesterday"}
    braced = found_item("YF01")
    braced["id"] = "{" + braced["id"] + "}"  # a UUID, but not as the records table keeps ids
    nul = found_item("YF01", description="黑色\x00雨伞")  # jsonb cannot hold a NUL
    rows = [foreign, good, strange, broken, undated, braced, nul]
    result = exchange.push(conn, "YF01", batch(), rows)  # type: ignore[arg-type]
    assert result.accepted == [("found_items", good["id"], 1)]
    reasons = {rid: reason for _, rid, _, reason in result.parked}
    assert reasons == {
        foreign["id"]: "wrong_station",
        strange["id"]: "unknown_kind",
        broken["id"]: "malformed",
        undated["id"]: "malformed",
        braced["id"][:36]: "malformed",  # parked under as much of the id as fits
        nul["id"]: "malformed",
    }
    with central.connect() as admin:
        assert admin.scalar(select(func.count()).select_from(parked)) == 6
        assert admin.scalar(select(func.count()).select_from(records)) == 1


def test_rows_in_other_valid_forms_are_stored_as_they_mean(
    central: Engine, station_conn: StationConnect
) -> None:
    conn = station_conn("YF01")
    # Times with another offset or a Z, and a field named like an envelope time: none of
    # them as kiosks send rows, all well-formed.
    zoned = {**found_item("YF01"), "created_at": "2026-11-30T16:00:00+08:00"}
    zulu = {**found_item("YF01"), "updated_at": "2026-11-30T09:30:00Z"}
    shadowed = found_item("YF01", created_at="昨天", deleted_at="不详")
    rows = [zoned, zulu, shadowed]
    result = exchange.push(conn, "YF01", batch(), rows)  # type: ignore[arg-type]
    assert sorted(result.accepted) == sorted(("found_items", r["id"], 1) for r in rows)
    with central.connect() as admin:
        stored = {r.id: r for r in admin.execute(select(records))}
    assert stored[zoned["id"]].created_at == datetime(2026, 11, 30, 8, tzinfo=UTC)
    assert stored[zulu["id"]].updated_at == datetime(2026, 11, 30, 9, 30, tzinfo=UTC)
    public = dict(shadowed["fields"])
    private = {name: public.pop(name) for name in ("finder_name", "finder_phone")}
    assert (stored[shadowed["id"]].public, stored[shadowed["id"]].private) == (public, private)
    for row in rows:
        assert stored[row["id"]].digest == exchange.content_digest(row)  # type: ignore[arg-type]
    # The same rows again, in a new batch, are the same records: accepted, nothing changes.
    again = exchange.push(conn, "YF01", batch(), rows)  # type: ignore[arg-type]
    assert (again.parked, again.conflicts, len(again.accepted)) == ([], [], 3)


def test_another_stations_id_is_parked_not_overwritten(
    central: Engine, station_conn: StationConnect
) -> None:
    a, b = station_conn("YF01"), station_conn("YF02")
    item = found_item("YF01")
    exchange.push(a, "YF01", batch(), [item])
    stolen = found_item("YF02", version=5, rid=item["id"], description="改掉")
    result = exchange.push(b, "YF02", batch(), [stolen])
    assert result.parked == [("found_items", item["id"], 5, "id_taken")]
    with central.connect() as admin:
        row = admin.execute(select(records)).one()
    assert (row.station_code, row.version, row.public["description"]) == ("YF01", 1, "黑色雨伞")


def test_one_id_under_two_kinds_in_a_batch_is_held_back_not_lost(
    central: Engine, station_conn: StationConnect
) -> None:
    conn = station_conn("YF01")
    item = found_item("YF01")
    twin = {**inquiry("YF01"), "id": item["id"]}
    result = exchange.push(conn, "YF01", batch(), [item, twin])  # type: ignore[list-item]
    assert result.accepted == [("found_items", item["id"], 1)]
    assert result.parked == [("inquiries", item["id"], 1, "id_taken")]
    with central.connect() as admin:
        assert admin.execute(select(records.c.kind)).scalars().all() == ["found_items"]


def test_newer_version_updates_and_stale_one_is_a_conflict(
    central: Engine, station_conn: StationConnect
) -> None:
    conn = station_conn("YF01")
    item = found_item("YF01")
    exchange.push(conn, "YF01", batch(), [item])
    v3 = found_item("YF01", version=3, rid=item["id"], description="蓝色雨伞")
    assert exchange.push(conn, "YF01", batch(), [v3]).accepted == [("found_items", item["id"], 3)]
    stale = found_item("YF01", version=2, rid=item["id"], description="红色雨伞")
    same_v3_other = found_item("YF01", version=3, rid=item["id"], description="绿色雨伞")
    assert exchange.push(conn, "YF01", batch(), [stale]).conflicts == [
        ("found_items", item["id"], 2, "stale_version")
    ]
    assert exchange.push(conn, "YF01", batch(), [same_v3_other]).conflicts == [
        ("found_items", item["id"], 3, "version_differs")
    ]
    # The very same version again is fine: a re-push after a crash.
    assert exchange.push(conn, "YF01", batch(), [v3]).accepted == [("found_items", item["id"], 3)]
    with central.connect() as admin:
        assert admin.execute(select(records.c.public)).one().public["description"] == "蓝色雨伞"
        assert admin.scalar(select(func.count()).select_from(conflicts)) == 2


def test_a_batch_of_new_and_known_ids_settles_each_row(
    central: Engine, station_conn: StationConnect
) -> None:
    # Once some ids are taken, the insert cannot vouch for the whole batch: every row is
    # looked up, and the rows that very statement inserted must come back accepted too.
    a, b = station_conn("YF01"), station_conn("YF02")
    known, resent, stale = (found_item("YF01", version=2) for _ in range(3))
    exchange.push(a, "YF01", batch(), [known, resent, stale])
    theirs = found_item("YF02", version=2)
    exchange.push(b, "YF02", batch(), [theirs])
    fresh = found_item("YF01")
    newer = found_item("YF01", version=3, rid=known["id"])
    older = found_item("YF01", version=1, rid=stale["id"])
    theirs = found_item("YF01", version=2, rid=theirs["id"])
    result = exchange.push(a, "YF01", batch(), [fresh, newer, resent, older, theirs])
    assert sorted(result.accepted) == sorted(
        [
            ("found_items", fresh["id"], 1),
            ("found_items", known["id"], 3),
            ("found_items", resent["id"], 2),
        ]
    )
    assert result.conflicts == [("found_items", stale["id"], 1, "stale_version")]
    assert result.parked == [("found_items", theirs["id"], 2, "id_taken")]
    with central.connect() as admin:
        held = {r.id: r.version for r in admin.execute(select(records.c.id, records.c.version))}
    assert held == {
        fresh["id"]: 1,
        known["id"]: 3,
        resent["id"]: 2,
        stale["id"]: 2,
        theirs["id"]: 2,
    }


def test_pull_follows_seq_and_sees_updates_again(
    central: Engine, station_conn: StationConnect
) -> None:
    a, b = station_conn("YF01"), station_conn("YF02")
    first, second = found_item("YF01"), found_item("YF02")
    exchange.push(a, "YF01", batch(), [first])
    exchange.push(b, "YF02", batch(), [second])
    exchange.push(a, "YF01", batch(), [found_item("YF01", version=2, rid=first["id"])])
    pulled = exchange.pull(b, "YF02", 0, 100)
    assert [(p.row["id"], p.row["version"]) for p in pulled] == [
        (second["id"], 1),
        (first["id"], 2),
    ]
    seqs = [p.seq for p in pulled]
    assert seqs == sorted(seqs)
    assert exchange.pull(b, "YF02", seqs[0], 1)[0].row["id"] == first["id"]
    assert exchange.pull(b, "YF02", seqs[-1], 100) == []


def test_tombstones_travel_without_personal_data(
    central: Engine, station_conn: StationConnect
) -> None:
    a, b = station_conn("YF01"), station_conn("YF02")
    item = found_item("YF01")
    gone = {
        **found_item("YF01", version=2, rid=item["id"]),
        "deleted_at": "2026-11-30T09:00:00+00:00",
    }
    exchange.push(a, "YF01", batch(), [item, gone])  # type: ignore[list-item]
    (pulled,) = exchange.pull(b, "YF02", 0, 100)
    assert pulled.row["deleted_at"] == "2026-11-30T09:00:00+00:00"
    assert "finder_phone" not in pulled.row["fields"]


def test_directory_and_runs(central: Engine, station_conn: StationConnect) -> None:
    conn = station_conn("YF01")
    station_conn("YF02")
    assert exchange.directory(conn) == [
        ("YF01", "YF01 红驿站", None),
        ("YF02", "YF02 红驿站", None),
    ]
    item = found_item("YF01")
    exchange.record_run(conn, "YF01", _t(item["created_at"]), _t(item["updated_at"]), 1, 2, 0, 0)
    from station.central import admin

    with central.connect() as admin_conn:
        (first, second) = admin.status(admin_conn)
    assert first["last_run"] == {"pushed": 1, "pulled": 2, "conflicts": 0, "parked": 0}
    assert second["last_sync"] is None


def _t(text: str):  # type: ignore[no-untyped-def]
    from datetime import datetime

    return datetime.fromisoformat(text)


def _seqs(engine: Engine) -> list[int]:
    with engine.connect() as conn:
        return list(conn.scalars(select(records.c.seq).order_by(records.c.seq)))
