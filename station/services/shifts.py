"""Shifts at posts (签到/签退): check-in and check-out, the day's hours, and the day close."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from station import access, clock, validation
from station.errors import InvalidInput, NotFound, StateError
from station.models import Shift, Volunteer
from station.services import records, roster
from station.services import station as station_service
from station.services.records import UNSET
from station.services.roster import open_shift


@dataclass(frozen=True)
class VolunteerHours:
    """One volunteer's shifts and hours on one local day."""

    volunteer_id: str
    name: str
    badge_code: str
    shifts: int
    hours: float


def _time(field: str, value: object) -> datetime:
    """A person-given time, not in the future, as aware UTC (what the store hands back)."""
    return validation.moment(field, value)


def _own_shifts(session: Session) -> Select[Shift]:
    code = station_service.code(session)
    return select(Shift).where(Shift.station_code == code, Shift.deleted_at.is_(None))


def check_in(session: Session, *, volunteer: object, post: object, at: object = None) -> Shift:
    """Start a shift at one of this station's posts; `at` defaults to now."""
    code = station_service.code(session)
    person = roster.get(session, volunteer)
    place = station_service.post(session, post)
    start = _time("check_in_at", clock.now() if at is None else at)
    if not person.active:
        raise StateError("volunteer_inactive", "volunteer", name=person.name)
    current = open_shift(session, person.id)
    if current is not None:
        raise StateError(
            "already_checked_in",
            "volunteer",
            name=person.name,
            post=current.post.name,
            since=records.local_text(current.check_in_at),
        )
    # Relationships set directly, so the returned shift still knows its volunteer and post
    # after the session is gone.
    shift = Shift(
        station_code=code,
        volunteer=person,
        post=place,
        check_in_at=start,
        auto_closed=False,
    )
    session.add(shift)
    session.flush()
    return shift


def check_in_by_badge(session: Session, *, badge: object, post: object) -> Shift:
    """Check in from a badge scan, as the scanner types it (lower case, trailing Enter)."""
    code = validation.badge_code(badge)
    person = session.scalars(
        select(Volunteer).where(Volunteer.badge_code == code, Volunteer.deleted_at.is_(None))
    ).first()
    if person is None:
        raise NotFound("not_found", "badge_code", value=code)
    return check_in(session, volunteer=person.id, post=post)


def check_out(session: Session, *, volunteer: object, at: object = None) -> Shift:
    """End the volunteer's open shift; `at` defaults to now and cannot precede the check-in."""
    person = roster.get(session, volunteer)
    end = _time("check_out_at", clock.now() if at is None else at)
    shift = open_shift(session, person.id)
    if shift is None:
        raise StateError("not_checked_in", "volunteer", name=person.name)
    records.require_own(session, shift)
    if end < shift.check_in_at:
        raise InvalidInput("end_before_start", "check_out_at")
    shift.check_out_at = end
    session.flush()
    return shift


def on_duty(session: Session) -> list[Shift]:
    """Open shifts of this station, oldest first."""
    statement = _own_shifts(session).where(Shift.check_out_at.is_(None))
    return list(session.scalars(statement.order_by(Shift.check_in_at, Shift.pk)))


def shifts(
    session: Session,
    *,
    day: object = None,
    volunteer: object = None,
    limit: object = None,
    offset: object = 0,
) -> list[Shift]:
    """This station's shifts, newest first, optionally of one local day or one volunteer."""
    statement = _own_shifts(session)
    if day is not None:
        start, end = clock.day_bounds(validation.day("day", day))
        statement = statement.where(Shift.check_in_at >= start, Shift.check_in_at < end)
    if volunteer is not None:
        statement = statement.where(Shift.volunteer_id == roster.get(session, volunteer).id)
    clean_limit, clean_offset = records.paging(limit, offset)
    statement = statement.order_by(Shift.check_in_at.desc(), Shift.pk.desc())
    return list(session.scalars(statement.offset(clean_offset).limit(clean_limit)))


def day_hours(session: Session, *, day: object) -> list[VolunteerHours]:
    """Hours per volunteer of the shifts checked in on `day` (local), by name.

    Open shifts count up to now, so the figures of today grow while people are on duty.
    """
    start, end = clock.day_bounds(validation.day("day", day))
    statement = _own_shifts(session).where(Shift.check_in_at >= start, Shift.check_in_at < end)
    now = clock.now()
    totals: dict[str, tuple[Volunteer, int, timedelta]] = {}
    for shift in session.scalars(statement):
        finish = shift.check_out_at if shift.check_out_at is not None else now
        worked = max(finish - shift.check_in_at, timedelta(0))
        person, count, seconds = totals.get(shift.volunteer_id, (shift.volunteer, 0, timedelta(0)))
        totals[shift.volunteer_id] = (person, count + 1, seconds + worked)
    rows = [
        VolunteerHours(
            volunteer_id=person.id,
            name=person.name,
            badge_code=person.badge_code,
            shifts=count,
            # Rounded once from the total, so the day's figure is not a sum of rounded parts.
            hours=round(worked.total_seconds() / 3600, 2),
        )
        for person, count, worked in totals.values()
    ]
    return sorted(rows, key=lambda row: (row.name, row.badge_code))


def close_day(session: Session, *, day: object = None) -> list[Shift]:
    """Close this station's shifts still open that began on or before `day` (default today).

    Each ends at the end of its own check-in day, or now if that is sooner, and is flagged
    `auto_closed` for the lead to review.
    """
    target = clock.local_today() if day is None else validation.day("day", day)
    _, end = clock.day_bounds(target)
    statement = _own_shifts(session).where(Shift.check_out_at.is_(None), Shift.check_in_at < end)
    closed = list(session.scalars(statement.order_by(Shift.check_in_at, Shift.pk)))
    now = clock.now()
    for shift in closed:
        _, its_day_end = clock.day_bounds(clock.local_date(shift.check_in_at))
        # A check-in within the clock slack can lie just after now; never end before start.
        shift.check_out_at = max(shift.check_in_at, min(now, its_day_end))
        shift.auto_closed = True
    if closed:
        session.flush()
    return closed


def correct_shift(
    session: Session,
    shift_id: object,
    *,
    check_in_at: object = UNSET,
    check_out_at: object = UNSET,
) -> Shift:
    """The lead's correction of a shift's times; it also marks an auto-closed shift reviewed."""
    access.require_lead(session, "correct")
    clean_id = records.ref_text("shift", shift_id)
    shift = session.scalars(
        select(Shift).where(Shift.id == clean_id, Shift.deleted_at.is_(None))
    ).first()
    if shift is None:
        raise NotFound("not_found", "shift", value=clean_id)
    records.require_own(session, shift)
    start = shift.check_in_at if check_in_at is UNSET else _time("check_in_at", check_in_at)
    # No None here: reopening a shift could collide with the volunteer's newer open one.
    end = shift.check_out_at if check_out_at is UNSET else _time("check_out_at", check_out_at)
    if end is not None and end < start:
        raise InvalidInput("end_before_start", "check_out_at")
    if shift.check_in_at != start:
        shift.check_in_at = start
    if shift.check_out_at != end:
        shift.check_out_at = end
    if shift.auto_closed:
        shift.auto_closed = False
    session.flush()
    return shift


def count_shifts(session: Session) -> int:
    """This station's shifts, removed ones excluded."""
    return records.count_own(session, Shift)
