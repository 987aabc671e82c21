"""What found items and lost reports share: item fields, lookups, searches, volunteers."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from station import validation
from station.errors import NotFound
from station.models import FoundItem, ItemReturn, LostReport
from station.services import records, search
from station.services import station as station_service
from station.vocab import ITEM_CATEGORIES, Vocabulary, code_of

_Record = TypeVar("_Record", FoundItem, LostReport)
# A SELECT of whole records or of some of their columns, which `listed` narrows alike.
Query = TypeVar("Query", bound=Select[*tuple[Any, ...]])

DESCRIPTION_MAX = 500


# Both records describe the item by the same rules, so that matching compares like with like.
def item_category(value: object) -> str:
    return code_of("category", value, ITEM_CATEGORIES)


def item_description(value: object) -> str:
    return validation.required_text("description", value, max_len=DESCRIPTION_MAX, multiline=True)


def item_colour(value: object) -> str | None:
    return validation.text("colour", value, required=False, max_len=20)


def resolve(
    session: Session,
    model: type[_Record],
    number: InstrumentedAttribute[str],
    ref: object,
    field: str,
) -> _Record:
    """A record of any station, not deleted, by id, its `number` or the object itself."""
    if isinstance(ref, model):
        ref = ref.id
    raw = records.ref_text(field, ref)
    record = session.scalars(
        select(model).where(
            model.deleted_at.is_(None),
            or_(model.id == raw.lower(), number == raw.upper()),
        )
    ).first()
    if record is None:
        raise NotFound("not_found", field, value=raw)
    return record


def listed(
    session: Session,
    query: Query,
    model: type[_Record],
    newest: InstrumentedAttribute[datetime],
    statuses: Vocabulary,
    *,
    text: object,
    status: object,
    category: object,
    limit: object,
    offset: object,
    include_other_stations: bool,
) -> Query:
    """`query` (of `model`'s records or some of their columns) narrowed to one page of the
    records matching every filter given, the latest `newest` first."""
    query = query.where(model.deleted_at.is_(None))
    clean_text = validation.text("query", text, required=False, max_len=search.MAX_QUERY_LENGTH)
    if status is not None:
        query = query.where(model.status == code_of("status", status, statuses))
    if category is not None:
        query = query.where(model.category == item_category(category))
    clean_limit, clean_offset = records.paging(limit, offset)
    if not include_other_stations:
        query = query.where(model.station_code == station_service.code(session))
    if clean_text is not None:
        # `newest` is indexed: a common phrase is found faster by reading newest first.
        many = search.has_many_matches(session, model, clean_text)
        query = query.where(search.matches(model, clean_text, many_matches=many))
    query = query.order_by(newest.desc(), model.pk.desc())
    return query.offset(clean_offset).limit(clean_limit)


def volunteer_id(session: Session, field: str, ref: object) -> str | None:
    """The id of an active volunteer named by id or badge code; None when not given."""
    found = records.volunteer(session, field, ref, required=False, active_only=True)
    return None if found is None else found.id


def returned_when(session: Session, found_item_id: str) -> str:
    """When an item went back to its owner, for the "already returned" message."""
    returned = session.scalars(
        select(ItemReturn.returned_at).where(
            ItemReturn.found_item_id == found_item_id, ItemReturn.deleted_at.is_(None)
        )
    ).first()
    return "?" if returned is None else records.local_text(returned)
