"""Human-facing numbers made offline: station code, local date and a per-day sequence.

One sequence per station and day serves every kind (tickets, items, reports, hand-overs), so a
number printed on any slip names exactly one record of the station: `YF01-20261130-0042`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import bindparam, insert, update
from sqlalchemy.orm import Session

from station import clock
from station.models import NumberCounter

# Core statements on the session's connection: one UPDATE … RETURNING when the day has a
# counter, where the ORM spent a SELECT, an object and an UPDATE at flush (issue 8). Nothing
# loads counters as objects, so no identity map can hold a stale one.
_BUMP = (
    update(NumberCounter)
    .where(NumberCounter.day == bindparam("key"))
    .values(last=NumberCounter.last + 1)
    .returning(NumberCounter.last)
)
_FIRST = insert(NumberCounter).values(day=bindparam("key"), last=1)


def next_number(session: Session, station_code: str, day: date | None = None) -> str:
    """Reserve the next number for `day` (local) inside the caller's transaction."""
    day = day or clock.local_today()
    key = day.strftime("%Y%m%d")
    connection = session.connection()
    last = connection.execute(_BUMP, {"key": key}).scalar()
    if last is None:
        connection.execute(_FIRST, {"key": key})
        last = 1
    return f"{station_code}-{key}-{last:04d}"
