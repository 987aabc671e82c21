"""The volunteer roster: adding, finding, changing and removing volunteers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from station import clock
from station.errors import InvalidInput, NotFound, StateError, StationError
from station.messages import MESSAGES, field_label
from station.models import OutboxEntry, Volunteer
from station.services import roster, shifts
from station.store import Store
from station.sync.outbox import pending_count
from tests.snapshot import snapshot

NOW = datetime(2026, 11, 30, 10, 0, tzinfo=clock.LOCAL_TZ)


def assert_messages(error: StationError) -> None:
    """The error has its own message in both languages, with the field's label filled in."""
    assert error.code in MESSAGES
    zh, en = error.message("zh_CN"), error.message("en")
    assert zh
    assert en
    assert zh != en
    assert "{" not in zh + en
    if "{field}" in MESSAGES[error.code][1]:
        assert field_label(error.field, "zh_CN") in zh
        assert field_label(error.field, "en") in en


def refused(
    store: Store,
    error_type: type[StationError],
    field: str | None,
    action: Callable[[Session], object],
) -> StationError:
    """Run `action` in a transaction; it must raise `error_type` about `field`, writing nothing."""
    before = snapshot(store)
    with pytest.raises(error_type) as caught, store.transaction() as session:
        action(session)
    assert caught.value.field == field
    assert snapshot(store) == before
    assert_messages(caught.value)
    return caught.value


def outbox(store: Store, record_id: str) -> list[tuple[str, int]]:
    with store.reading() as session:
        rows = session.scalars(
            select(OutboxEntry).where(OutboxEntry.record_id == record_id).order_by(OutboxEntry.seq)
        )
        return [(row.op, row.version) for row in rows]


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with clock.frozen_at(NOW):
        yield


@pytest.fixture
def zhang(station_store: Store) -> str:
    """张三, badge YF-0001, on the roster of YF01; returns the id."""
    with station_store.transaction() as session:
        return roster.add(
            session,
            name="张三",
            badge_code="YF-0001",
            phone="13812345678",
            team="古城一队",
            is_party_member=True,
        ).id


def add_other_station_volunteer(store: Store) -> str:
    """A volunteer owned by station YF02, as the pull would bring one in."""
    with store.transaction() as session:
        volunteer = Volunteer(
            station_code="YF02",
            name="外站志愿者",
            badge_code="YF02-0001",
            home_station="YF02",
            is_party_member=False,
            active=True,
        )
        session.add(volunteer)
        session.flush()
        return volunteer.id


# --- adding and looking up ---------------------------------------------------------------


def test_add_stores_the_cleaned_volunteer(station_store: Store) -> None:
    with station_store.transaction() as session:
        volunteer = roster.add(
            session,
            name="  张三 ",
            badge_code="yf-0001\r\n",
            phone="138 1234 5678",
            team="古城一队",
            is_party_member=True,
        )
    assert volunteer.name == "张三"
    assert volunteer.badge_code == "YF-0001"
    assert volunteer.phone == "13812345678"
    assert volunteer.team == "古城一队"
    assert volunteer.is_party_member is True
    assert volunteer.active is True
    assert volunteer.home_station == "YF01"
    assert volunteer.station_code == "YF01"
    assert volunteer.version == 1
    assert volunteer.created_at == NOW
    assert outbox(station_store, volunteer.id) == [("create", 1)]


def test_add_with_only_the_required_fields(station_store: Store) -> None:
    with station_store.transaction() as session:
        volunteer = roster.add(session, name="李四", badge_code="YF-0002")
    assert volunteer.phone is None
    assert volunteer.team is None
    assert volunteer.is_party_member is False


def test_add_with_another_home_station(station_store: Store) -> None:
    with station_store.transaction() as session:
        volunteer = roster.add(session, name="王五", badge_code="LS-0001", home_station="ls02")
    assert volunteer.home_station == "LS02"
    assert volunteer.station_code == "YF01"


def test_add_blank_team_is_stored_as_none(station_store: Store) -> None:
    with station_store.transaction() as session:
        volunteer = roster.add(session, name="李四", badge_code="YF-0002", team="   ")
    assert volunteer.team is None


