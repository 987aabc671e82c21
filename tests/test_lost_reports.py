"""Lost reports: registration, required contact, search, correction, tombstones, outbox."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from station import clock
from station.errors import InvalidInput, NotFound, StateError, StationError
from station.models import LostReport, OutboxEntry
from station.services import lostfound
from station.store import Store
from station.sync.outbox import APPLYING_PULL
from tests.snapshot import snapshot

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=clock.LOCAL_TZ)


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with clock.frozen_at(NOW):
        yield


def assert_readable(error: StationError) -> None:
    """The message exists in both languages with every placeholder filled."""
    for lang in ("zh_CN", "en"):
        text = error.message(lang)
        assert "{" not in text
        assert error.code not in text


def lost_kwargs(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "category": "phone",
        "description": "黑色苹果手机，带蓝色手机壳",
        "colour": "黑色",
        "lost_place": "驼背桥",
        "lost_at": NOW - timedelta(hours=2),
        "contact_name": "张三",
        "contact_phone": "+86 138 1234 5678",
    }
    base.update(overrides)
    return base


def report(store: Store, **overrides: Any) -> LostReport:
    with store.transaction() as s:
        return lostfound.register_lost(s, **lost_kwargs(**overrides))


def pull_foreign_report(store: Store) -> LostReport:
    """A lost report of station YF02, written as the sync's pull would write it."""
    with store.transaction() as s:
        s.info[APPLYING_PULL] = True
        made = LostReport(
            station_code="YF02",
            report_no="YF02-20261130-0003",
            category="bag",
            description="红色双肩包",
            colour="红色",
            lost_place="古戏台广场",
            lost_at=NOW - timedelta(hours=4),
            contact_name="",
            contact_phone="",
            status="open",
            created_at=NOW,
            updated_at=NOW,
            version=1,
        )
        s.add(made)
    return made


def outbox_ops(store: Store, record_id: str) -> list[str]:
    with store.reading() as s:
        return list(
            s.scalars(
                select(OutboxEntry.op)
                .where(OutboxEntry.record_id == record_id)
                .order_by(OutboxEntry.seq)
            )
        )


def test_register_lost_report(station_store: Store) -> None:
    made = report(station_store)
    assert made.report_no == "YF01-20261130-0001"
    assert made.status == "open"
    assert made.closed_at is None
    assert made.contact_phone == "13812345678"
    assert made.lost_at == NOW - timedelta(hours=2)
    assert outbox_ops(station_store, made.id) == ["create"]


def test_reports_and_items_share_the_days_numbers(station_store: Store) -> None:
    first = report(station_store)
    with station_store.transaction() as s:
        item = lostfound.register_found(
            s,
            category="keys",
            description="一串钥匙",
            found_place="驼背桥",
            found_at=NOW - timedelta(minutes=30),
        )
    second = report(station_store, contact_phone="0796-8123456")
    assert [first.report_no, item.item_no, second.report_no] == [
        "YF01-20261130-0001",
        "YF01-20261130-0002",
        "YF01-20261130-0003",
    ]
    assert second.contact_phone == "0796-8123456"


BAD_INPUT = [
    ("contact_name", {"contact_name": None}, "required"),
    ("contact_name", {"contact_name": ""}, "required"),
    ("contact_name", {"contact_name": "张" * 41}, "too_long"),
    ("contact_phone", {"contact_phone": None}, "required"),
    ("contact_phone", {"contact_phone": " "}, "required"),
    ("contact_phone", {"contact_phone": "1381234567"}, "bad_phone"),
    ("contact_phone", {"contact_phone": "电话13812345678"}, "bad_phone"),
    ("contact_phone", {"contact_phone": 13812345678}, "not_text"),
    ("category", {"category": ""}, "bad_choice"),
    ("description", {"description": "\t"}, "required"),
    ("description", {"description": "包" * 501}, "too_long"),
    ("lost_place", {"lost_place": "桥\x1b"}, "control_chars"),
    ("lost_at", {"lost_at": NOW + timedelta(days=1)}, "in_future"),
    ("lost_at", {"lost_at": datetime(1999, 12, 31, tzinfo=clock.LOCAL_TZ)}, "not_time"),
    ("lost_at", {"lost_at": NOW.date()}, "not_time"),
    ("colour", {"colour": ["黑色"]}, "not_text"),
    ("registered_by", {"registered_by": "B-404"}, "not_found"),
]


@pytest.mark.parametrize(("field", "overrides", "code"), BAD_INPUT)
def test_bad_input_names_field_and_changes_nothing(
    station_store: Store, field: str, overrides: dict[str, Any], code: str
) -> None:
    before = snapshot(station_store)
    with pytest.raises((InvalidInput, NotFound)) as error, station_store.transaction() as s:
        lostfound.register_lost(s, **lost_kwargs(**overrides))
    assert error.value.field == field
    assert error.value.code == code
    assert_readable(error.value)
    assert snapshot(station_store) == before


