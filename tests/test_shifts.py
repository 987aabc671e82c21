"""Shifts: check-in and check-out, hours, the day close, and the lead's corrections."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from station import clock
from station.errors import InvalidInput, NotFound, StateError, StationError
from station.models import Post, Shift, Volunteer
from station.services import roster, shifts
from station.services import station as station_service
from station.services.shifts import VolunteerHours
from station.store import Store
from tests.snapshot import snapshot
from tests.test_volunteers import outbox, refused

DAY = date(2026, 11, 30)
EVE = DAY - timedelta(days=1)


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    """A local time on `day`."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=clock.LOCAL_TZ)


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with clock.frozen_at(at(17, 40)):
        yield


@pytest.fixture
def desk(station_store: Store) -> Store:
    """Station YF01 with posts 古戏台广场 and 驼背桥, and three volunteers on its roster."""
    with station_store.transaction() as session:
        roster.add(session, name="张三", badge_code="YF-0001")
        roster.add(session, name="李四", badge_code="YF-0002")
        roster.add(session, name="王五", badge_code="YF-0003")
    return station_store


def shift_id(store: Store, badge: str) -> str:
    """The id of the newest shift of the volunteer with `badge`."""
    with store.reading() as session:
        return shifts.shifts(session, volunteer=badge, limit=1)[0].id


# --- check-in and check-out --------------------------------------------------------------


def test_check_in_and_out_counts_hours(desk: Store) -> None:
    with clock.frozen_at(at(9)), desk.transaction() as session:
        shift = shifts.check_in(session, volunteer="YF-0001", post="古戏台广场")
    assert shift.check_in_at == at(9)
    assert shift.check_out_at is None
    assert shift.hours is None
    assert shift.station_code == "YF01"
    assert shift.auto_closed is False
    # The returned shift is detached but still knows who and where.
    assert shift.volunteer.name == "张三"
    assert shift.post.name == "古戏台广场"
    with clock.frozen_at(at(12, 30)), desk.transaction() as session:
        assert [s.id for s in shifts.on_duty(session)] == [shift.id]
        done = shifts.check_out(session, volunteer="yf-0001")
        assert shifts.on_duty(session) == []
    assert done.id == shift.id
    assert done.check_out_at == at(12, 30)
    assert done.hours == 3.5
    assert outbox(desk, shift.id) == [("create", 1), ("update", 2)]


def test_check_in_and_out_at_given_times(desk: Store) -> None:
    with desk.transaction() as session:
        shifts.check_in(session, volunteer="YF-0002", post="驼背桥", at=at(8, 15))
        # A naive time is local time.
        done = shifts.check_out(session, volunteer="YF-0002", at=datetime(2026, 11, 30, 10, 0))
    assert done.check_in_at == at(8, 15)
    assert done.check_out_at == at(10)
    assert done.check_out_at.tzinfo == UTC
    assert done.hours == 1.75


def test_check_in_by_post_id(desk: Store) -> None:
    with desk.transaction() as session:
        post_id = station_service.post(session, "驼背桥").id
        shift = shifts.check_in(session, volunteer="YF-0001", post=post_id)
    assert shift.post.name == "驼背桥"


def test_check_out_at_the_check_in_moment_is_a_zero_hour_shift(desk: Store) -> None:
    with desk.transaction() as session:
        shifts.check_in(session, volunteer="YF-0001", post="驼背桥", at=at(9))
        assert shifts.check_out(session, volunteer="YF-0001", at=at(9)).hours == 0


def test_check_in_again_after_check_out(desk: Store) -> None:
    with desk.transaction() as session:
        shifts.check_in(session, volunteer="YF-0001", post="驼背桥", at=at(8))
        shifts.check_out(session, volunteer="YF-0001", at=at(11))
        shifts.check_in(session, volunteer="YF-0001", post="古戏台广场", at=at(13))
        assert [s.post.name for s in shifts.on_duty(session)] == ["古戏台广场"]
        assert shifts.count_shifts(session) == 2


