"""Whatever a person, a scanner or a buggy caller hands the volunteer desk, only typed errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from station import clock
from station.errors import StationError
from station.services import records, roster, shifts
from station.store import Store
from tests.snapshot import snapshot

pytestmark = pytest.mark.slow

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=clock.LOCAL_TZ)

# Each example runs in a transaction that is rolled back, so one store serves them all.
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


class _Discard(Exception):
    """Raised at the end of an example to roll its transaction back."""


@pytest.fixture
def desk(station_store: Store) -> Iterator[Store]:
    """张三 on duty since 09:00, 李四 off duty after a morning shift, 王五 inactive."""
    with clock.frozen_at(NOW):
        with station_store.transaction() as session:
            roster.add(session, name="张三", badge_code="YF-0001", phone="13812345678")
            roster.add(session, name="李四", badge_code="YF-0002", team="古城一队")
            roster.add(session, name="王五", badge_code="YF-0003")
            roster.update(session, "YF-0003", active=False)
            shifts.check_in(session, volunteer="YF-0001", post="古戏台广场", at=NOW.replace(hour=9))
            shifts.check_in(session, volunteer="YF-0002", post="驼背桥", at=NOW.replace(hour=8))
            shifts.check_out(session, volunteer="YF-0002", at=NOW.replace(hour=11))
        yield station_store


def ids(store: Store) -> dict[str, str]:
    """Real ids, so that generated input also reaches the paths past the look-up."""
    with store.reading() as session:
        found = {v.badge_code: v.id for v in roster.find(session, include_inactive=True)}
        for shift in shifts.shifts(session):
            found[f"shift:{shift.volunteer.badge_code}"] = shift.id
        return found


def attempt(store: Store, action: Callable[[Session], object]) -> None:
    """Run `action` on the desk: it succeeds or raises a StationError, and never leaks."""
    before = snapshot(store)
    refusal: StationError | None = None
    with clock.frozen_at(NOW):
        try:
            with store.transaction() as session:
                action(session)
                raise _Discard
        except _Discard:
            pass
        except StationError as error:
            refusal = error
    if refusal is not None:
        # A typed error is fine, as long as it can be shown to a person.
        assert refusal.message("zh_CN")
        assert refusal.message("en")
    assert snapshot(store) == before


# The edges where converting between zones or taking a day's bounds overflows.
EXTREME_TIMES = [
    datetime.min.replace(tzinfo=UTC),
    datetime.max.replace(tzinfo=UTC),
    datetime(2000, 1, 1, tzinfo=UTC),
    datetime(1999, 12, 31, 23, tzinfo=UTC),
]
EXTREME_DAYS = [date.min, date.max, date(2000, 1, 1), date(1999, 12, 31), date(9998, 12, 31)]

offsets = st.timedeltas(
    min_value=timedelta(hours=-23, minutes=-59), max_value=timedelta(hours=23, minutes=59)
)
aware_zones: st.SearchStrategy[tzinfo] = st.one_of(
    st.just(UTC), st.builds(timezone, offsets), st.timezones()
)
zones = st.one_of(st.none(), aware_zones)
# Mostly around "now", where the order and future checks bite, and also anywhere at all.
EARLY, LATE = datetime(2026, 11, 28), datetime(2026, 12, 2)
near_now = st.one_of(st.datetimes(EARLY, LATE), st.datetimes(EARLY, LATE, timezones=aware_zones))
any_time = st.datetimes(timezones=zones)
extreme_zone = st.sampled_from(
    [
        None,
        UTC,
        timezone(timedelta(hours=23, minutes=59)),
        timezone(-timedelta(hours=23, minutes=59)),
    ]
)
extremes = st.builds(
    lambda moment, zone: moment.replace(tzinfo=zone),
    st.sampled_from(EXTREME_TIMES),
    extreme_zone,
)
moments = st.one_of(near_now, any_time, extremes)
days = st.one_of(st.dates(), st.sampled_from(EXTREME_DAYS))


def weighted(*choices: tuple[st.SearchStrategy[object], int]) -> st.SearchStrategy[object]:
    """Pick among strategies in proportion to their weights (one_of picks evenly)."""
    pool = [strategy for strategy, weight in choices for _ in range(weight)]
    return st.sampled_from(pool).flatmap(lambda strategy: strategy)


# Text known to have hurt somewhere: lone surrogates SQLite cannot encode, NUL, line and
# paragraph separators that strip() eats at the ends only, LIKE wildcards, terminal escapes.
NASTY_TEXT = [
    "",
    " ",
    "\r\n",
    "yf-0001\r\n",
    "张",
    "\ud800",
    "张\udfff三",
    "a\x00b",
    "一\u2028队",
    "\x1b[31m",
    "%",
    "_",
    "'; DROP TABLE volunteers; --",
    "x" * 100_000,
]
hostile_text = weighted(
    (st.text(), 2),
    (st.text(st.characters(codec=None, categories=["Cc", "Cs", "Co", "Cn", "Zl", "Zp"])), 2),
    (
        st.builds(
            lambda chunk, n: chunk * n, st.text(min_size=1, max_size=3), st.integers(1, 50_000)
        ),
        1,
    ),
    (st.sampled_from(NASTY_TEXT), 3),
)
junk = weighted(
    (hostile_text, 6),
    (st.none(), 1),
    (st.integers(), 1),
    (st.floats(), 1),
    (st.booleans(), 1),
    (st.binary(max_size=20), 1),
    (days, 1),
    (moments, 2),
    (st.lists(st.integers(), max_size=3), 1),
    (st.dictionaries(st.text(max_size=3), st.integers(), max_size=2), 1),
)


VOLUNTEER_REFS = ["YF-0001", "yf-0002\r\n", "YF-0003", "YF-9999", "id:YF-0001", "id:YF-0002"]
SHIFT_REFS = ["shift:YF-0001", "shift:YF-0002", "no-such-shift"]
near_now_or_none = st.one_of(st.none(), near_now)


def resolve(value: object, known: dict[str, str]) -> object:
    """Turn the placeholders "id:<badge>" and "shift:<badge>" into the desk's real ids."""
    if isinstance(value, str) and value.startswith("id:"):
        return known.get(value[3:], value)
    if isinstance(value, str) and value.startswith("shift:"):
        return known.get(value, value)
    return value


