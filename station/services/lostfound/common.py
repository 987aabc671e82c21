"""Pieces every lost-and-found module uses: the unset marker, refs, volunteers, times, paging."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Final

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from station import clock, validation
from station.errors import NotFound, StateError
from station.models import ItemReturn, SyncRecord, Volunteer


class Unset(enum.Enum):
    """Marks an update argument that was not given, so None can mean "clear it"."""

    UNSET = "UNSET"


UNSET: Final = Unset.UNSET

# Longest reference (UUID or number) worth looking up; anything longer cannot match.
MAX_REF_LENGTH = 64
MAX_LIMIT = 10_000


def ref_text(field: str, ref: object) -> str:
    return validation.required_text(field, ref, max_len=MAX_REF_LENGTH)


def ensure_own(record: SyncRecord, field: str, station_code: str) -> None:
    """Rows of other stations arrive by sync and are read-only here: each station writes its own."""
    if record.station_code != station_code:
        raise StateError("not_own_record", field, owner=record.station_code)


def volunteer_id(session: Session, field: str, ref: object) -> str | None:
    """The id of an active volunteer named by id or badge code; None when not given."""
    if isinstance(ref, Volunteer):
        ref = ref.id
    # A barcode scanner ends the badge with Enter.
    raw = ref.strip("\r\n\t ") if isinstance(ref, str) else ref
    clean = validation.text(field, raw, required=False, max_len=MAX_REF_LENGTH)
    if clean is None:
        return None
    found = session.scalars(
        select(Volunteer).where(
            Volunteer.deleted_at.is_(None),
            or_(Volunteer.id == clean.lower(), Volunteer.badge_code == clean.upper()),
        )
    ).first()
    if found is None:
        raise NotFound("not_found", field, value=clean)
    if not found.active:
        raise StateError("volunteer_inactive", field, name=found.name)
    return found.id


def paging(limit: object, offset: object) -> tuple[int | None, int]:
    clean_limit = (
        None if limit is None else validation.integer("limit", limit, low=1, high=MAX_LIMIT)
    )
    clean_offset = validation.integer("offset", offset, low=0, high=2**31)
    return clean_limit, clean_offset


def local_text(when: datetime) -> str:
    """A moment as the desk reads it: local date and minute."""
    return when.astimezone(clock.LOCAL_TZ).strftime("%Y-%m-%d %H:%M")


def returned_when(session: Session, found_item_id: str) -> str:
    """When an item went back to its owner, for the "already returned" message."""
    returned = session.scalars(
        select(ItemReturn.returned_at).where(
            ItemReturn.found_item_id == found_item_id, ItemReturn.deleted_at.is_(None)
        )
    ).first()
    return "?" if returned is None else local_text(returned)
