"""Records as plain dicts for `list` and exports: codes, labels, local times, masked contacts
and claimants' names."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from station import clock
from station.models import FoundItem, Inquiry, ItemReturn, LostReport, Shift, Volunteer
from station.privacy import mask_name, mask_phone
from station.vocab import (
    FOUND_ITEM_STATUSES,
    ID_TYPES,
    INQUIRY_CATEGORIES,
    INQUIRY_STATUSES,
    ITEM_CATEGORIES,
    LOST_REPORT_STATUSES,
    label,
)

Row = dict[str, Any]


def local_time(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone(clock.LOCAL_TZ).strftime("%Y-%m-%d %H:%M")


def volunteer_row(v: Volunteer, lang: str) -> Row:
    return {
        "id": v.id,
        "badge_code": v.badge_code,
        "name": v.name,
        "team": v.team or "",
        "phone": mask_phone(v.phone),
        "party_member": v.is_party_member,
        "home_station": v.home_station,
        "active": v.active,
    }


def inquiry_row(i: Inquiry, lang: str) -> Row:
    return {
        "id": i.id,
        "ticket_no": i.ticket_no,
        "created_at": local_time(i.created_at),
        "category": i.category,
        "category_label": label(INQUIRY_CATEGORIES, i.category, lang),
        "status": i.status,
        "status_label": label(INQUIRY_STATUSES, i.status, lang),
        "question": i.question,
        "answer": i.answer or "",
        "handled_by": i.handler.name if i.handler else "",
        "post": i.post.name if i.post else "",
        "visitor_phone": mask_phone(i.visitor_phone),
        "referral_unit": i.referral_unit or "",
        "escalation_level": i.escalation_level,
        "closed_at": local_time(i.closed_at),
        "resolve_seconds": i.resolve_seconds,
    }


def shift_row(s: Shift, lang: str) -> Row:
    return {
        "id": s.id,
        "badge_code": s.volunteer.badge_code,
        "volunteer": s.volunteer.name,
        "post": s.post.name,
        "check_in_at": local_time(s.check_in_at),
        "check_out_at": local_time(s.check_out_at),
        "hours": s.hours,
        "auto_closed": s.auto_closed,
    }


def found_item_row(f: FoundItem, lang: str) -> Row:
    return {
        "id": f.id,
        "item_no": f.item_no,
        "station": f.station_code,
        "category": f.category,
        "category_label": label(ITEM_CATEGORIES, f.category, lang),
        "description": f.description,
        "colour": f.colour or "",
        "found_place": f.found_place,
        "found_at": local_time(f.found_at),
        "storage_place": f.storage_place or "",
        "status": f.status,
        "status_label": label(FOUND_ITEM_STATUSES, f.status, lang),
    }


def lost_report_row(r: LostReport, lang: str) -> Row:
    return {
        "id": r.id,
        "report_no": r.report_no,
        "station": r.station_code,
        "category": r.category,
        "category_label": label(ITEM_CATEGORIES, r.category, lang),
        "description": r.description,
        "colour": r.colour or "",
        "lost_place": r.lost_place,
        "lost_at": local_time(r.lost_at),
        "contact_phone": mask_phone(r.contact_phone),
        "status": r.status,
        "status_label": label(LOST_REPORT_STATUSES, r.status, lang),
    }


def return_row(r: ItemReturn, lang: str) -> Row:
    return {
        "id": r.id,
        "item_no": r.found_item.item_no,
        "description": r.found_item.description,
        "claimant_name": mask_name(r.claimant_name),
        "id_type": label(ID_TYPES, r.id_type, lang),
        "id_last4": r.id_last4,
        "returned_at": local_time(r.returned_at),
        "handed_over_by": r.handler.name if r.handler else "",
    }


ROW_MAKERS: dict[str, Callable[[Any, str], Row]] = {
    "volunteers": volunteer_row,
    "inquiries": inquiry_row,
    "shifts": shift_row,
    "found_items": found_item_row,
    "lost_reports": lost_report_row,
    "returns": return_row,
}

# Columns the plain-text listing shows, per kind.
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    "volunteers": ("badge_code", "name", "team", "phone", "home_station"),
    "inquiries": ("ticket_no", "created_at", "category_label", "status_label", "question"),
    "shifts": ("check_in_at", "check_out_at", "hours", "badge_code", "volunteer", "post"),
    "found_items": ("item_no", "found_at", "category_label", "description", "status_label"),
    "lost_reports": ("report_no", "lost_at", "category_label", "description", "status_label"),
    "returns": ("item_no", "returned_at", "description", "claimant_name", "handed_over_by"),
}