@pytest.mark.parametrize("second_post", ["古戏台广场", "驼背桥"])
def test_double_check_in_refused_even_at_another_post(desk: Store, second_post: str) -> None:
    with desk.transaction() as session:
        shifts.check_in(session, volunteer="YF-0001", post="古戏台广场", at=at(9, 5))
    error = refused(
        desk,
        StateError,
        "volunteer",
        lambda s: shifts.check_in(s, volunteer="YF-0001", post=second_post),
    )
    assert error.code == "already_checked_in"
    assert error.message("zh_CN") == "张三已在古戏台广场签到（2026-11-30 09:05起），请先签退。"
    assert "check out first" in error.message("en")
    refused(
        desk,
        StateError,
        "volunteer",
        lambda s: shifts.check_in_by_badge(s, badge="yf-0001\r\n", post=second_post),
    )


# --- badge scans -------------------------------------------------------------------------


@pytest.mark.parametrize("scanned", ["yf-0012\r\n", "YF-0012\n", "yf-0012\r", " yf-0012  "])
def test_check_in_by_badge_as_the_scanner_types_it(desk: Store, scanned: str) -> None:
    with desk.transaction() as session:
        roster.add(session, name="赵六", badge_code="YF-0012")
        shift = shifts.check_in_by_badge(session, badge=scanned, post="驼背桥")
    assert shift.volunteer.name == "赵六"
    assert shift.check_in_at == at(17, 40)


def test_unknown_badge_scan(desk: Store) -> None:
    error = refused(
        desk,
        NotFound,
        "badge_code",
        lambda s: shifts.check_in_by_badge(s, badge="yf-9999\r\n", post="驼背桥"),
    )
    assert error.message("zh_CN") == "找不到该胸卡编号：YF-9999。"


def test_garbled_badge_scan(desk: Store) -> None:
    error = refused(
        desk,
        InvalidInput,
        "badge_code",
        lambda s: shifts.check_in_by_badge(s, badge="yf 0001", post="驼背桥"),
    )
    assert error.code == "bad_badge"


def test_removed_volunteer_cannot_check_in_by_badge(desk: Store) -> None:
    with desk.transaction() as session:
        roster.remove(session, "YF-0003")
    refused(
        desk,
        NotFound,
        "badge_code",
        lambda s: shifts.check_in_by_badge(s, badge="YF-0003", post="驼背桥"),
    )


# --- refusals ----------------------------------------------------------------------------


def test_inactive_volunteer_cannot_check_in(desk: Store) -> None:
    with desk.transaction() as session:
        roster.update(session, "YF-0003", active=False)
    error = refused(
        desk,
        StateError,
        "volunteer",
        lambda s: shifts.check_in(s, volunteer="YF-0003", post="驼背桥"),
    )
    assert error.code == "volunteer_inactive"
    assert error.message("zh_CN") == "王五已不在志愿者名册中。"


def test_check_out_without_check_in(desk: Store) -> None:
    error = refused(
        desk, StateError, "volunteer", lambda s: shifts.check_out(s, volunteer="YF-0001")
    )
    assert error.code == "not_checked_in"
    assert error.message("en") == "张三 is not checked in, so cannot check out."


def test_check_out_before_check_in(desk: Store) -> None:
    with desk.transaction() as session:
        shifts.check_in(session, volunteer="YF-0001", post="驼背桥", at=at(9))
    error = refused(
        desk,
        InvalidInput,
        "check_out_at",
        lambda s: shifts.check_out(s, volunteer="YF-0001", at=at(8, 59)),
    )
    assert error.code == "end_before_start"
    assert error.message("en") == "The check-out time cannot be before the start time."


@pytest.mark.parametrize(
    ("when", "code"),
    [
        (at(18, 0), "in_future"),
        (at(9, day=DAY + timedelta(days=1)), "in_future"),
        (datetime(1999, 12, 31, tzinfo=UTC), "not_time"),
        ("09:00", "not_time"),
        (DAY, "not_time"),
        (1764471600, "not_time"),
    ],
)
def test_check_in_at_bad_time(desk: Store, when: object, code: str) -> None:
    error = refused(
        desk,
        InvalidInput,
        "check_in_at",
        lambda s: shifts.check_in(s, volunteer="YF-0001", post="驼背桥", at=when),
    )
    assert error.code == code


