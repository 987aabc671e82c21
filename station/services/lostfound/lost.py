"""Lost reports (失物登记): register, look up, correct, tombstone, search and count."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from station import access, clock, validation
from station.errors import StateError
from station.models import LostReport
from station.numbering import next_number
from station.services import records
from station.services import station as station_service
from station.services.lostfound import common
from station.services.records import UNSET
from station.vocab import LOST_REPORT_STATUSES


def _lost_place(value: object) -> str:
    return validation.required_text("lost_place", value, max_len=60)


def _lost_at(value: object) -> datetime:
    return validation.moment("lost_at", value)


def _contact_name(value: object) -> str:
    return validation.required_text("contact_name", value, max_len=40)


def _contact_phone(value: object) -> str:
    clean = validation.phone("contact_phone", value, required=True)
    assert clean is not None
    return clean


_CLEANERS: dict[str, Callable[[object], object]] = {
    "category": common.item_category,
    "description": common.item_description,
    "colour": common.item_colour,
    "lost_place": _lost_place,
    "lost_at": _lost_at,
    "contact_name": _contact_name,
    "contact_phone": _contact_phone,
}


def resolve(session: Session, ref: object, field: str = "lost_report") -> LostReport:
    """A lost report of any station, not deleted, by id, report number or the object itself."""
    return common.resolve(session, LostReport, LostReport.report_no, ref, field)


def ensure_open(report: LostReport, field: str) -> None:
    if report.status != "open":
        raise StateError("report_closed", field, report=report.report_no)


def _editable(session: Session, ref: object) -> LostReport:
    """A report this station may change: its own, and still open."""
    # A kiosk not set up yet says so before it looks at the ref.
    station_service.code(session)
    report = resolve(session, ref)
    records.require_own(session, report, "lost_report")
    ensure_open(report, "lost_report")
    return report


def register_lost(
    session: Session,
    *,
    category: object,
    description: object,
    lost_place: object,
    lost_at: object,
    contact_name: object,
    contact_phone: object,
    colour: object = None,
    registered_by: object = None,
) -> LostReport:
    """Register a visitor's report of something lost; a contact name and phone are required."""
    code = station_service.code(session)
    clean_category = common.item_category(category)
    clean_description = common.item_description(description)
    clean_colour = common.item_colour(colour)
    clean_place = _lost_place(lost_place)
    clean_lost_at = _lost_at(lost_at)
    clean_name = _contact_name(contact_name)
    clean_phone = _contact_phone(contact_phone)
    volunteer = common.volunteer_id(
        session, "registered_by", records.or_acting(session, registered_by)
    )

    report = LostReport(
        station_code=code,
        report_no=next_number(session, code),
        category=clean_category,
        description=clean_description,
        colour=clean_colour,
        lost_place=clean_place,
        lost_at=clean_lost_at,
        contact_name=clean_name,
        contact_phone=clean_phone,
        status="open",
        registered_by=volunteer,
    )
    session.add(report)
    session.flush()
    return report


def get_lost(session: Session, ref: object) -> LostReport:
    """A lost report of any station by id or report number."""
    return resolve(session, ref)


def update_lost(
    session: Session,
    ref: object,
    *,
    category: object = UNSET,
    description: object = UNSET,
    colour: object = UNSET,
    lost_place: object = UNSET,
    lost_at: object = UNSET,
    contact_name: object = UNSET,
    contact_phone: object = UNSET,
) -> LostReport:
    """Correct an open report of this station."""
    report = _editable(session, ref)
    records.require_lead_for_past(session, report)
    given = {
        "category": category,
        "description": description,
        "colour": colour,
        "lost_place": lost_place,
        "lost_at": lost_at,
        "contact_name": contact_name,
        "contact_phone": contact_phone,
    }
    changes = {name: _CLEANERS[name](value) for name, value in given.items() if value is not UNSET}
    records.apply_changes(report, changes)
    session.flush()
    return report


def delete_lost(session: Session, ref: object) -> LostReport:
    """Tombstone an open report of this station (records are never removed).

    The tombstone travels to central, so the owner's name and phone are dropped from it.
    Only a lead deletes.
    """
    access.require_lead(session, "correct")
    report = _editable(session, ref)
    report.deleted_at = clock.now()
    report.contact_name = ""
    report.contact_phone = ""
    session.flush()
    return report


def find_lost(
    session: Session,
    *,
    text: object = None,
    status: object = None,
    category: object = None,
    limit: object = None,
    offset: object = 0,
    include_other_stations: bool = True,
) -> list[LostReport]:
    """Lost reports matching every filter given, newest loss first."""
    query = common.listed(
        session,
        select(LostReport),
        LostReport,
        LostReport.lost_at,
        LOST_REPORT_STATUSES,
        text=text,
        status=status,
        category=category,
        limit=limit,
        offset=offset,
        include_other_stations=include_other_stations,
    )
    return list(session.scalars(query))


def count_lost(session: Session) -> int:
    """Lost reports of this station that are not deleted, open or closed."""
    return records.count_own(session, LostReport)