@pytest.mark.parametrize("ref", ["YF-0001", "yf-0001", "yf-0001\r\n", " YF-0001 \n"])
def test_get_by_badge_as_scanned(station_store: Store, zhang: str, ref: str) -> None:
    with station_store.reading() as session:
        assert roster.get(session, ref).id == zhang


def test_get_by_id(station_store: Store, zhang: str) -> None:
    with station_store.reading() as session:
        assert roster.get(session, zhang).name == "张三"


def test_count_volunteers(station_store: Store, zhang: str) -> None:
    with station_store.transaction() as session:
        roster.add(session, name="李四", badge_code="YF-0002")
        assert roster.count_volunteers(session) == 2
        roster.remove(session, zhang)
        assert roster.count_volunteers(session) == 1


# --- finding -----------------------------------------------------------------------------


@pytest.fixture
def crowd(station_store: Store, zhang: str) -> Store:
    with station_store.transaction() as session:
        roster.add(session, name="李四", badge_code="YF-0002", team="驼背桥组")
        roster.add(session, name="张小红", badge_code="YF-0003", phone="0796-1234567")
        roster.add(session, name="王五", badge_code="YF-0004", team="古城一队")
        roster.update(session, "YF-0004", active=False)
    return station_store


def names(found: list[Volunteer]) -> list[str]:
    return [v.name for v in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, ["张三", "张小红", "李四"]),
        ("", ["张三", "张小红", "李四"]),
        ("张", ["张三", "张小红"]),  # one Chinese character
        ("小红", ["张小红"]),
        ("驼背桥", ["李四"]),  # team
        ("古城", ["张三"]),  # team; 王五 is inactive
        ("yf-0002", ["李四"]),  # badge as typed in lower case
        ("0003", ["张小红"]),
        ("5678", ["张三"]),  # phone fragment
        ("0796", ["张小红"]),
        ("张 5678", ["张三"]),  # every word must match
        ("赵", []),
    ],
)
def test_find(crowd: Store, text: str | None, expected: list[str]) -> None:
    with crowd.reading() as session:
        assert names(roster.find(session, text=text)) == expected


def test_find_including_inactive_and_limited(crowd: Store) -> None:
    with crowd.reading() as session:
        assert names(roster.find(session, text="古城", include_inactive=True)) == ["张三", "王五"]
        assert names(roster.find(session, include_inactive=True, limit=2)) == ["张三", "张小红"]


def test_find_leaves_out_removed_volunteers(crowd: Store) -> None:
    with crowd.transaction() as session:
        roster.remove(session, "YF-0003")
    with crowd.reading() as session:
        assert names(roster.find(session, text="张")) == ["张三"]


# --- updating ----------------------------------------------------------------------------


def test_update_changes_fields_and_queues_an_update(station_store: Store, zhang: str) -> None:
    later = datetime(2026, 11, 30, 11, 0, tzinfo=clock.LOCAL_TZ)
    with clock.frozen_at(later), station_store.transaction() as session:
        volunteer = roster.update(
            session,
            "YF-0001",
            name="张三丰",
            phone="0796-7654321",
            team="驼背桥组",
            badge_code="yf-0101",
            is_party_member=False,
        )
    assert (volunteer.name, volunteer.phone, volunteer.team) == (
        "张三丰",
        "0796-7654321",
        "驼背桥组",
    )
    assert volunteer.badge_code == "YF-0101"
    assert volunteer.is_party_member is False
    assert volunteer.version == 2
    assert volunteer.updated_at == later
    assert volunteer.created_at == NOW
    assert outbox(station_store, zhang) == [("create", 1), ("update", 2)]
    with station_store.reading() as session:
        assert roster.get(session, "YF-0101").id == zhang
        with pytest.raises(NotFound):
            roster.get(session, "YF-0001")


def test_update_none_clears_optional_fields(station_store: Store, zhang: str) -> None:
    with station_store.transaction() as session:
        volunteer = roster.update(session, zhang, phone=None, team=None)
    assert volunteer.phone is None
    assert volunteer.team is None


