"""A throw-away PostgreSQL database per test, for central's tests and the sync's.

Skips with the reason when no server answers, except under CI, where it fails.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

SERVER = os.environ.get("REDPOST_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


@contextmanager
def fresh_database() -> Iterator[str]:
    """The admin URL of a new, empty database; it and its station roles are dropped after."""
    name = f"rp_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    try:
        conn = engine.connect()
    except OperationalError as exc:
        engine.dispose()
        reason = f"PostgreSQL is not reachable at {SERVER}: {str(exc.orig).strip()[:200]}"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    try:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    finally:
        conn.execute(
            text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"),
            {"d": name},
        )
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        roles = conn.scalars(
            text("SELECT rolname FROM pg_roles WHERE starts_with(rolname, :p)"),
            {"p": f"rp_{name}_"},
        ).all()
        for role in roles:
            conn.exec_driver_sql(f'DROP ROLE "{role}"')
        conn.close()
        engine.dispose()
