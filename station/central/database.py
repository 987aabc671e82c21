"""Opening the central database, creating or upgrading its schema, and its epoch.

The same code serves PostgreSQL and a SQLite file; the differences live in the migration
(triggers, security) and here (how a URL is read, how SQLite transactions begin).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, insert, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from station.central.errors import CentralError
from station.central.schema import SCHEMA_HEAD, VERSION_TABLE, central_meta

CONNECT_TIMEOUT_S = 10
SQLITE_BUSY_MS = 30_000


def central_url(value: str) -> URL:
    """A URL as psql takes it, in SQLAlchemy's form, or a SQLite file path or URL."""
    raw = value.strip()
    for scheme in ("postgresql://", "postgres://"):
        if raw.startswith(scheme):
            raw = "postgresql+psycopg://" + raw[len(scheme) :]
    if "://" not in raw:
        return URL.create("sqlite", database=str(Path(raw).expanduser().resolve()))
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise CentralError("central_bad_url", url=value) from exc
    if url.get_backend_name() not in {"postgresql", "sqlite"}:
        raise CentralError("central_bad_url", url=value)
    if url.get_backend_name() == "postgresql" and url.get_driver_name() != "psycopg":
        url = url.set(drivername="postgresql+psycopg")
    return url


def make_engine(url: URL | str) -> Engine:
    """An engine for central; on SQLite every transaction takes the write lock at BEGIN."""
    url = central_url(url) if isinstance(url, str) else url
    if url.get_backend_name() == "postgresql":
        return create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, record: Any) -> None:
        dbapi_conn.isolation_level = None  # the driver must not BEGIN by itself; see _begin
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    # A push reads, then writes: beginning IMMEDIATE avoids a failed lock upgrade midway, and
    # one writer at a time is what makes max(seq) + 1 follow commit order.
    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def connection_error(exc: DBAPIError) -> CentralError:
    """What a lead can act on, from a driver error raised while connecting or talking."""
    text_ = str(exc.orig if exc.orig is not None else exc)
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate in {"28P01", "28000"} or "password authentication failed" in text_:
        return CentralError("central_auth")
    if sqlstate == "3D000" or "does not exist" in text_:
        return CentralError("central_missing_db", reason=_first_line(text_))
    return CentralError("central_offline", reason=_first_line(text_))


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else ""


def upgrade(engine: Engine) -> str:
    """Create or upgrade the schema to head and make sure an epoch exists; returns the epoch."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        if conn.scalar(select(central_meta.c.value).where(central_meta.c.key == "epoch")) is None:
            conn.execute(insert(central_meta).values(key="epoch", value=str(uuid.uuid4())))
        if conn.dialect.name == "postgresql":
            from station.central import roles

            roles.ensure_group(conn)
    with engine.connect() as conn:
        return epoch(conn)


def renew_epoch(conn: Connection) -> str:
    """A new epoch, after central was restored from a copy kiosks may be ahead of."""
    conn.execute(
        central_meta.update().where(central_meta.c.key == "epoch").values(value=str(uuid.uuid4()))
    )
    return epoch(conn)


def epoch(conn: Connection) -> str:
    """The epoch id kiosks compare between syncs.

    On PostgreSQL it includes the database's oid, so restoring a dump into a recreated
    database changes it even though the stored id came back with the dump.
    """
    stored = conn.scalar(select(central_meta.c.value).where(central_meta.c.key == "epoch"))
    if stored is None:
        raise CentralError("central_not_initialised")
    if conn.dialect.name == "postgresql":
        oid = conn.scalar(text("SELECT oid FROM pg_database WHERE datname = current_database()"))
        return f"{stored}/{oid}"
    return str(stored)


def revision(conn: Connection) -> str | None:
    """The schema revision stamped in central, or None when central was never initialised."""
    try:
        with conn.begin_nested():
            value = conn.scalar(text(f"SELECT version_num FROM {VERSION_TABLE}"))  # noqa: S608
    except DBAPIError as exc:
        if exc.connection_invalidated:  # the connection was lost: offline, not uninitialised
            raise
        return None
    return None if value is None else str(value)


def check_revision(conn: Connection) -> str:
    """Central's revision, when it is the one this program speaks; else a CentralError."""
    found = revision(conn)
    if found is None:
        raise CentralError("central_not_initialised")
    if found != SCHEMA_HEAD:
        from station.central.migrations import KNOWN

        code = "central_schema_old" if found in KNOWN else "central_schema_new"
        raise CentralError(code, revision=found, expected=SCHEMA_HEAD)
    return found
