"""Found items (拾获物品): register, look up, correct, tombstone, search and count."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from station import access, clock, validation
from station.errors import InvalidInput, StateError
from station.models import FoundItem
from station.numbering import next_number
from station.services import records
from station.services import station as station_service
from station.services.lostfound import common, files
from station.services.records import UNSET
from station.vocab import FOUND_ITEM_STATUSES


def _found_place(value: object) -> str:
    return validation.required_text("found_place", value, max_len=60)


def _found_at(value: object) -> datetime:
    return validation.moment("found_at", value)


def _finder_name(value: object) -> str | None:
    return validation.text("finder_name", value, required=False, max_len=40)


def _finder_phone(value: object) -> str | None:
    return validation.phone("finder_phone", value)


def _storage_place(value: object) -> str | None:
    return validation.text("storage_place", value, required=False, max_len=60)


_CLEANERS: dict[str, Callable[[object], object]] = {
    "category": common.item_category,
    "description": common.item_description,
    "colour": common.item_colour,
    "found_place": _found_place,
    "found_at": _found_at,
    "finder_name": _finder_name,
    "finder_phone": _finder_phone,
    "storage_place": _storage_place,
}


def resolve(session: Session, ref: object, field: str = "found_item") -> FoundItem:
    """A found item of any station, not deleted, by id, item number or the object itself."""
    return common.resolve(session, FoundItem, FoundItem.item_no, ref, field)


def ensure_held(session: Session, item: FoundItem, field: str) -> None:
    if item.status == "returned":
        when = common.returned_when(session, item.id)
        raise StateError("already_returned", field, item=item.item_no, when=when)
    if item.status == "handed_over":
        raise StateError("already_handed_over", field, item=item.item_no)


def _editable(session: Session, ref: object) -> FoundItem:
    """An item this station may change: its own, and still held."""
    # A kiosk not set up yet says so before it looks at the ref.
    station_service.code(session)
    item = resolve(session, ref)
    records.require_own(session, item, "found_item")
    ensure_held(session, item, "found_item")
    return item


def register_found(
    session: Session,
    *,
    category: object,
    description: object,
    found_place: object,
    found_at: object,
    colour: object = None,
    finder_name: object = None,
    finder_phone: object = None,
    storage_place: object = None,
    photos: object = (),
    registered_by: object = None,
) -> FoundItem:
    """Register an item handed in at the desk; photos are file paths, copied into the store."""
    code = station_service.code(session)
    clean_category = common.item_category(category)
    clean_description = common.item_description(description)
    clean_colour = common.item_colour(colour)
    clean_place = _found_place(found_place)
    clean_found_at = _found_at(found_at)
    clean_finder = _finder_name(finder_name)
    clean_phone = _finder_phone(finder_phone)
    clean_storage = _storage_place(storage_place)
    checked = files.check_photos("photos", photos)
    volunteer = common.volunteer_id(
        session, "registered_by", records.or_acting(session, registered_by)
    )

    item = FoundItem(
        station_code=code,
        item_no=next_number(session, code),
        category=clean_category,
        description=clean_description,
        colour=clean_colour,
        found_place=clean_place,
        found_at=clean_found_at,
        finder_name=clean_finder,
        finder_phone=clean_phone,
        storage_place=clean_storage,
        status="held",
        retention_days=station_service.retention_days(session, clean_category),
        registered_by=volunteer,
        photos=files.store_photos(session, checked),
    )
    session.add(item)
    session.flush()
    return item


def get_found(session: Session, ref: object) -> FoundItem:
    """A found item of any station by id or item number."""
    return resolve(session, ref)


def _photo_changes(item: FoundItem, value: object) -> tuple[list[str], list[files.CheckedPhoto]]:
    """Names already stored with the item are kept; every other entry is a new file's path."""
    if isinstance(value, str | os.PathLike):
        value = [value]
    if not isinstance(value, list | tuple):
        return [], files.check_photos("photos", value)
    stored = set(item.photos or [])
    kept = [v for v in value if isinstance(v, str) and v in stored]
    added = [v for v in value if not (isinstance(v, str) and v in stored)]
    new = files.check_photos("photos", added)
    if len(kept) + len(new) > files.MAX_PHOTOS:
        raise InvalidInput("too_many", "photos", max=files.MAX_PHOTOS)
    return kept, new


