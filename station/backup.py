"""Backups of the local store, the start-up health check, and restore after damage.

A kiosk's disk can fail or lose power mid-write, and the volunteers cannot repair a
database, so the store guards itself:

- Every start (GUI, and each CLI data command) runs `PRAGMA quick_check` (about 5 ms on a
  30-day demo) before anything opens the store. A damaged file is never written to: the
  caller gets `StoreError("store_damaged")` or a `Damage` report to show.
- The first start of each local day takes a daily backup through SQLite's online backup
  API; `redpost backup` takes one on demand. Both land in the data folder's `backups/`.
- Rotation: the newest 7 daily and the newest 10 on-demand copies are kept; older ones of
  those two kinds are deleted. Copies made before a migration (`…-before-…`) are never
  rotated, and neither is anything else in the folder.
- Restore picks the newest backup that passes `PRAGMA integrity_check` and carries a schema
  this program knows (or the file given), sets the damaged file aside under a new name
  (with its -wal/-shm, never deleted), and marks the store for the next sync (see
  `_mark_for_sync`).
"""

from __future__ import annotations

import os
import re
import sqlite3
from concurrent.futures import Future
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from station import background, clock, paths, read_only
from station.errors import StoreError

DAILY = "daily"
MANUAL = "manual"
KEEP = {DAILY: 7, MANUAL: 10}
RESTORED_KEY = "backup.restored"
_NAME = re.compile(r"^redpost-(\d{8}-\d{6})(?:-(\d+))?-(daily|manual|before-.+)\.db$")
_LEGACY = re.compile(r"^redpost-(\d{8}-\d{6})\.db$")  # Store.backup() without a kind
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # local time, from the file name
    kind: str  # daily, manual, or before-… (a copy made before a migration)


@dataclass(frozen=True)
class Damage:
    """What the damaged-store screen tells the lead."""

    problem: str
    newest_good: Backup | None
    # When the last sync finished (ISO UTC), read from the damaged file if it still can be,
    # else from the newest good backup (then central holds at least that much).
    last_sync: str | None
    last_sync_from_backup: bool


@dataclass(frozen=True)
class Restored:
    source: Path
    taken_at: datetime | None
    damaged_kept_at: Path | None


def _stamp() -> str:
    return clock.now().astimezone(clock.LOCAL_TZ).strftime("%Y%m%d-%H%M%S")