def test_check_out_in_future(desk: Store) -> None:
    with desk.transaction() as session:
        shifts.check_in(session, volunteer="YF-0001", post="驼背桥", at=at(9))
    error = refused(
        desk,
        InvalidInput,
        "check_out_at",
        lambda s: shifts.check_out(s, volunteer="YF-0001", at=at(19)),
    )
    assert error.code == "in_future"
    assert error.message("zh_CN") == "签退时间不能晚于现在。"


def test_check_in_within_the_clock_slack_is_accepted(desk: Store) -> None:
    with desk.transaction() as session:
        shift = shifts.check_in(session, volunteer="YF-0001", post="驼背桥", at=at(17, 44))
    assert shift.check_in_at == at(17, 44)


@pytest.mark.parametrize(
    ("kwargs", "error_type", "field"),
    [
        ({"volunteer": "YF-9999", "post": "驼背桥"}, NotFound, "volunteer"),
        ({"volunteer": None, "post": "驼背桥"}, InvalidInput, "volunteer"),
        ({"volunteer": "YF-0001", "post": "不存在的点位"}, NotFound, "post"),
        ({"volunteer": "YF-0001", "post": ""}, InvalidInput, "post"),
        ({"volunteer": "YF-0001", "post": 3}, InvalidInput, "post"),
        ({"volunteer": "YF-0001", "post": "驼背\x00桥"}, InvalidInput, "post"),
        ({"volunteer": "YF-0001", "post": "桥" * 41}, InvalidInput, "post"),
    ],
)
def test_check_in_unknown_or_bad_reference(
    desk: Store, kwargs: dict[str, object], error_type: type[StationError], field: str
) -> None:
    refused(desk, error_type, field, lambda s: shifts.check_in(s, **kwargs))


def test_check_in_at_another_stations_post_is_refused(desk: Store) -> None:
    with desk.transaction() as session:
        session.add(Post(station_code="YF02", name="外站点位", active=True))
    refused(
        desk,
        NotFound,
        "post",
        lambda s: shifts.check_in(s, volunteer="YF-0001", post="外站点位"),
    )


# --- listing -----------------------------------------------------------------------------


@pytest.fixture
def two_days(desk: Store) -> Store:
    """张三 08:00-11:30 and 14:00-16:15, 李四 09:10 still on duty, 王五 20:00-23:00 the eve."""
    with desk.transaction() as session:
        shifts.check_in(session, volunteer="YF-0003", post="驼背桥", at=at(20, day=EVE))
        shifts.check_out(session, volunteer="YF-0003", at=at(23, day=EVE))
        shifts.check_in(session, volunteer="YF-0001", post="古戏台广场", at=at(8))
        shifts.check_out(session, volunteer="YF-0001", at=at(11, 30))
        shifts.check_in(session, volunteer="YF-0002", post="驼背桥", at=at(9, 10))
        shifts.check_in(session, volunteer="YF-0001", post="驼背桥", at=at(14))
        shifts.check_out(session, volunteer="YF-0001", at=at(16, 15))
    return desk


def starts(found: list[Shift]) -> list[tuple[str, datetime]]:
    return [(s.volunteer.name, s.check_in_at) for s in found]


def test_shifts_newest_first_with_filters(two_days: Store) -> None:
    with two_days.reading() as session:
        assert starts(shifts.shifts(session)) == [
            ("张三", at(14)),
            ("李四", at(9, 10)),
            ("张三", at(8)),
            ("王五", at(20, day=EVE)),
        ]
        assert starts(shifts.shifts(session, day=EVE)) == [("王五", at(20, day=EVE))]
        assert len(shifts.shifts(session, day=DAY)) == 3
        assert shifts.shifts(session, day=DAY + timedelta(days=1)) == []
        assert starts(shifts.shifts(session, volunteer="yf-0001")) == [
            ("张三", at(14)),
            ("张三", at(8)),
        ]
        assert starts(shifts.shifts(session, limit=2, offset=1)) == [
            ("李四", at(9, 10)),
            ("张三", at(8)),
        ]
        assert shifts.count_shifts(session) == 4


