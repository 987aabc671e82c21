"""What a person left typed when the kiosk locked: one draft per desk, kept on this kiosk
(it may hold a visitor's phone) and handed back, once, when that person signs in again."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station import clock
from station.access.actor import current
from station.errors import Denied
from station.models import Draft


def save(session: Session, desk: str, fields: dict[str, Any]) -> None:
    """Keep `fields` (JSON values) as the signed-in person's draft of `desk`, replacing any."""
    holder = _person(session)
    draft = session.get(Draft, (holder, desk))
    if draft is None:
        session.add(Draft(volunteer_id=holder, desk=desk, saved_at=clock.now(), fields=fields))
    else:
        draft.fields = fields
        draft.saved_at = clock.now()


def take(session: Session) -> dict[str, dict[str, Any]]:
    """The signed-in person's drafts by desk; they are deleted as they are handed back."""
    held = session.scalars(select(Draft).where(Draft.volunteer_id == _person(session))).all()
    for draft in held:
        session.delete(draft)
    return {draft.desk: dict(draft.fields) for draft in held}


def _person(session: Session) -> str:
    """The signed-in person's volunteer id: drafts belong to a person, not to the program."""
    actor = current(session)
    if actor is None or actor.volunteer_id is None:
        raise Denied("sign_in_first", action="draft")
    return actor.volunteer_id
