"""Counts of what the station holds, for `stats` and the header of the app."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.models import FoundItem, Inquiry, ItemReturn, LostReport, Shift, SyncRecord, Volunteer
from station.services import station as station_service
from station.sync.outbox import pending_count

# stats key -> kind; the roster counts every volunteer, the rest only this station's records
COUNTED: dict[str, type[SyncRecord]] = {
    "volunteers": Volunteer,
    "inquiries": Inquiry,
    "shifts": Shift,
    "found_items": FoundItem,
    "lost_reports": LostReport,
    "returns": ItemReturn,
}


def counts(session: Session) -> dict[str, int]:
    """Live (not deleted) records per kind, and `unsynced`: records with unpushed changes."""
    own = station_service.code(session)
    result: dict[str, int] = {}
    for key, model in COUNTED.items():
        query = select(func.count()).select_from(model).where(model.deleted_at.is_(None))
        if model is not Volunteer:
            query = query.where(model.station_code == own)
        result[key] = session.scalar(query) or 0
    result["unsynced"] = pending_count(session)
    return result
