"""Everything the kiosk stores about one phone number: find it, export it, erase it.

A visitor may ask what the station knows about them and to have it removed (PIPL). Records
are matched on the normalised number (as every desk stores it); a return counts as theirs
when it settled their lost report. The values are unmasked: this is for the station lead
only, and the PIN check that comes with sign-in is to wrap these functions (the CLI acts as
the lead). Erasure follows the retention rules (`retention.erase_*`), on this station's own
records; the audit trail records each change redacted and the events without the number.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station import access, audit, clock, validation
from station.errors import InvalidInput
from station.models import FoundItem, Inquiry, ItemReturn, LostReport, SyncRecord, Volunteer
from station.services import retention
from station.services import station as station_service
from station.sync.codec import iso

Found = dict[str, Any]


def normalised(phone: object) -> str:
    """The number as the desks store it; InvalidInput("bad_phone") for anything else."""
    clean = validation.phone("phone", phone, required=True)
    assert clean is not None
    return clean


def _matches(session: Session, phone: str) -> list[SyncRecord]:
    found: list[SyncRecord] = []
    found += session.scalars(
        select(Inquiry).where(Inquiry.visitor_phone == phone).order_by(Inquiry.pk)
    )
    reports = list(
        session.scalars(
            select(LostReport).where(LostReport.contact_phone == phone).order_by(LostReport.pk)
        )
    )
    found += reports
    found += session.scalars(
        select(ItemReturn)
        .where(ItemReturn.lost_report_id.in_([r.id for r in reports]))
        .order_by(ItemReturn.pk)
    )
    found += session.scalars(
        select(FoundItem).where(FoundItem.finder_phone == phone).order_by(FoundItem.pk)
    )
    found += session.scalars(
        select(Volunteer).where(Volunteer.phone == phone).order_by(Volunteer.pk)
    )
    return found


def _describe(record: SyncRecord) -> tuple[str, dict[str, Any]]:
    """(number, fields) of one record: its personal fields and what it was about."""
    if isinstance(record, Inquiry):
        return record.ticket_no, {
            "visitor_name": record.visitor_name,
            "visitor_phone": record.visitor_phone,
            "category": record.category,
            "question": record.question,
            "answer": record.answer,
            "status": record.status,
        }
    if isinstance(record, LostReport):
        return record.report_no, {
            "contact_name": record.contact_name,
            "contact_phone": record.contact_phone,
            "category": record.category,
            "description": record.description,
            "lost_place": record.lost_place,
            "status": record.status,
        }
    if isinstance(record, ItemReturn):
        return record.found_item.item_no, {
            "claimant_name": record.claimant_name,
            "id_type": record.id_type,
            "id_last4": record.id_last4,
            "signature_file": record.signature_file,
            "description": record.found_item.description,
        }
    if isinstance(record, FoundItem):
        return record.item_no, {
            "finder_name": record.finder_name,
            "finder_phone": record.finder_phone,
            "category": record.category,
            "description": record.description,
            "found_place": record.found_place,
            "status": record.status,
        }
    assert isinstance(record, Volunteer)
    return record.badge_code, {
        "name": record.name,
        "phone": record.phone,
        "team": record.team,
        "active": record.active,
    }


def _plain(record: SyncRecord) -> Found:
    number, fields = _describe(record)
    return {
        "kind": record.kind,
        "id": record.id,
        "number": number,
        "date": iso(record.created_at),
        "station": record.station_code,
        "deleted": record.deleted_at is not None,
        "fields": fields,
    }


def find(session: Session, phone: object) -> list[Found]:
    """Every record holding this phone number (or settling a lost report that does), as
    plain dicts: kind, id, number, date (ISO UTC), station, deleted, fields (unmasked)."""
    access.require_lead(session, "personal")
    return [_plain(record) for record in _matches(session, normalised(phone))]


def export(session: Session, phone: object, out: os.PathLike[str] | str) -> list[Found]:
    """Write `find`'s records as one JSON file, readable by its owner only; returns them."""
    access.require_lead(session, "export")
    number = normalised(phone)
    found = find(session, number)
    document = {"phone": number, "exported_at": iso(clock.now()), "records": found}
    path = Path(out)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1)
    except OSError as exc:
        raise InvalidInput("cannot_write", "out", path=path, reason=exc.strerror) from exc
    audit.record(session, "export", {"what": "personal", "records": len(found)})
    return found


def erase(session: Session, phone: object) -> retention.Counts:
    """Erase the personal fields of this station's records holding the number.

    Other stations' records are left to them (a station only writes its own rows); they
    reach a kiosk without personal fields anyway. Erasing twice changes nothing more.
    """
    access.require_lead(session, "personal")
    own = station_service.code(session)
    records = [r for r in _matches(session, normalised(phone)) if r.station_code == own]
    counts = _erase(session, records)
    if counts.total:
        audit.record(session, "erase", {"what": "personal", **counts.as_dict()})
    session.flush()
    return counts


def _erase(session: Session, records: Sequence[SyncRecord]) -> retention.Counts:
    tally = dict.fromkeys(retention.Counts().as_dict(), 0)
    for record in records:
        if isinstance(record, Inquiry):
            changed = retention.erase_inquiry(record)
        elif isinstance(record, LostReport):
            changed = retention.erase_lost_report(record)
        elif isinstance(record, FoundItem):
            changed = retention.erase_found_item(record)
        elif isinstance(record, Volunteer):
            changed = retention.erase_volunteer(record)
        else:
            assert isinstance(record, ItemReturn)
            changed, signature = retention.erase_return(session, record)
            tally["signatures"] += signature
        tally[record.kind] += changed
    return retention.Counts(**tally)
