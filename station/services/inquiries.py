"""The inquiry desk (游客咨询/求助): log a visitor's question, its outcome and follow-ups."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final, NamedTuple, TypeVar

from sqlalchemy import Select, bindparam, func, or_, select
from sqlalchemy.orm import Session, lazyload

from station import access, clock, validation
from station.errors import NotFound, StateError
from station.models import Inquiry, InquiryFollowUp, Volunteer
from station.numbering import next_number
from station.services import records
from station.services import station as station_service
from station.services.records import UNSET
from station.services.search import MAX_QUERY_LENGTH, matches
from station.sync import outbox
from station.vocab import ESCALATION_LEVELS, INQUIRY_CATEGORIES, INQUIRY_STATUSES, code_of

QUESTION_MAX = 500
ANSWER_MAX = 1000
NAME_MAX = 40
UNIT_MAX = 60
NOTE_MAX = 1000

# Only "resolved" closes an inquiry; referred and escalated matters are still being worked on.
OPEN_STATUSES: Final = frozenset({"open", "referred", "escalated"})

# A SELECT of whole inquiries or of some of their columns, which `find` narrows alike.
_Query = TypeVar("_Query", bound=Select[*tuple[Any, ...]])


def create(
    session: Session,
    *,
    category: object,
    question: object,
    answer: object = None,
    visitor_name: object = None,
    visitor_phone: object = None,
    handled_by: object = None,
    post: object = None,
    resolved: object = False,
) -> Inquiry:
    """Log a new inquiry with the next ticket number; `resolved` closes it on the spot.

    The inquiry returned holds its columns; its handler and post are not loaded with it
    (`get` reads them).
    """
    station_code = station_service.code(session)
    clean_category = code_of("category", category, INQUIRY_CATEGORIES)
    clean_question = validation.required_text(
        "question", question, max_len=QUESTION_MAX, multiline=True
    )
    clean_answer = validation.text(
        "answer", answer, required=False, max_len=ANSWER_MAX, multiline=True
    )
    clean_name = validation.text("visitor_name", visitor_name, required=False, max_len=NAME_MAX)
    clean_phone = validation.phone("visitor_phone", visitor_phone)
    handler, where = records.handler_and_post(
        session, "handled_by", records.or_acting(session, handled_by), post
    )
    closed = records.flag("resolved", resolved)

    # Everything is valid: the writes start here (the ticket number is the first).
    moment = clock.now()
    inquiry = Inquiry(
        station_code=station_code,
        ticket_no=next_number(session, station_code),
        category=clean_category,
        question=clean_question,
        answer=clean_answer,
        visitor_name=clean_name,
        visitor_phone=clean_phone,
        handled_by=handler,
        post_id=where,
        status="resolved" if closed else "open",
        # Set here rather than by the flush hook so closed_at can equal it exactly.
        created_at=moment,
        closed_at=moment if closed else None,
        resolve_seconds=0 if closed else None,
    )
    outbox.insert_new(session, inquiry)
    return inquiry


# Made once: making the query (and its cache key) each time was half of a read (issue 8).
_BY_REF = select(Inquiry).where(
    Inquiry.deleted_at.is_(None),
    or_(Inquiry.id == bindparam("id"), Inquiry.ticket_no == bindparam("ticket")),
)
_BY_REF_WITHOUT_NOTES = _BY_REF.options(lazyload(Inquiry.follow_ups))


def get(session: Session, ref: object, *, with_notes: bool = True) -> Inquiry:
    """A visible (not deleted) inquiry by id or ticket number, of any station.

    Without notes, its follow-up notes are not loaded with it (a slip prints none: loading
    them took a twentieth of a slip's time); reading them afterwards still loads them.
    """
    clean = records.ref_text("inquiry", ref)
    query = _BY_REF if with_notes else _BY_REF_WITHOUT_NOTES
    found = session.scalars(query, {"id": clean, "ticket": clean.upper()}).first()
    if found is None:
        raise NotFound("not_found", "inquiry", value=ref)
    return found


def update(
    session: Session,
    ref: object,
    *,
    category: object = UNSET,
    question: object = UNSET,
    answer: object = UNSET,
    visitor_name: object = UNSET,
    visitor_phone: object = UNSET,
    handled_by: object = UNSET,
) -> Inquiry:
    """Change only the given fields of an open inquiry; None clears an optional field."""
    inquiry = _changeable(session, ref)
    records.require_lead_for_past(session, inquiry)
    changes: dict[str, object] = {}
    if category is not UNSET:
        changes["category"] = code_of("category", category, INQUIRY_CATEGORIES)
    if question is not UNSET:
        changes["question"] = validation.required_text(
            "question", question, max_len=QUESTION_MAX, multiline=True
        )
    if answer is not UNSET:
        changes["answer"] = validation.text(
            "answer", answer, required=False, max_len=ANSWER_MAX, multiline=True
        )
    if visitor_name is not UNSET:
        changes["visitor_name"] = validation.text(
            "visitor_name", visitor_name, required=False, max_len=NAME_MAX
        )
    if visitor_phone is not UNSET:
        changes["visitor_phone"] = validation.phone("visitor_phone", visitor_phone)
    handler: Volunteer | None = None
    if handled_by is not UNSET:
        handler = _handler(session, handled_by)
        changes["handled_by"] = handler.id if handler else None

    if "handled_by" in records.apply_changes(inquiry, changes):
        inquiry.handler = handler
    session.flush()
    return inquiry


def resolve(session: Session, ref: object, *, answer: object = None, by: object = None) -> Inquiry:
    """Close the inquiry now and record how long it took; `answer` replaces the answer."""
    inquiry = _changeable(session, ref)
    clean_answer = validation.text(
        "answer", answer, required=False, max_len=ANSWER_MAX, multiline=True
    )
    actor = _handler(session, records.or_acting(session, by))

    moment = clock.now()
    if clean_answer is not None:
        inquiry.answer = clean_answer
    inquiry.status = "resolved"
    inquiry.closed_at = moment
    # A kiosk clock set back after the inquiry was logged must not give a negative duration.
    inquiry.resolve_seconds = max(0, int((moment - inquiry.created_at).total_seconds()))
    _log(session, inquiry, f"办结：{clean_answer}" if clean_answer else "办结。", actor)
    return inquiry


def refer(
    session: Session, ref: object, *, unit: object, contact: object = None, by: object = None
) -> Inquiry:
    """Hand the matter to a unit (转办); the inquiry stays open until resolved."""
    inquiry = _changeable(session, ref)
    clean_unit = validation.required_text("referral_unit", unit, max_len=UNIT_MAX)
    clean_contact = validation.phone("referral_contact", contact, service=True)
    actor = _handler(session, records.or_acting(session, by))

    inquiry.status = "referred"
    inquiry.referral_unit = clean_unit
    inquiry.referral_contact = clean_contact
    suffix = f"（{clean_contact}）" if clean_contact else ""
    _log(session, inquiry, f"转办：{clean_unit}{suffix}。", actor)
    return inquiry


def escalate(session: Session, ref: object, *, level: object, by: object = None) -> Inquiry:
    """Raise the matter to the level-2 joint meeting or the level-3 alliance meeting (上报)."""
    inquiry = _changeable(session, ref)
    clean_level = validation.integer(
        "escalation_level", level, low=min(ESCALATION_LEVELS), high=max(ESCALATION_LEVELS)
    )
    if inquiry.escalation_level is not None and clean_level <= inquiry.escalation_level:
        raise StateError(
            "already_escalated",
            "escalation_level",
            ticket=inquiry.ticket_no,
            level=inquiry.escalation_level,
        )
    actor = _handler(session, records.or_acting(session, by))

    inquiry.status = "escalated"
    inquiry.escalation_level = clean_level
    meeting = ESCALATION_LEVELS[clean_level][0]
    _log(session, inquiry, f"上报：{meeting}（第 {clean_level} 级）。", actor)
    return inquiry


def add_follow_up(
    session: Session, ref: object, *, note: object, by: object = None
) -> InquiryFollowUp:
    """Add a note to any visible inquiry, closed or not, of this station or another.

    A note after closing is the normal case (the visitor is called back, the unit reports
    back), and it changes none of the closed record's facts. The note is a new row owned by
    this station, so it may also be added to another station's inquiry.
    """
    inquiry = get(session, ref)
    clean_note = validation.required_text("note", note, max_len=NOTE_MAX, multiline=True)
    actor = _handler(session, records.or_acting(session, by))
    return _log(session, inquiry, clean_note, actor)


def delete(session: Session, ref: object) -> Inquiry:
    """Tombstone the inquiry and this station's notes on it; the visitor's details are dropped.

    Tombstones travel to central, and they must carry no personal data. Only a lead deletes.
    """
    access.require_lead(session, "correct")
    inquiry = get(session, ref)
    records.require_own(session, inquiry, "inquiry")
    moment = clock.now()
    own = station_service.code(session)
    for follow_up in inquiry.follow_ups:
        if follow_up.station_code == own and follow_up.deleted_at is None:
            follow_up.deleted_at = moment
    inquiry.visitor_name = None
    inquiry.visitor_phone = None
    inquiry.deleted_at = moment
    session.flush()
    return inquiry


def find(
    session: Session,
    *,
    status: object = None,
    day: object = None,
    text: object = None,
    limit: object = None,
    offset: object = 0,
) -> list[Inquiry]:
    """This station's visible inquiries, newest first.

    `day` is a local date; `text` finds every term in the ticket number, question, answer or
    referral unit, or the exact ticket number.
    """
    query = _listed(
        session, select(Inquiry), status=status, day=day, text=text, limit=limit, offset=offset
    )
    return list(session.scalars(query))


class InquiryLine(NamedTuple):
    """An inquiry as the desk's day list shows it, with the id that opens it."""

    id: str
    ticket_no: str
    created_at: datetime
    question: str
    status: str


def find_lines(
    session: Session,
    *,
    status: object = None,
    day: object = None,
    text: object = None,
    limit: object = None,
    offset: object = 0,
) -> list[InquiryLine]:
    """The inquiries `find` lists, in its order, as lines of the desk's list.

    A page of the day list wants five columns: loading whole records (with their handler,
    post and notes) for it took most of the time of scrolling through a busy day.
    """
    columns = select(
        Inquiry.id, Inquiry.ticket_no, Inquiry.created_at, Inquiry.question, Inquiry.status
    )
    query = _listed(session, columns, status=status, day=day, text=text, limit=limit, offset=offset)
    # Run on the connection: the ORM's result machinery does nothing for plain rows. (It
    # would also flush pending changes first; the list reads in a snapshot with none.)
    return [InquiryLine(*row) for row in session.connection().execute(query).all()]


def count(session: Session, *, status: object = None, day: object = None) -> int:
    """How many of this station's visible inquiries match, as `find` would list them."""
    query = _filtered(session, select(Inquiry), status=status, day=day, text=None)
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0


def _listed(
    session: Session,
    query: _Query,
    *,
    status: object,
    day: object,
    text: object,
    limit: object,
    offset: object,
) -> _Query:
    """`query` narrowed to one page of what `find` lists, newest first."""
    filtered = _filtered(session, query, status=status, day=day, text=text)
    clean_limit, clean_offset = records.paging(limit, offset)
    newest_first = filtered.order_by(Inquiry.created_at.desc(), Inquiry.pk.desc())
    return newest_first.offset(clean_offset).limit(clean_limit)


def _filtered(
    session: Session, query: _Query, *, status: object, day: object, text: object
) -> _Query:
    own = station_service.code(session)
    query = query.where(Inquiry.station_code == own, Inquiry.deleted_at.is_(None))
    if status is not None:
        query = query.where(Inquiry.status == code_of("status", status, INQUIRY_STATUSES))
    if day is not None:
        start, end = clock.day_bounds(validation.day("day", day))
        query = query.where(Inquiry.created_at >= start, Inquiry.created_at < end)
    if text is not None:
        terms = validation.text("query", text, required=False, max_len=MAX_QUERY_LENGTH)
        if terms is not None:
            query = query.where(or_(matches(Inquiry, terms), Inquiry.ticket_no == terms.upper()))
    return query


def _changeable(session: Session, ref: object) -> Inquiry:
    """The inquiry, if this station owns it and it is not closed yet."""
    inquiry = get(session, ref)
    records.require_own(session, inquiry, "inquiry")
    if inquiry.status not in OPEN_STATUSES:
        raise StateError("inquiry_closed", "inquiry", ticket=inquiry.ticket_no)
    return inquiry


def _handler(session: Session, ref: object) -> Volunteer | None:
    """The volunteer named as handler or author, active or not; None or blank means nobody."""
    return records.volunteer(session, "handled_by", ref, required=False, active_only=False)


def _log(session: Session, inquiry: Inquiry, note: str, actor: Volunteer | None) -> InquiryFollowUp:
    """Write a follow-up note, which is also how outcome changes record who made them."""
    follow_up = InquiryFollowUp(
        station_code=station_service.code(session),
        inquiry_id=inquiry.id,
        note=note,
        written_by=actor.id if actor else None,
    )
    session.add(follow_up)
    session.flush()
    # follow_ups is a view-only collection: reload it so the caller sees the new note.
    session.refresh(inquiry, ["follow_ups"])
    return follow_up
