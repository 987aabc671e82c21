"""Throw-away central databases on the local PostgreSQL server, made as the office makes
them (`init`, then `add-station`), and dropped with their station roles, also on failure.

The server is REDPOST_BENCH_PG, else REDPOST_TEST_PG, else postgres@127.0.0.1:5432 (trust
authentication, as on this project's machines).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from station.central import admin, database

SERVER = os.environ.get(
    "REDPOST_BENCH_PG",
    os.environ.get("REDPOST_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"),
)


@dataclass(frozen=True)
class Central:
    """An initialised central database: the admin's URL and the database's name."""

    admin_url: str
    name: str

    def add_station(self, code: str) -> str:
        """Register the station with its login role; the URL (password included) it uses."""
        engine = database.make_engine(self.admin_url)
        try:
            with engine.begin() as conn:
                login = admin.add_station(conn, code, f"{code} 红驿站")
        finally:
            engine.dispose()
        if login is None:
            raise RuntimeError("a PostgreSQL central must give the station a login role")
        role, password = login
        url = make_url(self.admin_url).set(username=role, password=password)
        return url.render_as_string(hide_password=False)

    def libpq(self, url: str) -> str:
        """The same URL as psycopg takes it."""
        return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@contextmanager
def fresh_central() -> Iterator[Central]:
    """A new central database with the current schema and an epoch (`redpost-central init`)."""
    name = f"rp_bench_{uuid.uuid4().hex[:12]}"
    server = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            url = make_url(SERVER).set(database=name).render_as_string(hide_password=False)
            engine = database.make_engine(url)
            try:
                database.upgrade(engine)
            finally:
                engine.dispose()
            yield Central(url, name)
        finally:
            _drop(server, name)
    finally:
        server.dispose()


def _drop(server: Engine, name: str) -> None:
    with server.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        roles = conn.scalars(
            text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :p)"),
            {"p": f"rp_{name}"},
        ).all()
        # Station roles belong to the database's group role: members first.
        for role in sorted(roles, key=lambda r: r.endswith("__station")):
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