def test_on_duty_oldest_first(two_days: Store) -> None:
    with two_days.transaction() as session:
        shifts.check_in(session, volunteer="YF-0003", post="古戏台广场", at=at(7))
        assert starts(shifts.on_duty(session)) == [("王五", at(7)), ("李四", at(9, 10))]


@pytest.mark.parametrize(
    ("kwargs", "field", "code"),
    [
        ({"day": "2026-11-30"}, "day", "not_date"),
        ({"day": 20261130}, "day", "not_date"),
        ({"limit": 0}, "limit", "out_of_range"),
        ({"limit": True}, "limit", "not_number"),
        ({"offset": -1}, "offset", "out_of_range"),
        ({"volunteer": ""}, "volunteer", "required"),
    ],
)
def test_shifts_refuses_bad_input(
    desk: Store, kwargs: dict[str, object], field: str, code: str
) -> None:
    error = refused(desk, InvalidInput, field, lambda s: shifts.shifts(s, **kwargs))
    assert error.code == code


# --- hours -------------------------------------------------------------------------------


def test_day_hours_by_hand(two_days: Store) -> None:
    with two_days.reading() as session:
        today = shifts.day_hours(session, day=DAY)
        eve = shifts.day_hours(session, day=EVE)
        ids = {v.badge_code: v.id for v in session.scalars(select(Volunteer))}
    # 张三: 08:00-11:30 is 3.5 h, 14:00-16:15 is 2.25 h. 李四: 09:10 to now (17:40) is 8.5 h.
    # Ordered by name: 张 (U+5F20) sorts before 李 (U+674E).
    assert today == [
        VolunteerHours(ids["YF-0001"], "张三", "YF-0001", shifts=2, hours=5.75),
        VolunteerHours(ids["YF-0002"], "李四", "YF-0002", shifts=1, hours=8.5),
    ]
    assert eve == [VolunteerHours(ids["YF-0003"], "王五", "YF-0003", shifts=1, hours=3.0)]
    with clock.frozen_at(at(18, 10)), two_days.reading() as session:
        assert shifts.day_hours(session, day=DAY)[1].hours == 9.0


def test_day_hours_count_a_shift_on_its_check_in_day(desk: Store) -> None:
    with clock.frozen_at(at(12)), desk.transaction() as session:
        # 22:30 on the eve to 01:00: 2.5 h, all counted on the eve.
        shifts.check_in(session, volunteer="YF-0001", post="驼背桥", at=at(22, 30, day=EVE))
        shifts.check_out(session, volunteer="YF-0001", at=at(1))
        assert [h.hours for h in shifts.day_hours(session, day=EVE)] == [2.5]
        assert shifts.day_hours(session, day=DAY) == []


def test_day_hours_rounds_the_total_once(desk: Store) -> None:
    with desk.transaction() as session:
        # Three shifts of 20 minutes: 1.0 h, where summing rounded parts gives 0.99.
        for start in (8, 10, 12):
            shifts.check_in(session, volunteer="YF-0001", post="驼背桥", at=at(start))
            shifts.check_out(session, volunteer="YF-0001", at=at(start, 20))
        [row] = shifts.day_hours(session, day=DAY)
    assert row.shifts == 3
    assert row.hours == 1.0


def test_hours_of_a_removed_volunteer_still_count(two_days: Store) -> None:
    with two_days.transaction() as session:
        roster.remove(session, "YF-0001")
    with two_days.reading() as session:
        assert [h.name for h in shifts.day_hours(session, day=DAY)] == ["张三", "李四"]


def test_day_hours_bad_day(desk: Store) -> None:
    refused(desk, InvalidInput, "day", lambda s: shifts.day_hours(s, day="today"))


