"""The local SQLite store: engine set-up, real transactions, migrations on open, backups.

SQLite is tuned for a kiosk that must never lose a record it said was saved: WAL,
synchronous=FULL, foreign keys on, and BEGIN IMMEDIATE emitted by us (pysqlite's own
transaction handling defers BEGIN and would let two writers deadlock on upgrade).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from station import clock, paths, upgrade_note
from station.access.actor import SYSTEM, WHO_KEY, Actor
from station.audit.chain import ACTOR_KEY, CODE_KEY, GUESS_KEY, last_head
from station.errors import StoreError
from station.migrations import HEAD
from station.sync.outbox import RecordSession

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
_BEGIN_OPTION = "redpost_begin"
DATA_DIR_KEY = "data_dir"


def _make_engine(db_path: Path, *, foreign_keys: bool = True) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}")

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from pysqlite; the "begin" hook below emits BEGIN.
        dbapi_connection.isolation_level = None
        with closing(dbapi_connection.cursor()) as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        mode = conn.get_execution_options().get(_BEGIN_OPTION, "IMMEDIATE")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _schema_revision(db_path: Path) -> str | None:
    """The Alembic revision stamped in the file, read without loading Alembic."""
    if not db_path.exists():
        return None
    try:
        with closing(sqlite3.connect(db_path)) as conn:
            row = conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
            if row is None:
                return None
            version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError("store_unreadable", "data_dir", reason=str(exc)) from exc
    return str(version[0]) if version else None


def _has_tables(db_path: Path) -> bool:
    if not db_path.exists():
        return False
    with closing(sqlite3.connect(db_path)) as conn:
        row = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
        return int(row[0]) > 0


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a live database file, through SQLite's online backup."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def migrate(db_path: Path, target: str = "head") -> Path | None:
    """Bring the file to `target`, copying it aside first when it already holds data.

    Returns the backup's path, or None when no backup was needed.
    """
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    current = _schema_revision(db_path)
    known = {rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()}
    if current is not None and current not in known:
        raise StoreError("store_newer", "data_dir", revision=current)

    backup: Path | None = None
    if _has_tables(db_path):
        stamp = clock.now().astimezone(clock.LOCAL_TZ).strftime("%Y%m%d-%H%M%S")
        backup = (
            paths.backups(db_path.parent) / f"redpost-{stamp}-before-{target}-from-{current}.db"
        )
        copy_database(db_path, backup)
        log.info("backed up %s to %s before migrating", db_path, backup)

    # Batch migrations rebuild tables, which SQLite only allows with foreign keys off;
    # the foreign-key check afterwards catches anything a migration broke.
    engine = _make_engine(db_path, foreign_keys=False)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, target)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise StoreError(
                    "integrity", reason=f"foreign keys broken by migration: {broken[:3]}"
                )
    finally:
        engine.dispose()
    if backup is not None and current is not None:
        upgrade_note.record(db_path.parent, current, HEAD if target == "head" else target, backup)
    return backup


class Store:
    """An open local store. Use `transaction()` to write and `reading()` to read.

    `actor` is who its sessions act for (see `station.access`): the program itself unless
    told otherwise; the app sets the signed-in person, or None while the kiosk is locked.
    """

    def __init__(self, folder: Path, engine: Engine, actor: Actor | None = SYSTEM) -> None:
        self.folder = folder
        self.engine = engine
        self.actor = actor
        # The station's code, once a session has read it (it never changes after `init`).
        self._station_code: str | None = None
        # The audit chain's head the last transaction left: its sessions' guess (see
        # `station.audit.chain.write`, which checks it).
        self._audit_head: tuple[int, str] | None = None
        # Services that keep files (photos, signatures) find the data folder in session.info.
        info = {DATA_DIR_KEY: folder}
        self._writer = sessionmaker(engine, class_=RecordSession, expire_on_commit=False, info=info)
        self._reader = sessionmaker(
            engine.execution_options(**{_BEGIN_OPTION: "DEFERRED"}),
            class_=RecordSession,
            expire_on_commit=False,
            info=info,
        )

    @property
    def db_path(self) -> Path:
        return paths.database(self.folder)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        with self._writer() as session, session.begin():
            self._act(session)
            yield session
        self._learn(session)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read snapshot. Closing it ends the transaction without committing, and leaves
        the loaded records usable (detached, not expired) after the block."""
        with self._reader() as session:
            self._act(session)
            yield session
        self._learn(session)

    def _act(self, session: Session) -> None:
        actor = self.actor
        session.info[WHO_KEY] = actor
        session.info[ACTOR_KEY] = None if actor is None else actor.label
        if self._station_code is not None:
            session.info[CODE_KEY] = self._station_code
        if self._audit_head is not None:
            session.info[GUESS_KEY] = self._audit_head

    def _learn(self, session: Session) -> None:
        """Keep the station's code a session found and the audit head it left (blocks that
        raise teach nothing)."""
        if self._station_code is None:
            self._station_code = session.info.get(CODE_KEY)
        head = last_head(session)
        if head is not None:
            self._audit_head = head

    def backup(self, target: Path | None = None) -> Path:
        if target is None:
            stamp = clock.now().astimezone(clock.LOCAL_TZ).strftime("%Y%m%d-%H%M%S")
            target = paths.backups(self.folder) / f"redpost-{stamp}.db"
        copy_database(self.db_path, target)
        return target

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(
    folder: Path | str | None = None,
    *,
    migrate_to_head: bool = True,
    actor: Actor | None = SYSTEM,
) -> Store:
    """Open (creating if needed) the store in `folder`, migrating it to the current schema."""
    root = paths.data_dir(folder)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError("store_unreadable", "data_dir", reason=str(exc)) from exc
    db_path = paths.database(root)
    if migrate_to_head and _schema_revision(db_path) != HEAD:
        migrate(db_path)
    return Store(root, _make_engine(db_path), actor)
