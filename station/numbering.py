"""Human-facing numbers made offline: station code, local date and a per-day sequence.

One sequence per station and day serves every kind (tickets, items, reports, hand-overs), so a
number printed on any slip names exactly one record of the station: `YF01-20261130-0042`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from station import clock
from station.models import NumberCounter


def next_number(session: Session, station_code: str, day: date | None = None) -> str:
    """Reserve the next number for `day` (local) inside the caller's transaction."""
    day = day or clock.local_today()
    key = day.strftime("%Y%m%d")
    counter = session.scalars(select(NumberCounter).where(NumberCounter.day == key)).first()
    if counter is None:
        counter = NumberCounter(day=key, last=0)
        session.add(counter)
    counter.last += 1
    return f"{station_code}-{key}-{counter.last:04d}"
