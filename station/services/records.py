"""What every desk's service shares: the UNSET marker, refs, volunteers, ownership, paging."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Final

from sqlalchemy import ColumnElement, bindparam, func, or_, select
from sqlalchemy.orm import Session

from station import access, clock, validation
from station.errors import InvalidInput, NotFound, StateError
from station.models import Post, SyncRecord, Volunteer
from station.services import station as station_service


class Unset(enum.Enum):
    """The type of UNSET: "leave this field as it is", distinct from None ("clear it")."""

    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = Unset.UNSET

# Ids are 36 characters, record numbers 24 and badge codes at most 32, with room for stray
# spaces; longer input names no record.
REF_MAX = 64
LIMIT_MAX = 10_000
OFFSET_MAX = 2**31


def ref_text(field: str, value: object) -> str:
    """An id, number or code typed or scanned by a person, trimmed and checked as text."""
    return validation.required_text(field, value, max_len=REF_MAX)


def flag(field: str, value: object) -> bool:
    # bool(x) would quietly turn "no" or 0.5 into True; a yes/no field takes only a bool.
    if not isinstance(value, bool):
        raise InvalidInput("not_yes_no", field)
    return value


def local_text(when: datetime) -> str:
    """A moment as the desk reads it: local date and minute."""
    return when.astimezone(clock.LOCAL_TZ).strftime("%Y-%m-%d %H:%M")


def require_lead_for_past(session: Session, record: SyncRecord) -> None:
    """Correcting a record of an earlier day is a lead's task; today's may be fixed by anyone
    signed in (a volunteer putting right what they just typed)."""
    if clock.local_date(record.created_at) < clock.local_today():
        access.require_lead(session, "correct")


def require_own(session: Session, record: SyncRecord, field: str | None = None) -> None:
    """Refuse to change another station's record: it reached us by sync and is read-only here."""
    own = station_service.code(session)
    if record.station_code != own:
        raise StateError("not_own_record", field, owner=record.station_code)


def or_acting(session: Session, ref: object) -> object:
    """`ref`, or when nobody is named the signed-in volunteer: every record says who handled
    it, without asking the person at the kiosk to pick themselves."""
    if ref is not None:
        return ref
    actor = access.current(session)
    return None if actor is None else actor.volunteer_id


# Built once: making the statement costs about as much as running it (issue 8).
_VOLUNTEER = select(Volunteer).where(
    Volunteer.deleted_at.is_(None),
    or_(Volunteer.id == bindparam("id"), Volunteer.badge_code == bindparam("badge")),
)


def volunteer(
    session: Session, field: str, ref: object, *, required: bool, active_only: bool
) -> Volunteer | None:
    """A volunteer by id, badge code or the object itself; removed ones are not found.

    None or blank means nobody unless `required`. The Enter a barcode scanner types after
    the badge is trimmed with the other white space.
    """
    if isinstance(ref, Volunteer):
        ref = ref.id
    clean = validation.text(field, ref, required=required, max_len=REF_MAX)
    if clean is None:
        return None
    # Ids are lower-case UUIDs and badge codes upper case, however they were typed.
    found = session.scalars(_VOLUNTEER, {"id": clean.lower(), "badge": clean.upper()}).first()
    if found is None:
        raise NotFound("not_found", field, value=clean)
    if active_only and not found.active:
        raise StateError("volunteer_inactive", field, name=found.name)
    return found


# The handler and the post of a record being written, as ids, in one statement: the lookups
# of `volunteer` and `station.post`, a subquery each, so the row comes back whether either is
# found or not (or not asked for).
_HANDLER_AND_POST = select(
    _VOLUNTEER.with_only_columns(Volunteer.id).limit(1).scalar_subquery(),
    station_service.POST_BY_REF.with_only_columns(Post.id).limit(1).scalar_subquery(),
)


def handler_and_post(
    session: Session, field: str, handler: object, post: object
) -> tuple[str | None, str | None]:
    """The ids of the volunteer named by `handler` (as `volunteer` finds one, active or not)
    and of this station's post named by `post` (as `station.post` finds one); None for
    either not given (None or blank). Checked in that order, with the same errors.

    One Core statement instead of two ORM lookups, which cost a saved inquiry as much as
    its insert (issue 8): the record is written with the ids, not the objects.
    """
    if isinstance(handler, Volunteer):
        handler = handler.id
    handler_ref = validation.text(field, handler, required=False, max_len=REF_MAX)
    try:
        # Checked here first: the lookup would send unchecked text (lone surrogates) to SQLite.
        post_ref = validation.text(
            "post", post, required=False, max_len=station_service.POST_REF_MAX
        )
    except InvalidInput:
        _ids(session, field, handler_ref, None)  # a handler not found is told first
        raise
    return _ids(session, field, handler_ref, post_ref)


def _ids(
    session: Session, field: str, handler_ref: str | None, post_ref: str | None
) -> tuple[str | None, str | None]:
    if handler_ref is None and post_ref is None:
        return None, None
    params = {
        "id": None if handler_ref is None else handler_ref.lower(),
        "badge": None if handler_ref is None else handler_ref.upper(),
        "station": station_service.code(session),
        "ref": post_ref,
    }
    # As the ORM's lookups did: what is pending is flushed first, so that a volunteer or post
    # added in this transaction is found.
    session.flush()
    handler_id, post_id = session.connection().execute(_HANDLER_AND_POST, params).one()
    if handler_ref is not None and handler_id is None:
        raise NotFound("not_found", field, value=handler_ref)
    if post_ref is not None and post_id is None:
        raise NotFound("not_found", "post", value=post_ref)
    return handler_id, post_id


def paging(
    limit: object, offset: object = 0, *, max_limit: int = LIMIT_MAX
) -> tuple[int | None, int]:
    """A checked page size (None for no limit) and offset."""
    clean_limit = (
        None if limit is None else validation.integer("limit", limit, low=1, high=max_limit)
    )
    clean_offset = validation.integer("offset", offset, low=0, high=OFFSET_MAX)
    return clean_limit, clean_offset


def apply_changes(record: SyncRecord, changes: dict[str, object]) -> list[str]:
    """Set each field whose value differs; the names of those that changed."""
    changed: list[str] = []
    # Assigning an equal value would still bump the version and queue a needless push.
    for name, value in changes.items():
        if getattr(record, name) != value:
            setattr(record, name, value)
            changed.append(name)
    return changed


def count_own(session: Session, model: type[SyncRecord], *where: ColumnElement[bool]) -> int:
    """This station's records of one kind that meet `where`, removed ones excluded."""
    code = station_service.code(session)
    query = (
        select(func.count())
        .select_from(model)
        .where(model.station_code == code, model.deleted_at.is_(None), *where)
    )
    return session.scalar(query) or 0
