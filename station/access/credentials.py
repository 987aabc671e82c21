"""Sign-in with a badge or name plus a PIN, the lockout after wrong PINs, and who holds
which role at this kiosk. Only a lead sets PINs and roles (a person may change their own)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station import audit, clock, validation
from station.access import pins
from station.access.actor import (
    LEAD,
    ROLES,
    VOLUNTEER,
    Actor,
    Signer,
    require_lead,
    require_signed_in,
)
from station.audit.chain import ACTOR_KEY
from station.errors import Denied, InvalidInput, StateError
from station.models import Credential, Volunteer
from station.services import roster
from station.services import station as station_service

MAX_ATTEMPTS = 5
DEFAULT_LOCKOUT_MINUTES = 15
DEFAULT_IDLE_MINUTES = 3
LOCKOUT_KEY = "access.lockout_minutes"
IDLE_KEY = "access.idle_minutes"


@dataclass(frozen=True)
class Person:
    """Someone on the roster, for the lead's list of people and PINs; `role` is None for
    someone without a PIN here, `locked_until` set while wrong PINs lock them out."""

    volunteer_id: str
    name: str
    badge_code: str
    team: str | None
    role: str | None
    locked_until: datetime | None


@dataclass(frozen=True)
class SignIn:
    """The outcome of one attempt. A refusal is returned, not raised, so that the count of
    wrong PINs it adds is committed with it."""

    actor: Actor | None
    refusal: Denied | None = None


def signers(session: Session) -> list[Signer]:
    rows = session.execute(
        select(Volunteer.id, Volunteer.name, Volunteer.badge_code, Credential.role)
        .join(Credential, Credential.volunteer_id == Volunteer.id)
        .where(Volunteer.active.is_(True), Volunteer.deleted_at.is_(None))
        .order_by(Credential.role, Volunteer.name)
    ).all()
    return [Signer(*row) for row in rows]


def people(session: Session) -> list[Person]:
    """Everyone active on the roster with their role here: leads, volunteers, then no PIN."""
    require_lead(session, "roster")
    now = clock.now()
    rows = session.execute(
        select(Volunteer, Credential)
        .outerjoin(Credential, Credential.volunteer_id == Volunteer.id)
        .where(Volunteer.active.is_(True), Volunteer.deleted_at.is_(None))
    ).all()
    rank = {LEAD: 0, VOLUNTEER: 1}
    found = [
        Person(
            volunteer.id,
            volunteer.name,
            volunteer.badge_code,
            volunteer.team,
            None if credential is None else credential.role,
            _still_locked(credential, now),
        )
        for volunteer, credential in rows
    ]
    return sorted(found, key=lambda p: (rank.get(p.role or "", 2), p.badge_code))


def _still_locked(credential: Credential | None, now: datetime) -> datetime | None:
    if credential is None or credential.locked_until is None:
        return None
    until = credential.locked_until
    return until if until > now else None


def idle_minutes(session: Session) -> int:
    return _minutes(session, IDLE_KEY, DEFAULT_IDLE_MINUTES)


def lockout_minutes(session: Session) -> int:
    return _minutes(session, LOCKOUT_KEY, DEFAULT_LOCKOUT_MINUTES)


def set_idle_minutes(session: Session, minutes: object) -> int:
    require_lead(session, "settings")
    clean = validation.integer("idle_minutes", minutes, low=1, high=120)
    station_service.set_setting(session, IDLE_KEY, clean)
    return clean


def set_lockout_minutes(session: Session, minutes: object) -> int:
    require_lead(session, "settings")
    clean = validation.integer("lockout_minutes", minutes, low=1, high=1440)
    station_service.set_setting(session, LOCKOUT_KEY, clean)
    return clean


def _minutes(session: Session, key: str, default: int) -> int:
    value = station_service.get_setting(session, key)
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return default


def sign_in(session: Session, who: object, pin: object) -> SignIn:
    """Check `pin` for the volunteer with badge code or name `who`.

    Five wrong PINs in a row lock the person out for the lockout time; a right PIN resets
    the count. Every attempt on a known person is in the audit trail.
    """
    volunteer, credential = _holder(session, who)
    clean_pin = pins.clean("pin", pin)
    now = clock.now()
    session.info[ACTOR_KEY] = volunteer.id
    if credential.locked_until is not None and credential.locked_until > now:
        return SignIn(None, _locked(credential.locked_until))
    if not pins.matches(credential.pin_hash, clean_pin):
        credential.failed_attempts += 1
        left = MAX_ATTEMPTS - credential.failed_attempts
        if left <= 0:
            credential.failed_attempts = 0
            credential.locked_until = now + timedelta(minutes=lockout_minutes(session))
            audit.record(session, "locked_out", {"minutes": lockout_minutes(session)})
            return SignIn(None, _locked(credential.locked_until))
        audit.record(session, "sign_in_failed", {"attempts_left": left})
        return SignIn(None, Denied("pin_wrong", "pin", left=left))
    credential.failed_attempts = 0
    credential.locked_until = None
    actor = Actor(credential.role, volunteer.name, volunteer.id)
    audit.record(session, "sign_in", {"role": credential.role})
    return SignIn(actor)


def _locked(until: datetime) -> Denied:
    return Denied("locked_out", "pin", until=until.astimezone(clock.LOCAL_TZ).strftime("%H:%M"))


def _holder(session: Session, who: object) -> tuple[Volunteer, Credential]:
    clean = validation.required_text("who", who, max_len=40)
    rows = session.execute(
        select(Volunteer, Credential)
        .join(Credential, Credential.volunteer_id == Volunteer.id)
        .where(
            Volunteer.active.is_(True),
            Volunteer.deleted_at.is_(None),
            (func.upper(Volunteer.badge_code) == clean.upper()) | (Volunteer.name == clean),
        )
    ).all()
    by_badge = [row for row in rows if row[0].badge_code.upper() == clean.upper()]
    chosen = by_badge or rows
    if not chosen:
        raise InvalidInput("no_such_signer", "who", value=clean)
    if len(chosen) > 1:
        raise InvalidInput("ambiguous_signer", "who", value=clean)
    volunteer, credential = chosen[0]
    return volunteer, credential


def set_pin(session: Session, volunteer: object, pin: object, *, role: object = None) -> None:
    """Give a volunteer a PIN (and a role; a new signer is a volunteer unless told).

    A lead may do this for anyone; anyone else may not.
    """
    require_lead(session, "roster")
    person = roster.get(session, volunteer)
    clean_pin = pins.clean("pin", pin)
    credential = session.get(Credential, person.id)
    clean_role = _role(role, VOLUNTEER if credential is None else credential.role)
    if credential is None:
        credential = Credential(volunteer_id=person.id, role=clean_role, failed_attempts=0)
        session.add(credential)
    _store(credential, clean_pin, clean_role)
    audit.record(session, "pin_set", {"role": clean_role}, kind="volunteers", record_id=person.id)


def change_own_pin(session: Session, old: object, new: object) -> None:
    """The signed-in person replaces their own PIN, giving the old one."""
    actor = require_signed_in(session, "change_pin")
    credential = session.get(Credential, actor.volunteer_id) if actor.volunteer_id else None
    if credential is None:
        raise StateError("no_pin")
    if not pins.matches(credential.pin_hash, pins.clean("old_pin", old)):
        raise Denied("pin_wrong_plain", "old_pin")
    _store(credential, pins.clean("new_pin", new), credential.role)
    audit.record(session, "pin_changed", {}, kind="volunteers", record_id=actor.volunteer_id)


def revoke(session: Session, volunteer: object) -> None:
    """Take away a person's PIN: they can no longer sign in here. The last lead stays."""
    require_lead(session, "roster")
    person = roster.get(session, volunteer)
    credential = session.get(Credential, person.id)
    if credential is None:
        return
    if credential.role == LEAD and _lead_count(session) <= 1:
        raise StateError("last_lead")
    session.delete(credential)
    audit.record(session, "pin_revoked", {}, kind="volunteers", record_id=person.id)


