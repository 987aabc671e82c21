"""A central already in use upgrades in place: its records keep their order, and pushes go on
under the push turn (c0002) that replaced the advisory lock."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

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
