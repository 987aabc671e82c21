"""Table models of the volunteer desk: roster search results and the day's hours per person."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy.orm import Session

from station import clock
from station.errors import StationError
from station.models import Volunteer
from station.services import roster, shifts
from station.services.search import MAX_QUERY_LENGTH
from station.services.shifts import VolunteerHours
from ui.tables import PAGE, Column, LazyTableModel
from ui.worker import Worker


def hours_text(hours: float) -> str:
    return f"{hours:.1f}"


def find_page(session: Session, text: str, offset: int, limit: int) -> list[Volunteer]:
    """One page of active volunteers matching `text` (the roster service pages by limit only)."""
    upto = min(offset + limit, roster.FIND_LIMIT_MAX)
    if offset >= upto:
        return []
    try:
        return roster.find(session, text=text, limit=upto)[offset:]
    except StationError:
        # Text the core will not search for (control characters) finds nobody.
        return []


class RosterModel(LazyTableModel[Volunteer]):
    """Volunteers whose name, badge, phone or team contain the search text, by name."""

    def __init__(self, worker: Worker, page: int = PAGE) -> None:
        super().__init__(
            worker,
            [
                Column(header=lambda: self.tr("Name"), value=lambda v: v.name),
                Column(header=lambda: self.tr("Badge"), value=lambda v: v.badge_code),
                Column(header=lambda: self.tr("Now"), value=self._status),
            ],
            fetch=lambda s, offset, limit: find_page(s, self.text, offset, limit),
            page=page,
        )
        self.text = ""
        # volunteer id -> name of the post where they are on duty now
        self.on_duty: dict[str, str] = {}

    def search(self, text: str) -> None:
        self.text = text.strip()[:MAX_QUERY_LENGTH]
        self.reload()

    def set_on_duty(self, on_duty: Mapping[str, str]) -> None:
        self.on_duty = dict(on_duty)
        self.retranslate()

    def _status(self, volunteer: Volunteer) -> str:
        post = self.on_duty.get(volunteer.id)
        return "" if post is None else self.tr("On duty: {post}").format(post=post)


class HoursModel(LazyTableModel[VolunteerHours]):
    """Hours per volunteer of one local day (today unless told), by name."""

    def __init__(self, worker: Worker) -> None:
        super().__init__(
            worker,
            [
                Column(header=lambda: self.tr("Name"), value=lambda h: h.name),
                Column(header=lambda: self.tr("Badge"), value=lambda h: h.badge_code),
                Column(header=lambda: self.tr("Shifts"), value=lambda h: h.shifts),
                Column(header=lambda: self.tr("Hours"), value=lambda h: hours_text(h.hours)),
            ],
            fetch=lambda s, offset, limit: shifts.day_hours(s, day=self.day)[
                offset : offset + limit
            ],
        )
        self.day: date = clock.local_today()

    def show_day(self, day: date) -> None:
        self.day = day
        self.reload()
