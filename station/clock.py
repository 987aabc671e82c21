"""The one source of "now" for the core, so demo data and tests can place records in the past."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime, time, timedelta, timezone

# Stations are in China, which has one time zone and no daylight saving; a fixed offset
# avoids depending on a tz database that Windows does not ship.
LOCAL_TZ = timezone(timedelta(hours=8), "CST")

_frozen: ContextVar[datetime | None] = ContextVar("frozen_now", default=None)


def now() -> datetime:
    """The current moment as an aware UTC datetime."""
    frozen = _frozen.get()
    return frozen if frozen is not None else datetime.now(UTC)


@contextmanager
def frozen_at(moment: datetime) -> Iterator[None]:
    """Make `now()` return `moment` (aware) inside the block."""
    if moment.tzinfo is None:
        raise ValueError("frozen_at needs an aware datetime")
    token = _frozen.set(moment.astimezone(UTC))
    try:
        yield
    finally:
        _frozen.reset(token)


def local_today() -> date:
    return now().astimezone(LOCAL_TZ).date()


def local_date(moment: datetime) -> date:
    return moment.astimezone(LOCAL_TZ).date()


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The UTC start (inclusive) and end (exclusive) of a local calendar day."""
    start = datetime.combine(day, time.min, LOCAL_TZ).astimezone(UTC)
    return start, start + timedelta(days=1)
