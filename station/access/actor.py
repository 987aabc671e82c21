"""Who is acting, and the one check every lead-only service makes.

A store session carries its actor in `session.info` (put there by `Store`): a signed-in
volunteer or lead, the command line acting as a lead after the lead PIN, or the program
itself (demo data, migrations, tests of the core) as SYSTEM.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, NamedTuple

from station.errors import Denied

if TYPE_CHECKING:  # the locked window loads this before the data layer (issue 8)
    from sqlalchemy.orm import Session

VOLUNTEER: Final = "volunteer"
LEAD: Final = "lead"
ROLES: Final = (VOLUNTEER, LEAD)
_SYSTEM_ROLE: Final = "system"

WHO_KEY: Final = "who"


# Records here are named tuples, not dataclasses: the locked window loads them before it
# shows, and a dataclass takes a third of a millisecond to define (issue 8).
class Actor(NamedTuple):
    role: str
    name: str
    volunteer_id: str | None = None

    @property
    def is_lead(self) -> bool:
        return self.role in (LEAD, _SYSTEM_ROLE)

    @property
    def label(self) -> str:
        """What the audit trail records as the actor: the volunteer's id, else the name."""
        return self.volunteer_id or self.name


SYSTEM: Final = Actor(_SYSTEM_ROLE, "system")


class Signer(NamedTuple):
    """Someone who can sign in here, for the sign-in screen's list."""

    volunteer_id: str
    name: str
    badge_code: str
    role: str


def current(session: Session) -> Actor | None:
    who = session.info.get(WHO_KEY)
    return who if isinstance(who, Actor) else None


def require_lead(session: Session, action: str) -> Actor:
    """The acting lead; Denied when nobody or a volunteer is signed in."""
    return require_lead_actor(current(session), action)


def require_lead_actor(actor: Actor | None, action: str) -> Actor:
    if actor is None:
        raise Denied("sign_in_first", action=action)
    if not actor.is_lead:
        raise Denied("lead_only", action=action)
    return actor


def require_signed_in(session: Session, action: str) -> Actor:
    actor = current(session)
    if actor is None:
        raise Denied("sign_in_first", action=action)
    return actor


def sees_personal_data(session: Session) -> bool:
    """Whether unmasked phones, names and ID details may be shown to the actor."""
    actor = current(session)
    return actor is not None and actor.is_lead