def set_role(session: Session, volunteer: object, role: object) -> str:
    """Make someone who has a PIN a lead or a volunteer. The last lead stays a lead."""
    require_lead(session, "roster")
    person = roster.get(session, volunteer)
    clean_role = _role(role, VOLUNTEER)
    credential = session.get(Credential, person.id)
    if credential is None:
        raise StateError("no_pin_yet", name=person.name)
    if credential.role == clean_role:
        return clean_role
    if credential.role == LEAD and _lead_count(session) <= 1:
        raise StateError("last_lead_role")
    credential.role = clean_role
    credential.changed_at = clock.now()
    audit.record(session, "role_set", {"role": clean_role}, kind="volunteers", record_id=person.id)
    return clean_role


def role_of(session: Session, volunteer_id: str) -> str | None:
    credential = session.get(Credential, volunteer_id)
    return None if credential is None else credential.role


def first_lead(session: Session, *, name: object, pin: object, badge_code: object = None) -> Actor:
    """At `init`: put the station's first lead on the roster with a PIN.

    Runs before anyone can sign in, so it is allowed only while the station has no signer.
    """
    if session.scalar(select(func.count()).select_from(Credential)):
        raise StateError("already_has_lead")
    clean_pin = pins.clean("pin", pin)
    code = station_service.code(session)
    badge = badge_code if badge_code is not None else f"{code}-LEAD"
    # Putting someone on the roster is a lead's task; with no signer yet there is no lead,
    # and that (checked above) is what allows this one enrolment.
    person = roster.enrol(session, name=name, badge_code=badge)
    credential = Credential(volunteer_id=person.id, role=LEAD, failed_attempts=0)
    session.add(credential)
    _store(credential, clean_pin, LEAD)
    return Actor(LEAD, person.name, person.id)


def _lead_count(session: Session) -> int:
    return int(
        session.scalar(select(func.count()).select_from(Credential).where(Credential.role == LEAD))
        or 0
    )


def _role(value: object, default: str) -> str:
    if value is None:
        return default
    if value not in ROLES:
        raise InvalidInput("bad_choice", "role")
    return str(value)


def _store(credential: Credential, pin: str, role: str) -> None:
    credential.pin_hash = pins.hash_pin(pin)
    credential.role = role
    credential.failed_attempts = 0
    credential.locked_until = None
    credential.changed_at = clock.now()
