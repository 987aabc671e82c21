"""Fixtures for central: fresh PostgreSQL databases, SQLite centrals, station connections."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine

from station.central import admin, database
from tests.central.pg import fresh_database


@pytest.fixture
def pg_admin_url() -> Iterator[str]:
    """Admin URL of a new, empty PostgreSQL database (dropped with its roles afterwards)."""
    with fresh_database() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def central_admin_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty central of each kind: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "central.db")
    else:
        with fresh_database() as url:
            yield url


@pytest.fixture
def central(central_admin_url: str) -> Iterator[Engine]:
    """An initialised central (admin engine)."""
    engine = database.make_engine(central_admin_url)
    database.upgrade(engine)
    yield engine
    engine.dispose()


StationConnect = Callable[[str], Connection]


@pytest.fixture
def station_conn(central: Engine) -> Iterator[StationConnect]:
    """Register a station and connect as it: its own login role on PostgreSQL."""
    engines: list[Engine] = []
    opened: list[Connection] = []

    def connect(code: str) -> Connection:
        with central.begin() as conn:
            login = admin.add_station(conn, code, f"{code} 红驿站")
        url = central.url
        if login is not None:
            url = url.set(username=login[0], password=login[1])
        engine = database.make_engine(url.render_as_string(hide_password=False))
        engines.append(engine)
        opened.append(engine.connect())
        return opened[-1]

    yield connect
    for conn in opened:
        conn.close()
    for engine in engines:
        engine.dispose()