def _parse(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if match is not None:
        stamp, kind = match.group(1), match.group(3)
    elif (legacy := _LEGACY.match(path.name)) is not None:
        stamp, kind = legacy.group(1), MANUAL
    else:
        return None
    taken = datetime.strptime(stamp, "%Y%m%d-%H%M%S").replace(tzinfo=clock.LOCAL_TZ)
    return Backup(path, taken, kind)


def listing(folder: Path) -> list[Backup]:
    """Every backup in the data folder's backups/, newest first."""
    where = paths.backups(folder)
    if not where.is_dir():
        return []
    found = [b for p in where.iterdir() if p.is_file() and (b := _parse(p)) is not None]
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def quick_problem(db_path: Path) -> str | None:
    """What PRAGMA quick_check finds wrong with the file, or None when it looks sound
    (or does not exist yet: a new kiosk)."""
    if not db_path.exists():
        return None
    return _check(db_path, "quick_check")


def _check(db_path: Path, pragma: str) -> str | None:
    try:
        with read_only.connect(db_path) as conn:
            result = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if result == ["ok"]:
        return None
    # Its first three findings: one row can hold a hundred lines, which crushed the damaged
    # screen's card (who restores, from when) out of sight.
    lines = [line for row in result for line in row.splitlines() if line.strip()]
    return "; ".join(lines[:3])


def _known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    return {rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()}


def verify(path: Path) -> str | None:
    """Why the file cannot serve as a backup to restore, or None when it can: it must pass
    the full integrity check, carry a schema this program can migrate, and hold a station."""
    if not path.is_file():
        return f"no such file: {path}"
    problem = _check(path, "integrity_check")
    if problem is not None:
        return problem
    try:
        with read_only.connect(path) as conn:
            (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            (stations,) = conn.execute("SELECT count(*) FROM station").fetchone()
    except (sqlite3.DatabaseError, TypeError):
        return "not a Red Post Station data file"
    if revision not in _known_revisions():
        return f"schema revision {revision} is unknown to this program"
    if stations != 1:
        return "the station is not set up in it"
    return None


def _free_name(kind: str, folder: Path) -> Path:
    where = paths.backups(folder)
    stamp = _stamp()
    target = where / f"redpost-{stamp}-{kind}.db"
    n = 2
    while target.exists():  # two in one second: keep both
        target = where / f"redpost-{stamp}-{n}-{kind}.db"
        n += 1
    return target


def _copy(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy even while the kiosk writes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def take(folder: Path, kind: str = MANUAL) -> Path:
    """Back up the store now and rotate; refuses a damaged store (its copy would be damaged
    too, and rotation could push a good copy out)."""
    db_path = paths.database(folder)
    if not db_path.exists():
        raise StoreError("store_missing", "data_dir", path=db_path)
    problem = quick_problem(db_path)
    if problem is not None:
        raise StoreError("store_damaged", "data_dir", reason=problem)
    target = _free_name(kind, folder)
    try:
        _copy(db_path, target)
    except (OSError, sqlite3.Error) as exc:
        target.unlink(missing_ok=True)
        raise StoreError("backup_failed", "data_dir", path=target, reason=exc) from exc
    rotate(folder)
    return target


def rotate(folder: Path) -> list[Path]:
    """Delete daily and on-demand copies beyond the newest KEEP of each; the deleted paths."""
    gone: list[Path] = []
    for kind, keep in KEEP.items():
        for old in [b for b in listing(folder) if b.kind == kind][keep:]:
            old.path.unlink(missing_ok=True)
            gone.append(old.path)
    return gone


def ensure_daily(folder: Path) -> Path | None:
    """Take today's daily backup unless there is one (or no store yet); its path if taken."""
    if not paths.database(folder).exists():
        return None
    today = clock.local_today()
    if any(b.kind == DAILY and b.taken_at.date() == today for b in listing(folder)):
        return None
    return take(folder, DAILY)


def guard(folder: Path) -> None:
    """The start-up check of the CLI's data commands: refuse a damaged store with one clear
    message, else make sure today's backup exists."""
    problem = quick_problem(paths.database(folder))
    if problem is not None:
        raise StoreError("store_damaged", "data_dir", reason=problem)
    ensure_daily(folder)


def newest_good(folder: Path) -> Backup | None:
    return next((b for b in listing(folder) if verify(b.path) is None), None)


def _setting(db_path: Path, key: str) -> Any:
    import json

    try:
        with read_only.connect(db_path) as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    except sqlite3.DatabaseError:
        return None
    return None if row is None else json.loads(row[0])


def check_started(folder: Path) -> Future[str | None]:
    """`quick_problem` of the folder's store, begun on a thread for `diagnose` to collect.
    SQLite lets go of the GIL while it reads the file (about 0.25 s for a year's store), so
    the program goes on loading meanwhile; nothing opens the store before the answer is in."""
    return background.begun("check", quick_problem, paths.database(folder))


def diagnose(folder: Path, started: Future[str | None] | None = None) -> Damage | None:
    """None when the store is sound (or new); else what the damaged screen shows. `started`
    is this folder's check begun earlier (`check_started`); without it the check runs now."""
    db_path = paths.database(folder)
    problem = quick_problem(db_path) if started is None else started.result()
    if problem is None:
        return None
    from station.sync.state import LAST_SUCCESS  # only now: its imports cost 0.2 s

    good = newest_good(folder)
    last = _setting(db_path, LAST_SUCCESS)
    from_backup = False
    if not isinstance(last, str) and good is not None:
        last, from_backup = _setting(good.path, LAST_SUCCESS), True
    return Damage(problem, good, last if isinstance(last, str) else None, from_backup)


def restore(folder: Path, source: Path | None = None) -> Restored:
    """Put a good backup in place of the store (the newest good one, or `source`)."""
    taken_at: datetime | None
    if source is None:
        chosen = newest_good(folder)
        if chosen is None:
            raise StoreError("no_good_backup", "data_dir", folder=paths.backups(folder))
        source, taken_at = chosen.path, chosen.taken_at
    else:
        problem = verify(source)
        if problem is not None:
            raise StoreError("backup_bad", "data_dir", path=source, reason=problem)
        parsed = _parse(source)
        taken_at = parsed.taken_at if parsed is not None else None
    db_path = paths.database(folder)
    incoming = db_path.with_name(db_path.name + ".restoring")
    incoming.unlink(missing_ok=True)
    _copy(source, incoming)
    kept = _set_aside(db_path)
    os.replace(incoming, db_path)
    _mark_for_sync(folder, source)
    return Restored(source, taken_at, kept)


def _set_aside(db_path: Path) -> Path | None:
    """Rename the current file and its -wal/-shm to redpost-damaged-<stamp>.db…: a WAL left
    beside the restored file would be replayed into it."""
    if not db_path.exists():
        return None
    kept = db_path.with_name(f"redpost-damaged-{_stamp()}.db")
    n = 2
    while kept.exists():
        kept = db_path.with_name(f"redpost-damaged-{_stamp()}-{n}.db")
        n += 1
    for suffix in _SIDE_FILES:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, kept.with_name(kept.name + suffix))
    os.replace(db_path, kept)
    return kept


def _mark_for_sync(folder: Path, source: Path) -> None:
    """Prepare the next sync after a restore.

    Central itself did not go back in time, so everything the backup believes pushed is
    there (rules 2 and 7 need nothing). What the backup lacks is what happened after it:
    - the pull watermark is set back to 0, so the next pull brings every shared record again,
      including this station's own volunteers, found items and lost reports that central
      holds at a newer version or that were made after the backup (public fields only);
    - the closing count check (rule 6) then compares what remains; a kind whose counts
      differ is listed for the lead and re-pushed in full, idempotently.
    Re-pushing everything at once (as after an epoch change) is deliberately not done: a
    record changed and synced after the backup would come back as a stale-version conflict
    instead of being refreshed by the pull.
    """
    from station.services.station import set_setting
    from station.store import open_store
    from station.sync import state

    with open_store(folder) as store, store.transaction() as session:
        state.set_watermark(session, 0)
        set_setting(
            session,
            RESTORED_KEY,
            {"at": clock.now().isoformat(), "from": source.name},
        )
