"""The kiosk's station: set-up (init), its posts (点位), and settings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from station import access, clock, validation
from station.audit.chain import CODE_KEY
from station.errors import InvalidInput, NotFound, StateError
from station.models import Post, Setting, Station
from station.vocab import DEFAULT_RETENTION_DAYS, ITEM_CATEGORIES, code_of

_CACHE_KEY = "station"
_STATION = select(Station)


def current(session: Session) -> Station:
    """The station this kiosk serves; StateError when `init` has not run yet."""
    cached = session.info.get(_CACHE_KEY)
    if isinstance(cached, Station):
        return cached
    station = session.scalars(_STATION).first()
    if station is None:
        raise StateError("not_initialised")
    session.info[_CACHE_KEY] = station
    session.info[CODE_KEY] = station.code
    return station


def code(session: Session) -> str:
    """The code of the station this kiosk serves, as `current(session).code`.

    The code never changes once set, so a store hands it to its sessions once it has seen
    it, and a save needs no query for it (issue 8).
    """
    known = session.info.get(CODE_KEY)
    return known if isinstance(known, str) else current(session).code


def is_initialised(session: Session) -> bool:
    return session.scalars(select(Station)).first() is not None


def init(
    session: Session,
    *,
    code: object,
    name: object,
    posts: list[object] | tuple[object, ...] = (),
    hotline: object = None,
) -> Station:
    """Set the station once. Posts can be added later with `add_post`."""
    existing = session.scalars(select(Station)).first()
    if existing is not None:
        raise StateError("already_initialised", station=existing.code, name=existing.name)
    clean_code = validation.station_code(code)
    clean_name = validation.required_text("station_name", name, max_len=60)
    clean_hotline = validation.phone("phone", hotline, service=True)
    if not isinstance(posts, list | tuple):
        raise InvalidInput("bad_choice", "post")
    post_names = [validation.required_text("post_name", p, max_len=40) for p in posts]
    if len(set(post_names)) != len(post_names):
        duplicate = next(p for p in post_names if post_names.count(p) > 1)
        raise InvalidInput("duplicate", "post_name", value=duplicate)
    station = Station(
        code=clean_code, name=clean_name, hotline=clean_hotline, created_at=clock.now()
    )
    session.add(station)
    session.info[_CACHE_KEY] = station
    for post_name in post_names:
        session.add(Post(station_code=clean_code, name=post_name))
    session.flush()
    return station


def add_post(session: Session, *, name: object) -> Post:
    access.require_lead(session, "settings")
    station = current(session)
    clean = validation.required_text("post_name", name, max_len=40)
    taken = session.scalars(
        select(Post).where(Post.station_code == station.code, Post.name == clean)
    ).first()
    if taken is not None:
        raise InvalidInput("duplicate", "post_name", value=clean)
    post = Post(station_code=station.code, name=clean)
    session.add(post)
    session.flush()
    return post


def posts(session: Session, *, include_inactive: bool = False) -> list[Post]:
    station = current(session)
    query = select(Post).where(Post.station_code == station.code, Post.deleted_at.is_(None))
    if not include_inactive:
        query = query.where(Post.active.is_(True))
    return list(session.scalars(query.order_by(Post.pk)))


# The longest text taken as a post's id or name.
POST_REF_MAX = 40
# A post of this station by id or name (:station, :ref). Built once: making the statement
# costs about as much as running it (issue 8).
POST_BY_REF = select(Post).where(
    Post.station_code == bindparam("station"),
    Post.deleted_at.is_(None),
    (Post.id == bindparam("ref")) | (Post.name == bindparam("ref")),
)


def post(session: Session, ref: object) -> Post:
    """A post of this station by id or by name."""
    clean = validation.required_text("post", ref, max_len=POST_REF_MAX)
    found = session.scalars(POST_BY_REF, {"station": code(session), "ref": clean}).first()
    if found is None:
        raise NotFound("not_found", "post", value=clean)
    return found


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else row.value


_STATION_AND_SETTING = select(Station, Setting).outerjoin(Setting, Setting.key == bindparam("key"))


def current_and_setting(session: Session, key: str, default: Any = None) -> tuple[Station, Any]:
    """`current(session)` and `get_setting(session, key, default)` in one query: a slip needs
    both, and the second query was a twentieth of its time (issue 8)."""
    row = session.execute(_STATION_AND_SETTING, {"key": key}).first()
    if row is None:
        raise StateError("not_initialised")
    station, setting = row
    return station, default if setting is None else setting.value


def set_setting(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()


def retention_days(session: Session, category: str) -> int:
    """Days a found item of `category` is held before it is due for the police."""
    value = get_setting(session, f"retention.{category}")
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return DEFAULT_RETENTION_DAYS.get(category, DEFAULT_RETENTION_DAYS["other"])


def set_retention_days(session: Session, category: object, days: object) -> None:
    access.require_lead(session, "settings")
    code = code_of("category", category, ITEM_CATEGORIES)
    clean = validation.integer("retention_days", days, low=1, high=365)
    set_setting(session, f"retention.{code}", clean)