def update_found(
    session: Session,
    ref: object,
    *,
    category: object = UNSET,
    description: object = UNSET,
    colour: object = UNSET,
    found_place: object = UNSET,
    found_at: object = UNSET,
    finder_name: object = UNSET,
    finder_phone: object = UNSET,
    storage_place: object = UNSET,
    photos: object = UNSET,
) -> FoundItem:
    """Correct a held item of this station. `photos` is the new list: stored names or new paths.

    Photo files dropped from the list stay on disk: the record's history may still name them.
    """
    item = _editable(session, ref)
    records.require_lead_for_past(session, item)
    given = {
        "category": category,
        "description": description,
        "colour": colour,
        "found_place": found_place,
        "found_at": found_at,
        "finder_name": finder_name,
        "finder_phone": finder_phone,
        "storage_place": storage_place,
    }
    changes = {name: _CLEANERS[name](value) for name, value in given.items() if value is not UNSET}
    kept, checked = ([], []) if photos is UNSET else _photo_changes(item, photos)

    if "category" in changes and changes["category"] != item.category:
        # The period follows the category, as if the item had been registered under it.
        item.retention_days = station_service.retention_days(session, str(changes["category"]))
    records.apply_changes(item, changes)
    if photos is not UNSET:
        new_list = kept + files.store_photos(session, checked)
        if new_list != list(item.photos or []):
            item.photos = new_list
    session.flush()
    return item


def delete_found(session: Session, ref: object) -> FoundItem:
    """Tombstone a held item of this station (records are never removed).

    The tombstone travels to central, so the finder's name and phone are dropped from it.
    Only a lead deletes.
    """
    access.require_lead(session, "correct")
    item = _editable(session, ref)
    item.deleted_at = clock.now()
    item.finder_name = None
    item.finder_phone = None
    session.flush()
    return item


def find_found(
    session: Session,
    *,
    text: object = None,
    status: object = None,
    category: object = None,
    limit: object = None,
    offset: object = 0,
    include_other_stations: bool = True,
) -> list[FoundItem]:
    """Found items matching every filter given, newest found first."""
    query = _listed(
        session,
        select(FoundItem),
        text=text,
        status=status,
        category=category,
        limit=limit,
        offset=offset,
        include_other_stations=include_other_stations,
    )
    return list(session.scalars(query))


class FoundLine(NamedTuple):
    """A found item as the desk's list shows it, with the id to open the whole record by."""

    id: str
    item_no: str
    station_code: str
    category: str
    description: str
    colour: str | None
    found_place: str
    found_at: datetime
    status: str


def find_found_lines(
    session: Session,
    *,
    text: object = None,
    status: object = None,
    category: object = None,
    limit: object = None,
    offset: object = 0,
    include_other_stations: bool = True,
) -> list[FoundLine]:
    """The found items `find_found` lists, in its order, as lines of the desk's list.

    A page of the list wants nine columns: whole records (photos, finder, hand-over and
    bookkeeping decoded for each) took longer than the search itself.
    """
    columns = select(*(getattr(FoundItem, name) for name in FoundLine._fields))
    query = _listed(
        session,
        columns,
        text=text,
        status=status,
        category=category,
        limit=limit,
        offset=offset,
        include_other_stations=include_other_stations,
    )
    # Run on the connection: the ORM's result machinery does nothing for plain rows. (It
    # would also flush pending changes first; the list reads in a snapshot with none.)
    return [FoundLine(*row) for row in session.connection().execute(query).all()]


def _listed(
    session: Session,
    query: common.Query,
    *,
    text: object,
    status: object,
    category: object,
    limit: object,
    offset: object,
    include_other_stations: bool,
) -> common.Query:
    """`query` narrowed to the page of found items the filters ask for, newest found first."""
    return common.listed(
        session,
        query,
        FoundItem,
        FoundItem.found_at,
        FOUND_ITEM_STATUSES,
        text=text,
        status=status,
        category=category,
        limit=limit,
        offset=offset,
        include_other_stations=include_other_stations,
    )


def count_found(session: Session) -> int:
    """Found items of this station that are not deleted, whatever their status."""
    return records.count_own(session, FoundItem)
