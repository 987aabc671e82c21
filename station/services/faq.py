"""Quick answers (常见问题): ready answers a volunteer gives with one tap, grouped by category."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from station import access, clock, validation
from station.errors import NotFound
from station.models import Faq
from station.services import records
from station.services import station as station_service
from station.services.records import UNSET
from station.vocab import INQUIRY_CATEGORIES, code_of

QUESTION_MAX = 200
ANSWER_MAX = 1000
SORT_ORDER_LIMIT = 9999


def add(
    session: Session, *, category: object, question: object, answer: object, sort_order: object = 0
) -> Faq:
    """A new quick answer owned by this station."""
    access.require_lead(session, "settings")
    code = station_service.code(session)
    clean_category = code_of("category", category, INQUIRY_CATEGORIES)
    clean_question = validation.required_text("question", question, max_len=QUESTION_MAX)
    clean_answer = validation.required_text("answer", answer, max_len=ANSWER_MAX, multiline=True)
    clean_order = _sort_order(sort_order)
    faq = Faq(
        station_code=code,
        category=clean_category,
        question=clean_question,
        answer=clean_answer,
        sort_order=clean_order,
    )
    session.add(faq)
    session.flush()
    return faq


def get(session: Session, faq_id: object) -> Faq:
    """A visible quick answer by id, whether this station wrote it or central published it."""
    clean = records.ref_text("faq", faq_id)
    found = session.scalars(select(Faq).where(Faq.id == clean, Faq.deleted_at.is_(None))).first()
    if found is None:
        raise NotFound("not_found", "faq", value=faq_id)
    return found


def update(
    session: Session,
    faq_id: object,
    *,
    question: object = UNSET,
    answer: object = UNSET,
    category: object = UNSET,
    sort_order: object = UNSET,
) -> Faq:
    """Change only the given fields; a call that changes nothing writes nothing."""
    access.require_lead(session, "settings")
    faq = _own(session, faq_id)
    changes: dict[str, object] = {}
    if question is not UNSET:
        changes["question"] = validation.required_text("question", question, max_len=QUESTION_MAX)
    if answer is not UNSET:
        changes["answer"] = validation.required_text(
            "answer", answer, max_len=ANSWER_MAX, multiline=True
        )
    if category is not UNSET:
        changes["category"] = code_of("category", category, INQUIRY_CATEGORIES)
    if sort_order is not UNSET:
        changes["sort_order"] = _sort_order(sort_order)
    records.apply_changes(faq, changes)
    session.flush()
    return faq


def delete(session: Session, faq_id: object) -> Faq:
    """Tombstone a quick answer of this station."""
    access.require_lead(session, "settings")
    faq = _own(session, faq_id)
    faq.deleted_at = clock.now()
    session.flush()
    return faq


def find(session: Session, *, category: object = None) -> list[Faq]:
    """Every visible quick answer (this station's and central's), in display order."""
    query = select(Faq).where(Faq.deleted_at.is_(None))
    if category is not None:
        query = query.where(Faq.category == code_of("category", category, INQUIRY_CATEGORIES))
    return list(session.scalars(query.order_by(Faq.sort_order, Faq.question, Faq.pk)))


def _own(session: Session, faq_id: object) -> Faq:
    # Answers published by central arrive with its code; only central may change them.
    faq = get(session, faq_id)
    records.require_own(session, faq, "faq")
    return faq


def _sort_order(value: object) -> int:
    return validation.integer("sort_order", value, low=-SORT_ORDER_LIMIT, high=SORT_ORDER_LIMIT)
