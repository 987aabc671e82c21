"""The span a report covers: one local day, one calendar month, or any run of days."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from station import clock, validation
from station.errors import InvalidInput

_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
# A statement or an export may span a year at most: enough for any office, and a typo such
# as 2062 for 2026 is refused instead of scanning decades.
MAX_DAYS = 366


@dataclass(frozen=True)
class Period:
    """Local calendar days `first` … `last`, both included."""

    first: date
    last: date

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def bounds(self) -> tuple[datetime, datetime]:
        """UTC start (inclusive) and end (exclusive)."""
        return clock.day_bounds(self.first)[0], clock.day_bounds(self.last)[1]

    @property
    def label(self) -> str:
        if self.first == self.last:
            return self.first.isoformat()
        if self.first.day == 1 and self == month_of(self.first):
            return f"{self.first:%Y-%m}"
        return f"{self.first.isoformat()} – {self.last.isoformat()}"


def parse_day(field: str, value: object) -> date:
    """A day typed as YYYY-MM-DD, or a date."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise InvalidInput("not_date", field) from None
    return validation.day(field, value)


def day(value: object) -> Period:
    one = parse_day("date", value)
    return Period(one, one)


def month_of(one: date) -> Period:
    first = one.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return Period(first, following - timedelta(days=1))


def month(value: object) -> Period:
    """A month typed as YYYY-MM."""
    found = _MONTH.fullmatch(value.strip()) if isinstance(value, str) else None
    if found is None or not 1 <= int(found[2]) <= 12:
        raise InvalidInput("not_month", "month")
    return month_of(validation.day("month", date(int(found[1]), int(found[2]), 1)))


def span(first: object, last: object) -> Period:
    """Days `first` … `last` (YYYY-MM-DD), in order, a year at most."""
    start, end = parse_day("from", first), parse_day("to", last)
    if end < start:
        raise InvalidInput("end_before_start", "to")
    if (end - start).days >= MAX_DAYS:
        raise InvalidInput("span_too_long", "to", max=MAX_DAYS)
    return Period(start, end)
