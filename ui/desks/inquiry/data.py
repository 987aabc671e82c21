"""What the inquiry desk reads on the worker: who is on duty, one inquiry with its notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from station import privacy
from station.models import Inquiry
from station.services import inquiries, roster, shifts
from station.vocab import ESCALATION_LEVELS
from ui import i18n


@dataclass(frozen=True)
class OnDuty:
    volunteer_id: str
    name: str
    post: str


def on_duty(session: Session) -> list[OnDuty]:
    return [OnDuty(s.volunteer.id, s.volunteer.name, s.post.name) for s in shifts.on_duty(session)]


@dataclass(frozen=True)
class Note:
    when: datetime
    text: str
    writer: str | None


@dataclass(frozen=True)
class InquiryView:
    """An inquiry with its notes and who wrote them, read in one go on the worker, and the
    visitor's contact as the reader may see it (masked unless a lead reads)."""

    inquiry: Inquiry
    notes: list[Note]
    visitor: str

    @property
    def is_open(self) -> bool:
        return self.inquiry.status in inquiries.OPEN_STATUSES


def load_view(session: Session, ref: str) -> InquiryView:
    inquiry = inquiries.get(session, ref)
    notes = [f for f in inquiry.follow_ups if f.deleted_at is None]
    names: dict[str, str] = {}
    if any(f.written_by for f in notes):
        names = {v.id: v.name for v in roster.find(session, include_inactive=True)}
    return InquiryView(
        inquiry,
        [Note(f.created_at, f.note, names.get(f.written_by or "")) for f in notes],
        privacy.shown_in(session).contact(inquiry.visitor_name, inquiry.visitor_phone, " · "),
    )


def meeting(level: int) -> str:
    """The name of the meeting an inquiry is escalated to, in the current language."""
    return ESCALATION_LEVELS[level][0 if i18n.current().startswith("zh") else 1]
