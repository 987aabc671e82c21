"""Backups, rotation, the start-up check and restore, on real damaged database files."""

from __future__ import annotations

import random
import shutil
import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from station import backup, clock, paths
from station.cli import main
from station.models import Setting
from station.services import inquiries, stats
from station.store import Store, open_store
from station.sync import state
from tests.conftest import spoil_first_page
from tests.sync.day import work_day

DAY = datetime(2026, 11, 30, 9, 0, tzinfo=clock.LOCAL_TZ)


def counts(folder: Path) -> dict[str, int]:
    with open_store(folder) as store, store.reading() as session:
        return stats.counts(session)


def truncate(db: Path) -> None:
    with db.open("r+b") as f:
        f.truncate(db.stat().st_size // 2)


def scribble(db: Path) -> None:
    """Overwrite four pages inside the file with garbage, starting at the inquiries table's
    root page (a page in use: garbage on a free page would be harmless)."""
    with closing(sqlite3.connect(db)) as conn:
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'inquiries'"
        ).fetchone()
        (size,) = conn.execute("PRAGMA page_size").fetchone()
    with db.open("r+b") as f:
        f.seek((root - 1) * size)
        f.write(random.Random(6).randbytes(4 * size))


@pytest.fixture
def worked(station_store: Store) -> Path:
    """A closed store with a day of work in it, and its folder."""
    work_day(station_store)
    station_store.close()
    return station_store.folder


def test_backup_is_a_sound_copy_named_by_local_time(worked: Path) -> None:
    with clock.frozen_at(DAY):
        made = backup.take(worked)
    assert made.parent == paths.backups(worked)
    assert made.name == "redpost-20261130-090000-manual.db"
    assert backup.verify(made) is None
    look = worked.parent / "look"
    look.mkdir()
    shutil.copyfile(made, paths.database(look))
    assert counts(look) == counts(worked)


def test_rotation_keeps_seven_daily_and_ten_on_demand(worked: Path) -> None:
    before_migration = paths.backups(worked) / "redpost-20260101-000000-before-head-from-0001.db"
    before_migration.parent.mkdir()
    before_migration.write_bytes(b"kept as it is")
    for n in range(10):
        with clock.frozen_at(DAY + timedelta(days=n)):
            assert backup.ensure_daily(worked) is not None
            assert backup.ensure_daily(worked) is None, "a second daily copy on the same day"
    for _ in range(12):
        with clock.frozen_at(DAY):
            backup.take(worked)
    kinds = [b.kind for b in backup.listing(worked)]
    assert kinds.count(backup.DAILY) == 7
    assert kinds.count(backup.MANUAL) == 10
    assert before_migration.exists()
    daily = [b.taken_at.date() for b in backup.listing(worked) if b.kind == backup.DAILY]
    assert daily == [(DAY + timedelta(days=n)).date() for n in range(9, 2, -1)]


@pytest.mark.parametrize("damage", [truncate, scribble])
def test_damage_is_refused_then_restore_brings_the_backup_back(
    worked: Path, damage: object, capsys: pytest.CaptureFixture[str]
) -> None:
    good = counts(worked)
    assert main(["--data-dir", str(worked), "backup"]) == 0
    assert str(paths.backups(worked)) in capsys.readouterr().out
    db = paths.database(worked)
    assert callable(damage)
    damage(db)
    damaged_bytes = db.read_bytes()

    assert backup.quick_problem(db) is not None
    for command in (["stats"], ["list", "inquiries"], ["demo"], ["backup"]):
        assert main(["--lang", "en", "--data-dir", str(worked), *command]) == 1
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1, err
        assert "damaged" in err
        if command != ["backup"]:
            assert "redpost restore" in err
    assert db.read_bytes() == damaged_bytes, "a command wrote to the damaged file"

    assert main(["--data-dir", str(worked), "restore"]) == 0
    assert "redpost-damaged-" in capsys.readouterr().out
    assert main(["--data-dir", str(worked), "check"]) == 0
    assert counts(worked) == good
    kept = list(worked.glob("redpost-damaged-*.db"))
    assert [p.read_bytes() for p in kept] == [damaged_bytes]