def test_get_lost_by_id_or_number(station_store: Store) -> None:
    made = report(station_store)
    with station_store.reading() as s:
        assert lostfound.get_lost(s, made.id).pk == made.pk
        assert lostfound.get_lost(s, made.report_no.lower()).pk == made.pk
        with pytest.raises(NotFound) as error:
            lostfound.get_lost(s, "no-such-report")
        assert error.value.field == "lost_report"


@pytest.fixture
def reports(station_store: Store) -> dict[str, LostReport]:
    made = {
        "phone": report(station_store, lost_at=NOW - timedelta(hours=1)),
        "id_card": report(
            station_store,
            category="documents",
            description="身份证和学生证，装在绿色卡套里",
            colour="绿色",
            lost_place="恩江古城东门",
            lost_at=NOW - timedelta(hours=6),
        ),
    }
    made["foreign"] = pull_foreign_report(station_store)
    return made


def _report_nos(store: Store, **filters: Any) -> list[str]:
    with store.reading() as s:
        return [r.report_no for r in lostfound.find_lost(s, **filters)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("壳", ["phone"]),
        ("卡套", ["id_card"]),
        ("学生证", ["id_card"]),
        ("苹果手机", ["phone"]),
        ("果手", ["phone"]),  # middle of a word
        ("古城东", ["id_card"]),  # place
        ("双肩", ["foreign"]),  # another station's report
        ("色", ["phone", "foreign", "id_card"]),  # newest loss first
        ("绿色 身份证", ["id_card"]),
        ("雨伞", []),
    ],
)
def test_search_lost_reports(
    reports: dict[str, LostReport], station_store: Store, query: str, expected: list[str]
) -> None:
    assert _report_nos(station_store, text=query) == [reports[k].report_no for k in expected]


def test_search_by_report_number(reports: dict[str, LostReport], station_store: Store) -> None:
    number = reports["id_card"].report_no
    assert _report_nos(station_store, text=number) == [number]
    assert _report_nos(station_store, text=f"卡套 {number}") == [number]


def test_find_lost_filters(reports: dict[str, LostReport], station_store: Store) -> None:
    own = [reports["phone"].report_no, reports["id_card"].report_no]
    assert _report_nos(station_store, include_other_stations=False) == own
    assert _report_nos(station_store, category="documents") == own[1:]
    assert _report_nos(station_store, status="closed") == []
    assert len(_report_nos(station_store, status="open", limit=2)) == 2
    with pytest.raises(InvalidInput) as error, station_store.reading() as s:
        lostfound.find_lost(s, status="lost")
    assert error.value.field == "status"


def test_update_lost_report(station_store: Store) -> None:
    made = report(station_store)
    with station_store.transaction() as s:
        updated = lostfound.update_lost(
            s, made.report_no, contact_phone="13900001111", lost_place="古戏台广场"
        )
    assert (updated.contact_phone, updated.lost_place, updated.version) == (
        "13900001111",
        "古戏台广场",
        2,
    )
    assert outbox_ops(station_store, made.id) == ["create", "update"]


def test_update_lost_refuses_bad_input_and_changes_nothing(station_store: Store) -> None:
    made = report(station_store)
    before = snapshot(station_store)
    with pytest.raises(InvalidInput) as error, station_store.transaction() as s:
        lostfound.update_lost(s, made.id, lost_place="广场", contact_phone="not a phone")
    assert error.value.field == "contact_phone"
    assert snapshot(station_store) == before
    with pytest.raises(InvalidInput) as error, station_store.transaction() as s:
        lostfound.update_lost(s, made.id, contact_name=None)
    assert (error.value.field, error.value.code) == ("contact_name", "required")
    assert snapshot(station_store) == before


def test_other_stations_reports_are_read_only(station_store: Store) -> None:
    foreign = pull_foreign_report(station_store)
    before = snapshot(station_store)
    with pytest.raises(StateError) as error, station_store.transaction() as s:
        lostfound.update_lost(s, foreign.report_no, description="蓝色双肩包")
    assert error.value.code == "not_own_record"
    assert error.value.params == {"owner": "YF02"}
    with pytest.raises(StateError), station_store.transaction() as s:
        lostfound.delete_lost(s, foreign.id)
    assert snapshot(station_store) == before


def test_delete_lost_leaves_a_tombstone(station_store: Store) -> None:
    made = report(station_store)
    report(station_store)
    with station_store.transaction() as s:
        lostfound.delete_lost(s, made.id)
    with station_store.reading() as s:
        assert s.scalars(select(LostReport.deleted_at).where(LostReport.id == made.id)).one()
        assert lostfound.count_lost(s) == 1
        assert made.report_no not in [r.report_no for r in lostfound.find_lost(s)]
        with pytest.raises(NotFound):
            lostfound.get_lost(s, made.id)
    assert outbox_ops(station_store, made.id) == ["create", "delete"]


def test_count_lost_counts_own_station_only(station_store: Store) -> None:
    report(station_store)
    pull_foreign_report(station_store)
    with station_store.reading() as s:
        assert lostfound.count_lost(s) == 1
