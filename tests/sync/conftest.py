"""Central databases for the sync tests (a SQLite file and a fresh PostgreSQL database),
and kiosks linked to them.

PostgreSQL tests make a database of their own and drop it, with the station roles. Where no
server answers they skip, except in CI (env CI set), where they fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.engine import make_url

from station.central import admin, database
from station.central.schema import records
from station.services import station as station_service
from station.store import Store, open_store
from station.sync import connect

PG_ADMIN = os.environ.get(
    "REDPOST_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def _pg_reachable() -> str | None:
    engine = create_engine(PG_ADMIN, connect_args={"connect_timeout": 3})
    try:
        with engine.connect():
            return None
    except Exception as exc:
        return str(exc).splitlines()[0]
    finally:
        engine.dispose()


@dataclass
class Central:
    """One central database: its admin URL, and a URL per registered station."""

    kind: str
    admin_url: str
    station_urls: dict[str, str] = field(default_factory=dict)

    def admin(self) -> Engine:
        return database.make_engine(self.admin_url)

    def add_station(self, code: str, name: str | None = None, hotline: str | None = None) -> str:
        """Register the station; the URL its kiosk connects with (password included)."""
        engine = self.admin()
        try:
            with engine.begin() as conn:
                login = admin.add_station(conn, code, name or f"{code} 红驿站", hotline)
        finally:
            engine.dispose()
        if login is not None:
            role, password = login
            url = make_url(self.admin_url).set(username=role, password=password)
            self.station_urls[code] = url.render_as_string(hide_password=False)
        else:
            self.station_urls[code] = self.admin_url
        return self.station_urls[code]

    def save_copy(self, target: Path) -> None:
        """A backup of central as it is now (a file copy, or pg_dump)."""
        if self.kind == "sqlite":
            shutil.copyfile(make_url(self.admin_url).database or "", target)
        else:
            pg = make_url(self.admin_url)
            subprocess.run(
                [
                    "pg_dump",
                    "-Fc",
                    "-h",
                    str(pg.host),
                    "-p",
                    str(pg.port),
                    "-U",
                    str(pg.username),
                    "-f",
                    str(target),
                    str(pg.database),
                ],
                check=True,
            )

    def restore_copy(self, source: Path) -> None:
        """Put central back as it was when `source` was saved.

        A SQLite file comes back with its stored epoch, so the office renews it (as it must
        after any restore); a PostgreSQL database recreated from a dump has a new identity.
        """
        if self.kind == "sqlite":
            shutil.copyfile(source, make_url(self.admin_url).database or "")
            engine = self.admin()
            with engine.begin() as conn:
                database.renew_epoch(conn)
            engine.dispose()
            return
        pg = make_url(self.admin_url)
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE "{pg.database}" WITH (FORCE)')
            conn.exec_driver_sql(f'CREATE DATABASE "{pg.database}"')
        admin.dispose()
        subprocess.run(
            [
                "pg_restore",
                "-h",
                str(pg.host),
                "-p",
                str(pg.port),
                "-U",
                str(pg.username),
                "-d",
                str(pg.database),
                str(source),
            ],
            check=True,
        )

    def rows(self) -> list[tuple[str, str, str, int]]:
        """(kind, id, station, version) of every record central holds."""
        engine = self.admin()
        with engine.connect() as conn:
            found = conn.execute(
                select(records.c.kind, records.c.id, records.c.station_code, records.c.version)
            )
            rows = [(r.kind, r.id, r.station_code, r.version) for r in found]
        engine.dispose()
        return rows


def _sqlite_central(folder: Path) -> Iterator[Central]:
    url = f"sqlite:///{folder / 'central.db'}"
    engine = database.make_engine(url)
    database.upgrade(engine)
    engine.dispose()
    yield Central("sqlite", url)


def _pg_central() -> Iterator[Central]:
    reason = _pg_reachable()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {reason}")
        pytest.skip(f"no PostgreSQL server to test against: {reason}")
    name = f"redpost_sync_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)
    engine = database.make_engine(url)
    database.upgrade(engine)
    engine.dispose()
    central = Central("postgresql", url)
    try:
        yield central
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            group = [
                r[0]
                for r in conn.execute(
                    text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"),
                    {"p": f"rp_{name}%"},
                )
            ]
            for role in sorted(group, key=lambda r: r.endswith("__station")):
                conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def central(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Central]:
    """A fresh, initialised central database of each kind."""
    if request.param == "sqlite":
        yield from _sqlite_central(tmp_path)
    else:
        yield from _pg_central()


@pytest.fixture(autouse=True)
def _file_fallback_for_passwords(no_os_keyring: None) -> None:
    """No OS keyring here: passwords are sealed in the data folder (station.sync.sealed)."""


KioskFactory = Callable[[str], Store]


@pytest.fixture
def kiosk(central: Central, migrated_template: Path, tmp_path: Path) -> Iterator[KioskFactory]:
    """Make a kiosk for a station code: set up, registered at central, connected."""
    opened: list[Store] = []

    def make(code: str) -> Store:
        folder = tmp_path / f"kiosk-{code}"
        shutil.copytree(migrated_template, folder)
        store = open_store(folder)
        opened.append(store)
        with store.transaction() as session:
            station_service.init(session, code=code, name=f"{code} 红驿站", posts=["古戏台广场"])
        connect.connect(folder, central.add_station(code))
        return store

    yield make
    for store in opened:
        store.close()