def test_update_without_changes_writes_nothing(station_store: Store, zhang: str) -> None:
    before = snapshot(station_store)
    with station_store.transaction() as session:
        roster.update(session, zhang)
        roster.update(
            session, zhang, name="张三", phone="138-1234-5678", badge_code="yf-0001", active=True
        )
    assert snapshot(station_store) == before


def test_deactivated_volunteer_stays_on_the_roster(station_store: Store, zhang: str) -> None:
    with station_store.transaction() as session:
        assert roster.update(session, zhang, active=False).active is False
    with station_store.transaction() as session:
        assert roster.get(session, zhang).active is False
        assert roster.find(session) == []
        assert roster.update(session, zhang, active=True).version == 3
    assert outbox(station_store, zhang) == [("create", 1), ("update", 2), ("update", 3)]


# --- removing ----------------------------------------------------------------------------


def test_remove_tombstones(station_store: Store, zhang: str) -> None:
    with station_store.transaction() as session:
        removed = roster.remove(session, "yf-0001")
    assert removed.deleted_at == NOW
    assert removed.version == 2
    # The tombstone travels to central without contact details.
    assert removed.phone is None
    assert outbox(station_store, zhang) == [("create", 1), ("delete", 2)]
    with station_store.reading() as session:
        row = session.scalars(select(Volunteer).where(Volunteer.id == zhang)).one()
        assert row.deleted_at is not None
        assert pending_count(session) == 3  # the station's two posts and the volunteer
    refused(station_store, NotFound, "volunteer", lambda s: roster.get(s, zhang))
    refused(station_store, NotFound, "volunteer", lambda s: roster.remove(s, zhang))
    refused(station_store, NotFound, "volunteer", lambda s: roster.update(s, zhang, name="x"))


def test_removed_badge_is_not_reissued(station_store: Store, zhang: str) -> None:
    with station_store.transaction() as session:
        roster.remove(session, zhang)
    refused(
        station_store,
        InvalidInput,
        "badge_code",
        lambda s: roster.add(s, name="赵六", badge_code="YF-0001"),
    )


def test_remove_refused_while_on_duty(station_store: Store, zhang: str) -> None:
    with station_store.transaction() as session:
        shifts.check_in(session, volunteer=zhang, post="驼背桥")
    error = refused(station_store, StateError, "volunteer", lambda s: roster.remove(s, zhang))
    assert error.code == "on_duty"
    assert "驼背桥" in error.message("zh_CN")
    with station_store.transaction() as session:
        shifts.check_out(session, volunteer=zhang)
        roster.remove(session, zhang)


# --- records of other stations -----------------------------------------------------------


def test_other_stations_volunteers_are_read_only(station_store: Store) -> None:
    other = add_other_station_volunteer(station_store)
    with station_store.reading() as session:
        assert roster.get(session, "yf02-0001").id == other
        assert names(roster.find(session, text="外站")) == ["外站志愿者"]
    error = refused(station_store, StateError, None, lambda s: roster.update(s, other, name="改名"))
    assert error.code == "not_own_record"
    assert "YF02" in error.message("en")
    refused(station_store, StateError, None, lambda s: roster.remove(s, other))


# --- bad input: typed error naming the field, store unchanged ----------------------------

