"""The volunteer roster (红马甲): add, look up, change and tombstone volunteers."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from station import access, clock, validation
from station.errors import InvalidInput, StateError
from station.models import Shift, Volunteer
from station.services import records, search
from station.services import station as station_service
from station.services.records import UNSET

NAME_MAX = 40
TEAM_MAX = 40
FIND_LIMIT_MAX = 1000


def open_shift(session: Session, volunteer_id: str) -> Shift | None:
    """The volunteer's open shift at any station; the schema allows at most one."""
    return session.scalars(
        select(Shift).where(
            Shift.volunteer_id == volunteer_id,
            Shift.check_out_at.is_(None),
            Shift.deleted_at.is_(None),
        )
    ).first()


def get(session: Session, ref: object) -> Volunteer:
    """A volunteer by id or badge code (as typed or scanned); removed ones are not found."""
    found = records.volunteer(session, "volunteer", ref, required=True, active_only=False)
    assert found is not None
    return found


def _free_badge(session: Session, value: object, *, owner_id: str | None = None) -> str:
    code = validation.badge_code(value)
    # Tombstoned volunteers keep their badge: the column is unique over every row, and a
    # reissued badge would otherwise merge two people's hours.
    query = select(Volunteer.id).where(Volunteer.badge_code == code)
    if owner_id is not None:
        query = query.where(Volunteer.id != owner_id)
    if session.scalars(query.limit(1)).first() is not None:
        raise InvalidInput("duplicate", "badge_code", value=code)
    return code


def _home_station(value: object) -> str:
    try:
        return validation.station_code(value)
    except InvalidInput as exc:
        raise InvalidInput(exc.code, "home_station", **exc.params) from None


def add(
    session: Session,
    *,
    name: object,
    badge_code: object,
    phone: object = None,
    team: object = None,
    is_party_member: object = False,
    home_station: object = None,
) -> Volunteer:
    """Put a volunteer on the roster, owned by this station (a lead's task)."""
    access.require_lead(session, "roster")
    return enrol(
        session,
        name=name,
        badge_code=badge_code,
        phone=phone,
        team=team,
        is_party_member=is_party_member,
        home_station=home_station,
    )


def enrol(
    session: Session,
    *,
    name: object,
    badge_code: object,
    phone: object = None,
    team: object = None,
    is_party_member: object = False,
    home_station: object = None,
) -> Volunteer:
    """`add` without the role check, for a caller that has made its own: the station's
    first lead, enrolled while nobody can sign in yet."""
    code = station_service.code(session)
    clean_name = validation.required_text("name", name, max_len=NAME_MAX)
    clean_badge = _free_badge(session, badge_code)
    clean_phone = validation.phone("phone", phone)
    clean_team = validation.text("team", team, required=False, max_len=TEAM_MAX)
    party = records.flag("is_party_member", is_party_member)
    home = code if home_station is None else _home_station(home_station)
    volunteer = Volunteer(
        station_code=code,
        name=clean_name,
        badge_code=clean_badge,
        phone=clean_phone,
        team=clean_team,
        is_party_member=party,
        home_station=home,
        active=True,
    )
    session.add(volunteer)
    session.flush()
    return volunteer


def update(
    session: Session,
    ref: object,
    *,
    name: object = UNSET,
    phone: object = UNSET,
    team: object = UNSET,
    badge_code: object = UNSET,
    is_party_member: object = UNSET,
    active: object = UNSET,
) -> Volunteer:
    """Change the given fields; None clears an optional one. Unchanged values write nothing."""
    access.require_lead(session, "roster")
    volunteer = get(session, ref)
    records.require_own(session, volunteer)
    changes: dict[str, object] = {}
    if name is not UNSET:
        changes["name"] = validation.required_text("name", name, max_len=NAME_MAX)
    if phone is not UNSET:
        changes["phone"] = validation.phone("phone", phone)
    if team is not UNSET:
        changes["team"] = validation.text("team", team, required=False, max_len=TEAM_MAX)
    if badge_code is not UNSET:
        changes["badge_code"] = _free_badge(session, badge_code, owner_id=volunteer.id)
    if is_party_member is not UNSET:
        changes["is_party_member"] = records.flag("is_party_member", is_party_member)
    if active is not UNSET:
        changes["active"] = records.flag("active", active)
    if records.apply_changes(volunteer, changes):
        session.flush()
    return volunteer


def remove(session: Session, ref: object) -> Volunteer:
    """Tombstone a volunteer; refused while they are on duty. Their past shifts keep counting."""
    access.require_lead(session, "roster")
    volunteer = get(session, ref)
    records.require_own(session, volunteer)
    shift = open_shift(session, volunteer.id)
    if shift is not None:
        raise StateError("on_duty", "volunteer", name=volunteer.name, post=shift.post.name)
    volunteer.deleted_at = clock.now()
    # Tombstones travel to central and carry no contact details. The name and badge stay:
    # they label the hours already worked, and the badge must stay unique.
    volunteer.phone = None
    session.flush()
    return volunteer


def find(
    session: Session,
    *,
    text: object = None,
    include_inactive: bool = False,
    limit: object = None,
) -> list[Volunteer]:
    """Volunteers whose name, badge, phone or team holds every word of `text`, by name."""
    query = validation.text("query", text, required=False, max_len=search.MAX_QUERY_LENGTH)
    statement = select(Volunteer).where(Volunteer.deleted_at.is_(None))
    if not include_inactive:
        statement = statement.where(Volunteer.active.is_(True))
    # instr() rather than the FTS index: the roster is small, and names are one or two
    # characters, which the trigram index cannot match.
    for term in search.terms(query or ""):
        statement = statement.where(
            or_(
                func.instr(Volunteer.name, term) > 0,
                func.instr(Volunteer.badge_code, term.upper()) > 0,
                func.instr(func.coalesce(Volunteer.phone, ""), term) > 0,
                func.instr(func.coalesce(Volunteer.team, ""), term) > 0,
            )
        )
    clean_limit, _ = records.paging(limit, max_limit=FIND_LIMIT_MAX)
    statement = statement.order_by(Volunteer.name, Volunteer.badge_code).limit(clean_limit)
    return list(session.scalars(statement))


def count_volunteers(session: Session) -> int:
    """Volunteers on the roster as this kiosk knows it (any station), removed ones excluded."""
    return (
        session.scalar(
            select(func.count()).select_from(Volunteer).where(Volunteer.deleted_at.is_(None))
        )
        or 0
    )
