"""Hand-over of unclaimed items to the police (移交公安) once their retention period is over."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from station import clock, validation
from station.errors import InvalidInput, StateError
from station.models import FoundItem, PoliceHandover, new_id
from station.numbering import next_number
from station.services import records
from station.services import station as station_service
from station.services.lostfound import common, found

MAX_ITEMS = 500


def due_date(item: FoundItem) -> date:
    """The local day from which an unclaimed item may go to the police."""
    return clock.local_date(item.found_at) + timedelta(days=item.retention_days)


def due_for_handover(session: Session, *, on: object = None) -> list[FoundItem]:
    """Held items of this station whose retention is over by `on` (local day), oldest first."""
    day = clock.local_today() if on is None else validation.day("on", on)
    code = station_service.code(session)
    # Every retention is at least a day, so nothing found on `day` itself can be due.
    _, end_of_day_before = clock.day_bounds(day - timedelta(days=1))
    query = (
        select(FoundItem)
        .where(
            FoundItem.station_code == code,
            FoundItem.deleted_at.is_(None),
            FoundItem.status == "held",
            FoundItem.found_at < end_of_day_before,
        )
        .order_by(FoundItem.found_at, FoundItem.pk)
    )
    return [item for item in session.scalars(query) if due_date(item) <= day]


def _items(session: Session, items: object) -> list[FoundItem]:
    """The named items, each this station's own, held and due today; repeats count once."""
    if isinstance(items, str | FoundItem) or not isinstance(items, list | tuple):
        raise InvalidInput("bad_choice", "items")
    if not items:
        raise InvalidInput("required", "items")
    if len(items) > MAX_ITEMS:
        raise InvalidInput("too_many", "items", max=MAX_ITEMS)
    today = clock.local_today()
    chosen: dict[str, FoundItem] = {}
    for ref in items:
        item = found.resolve(session, ref, field="items")
        records.require_own(session, item, "items")
        found.ensure_held(session, item, "items")
        due = due_date(item)
        if due > today:
            raise StateError("not_due_yet", "items", item=item.item_no, due=due.isoformat())
        chosen.setdefault(item.id, item)
    return list(chosen.values())


def hand_over(
    session: Session,
    *,
    items: list[str],
    police_unit: object,
    officer_name: object,
    handed_by: object = None,
) -> PoliceHandover:
    """Record the hand-over of due items (ids or item numbers) to a police unit."""
    code = station_service.code(session)
    chosen = _items(session, items)
    unit = validation.required_text("police_unit", police_unit, max_len=60)
    officer = validation.required_text("officer_name", officer_name, max_len=40)
    handler = common.volunteer_id(session, "handed_by", records.or_acting(session, handed_by))

    handover = PoliceHandover(
        id=new_id(),
        station_code=code,
        handover_no=next_number(session, code),
        police_unit=unit,
        officer_name=officer,
        handed_by=handler,
        handed_at=clock.now(),
    )
    session.add(handover)
    for item in chosen:
        item.status = "handed_over"
        item.handover = handover
    session.flush()
    return handover