TOO_LONG_41 = "张" * 41


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"name": None}, "name", "required"),
        ({"name": "   "}, "name", "required"),
        ({"name": TOO_LONG_41}, "name", "too_long"),
        ({"name": "张\x07三"}, "name", "control_chars"),
        ({"name": 42}, "name", "not_text"),
        ({"badge_code": None}, "badge_code", "required"),
        ({"badge_code": "YF 0009"}, "badge_code", "bad_badge"),
        ({"badge_code": "红-01"}, "badge_code", "bad_badge"),
        ({"badge_code": "Y" * 33}, "badge_code", "too_long"),
        ({"badge_code": "yf-0001"}, "badge_code", "duplicate"),
        ({"phone": "12345"}, "phone", "bad_phone"),
        ({"phone": "1381234567x"}, "phone", "bad_phone"),
        ({"phone": "138\x001234"}, "phone", "control_chars"),
        ({"team": "队" * 41}, "team", "too_long"),
        ({"team": "一\u2028队"}, "team", "control_chars"),
        ({"is_party_member": "是"}, "is_party_member", "not_yes_no"),
        ({"is_party_member": 1}, "is_party_member", "not_yes_no"),
        ({"home_station": "y"}, "home_station", "bad_station_code"),
        ({"home_station": ""}, "home_station", "required"),
    ],
)
def test_add_refuses_bad_input(
    station_store: Store, zhang: str, fields: dict[str, object], field: str, code: str
) -> None:
    values: dict[str, object] = {"name": "李四", "badge_code": "YF-0002", **fields}
    error = refused(station_store, InvalidInput, field, lambda s: roster.add(s, **values))
    assert error.code == code


def test_duplicate_badge_message_names_the_badge(station_store: Store, zhang: str) -> None:
    error = refused(
        station_store,
        InvalidInput,
        "badge_code",
        lambda s: roster.add(s, name="李四", badge_code="yf-0001\n"),
    )
    assert error.message("en") == "The badge code 'YF-0001' is already in use."
    assert error.message("zh_CN") == "胸卡编号“YF-0001”已被使用。"


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"name": ""}, "name", "required"),
        ({"name": TOO_LONG_41}, "name", "too_long"),
        ({"phone": "110"}, "phone", "bad_phone"),
        ({"team": "\x1b[31m"}, "team", "control_chars"),
        ({"badge_code": "YF-0002"}, "badge_code", "duplicate"),
        ({"badge_code": None}, "badge_code", "required"),
        ({"is_party_member": None}, "is_party_member", "not_yes_no"),
        ({"active": "no"}, "active", "not_yes_no"),
        # A bad field after a good one: the good one must not be written either.
        ({"name": "张三丰", "phone": "123"}, "phone", "bad_phone"),
    ],
)
def test_update_refuses_bad_input(
    station_store: Store, zhang: str, fields: dict[str, object], field: str, code: str
) -> None:
    with station_store.transaction() as session:
        roster.add(session, name="李四", badge_code="YF-0002")
    error = refused(station_store, InvalidInput, field, lambda s: roster.update(s, zhang, **fields))
    assert error.code == code


@pytest.mark.parametrize("ref", ["YF-9999", "no-such-id", "00000000-0000-0000-0000-000000000000"])
def test_unknown_volunteer(station_store: Store, zhang: str, ref: str) -> None:
    error = refused(station_store, NotFound, "volunteer", lambda s: roster.get(s, ref))
    assert ref in error.message("en")
    refused(station_store, NotFound, "volunteer", lambda s: roster.update(s, ref, name="x"))
    refused(station_store, NotFound, "volunteer", lambda s: roster.remove(s, ref))


@pytest.mark.parametrize(
    ("ref", "code"),
    [(None, "required"), ("  ", "required"), (17, "not_text"), ("x" * 65, "too_long")],
)
def test_volunteer_ref_must_be_text(station_store: Store, ref: object, code: str) -> None:
    error = refused(station_store, InvalidInput, "volunteer", lambda s: roster.get(s, ref))
    assert error.code == code


@pytest.mark.parametrize(
    ("kwargs", "field", "code"),
    [
        ({"text": "张\x00"}, "query", "control_chars"),
        ({"text": 5}, "query", "not_text"),
        ({"limit": 0}, "limit", "out_of_range"),
        ({"limit": "10"}, "limit", "not_number"),
    ],
)
def test_find_refuses_bad_input(
    station_store: Store, kwargs: dict[str, object], field: str, code: str
) -> None:
    error = refused(station_store, InvalidInput, field, lambda s: roster.find(s, **kwargs))  # type: ignore[arg-type]
    assert error.code == code


def test_roster_needs_an_initialised_station(store: Store) -> None:
    error = refused(store, StateError, None, lambda s: roster.add(s, name="张三", badge_code="A1"))
    assert error.code == "not_initialised"
