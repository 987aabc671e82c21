"""The glance at the file fills the locked window before the store opens: it must say exactly
what the store's own services say, and nothing at all when it cannot be sure."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from station import clock, glance, locked, paths
from station.access import credentials
from station.migrations import HEAD
from station.models import AuditEntry
from station.services import roster, shifts
from station.services.station import set_setting
from station.store import Store, open_store
from station.sync import state
from tests.conftest import DEMO_NOW


@pytest.fixture
def kiosk(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "kiosk"
    shutil.copytree(demo_template, folder)
    return folder


def what_the_store_says(store: Store) -> glance.Glance:
    with store.reading() as session:
        return glance.Glance(locked.header_figures(session), locked.signers(session))


def test_a_glance_says_what_the_services_say(kiosk: Path) -> None:
    with open_store(kiosk) as store:
        expected = what_the_store_says(store)

    seen = glance.read(kiosk)

    assert seen == expected
    assert seen is not None
    assert len(seen.signers) >= 2
    assert seen.figures.on_duty > 0
    assert seen.figures.unsynced > 0


def test_a_glance_follows_the_roster_the_shifts_and_the_sync(kiosk: Path) -> None:
    with clock.frozen_at(DEMO_NOW), open_store(kiosk) as store, store.transaction() as session:
        signers = credentials.signers(session)
        on_duty = [shift.volunteer_id for shift in shifts.on_duty(session)]
        off_duty = [s.volunteer_id for s in signers if s.volunteer_id not in on_duty]
        roster.update(session, off_duty[0], active=False)
        roster.remove(session, off_duty[1])
        shifts.check_out(session, volunteer=on_duty[0])
        state.save_run(session, "2026-11-30T08:00:00+00:00", {})
        # Half the outbox went to central; a record changed twice waits once.
        session.execute(text("UPDATE outbox SET pushed_at = '2026-11-30' WHERE seq % 2 = 0"))
    with open_store(kiosk) as store:
        expected = what_the_store_says(store)

    seen = glance.read(kiosk)

    assert seen == expected
    assert seen is not None
    assert len(seen.signers) == len(signers) - 2
    assert seen.figures.last_sync == "2026-11-30T08:00:00+00:00"


def test_a_last_sync_that_is_not_a_time_shows_as_never(kiosk: Path) -> None:
    """As `state.last_success`: only a string counts."""
    with open_store(kiosk) as store, store.transaction() as session:
        set_setting(session, state.LAST_SUCCESS, {"at": "2026-11-30"})
    with open_store(kiosk) as store:
        expected = what_the_store_says(store)
    seen = glance.read(kiosk)
    assert seen == expected
    assert seen is not None
    assert seen.figures.last_sync is None


def test_a_glance_changes_nothing_in_the_file(kiosk: Path) -> None:
    db = paths.database(kiosk)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    assert glance.read(kiosk) is not None
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_no_glance_without_a_file(tmp_path: Path) -> None:
    assert glance.read(tmp_path / "new") is None
    assert not (tmp_path / "new").exists()


def test_no_glance_before_the_station_is_set_up(store: Store) -> None:
    with closing(sqlite3.connect(paths.database(store.folder))) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
    assert glance.read(store.folder) is None


def test_no_glance_at_another_schema(kiosk: Path) -> None:
    with closing(sqlite3.connect(paths.database(kiosk))) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '0005'")
    assert glance.read(kiosk) is None


def test_no_glance_at_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    tmp_path.joinpath("redpost.db").write_bytes(b"not a database, " * 512)
    assert glance.read(tmp_path) is None


def test_a_glance_begun_early_comes_to_the_same(kiosk: Path) -> None:
    seen = glance.started(kiosk).result(timeout=10)
    assert seen is not None
    assert seen == glance.read(kiosk)


def test_the_glance_names_the_keys_the_store_uses() -> None:
    assert glance.LAST_SUCCESS == state.LAST_SUCCESS
    assert AuditEntry.kind == glance.AUDIT_KIND