def test_restore_skips_a_damaged_backup_and_takes_an_older_good_one(worked: Path) -> None:
    with clock.frozen_at(DAY):
        older = backup.take(worked)
    with open_store(worked) as store, store.transaction() as session:
        inquiries.create(session, category="other", question="备份之后")
    with clock.frozen_at(DAY + timedelta(hours=1)):
        newer = backup.take(worked)
    scribble(newer)
    truncate(paths.database(worked))

    damage = backup.diagnose(worked)
    assert damage is not None
    assert damage.newest_good is not None
    assert damage.newest_good.path == older
    # The window begins the check on a thread while it loads: the same finding.
    assert backup.diagnose(worked, backup.check_started(worked)) == damage
    done = backup.restore(worked)
    assert done.source == older
    assert done.taken_at == DAY


def test_restore_from_a_named_file_and_refusal_of_a_bad_one(
    worked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = tmp_path / "usb-stick.db"
    backup.take(worked).rename(kept)
    with open_store(worked) as store, store.transaction() as session:
        inquiries.create(session, category="other", question="恢复后应消失")
    assert counts(worked)["inquiries"] == 2

    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    assert main(["--lang", "en", "--data-dir", str(worked), "restore", "--from", str(bad)]) == 1
    assert "cannot be restored" in capsys.readouterr().err
    assert counts(worked)["inquiries"] == 2, "a refused restore changed the store"

    assert main(["--data-dir", str(worked), "restore", "--from", str(kept)]) == 0
    assert counts(worked)["inquiries"] == 1
    assert len(list(worked.glob("redpost-damaged-*.db"))) == 1


def test_restore_without_any_good_backup_says_so(
    worked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    truncate(paths.database(worked))
    assert main(["--lang", "en", "--data-dir", str(worked), "restore"]) == 1
    assert "no good backup" in capsys.readouterr().err
    assert paths.database(worked).exists(), "the damaged file must stay in place"


def test_restore_resets_the_pull_watermark_and_notes_itself(worked: Path) -> None:
    with open_store(worked) as store, store.transaction() as session:
        state.set_watermark(session, 42)
    backup.take(worked)
    truncate(paths.database(worked))
    backup.restore(worked)
    with open_store(worked) as store, store.reading() as session:
        assert state.watermark(session) == 0
        assert session.scalar(select(Setting).where(Setting.key == backup.RESTORED_KEY))
    assert backup.quick_problem(paths.database(worked)) is None


def test_a_wal_left_by_the_damaged_file_is_set_aside_with_it(worked: Path) -> None:
    made = backup.take(worked)
    db = paths.database(worked)
    wal = db.with_name(db.name + "-wal")
    wal.write_bytes(b"left over by a crash")
    truncate(db)
    done = backup.restore(worked)
    assert done.source == made
    assert not wal.exists()
    assert done.damaged_kept_at is not None
    assert done.damaged_kept_at.with_name(done.damaged_kept_at.name + "-wal").exists()
    assert backup.verify(db) is None


def test_commands_take_the_daily_backup_once_a_day(worked: Path) -> None:
    assert backup.listing(worked) == []
    assert main(["--data-dir", str(worked), "stats"]) == 0
    assert main(["--data-dir", str(worked), "stats"]) == 0
    assert [b.kind for b in backup.listing(worked)] == [backup.DAILY]


def test_a_long_report_from_sqlite_is_cut_to_its_first_three_findings(
    demo_template: Path, tmp_path: Path
) -> None:
    """A spoilt page makes `quick_check` report many lines in one row (17 here, a hundred on
    a year's store): the damaged screen shows the first three, beside what matters (which
    backup)."""
    folder = tmp_path / "kiosk"
    shutil.copytree(demo_template, folder)
    spoil_first_page(folder, "ix_outbox_pending")
    problem = backup.quick_problem(paths.database(folder))
    assert problem is not None
    assert "\n" not in problem
    assert len(problem.split("; ")) == 3
    assert problem.startswith("*** in database main ***; ")
