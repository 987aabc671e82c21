"""Today at a glance (今日概况): the figures the Today screen shows, from the desks' records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from station import clock
from station.models import FoundItem, Inquiry, ItemReturn, LostReport
from station.services import lostfound, shifts
from station.services import station as station_service
from station.services.records import count_own
from station.vocab import INQUIRY_STATUSES


@dataclass(frozen=True)
class DayFigures:
    day: date
    inquiries_by_status: dict[str, int]  # every status code, zero included
    on_duty: int
    volunteers_served: int
    hours_served: float
    found_registered: int
    lost_registered: int
    returned: int
    due_for_handover: int

    @property
    def inquiries(self) -> int:
        return sum(self.inquiries_by_status.values())


def _on_day(column: InstrumentedAttribute[datetime], day: date) -> ColumnElement[bool]:
    start, end = clock.day_bounds(day)
    return and_(column >= start, column < end)


def day_figures(session: Session, day: date | None = None) -> DayFigures:
    """The station's figures for a local day (default today)."""
    day = day or clock.local_today()
    own = station_service.code(session)
    by_status = dict.fromkeys(INQUIRY_STATUSES, 0)
    rows = session.execute(
        select(Inquiry.status, func.count())
        .where(
            Inquiry.station_code == own,
            Inquiry.deleted_at.is_(None),
            _on_day(Inquiry.created_at, day),
        )
        .group_by(Inquiry.status)
    )
    for status, count in rows:
        by_status[status] = count
    hours = shifts.day_hours(session, day=day)
    return DayFigures(
        day=day,
        inquiries_by_status=by_status,
        on_duty=len(shifts.on_duty(session)),
        volunteers_served=len(hours),
        hours_served=round(sum(h.hours for h in hours), 2),
        found_registered=count_own(session, FoundItem, _on_day(FoundItem.created_at, day)),
        lost_registered=count_own(session, LostReport, _on_day(LostReport.created_at, day)),
        returned=count_own(session, ItemReturn, _on_day(ItemReturn.returned_at, day)),
        due_for_handover=len(lostfound.due_for_handover(session, on=day)),
    )
