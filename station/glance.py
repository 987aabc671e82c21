"""What the locked kiosk shows first, read straight from the file before the data layer loads.

Loading SQLAlchemy and mapping the models takes most of a start (issue 8). The sign-in screen
needs little: the station's name, who may sign in, and the header's three figures. A glance
reads just that with `sqlite3`, read-only, so the window can be up while the store opens
behind it. It is only a first look: everything after it, sign-in included, goes through the
store. `tests/test_glance.py` holds each query equal to the service it stands in for.

A glance is None whenever it cannot be sure: no file yet, a schema other than this
program's, no station set up, or any error reading. The window then starts the long way.
"""

from __future__ import annotations

import sqlite3
from concurrent.futures import Future
from pathlib import Path
from typing import NamedTuple

from station import background, paths, read_only
from station.access.actor import Signer
from station.migrations import HEAD

# As station.sync.state.LAST_SUCCESS, which imports the data layer.
LAST_SUCCESS = "sync.last_success"
# As station.models.AuditEntry.kind: the trail goes with a sync but is not counted as waiting.
AUDIT_KIND = "audit_entries"

# station.access.credentials.signers
_SIGNERS = """
    SELECT volunteers.id, volunteers.name, volunteers.badge_code, credentials.role
    FROM volunteers JOIN credentials ON credentials.volunteer_id = volunteers.id
    WHERE volunteers.active = 1 AND volunteers.deleted_at IS NULL
    ORDER BY credentials.role, volunteers.name
"""
# station.sync.state.last_success: the setting, when it holds a JSON string (SQLite reads
# the JSON, so the window's start loads no json module; json_valid refuses the JSON5 that
# SQLite 3.42 and later would read, where Python's json raises)
_LAST_SYNC = """
    SELECT json_extract(value, '$') FROM settings
    WHERE key = ? AND json_valid(value) AND json_type(value) = 'text'
"""
# station.services.shifts.on_duty
_ON_DUTY = """
    SELECT count(*) FROM shifts
    WHERE station_code = ? AND deleted_at IS NULL AND check_out_at IS NULL
"""
# station.sync.outbox.pending_count
_UNSYNCED = """
    SELECT count(*) FROM (
        SELECT DISTINCT record_kind, record_id FROM outbox
        WHERE pushed_at IS NULL AND record_kind != ?
    )
"""


# Records as named tuples, not dataclasses: each dataclass takes a third of a millisecond to
# define, and these load before the window shows (issue 8).
class HeaderFigures(NamedTuple):
    """The strip at the top of the window (`ui.header`)."""

    station_name: str
    on_duty: int
    unsynced: int
    last_sync: str | None  # ISO UTC time the last sync finished, None if never


class Glance(NamedTuple):
    figures: HeaderFigures
    signers: list[Signer]


def read(folder: Path) -> Glance | None:
    """The first look at the store in `folder`, or None when it cannot be trusted."""
    db_path = paths.database(folder)
    if not db_path.is_file():
        return None
    try:
        with read_only.connect(db_path) as conn:
            return _read(conn)
    except (sqlite3.Error, ValueError, TypeError):
        return None


def started(folder: Path) -> Future[Glance | None]:
    """`read(folder)`, begun on a thread: SQLite lets go of the interpreter while it counts,
    so the program goes on loading Qt meanwhile."""
    return background.begun("glance", read, folder)


def _read(conn: sqlite3.Connection) -> Glance | None:
    conn.execute("BEGIN")  # one snapshot for every figure
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    station = conn.execute("SELECT code, name FROM station").fetchall()
    if revision != (HEAD,) or len(station) != 1:
        return None
    code, name = station[0]
    (on_duty,) = conn.execute(_ON_DUTY, (code,)).fetchone()
    (unsynced,) = conn.execute(_UNSYNCED, (AUDIT_KIND,)).fetchone()
    last = conn.execute(_LAST_SYNC, (LAST_SUCCESS,)).fetchone()
    figures = HeaderFigures(
        station_name=str(name),
        on_duty=int(on_duty),
        unsynced=int(unsynced),
        last_sync=None if last is None else str(last[0]),
    )
    signers = [Signer(*map(str, row)) for row in conn.execute(_SIGNERS)]
    return Glance(figures, signers)