# --- day close ---------------------------------------------------------------------------


def test_close_day_closes_and_flags_open_shifts(desk: Store) -> None:
    with clock.frozen_at(at(8, 30)), desk.transaction() as session:
        shifts.check_in(session, volunteer="YF-0003", post="驼背桥", at=at(18, day=EVE))
        shifts.check_in(session, volunteer="YF-0001", post="古戏台广场", at=at(8))
        # Closing the eve leaves today's shift alone.
        closed = shifts.close_day(session, day=EVE)
    assert [s.volunteer.name for s in closed] == ["王五"]
    [wang] = closed
    assert wang.check_out_at == at(0)  # the end of the eve
    assert wang.hours == 6.0
    assert wang.auto_closed is True
    assert outbox(desk, wang.id) == [("create", 1), ("update", 2)]

    with clock.frozen_at(at(18)), desk.transaction() as session:
        assert [s.volunteer.name for s in shifts.on_duty(session)] == ["张三"]
        [zhang] = shifts.close_day(session)
        assert shifts.on_duty(session) == []
    assert zhang.check_out_at == at(18)  # now is sooner than the end of the day
    assert zhang.auto_closed is True
    assert zhang.hours == 10.0

    before = snapshot(desk)
    with clock.frozen_at(at(18, 5)), desk.transaction() as session:
        assert shifts.close_day(session) == []
    assert snapshot(desk) == before


def test_close_day_takes_older_days_too(desk: Store) -> None:
    with clock.frozen_at(at(9)), desk.transaction() as session:
        long_ago = at(10, day=DAY - timedelta(days=3))
        shifts.check_in(session, volunteer="YF-0001", post="驼背桥", at=long_ago)
        [closed] = shifts.close_day(session, day=EVE)
    assert closed.check_out_at == at(0, day=DAY - timedelta(days=2))
    assert closed.hours == 14.0


def test_close_day_bad_day(desk: Store) -> None:
    error = refused(desk, InvalidInput, "day", lambda s: shifts.close_day(s, day="yesterday"))
    assert error.message("en") == "The date is not a valid date."


# --- corrections -------------------------------------------------------------------------


@pytest.fixture
def auto_closed(desk: Store) -> str:
    """王五's shift from 18:00 on the eve, closed by the day close at midnight."""
    with clock.frozen_at(at(8)), desk.transaction() as session:
        shifts.check_in(session, volunteer="YF-0003", post="驼背桥", at=at(18, day=EVE))
        [shift] = shifts.close_day(session, day=EVE)
        return shift.id


def test_correct_shift_sets_the_real_time_and_clears_the_flag(
    desk: Store, auto_closed: str
) -> None:
    with desk.transaction() as session:
        shift = shifts.correct_shift(session, auto_closed, check_out_at=at(20, 30, day=EVE))
    assert shift.check_out_at == at(20, 30, day=EVE)
    assert shift.hours == 2.5
    assert shift.auto_closed is False
    assert outbox(desk, auto_closed) == [("create", 1), ("update", 2), ("update", 3)]


def test_correct_shift_without_times_marks_it_reviewed(desk: Store, auto_closed: str) -> None:
    with desk.transaction() as session:
        shift = shifts.correct_shift(session, auto_closed)
    assert shift.auto_closed is False
    assert shift.hours == 6.0
    assert shift.version == 3


def test_correct_both_times(desk: Store, auto_closed: str) -> None:
    with desk.transaction() as session:
        shift = shifts.correct_shift(
            session, auto_closed, check_in_at=at(17, day=EVE), check_out_at=at(21, day=EVE)
        )
    assert (shift.check_in_at, shift.check_out_at) == (at(17, day=EVE), at(21, day=EVE))
    assert shift.hours == 4.0


def test_correct_an_open_shifts_check_in(desk: Store) -> None:
    with desk.transaction() as session:
        shifts.check_in(session, volunteer="YF-0001", post="驼背桥", at=at(9))
    shift_ref = shift_id(desk, "YF-0001")
    with desk.transaction() as session:
        shift = shifts.correct_shift(session, shift_ref, check_in_at=at(8, 45))
    assert shift.check_in_at == at(8, 45)
    assert shift.check_out_at is None