def arguments(**valid: st.SearchStrategy[object]) -> st.SearchStrategy[dict[str, object]]:
    """Keyword arguments with one field hostile and the rest mostly sensible.

    A call stops at its first bad field, so fully random arguments would rarely get past
    the first one; this way every field, and the checks after validation, get exercised.
    """

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, object]:
        target = draw(st.sampled_from(sorted(valid)))
        values: dict[str, object] = {}
        for name, strategy in valid.items():
            if name == target:
                values[name] = draw(weighted((junk, 3), (strategy, 1)))
            else:
                values[name] = draw(weighted((strategy, 3), (junk, 1)))
        return values

    return build()


def unset_or(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.one_of(st.just(records.UNSET), strategy)


@SETTINGS
@given(
    kwargs=arguments(
        name=st.sampled_from(["赵六", "Li Wei", "欧阳 小明"]),
        badge_code=st.sampled_from(["yf-0100\n", "YF-0101", "YF-0001"]),
        phone=st.sampled_from([None, "13912345678", "0796-1234567", "+86 139 1234 5678"]),
        team=st.sampled_from([None, "", "古城一队"]),
        is_party_member=st.booleans(),
        home_station=st.sampled_from([None, "yf02", "YF01"]),
    )
)
def test_add(desk: Store, kwargs: dict[str, object]) -> None:
    attempt(desk, lambda s: roster.add(s, **kwargs))


@SETTINGS
@given(
    kwargs=arguments(
        ref=st.sampled_from(VOLUNTEER_REFS),
        name=unset_or(st.sampled_from(["张三丰", "李四"])),
        phone=unset_or(st.sampled_from([None, "13912345678"])),
        team=unset_or(st.sampled_from([None, "驼背桥组"])),
        badge_code=unset_or(st.sampled_from(["YF-0002", "yf-0200", "YF-0001"])),
        is_party_member=unset_or(st.booleans()),
        active=unset_or(st.booleans()),
    )
)
def test_update(desk: Store, kwargs: dict[str, object]) -> None:
    known = ids(desk)
    ref = resolve(kwargs.pop("ref"), known)
    attempt(desk, lambda s: roster.update(s, ref, **kwargs))


@SETTINGS
@given(
    kwargs=arguments(
        volunteer=st.sampled_from(VOLUNTEER_REFS),
        post=st.sampled_from(["古戏台广场", "驼背桥", "没有的点位"]),
        at=near_now_or_none,
    ),
    by_badge=st.booleans(),
)
def test_check_in(desk: Store, kwargs: dict[str, object], by_badge: bool) -> None:
    known = ids(desk)
    volunteer, post, when = resolve(kwargs["volunteer"], known), kwargs["post"], kwargs["at"]
    if by_badge:
        attempt(desk, lambda s: shifts.check_in_by_badge(s, badge=volunteer, post=post))
    else:
        attempt(desk, lambda s: shifts.check_in(s, volunteer=volunteer, post=post, at=when))


@SETTINGS
@given(kwargs=arguments(volunteer=st.sampled_from(VOLUNTEER_REFS), at=near_now_or_none))
def test_check_out(desk: Store, kwargs: dict[str, object]) -> None:
    known = ids(desk)
    volunteer, when = resolve(kwargs["volunteer"], known), kwargs["at"]
    attempt(desk, lambda s: shifts.check_out(s, volunteer=volunteer, at=when))


@SETTINGS
@given(
    kwargs=arguments(
        shift_id=st.sampled_from(SHIFT_REFS),
        check_in_at=unset_or(near_now),
        check_out_at=unset_or(near_now),
    )
)
def test_correct_shift(desk: Store, kwargs: dict[str, object]) -> None:
    known = ids(desk)
    shift_id = resolve(kwargs.pop("shift_id"), known)
    attempt(desk, lambda s: shifts.correct_shift(s, shift_id, **kwargs))


@SETTINGS
@given(
    args=st.fixed_dictionaries(
        {
            "text": st.one_of(st.none(), st.sampled_from(["张", "yf"]), junk),
            "day": st.one_of(st.none(), st.sampled_from(EXTREME_DAYS), days, junk),
            "volunteer": st.one_of(st.none(), st.sampled_from(VOLUNTEER_REFS), junk),
            "limit": st.one_of(st.none(), st.integers(), junk),
            "offset": st.one_of(st.integers(), junk),
        }
    )
)
@example(args=dict.fromkeys(("text", "day", "volunteer", "limit"), None) | {"offset": 0})
@example(args={"text": "张", "day": date.min, "volunteer": "YF-0001", "limit": 0, "offset": -1})
@example(args={"text": "", "day": date.max, "volunteer": "id:YF-0002", "limit": 1, "offset": 1})
def test_reading_and_the_day_close(desk: Store, args: dict[str, object]) -> None:
    text, day, limit, offset = args["text"], args["day"], args["limit"], args["offset"]
    volunteer = resolve(args["volunteer"], ids(desk))
    attempt(desk, lambda s: roster.find(s, text=text, limit=limit))
    attempt(desk, lambda s: roster.get(s, volunteer))
    attempt(desk, lambda s: roster.remove(s, volunteer))
    attempt(desk, lambda s: shifts.shifts(s, day=day, volunteer=volunteer))
    attempt(desk, lambda s: shifts.shifts(s, limit=limit, offset=offset))
    attempt(desk, lambda s: shifts.day_hours(s, day=day))
    attempt(desk, lambda s: shifts.close_day(s, day=day))


# Every argument of every call, fed each known-nasty value in turn: the search above finds
# the unknown, this makes sure the known edges are hit on every run.
Call = Callable[[Session, object, dict[str, str]], object]
EVERY_ARGUMENT: dict[str, Call] = {
    "add.name": lambda s, v, k: roster.add(s, name=v, badge_code="YF-0100"),
    "add.badge_code": lambda s, v, k: roster.add(s, name="赵六", badge_code=v),
    "add.phone": lambda s, v, k: roster.add(s, name="赵六", badge_code="YF-0100", phone=v),
    "add.team": lambda s, v, k: roster.add(s, name="赵六", badge_code="YF-0100", team=v),
    "add.is_party_member": lambda s, v, k: roster.add(
        s, name="赵六", badge_code="YF-0100", is_party_member=v
    ),
    "add.home_station": lambda s, v, k: roster.add(
        s, name="赵六", badge_code="YF-0100", home_station=v
    ),
    "get.ref": lambda s, v, k: roster.get(s, v),
    "update.ref": lambda s, v, k: roster.update(s, v, name="赵六"),
    "update.name": lambda s, v, k: roster.update(s, "YF-0002", name=v),
    "update.phone": lambda s, v, k: roster.update(s, "YF-0002", phone=v),
    "update.team": lambda s, v, k: roster.update(s, "YF-0002", team=v),
    "update.badge_code": lambda s, v, k: roster.update(s, "YF-0002", badge_code=v),
    "update.is_party_member": lambda s, v, k: roster.update(s, "YF-0002", is_party_member=v),
    "update.active": lambda s, v, k: roster.update(s, "YF-0002", active=v),
    "remove.ref": lambda s, v, k: roster.remove(s, v),
    "find.text": lambda s, v, k: roster.find(s, text=v),
    "find.limit": lambda s, v, k: roster.find(s, limit=v),
    "check_in.volunteer": lambda s, v, k: shifts.check_in(s, volunteer=v, post="驼背桥"),
    "check_in.post": lambda s, v, k: shifts.check_in(s, volunteer="YF-0002", post=v),
    "check_in.at": lambda s, v, k: shifts.check_in(s, volunteer="YF-0002", post="驼背桥", at=v),
    "check_in_by_badge.badge": lambda s, v, k: shifts.check_in_by_badge(s, badge=v, post="驼背桥"),
    "check_in_by_badge.post": lambda s, v, k: shifts.check_in_by_badge(s, badge="YF-0002", post=v),
    "check_out.volunteer": lambda s, v, k: shifts.check_out(s, volunteer=v),
    "check_out.at": lambda s, v, k: shifts.check_out(s, volunteer="YF-0001", at=v),
    "correct_shift.shift_id": lambda s, v, k: shifts.correct_shift(s, v),
    "correct_shift.check_in_at": lambda s, v, k: shifts.correct_shift(
        s, k["shift:YF-0002"], check_in_at=v
    ),
    "correct_shift.check_out_at": lambda s, v, k: shifts.correct_shift(
        s, k["shift:YF-0002"], check_out_at=v
    ),
    "shifts.day": lambda s, v, k: shifts.shifts(s, day=v),
    "shifts.volunteer": lambda s, v, k: shifts.shifts(s, volunteer=v),
    "shifts.limit": lambda s, v, k: shifts.shifts(s, limit=v),
    "shifts.offset": lambda s, v, k: shifts.shifts(s, offset=v),
    "day_hours.day": lambda s, v, k: shifts.day_hours(s, day=v),
    "close_day.day": lambda s, v, k: shifts.close_day(s, day=v),
}


def bind(call: Call, value: object, known: dict[str, str]) -> Callable[[Session], object]:
    return lambda session: call(session, value, known)


NASTY_VALUES: list[object] = [
    *NASTY_TEXT,
    None,
    0,
    -1,
    2**70,
    1.5,
    float("nan"),
    True,
    b"YF-0001",
    ["YF-0001"],
    {"id": 1},
    *EXTREME_DAYS,
    *EXTREME_TIMES,
    *(moment.replace(tzinfo=None) for moment in EXTREME_TIMES),
    datetime.max.replace(tzinfo=timezone(-timedelta(hours=23, minutes=59))),
    datetime(2000, 1, 1, tzinfo=timezone(timedelta(hours=23, minutes=59))),
]


@pytest.mark.parametrize("call", EVERY_ARGUMENT)
def test_known_nasty_values_in_every_argument(desk: Store, call: str) -> None:
    known = ids(desk)
    for value in NASTY_VALUES:
        attempt(desk, bind(EVERY_ARGUMENT[call], value, known))


def test_the_desk_is_what_the_examples_expect(desk: Store) -> None:
    with desk.reading() as session:
        assert [s.volunteer.name for s in shifts.on_duty(session)] == ["张三"]
        assert len(shifts.shifts(session, day=date(2026, 11, 30))) == 2
        assert {"YF-0001", "YF-0002", "YF-0003", "shift:YF-0001", "shift:YF-0002"} <= set(ids(desk))
