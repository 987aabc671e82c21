"""Handing a found item back to its owner (认领归还), and the record of returns."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from station import clock, validation
from station.models import ItemReturn
from station.services import records
from station.services import station as station_service
from station.services.lostfound import common, files, found, lost
from station.vocab import ID_TYPES, code_of


def return_item(
    session: Session,
    *,
    item: object,
    claimant_name: object,
    id_type: object,
    id_last4: object,
    lost_report: object = None,
    signature_png: bytes | None = None,
    handed_over_by: object = None,
) -> ItemReturn:
    """Give a held item of this station back to its owner and close the linked lost report.

    A linked report of another station is recorded on the return but left for its own
    station to close: a station only writes its own rows.
    """
    code = station_service.code(session)
    found_item = found.resolve(session, item, field="item")
    records.require_own(session, found_item, "item")
    found.ensure_held(session, found_item, "item")
    report = None
    if lost_report is not None:
        report = lost.resolve(session, lost_report)
        lost.ensure_open(report, "lost_report")
    name = validation.required_text("claimant_name", claimant_name, max_len=40)
    clean_id_type = code_of("id_type", id_type, ID_TYPES)
    clean_last4 = validation.id_last4(id_last4)
    signature = files.check_signature(signature_png)
    handler = common.volunteer_id(
        session, "handed_over_by", records.or_acting(session, handed_over_by)
    )

    now = clock.now()
    record = ItemReturn(
        station_code=code,
        found_item_id=found_item.id,
        lost_report_id=None if report is None else report.id,
        claimant_name=name,
        id_type=clean_id_type,
        id_last4=clean_last4,
        signature_file=None if signature is None else files.store_signature(session, signature),
        handed_over_by=handler,
        returned_at=now,
    )
    session.add(record)
    found_item.status = "returned"
    if report is not None and report.station_code == code:
        report.status = "closed"
        report.closed_at = now
    session.flush()
    return record


def find_returns(session: Session, *, limit: object = None, offset: object = 0) -> list[ItemReturn]:
    """Returns on record, newest first."""
    clean_limit, clean_offset = records.paging(limit, offset)
    query = (
        select(ItemReturn)
        .where(ItemReturn.deleted_at.is_(None))
        .order_by(ItemReturn.returned_at.desc(), ItemReturn.pk.desc())
        .offset(clean_offset)
        .limit(clean_limit)
    )
    return list(session.scalars(query))


def count_returns(session: Session) -> int:
    """Returns made by this station, not deleted."""
    return records.count_own(session, ItemReturn)