def test_correct_shift_without_change_writes_nothing(desk: Store) -> None:
    with desk.transaction() as session:
        shifts.check_in(session, volunteer="YF-0001", post="驼背桥", at=at(9))
        shifts.check_out(session, volunteer="YF-0001", at=at(10))
    shift_ref = shift_id(desk, "YF-0001")
    before = snapshot(desk)
    with desk.transaction() as session:
        shifts.correct_shift(session, shift_ref, check_in_at=at(9), check_out_at=at(10))
    assert snapshot(desk) == before


@pytest.mark.parametrize(
    ("kwargs", "field", "code"),
    [
        ({"check_out_at": at(17, 59, day=EVE)}, "check_out_at", "end_before_start"),
        ({"check_in_at": at(1)}, "check_out_at", "end_before_start"),
        ({"check_in_at": at(18)}, "check_in_at", "in_future"),
        ({"check_out_at": at(23)}, "check_out_at", "in_future"),
        ({"check_out_at": None}, "check_out_at", "required"),
        ({"check_in_at": "18:00"}, "check_in_at", "not_time"),
    ],
)
def test_correct_shift_refuses_bad_times(
    desk: Store, auto_closed: str, kwargs: dict[str, object], field: str, code: str
) -> None:
    error = refused(
        desk, InvalidInput, field, lambda s: shifts.correct_shift(s, auto_closed, **kwargs)
    )
    assert error.code == code


@pytest.mark.parametrize(
    ("ref", "error_type"), [("no-such-shift", NotFound), (None, InvalidInput), (7, InvalidInput)]
)
def test_correct_unknown_shift(desk: Store, ref: object, error_type: type[StationError]) -> None:
    refused(desk, error_type, "shift", lambda s: shifts.correct_shift(s, ref))


# --- other stations' shifts --------------------------------------------------------------


@pytest.fixture
def visitor_on_duty_elsewhere(desk: Store) -> str:
    """A YF02 volunteer with an open shift at YF02, as the pull brings them in."""
    with desk.transaction() as session:
        post = Post(station_code="YF02", name="外站点位", active=True)
        person = Volunteer(
            station_code="YF02",
            name="外站志愿者",
            badge_code="YF02-0001",
            home_station="YF02",
            is_party_member=False,
            active=True,
        )
        shift = Shift(
            station_code="YF02", volunteer=person, post=post, check_in_at=at(8), auto_closed=False
        )
        session.add(shift)
        session.flush()
        return shift.id


def test_other_stations_shifts_are_left_alone(desk: Store, visitor_on_duty_elsewhere: str) -> None:
    with desk.transaction() as session:
        assert shifts.on_duty(session) == []
        assert shifts.close_day(session) == []
        assert shifts.shifts(session) == []
        assert shifts.count_shifts(session) == 0
        assert shifts.day_hours(session, day=DAY) == []
    error = refused(
        desk,
        StateError,
        None,
        lambda s: shifts.correct_shift(s, visitor_on_duty_elsewhere, check_out_at=at(9)),
    )
    assert error.code == "not_own_record"
    error = refused(desk, StateError, None, lambda s: shifts.check_out(s, volunteer="YF02-0001"))
    assert error.code == "not_own_record"
    # Still on duty at YF02, so not checked in here either.
    error = refused(
        desk,
        StateError,
        "volunteer",
        lambda s: shifts.check_in(s, volunteer="YF02-0001", post="驼背桥"),
    )
    assert error.code == "already_checked_in"


def test_a_volunteer_with_another_home_station_serves_here(desk: Store) -> None:
    with desk.transaction() as session:
        roster.add(session, name="流动站志愿者", badge_code="LD-0001", home_station="LD01")
        shift = shifts.check_in(session, volunteer="LD-0001", post="驼背桥", at=at(9))
    assert shift.station_code == "YF01"
