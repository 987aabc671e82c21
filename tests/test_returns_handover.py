"""Returning items to their owners, and handing unclaimed items over to the police."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from station import clock, paths
from station.errors import InvalidInput, NotFound, StateError, StationError
from station.models import FoundItem, LostReport, OutboxEntry, PoliceHandover, Volunteer
from station.services import lostfound
from station.services import station as station_service
from station.store import Store
from station.sync.outbox import APPLYING_PULL
from tests.snapshot import snapshot

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=clock.LOCAL_TZ)
TODAY = date(2026, 11, 30)
SIGNATURE = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with clock.frozen_at(NOW):
        yield


@pytest.fixture
def volunteer(station_store: Store) -> Volunteer:
    with station_store.transaction() as s:
        made = Volunteer(station_code="YF01", name="王五", badge_code="YF-007", home_station="YF01")
        s.add(made)
    return made


def assert_readable(error: StationError) -> None:
    """The message exists in both languages with every placeholder filled."""
    for lang in ("zh_CN", "en"):
        text = error.message(lang)
        assert "{" not in text
        assert error.code not in text


def found(store: Store, **values: Any) -> FoundItem:
    base: dict[str, Any] = {
        "category": "wallet",
        "description": "黑色钱包",
        "found_place": "古戏台广场",
        "found_at": NOW - timedelta(hours=1),
    }
    base.update(values)
    with store.transaction() as s:
        return lostfound.register_found(s, **base)


def lost(store: Store, **values: Any) -> LostReport:
    base: dict[str, Any] = {
        "category": "wallet",
        "description": "黑色钱包",
        "lost_place": "古戏台广场",
        "lost_at": NOW - timedelta(hours=2),
        "contact_name": "张三",
        "contact_phone": "13812345678",
    }
    base.update(values)
    with store.transaction() as s:
        return lostfound.register_lost(s, **base)


def pulled(store: Store, record: FoundItem | LostReport) -> None:
    """Store a row of another station as the sync's pull would."""
    record.station_code = "YF02"
    record.created_at = record.updated_at = NOW
    record.version = 1
    with store.transaction() as s:
        s.info[APPLYING_PULL] = True
        s.add(record)


def foreign_item(store: Store, **values: Any) -> FoundItem:
    row: dict[str, Any] = {
        "item_no": "YF02-20261101-0001",
        "category": "documents",
        "description": "护照",
        "found_place": "驼背桥",
        "found_at": NOW - timedelta(days=20),
        "status": "held",
        "retention_days": 7,
        "photos": [],
    }
    row.update(values)
    item = FoundItem(**row)
    pulled(store, item)
    return item


def ops(store: Store) -> list[tuple[str, str]]:
    with store.reading() as s:
        rows = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))
        # Audit entries are queued too (tests/test_audit.py); these tests look at records.
        return [(row.record_kind, row.op) for row in rows if row.record_kind != "audit_entries"]


def signatures(store: Store) -> list[str]:
    folder = paths.signatures(store.folder)
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def return_kwargs(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "claimant_name": "张三",
        "id_type": "id_card",
        "id_last4": "123x",
    }
    base.update(overrides)
    return base


# --- returns ----------------------------------------------------------------------------------


def test_return_to_owner_closes_the_report(station_store: Store, volunteer: Volunteer) -> None:
    item = found(station_store)
    report = lost(station_store)
    before = len(ops(station_store))
    with station_store.transaction() as s:
        returned = lostfound.return_item(
            s,
            item=item.item_no,
            lost_report=report.report_no,
            signature_png=SIGNATURE,
            handed_over_by="YF-007",
            **return_kwargs(id_type="居民身份证"),
        )
    assert (returned.found_item_id, returned.lost_report_id) == (item.id, report.id)
    assert (returned.claimant_name, returned.id_type, returned.id_last4) == (
        "张三",
        "id_card",
        "123X",
    )
    assert returned.handed_over_by == volunteer.id
    assert returned.returned_at == NOW
    assert returned.station_code == "YF01"
    assert returned.signature_file is not None
    with station_store.reading() as s:
        assert lostfound.get_found(s, item.id).status == "returned"
        closed = lostfound.get_lost(s, report.id)
        assert (closed.status, closed.closed_at) == ("closed", NOW)
        assert lostfound.signature_path(s, returned.signature_file).read_bytes() == SIGNATURE
    assert signatures(station_store) == [returned.signature_file]
    assert sorted(ops(station_store)[before:]) == [
        ("found_items", "update"),
        ("item_returns", "create"),
        ("lost_reports", "update"),
    ]


def test_return_without_report_or_signature(station_store: Store) -> None:
    item = found(station_store)
    with station_store.transaction() as s:
        returned = lostfound.return_item(s, item=item, **return_kwargs(id_type="passport"))
    assert returned.lost_report_id is None
    assert returned.signature_file is None
    assert signatures(station_store) == []


def test_already_returned_is_refused(station_store: Store) -> None:
    item = found(station_store)
    with station_store.transaction() as s:
        lostfound.return_item(s, item=item.id, **return_kwargs())
    before = snapshot(station_store)
    with pytest.raises(StateError) as error, station_store.transaction() as s:
        lostfound.return_item(s, item=item.id, **return_kwargs(claimant_name="李四"))
    assert (error.value.code, error.value.field) == ("already_returned", "item")
    assert_readable(error.value)
    assert error.value.params == {"item": item.item_no, "when": "2026-11-30 15:00"}
    assert snapshot(station_store) == before
    # A returned item is no longer open to correction either.
    with pytest.raises(StateError) as edit, station_store.transaction() as s:
        lostfound.update_found(s, item.id, colour="红色")
    assert edit.value.code == "already_returned"


def test_closed_report_cannot_be_linked_again(station_store: Store) -> None:
    first, second = found(station_store), found(station_store)
    report = lost(station_store)
    with station_store.transaction() as s:
        lostfound.return_item(s, item=first.id, lost_report=report.id, **return_kwargs())
    before = snapshot(station_store)
    with pytest.raises(StateError) as error, station_store.transaction() as s:
        lostfound.return_item(s, item=second.id, lost_report=report.id, **return_kwargs())
    assert (error.value.code, error.value.field) == ("report_closed", "lost_report")
    assert snapshot(station_store) == before


BAD_RETURNS = [
    ("claimant_name", {"claimant_name": None}, "required"),
    ("claimant_name", {"claimant_name": "张" * 41}, "too_long"),
    ("claimant_name", {"claimant_name": "张\x00三"}, "control_chars"),
    ("id_type", {"id_type": "学生证"}, "bad_choice"),
    ("id_type", {"id_type": None}, "bad_choice"),
    ("id_last4", {"id_last4": "12a4"}, "bad_id_last4"),
    ("id_last4", {"id_last4": "12345"}, "too_long"),
    ("id_last4", {"id_last4": 1234}, "not_text"),
    ("signature_png", {"signature_png": b"\xff\xd8\xff\xe0 a jpeg"}, "signature_not_png"),
    ("signature_png", {"signature_png": "signature.png"}, "signature_not_png"),
    (
        "signature_png",
        {"signature_png": SIGNATURE + b"\x00" * (2 * 1024 * 1024)},
        "signature_too_large",
    ),
    ("handed_over_by", {"handed_over_by": "NOBODY"}, "not_found"),
    ("lost_report", {"lost_report": "YF01-20261130-0999"}, "not_found"),
    ("item", {"item": "YF01-20261130-0999"}, "not_found"),
    ("item", {"item": None}, "required"),
]


@pytest.mark.parametrize(("field", "overrides", "code"), BAD_RETURNS)
def test_bad_return_names_field_and_changes_nothing(
    station_store: Store, field: str, overrides: dict[str, Any], code: str
) -> None:
    item = found(station_store)
    lost(station_store)
    before = snapshot(station_store)
    arguments = {"item": item.id, "signature_png": SIGNATURE, **return_kwargs(**overrides)}
    with pytest.raises((InvalidInput, NotFound)) as error, station_store.transaction() as s:
        lostfound.return_item(s, **arguments)
    assert (error.value.field, error.value.code) == (field, code)
    assert_readable(error.value)
    assert snapshot(station_store) == before
    assert signatures(station_store) == []


def test_signature_is_removed_when_the_transaction_fails(station_store: Store) -> None:
    item = found(station_store)
    before = snapshot(station_store)

    def return_then_fail() -> None:
        with station_store.transaction() as s:
            lostfound.return_item(s, item=item.id, signature_png=SIGNATURE, **return_kwargs())
            assert len(signatures(station_store)) == 1
            raise RuntimeError("the printer caught fire")

    with pytest.raises(RuntimeError):
        return_then_fail()
    assert signatures(station_store) == []
    assert snapshot(station_store) == before


def test_other_stations_item_cannot_be_returned_here(station_store: Store) -> None:
    item = foreign_item(station_store)
    before = snapshot(station_store)
    with pytest.raises(StateError) as error, station_store.transaction() as s:
        lostfound.return_item(s, item=item.item_no, **return_kwargs())
    assert (error.value.code, error.value.field, error.value.params) == (
        "not_own_record",
        "item",
        {"owner": "YF02"},
    )
    assert snapshot(station_store) == before


def test_other_stations_report_is_linked_but_left_to_its_owner(station_store: Store) -> None:
    item = found(station_store)
    report = LostReport(
        report_no="YF02-20261130-0001",
        category="wallet",
        description="黑色钱包",
        lost_place="驼背桥",
        lost_at=NOW - timedelta(hours=3),
        contact_name="",
        contact_phone="",
        status="open",
    )
    pulled(station_store, report)
    with station_store.transaction() as s:
        returned = lostfound.return_item(s, item=item.id, lost_report=report.id, **return_kwargs())
    assert returned.lost_report_id == report.id
    with station_store.reading() as s:
        assert lostfound.get_lost(s, report.id).status == "open"


def test_find_and_count_returns(station_store: Store) -> None:
    items = [found(station_store) for _ in range(3)]
    for offset, item in enumerate(items):
        with clock.frozen_at(NOW + timedelta(minutes=offset)), station_store.transaction() as s:
            lostfound.return_item(s, item=item.id, **return_kwargs())
    with station_store.reading() as s:
        newest_first = [r.found_item_id for r in lostfound.find_returns(s)]
        assert newest_first == [i.id for i in reversed(items)]
        assert [r.found_item_id for r in lostfound.find_returns(s, limit=1, offset=1)] == [
            items[1].id
        ]
        assert lostfound.count_returns(s) == 3
        with pytest.raises(InvalidInput):
            lostfound.find_returns(s, limit=-1)


# --- hand-over to the police -------------------------------------------------------------------


def _due_nos(store: Store, **kwargs: Any) -> list[str]:
    with store.reading() as s:
        return [item.item_no for item in lostfound.due_for_handover(s, **kwargs)]


@pytest.fixture
def aged(station_store: Store) -> dict[str, FoundItem]:
    """Items found long enough ago that some are due for the police today."""
    return {
        # Documents are kept 7 days, other things 30 (the defaults).
        "id_card_due": found(station_store, category="documents", found_at=NOW - timedelta(days=7)),
        "id_card_kept": found(
            station_store, category="documents", found_at=NOW - timedelta(days=6)
        ),
        "bag_due": found(station_store, category="bag", found_at=NOW - timedelta(days=30)),
        "bag_kept": found(station_store, category="bag", found_at=NOW - timedelta(days=29)),
        # Found just after local midnight, which is the day before in UTC: the due date
        # counts from the local date.
        "midnight": found(
            station_store,
            category="documents",
            found_at=datetime(2026, 11, 23, 0, 5, tzinfo=clock.LOCAL_TZ),
        ),
    }


def test_due_for_handover_uses_per_category_retention(
    station_store: Store, aged: dict[str, FoundItem]
) -> None:
    foreign_item(station_store)
    returned = found(station_store, category="documents", found_at=NOW - timedelta(days=10))
    deleted = found(station_store, category="documents", found_at=NOW - timedelta(days=10))
    with station_store.transaction() as s:
        lostfound.return_item(s, item=returned.id, **return_kwargs())
        lostfound.delete_found(s, deleted.id)
    expected = [aged[k].item_no for k in ("bag_due", "midnight", "id_card_due")]
    assert _due_nos(station_store) == expected  # oldest first
    assert _due_nos(station_store, on=TODAY) == expected
    assert _due_nos(station_store, on=TODAY - timedelta(days=1)) == []
    assert _due_nos(station_store, on=TODAY + timedelta(days=1)) == [
        expected[0],
        aged["bag_kept"].item_no,
        *expected[1:],
        aged["id_card_kept"].item_no,
    ]
    assert _due_nos(station_store, on=datetime(2026, 11, 29, 23, 0)) == []
    assert _due_nos(station_store, on=datetime(2026, 11, 29, 16, 0, tzinfo=UTC)) == expected
    with station_store.reading() as s:
        assert lostfound.due_date(aged["bag_due"]) == TODAY
    with pytest.raises(InvalidInput) as error, station_store.reading() as s:
        lostfound.due_for_handover(s, on="2026-11-30")
    assert error.value.field == "on"


def test_changed_retention_setting_applies_to_new_items(station_store: Store) -> None:
    with station_store.transaction() as s:
        station_service.set_retention_days(s, "documents", 3)
        station_service.set_retention_days(s, "bag", 10)
    passport = found(station_store, category="documents", found_at=NOW - timedelta(days=3))
    bag = found(station_store, category="bag", found_at=NOW - timedelta(days=10))
    early_bag = found(station_store, category="bag", found_at=NOW - timedelta(days=9))
    assert (passport.retention_days, bag.retention_days, early_bag.retention_days) == (3, 10, 10)
    assert _due_nos(station_store) == [bag.item_no, passport.item_no]


def test_hand_over_is_recorded(
    station_store: Store, aged: dict[str, FoundItem], volunteer: Volunteer
) -> None:
    chosen = [aged["id_card_due"].item_no, aged["bag_due"].id, aged["id_card_due"].id]
    before = len(ops(station_store))
    with station_store.transaction() as s:
        handover = lostfound.hand_over(
            s,
            items=chosen,
            police_unit="恩江派出所",
            officer_name="刘警官",
            handed_by=volunteer.badge_code,
        )
    assert handover.handover_no == "YF01-20261130-0006"
    assert (handover.police_unit, handover.officer_name, handover.handed_at) == (
        "恩江派出所",
        "刘警官",
        NOW,
    )
    assert handover.handed_by == volunteer.id
    with station_store.reading() as s:
        for key in ("id_card_due", "bag_due"):
            item = lostfound.get_found(s, aged[key].id)
            assert (item.status, item.handover_id) == ("handed_over", handover.id)
        assert s.scalars(select(PoliceHandover)).one().id == handover.id
    assert sorted(ops(station_store)[before:]) == [
        ("found_items", "update"),
        ("found_items", "update"),
        ("police_handovers", "create"),
    ]
    assert _due_nos(station_store) == [aged["midnight"].item_no]


@pytest.mark.parametrize(
    ("items", "error_type", "code"),
    [
        (["id_card_due", "id_card_kept"], StateError, "not_due_yet"),
        (["id_card_due", "returned"], StateError, "already_returned"),
        (["handed_over"], StateError, "already_handed_over"),
        (["foreign"], StateError, "not_own_record"),
        (["id_card_due", "YF01-20261130-0999"], NotFound, "not_found"),
        ([], InvalidInput, "required"),
        ("id_card_due", InvalidInput, "bad_choice"),
        ([None], InvalidInput, "required"),
    ],
)
def test_hand_over_refuses_items_not_held_or_not_due(
    station_store: Store,
    aged: dict[str, FoundItem],
    items: Any,
    error_type: type[Exception],
    code: str,
) -> None:
    refs = {key: item.item_no for key, item in aged.items()}
    refs["foreign"] = foreign_item(station_store).item_no
    returned = found(station_store, category="documents", found_at=NOW - timedelta(days=9))
    handed = found(station_store, category="documents", found_at=NOW - timedelta(days=9))
    with station_store.transaction() as s:
        lostfound.return_item(s, item=returned.id, **return_kwargs())
        lostfound.hand_over(s, items=[handed.id], police_unit="恩江派出所", officer_name="刘警官")
    refs["returned"], refs["handed_over"] = returned.item_no, handed.item_no
    chosen: Any = [refs.get(i, i) for i in items] if isinstance(items, list) else refs[items]

    before = snapshot(station_store)
    with pytest.raises(error_type) as error, station_store.transaction() as s:
        lostfound.hand_over(s, items=chosen, police_unit="恩江派出所", officer_name="刘警官")
    assert isinstance(error.value, InvalidInput | NotFound | StateError)
    assert (error.value.field, error.value.code) == ("items", code)
    assert_readable(error.value)
    assert snapshot(station_store) == before


def test_not_due_names_the_due_date(station_store: Store, aged: dict[str, FoundItem]) -> None:
    with pytest.raises(StateError) as error, station_store.transaction() as s:
        lostfound.hand_over(
            s, items=[aged["bag_kept"].id], police_unit="恩江派出所", officer_name="刘警官"
        )
    assert error.value.params == {"item": aged["bag_kept"].item_no, "due": "2026-12-01"}
    assert "2026-12-01" in error.value.message("en")


@pytest.mark.parametrize(
    ("field", "overrides"),
    [
        ("police_unit", {"police_unit": ""}),
        ("police_unit", {"police_unit": "所" * 61}),
        ("officer_name", {"officer_name": None}),
        ("handed_by", {"handed_by": "NOBODY"}),
    ],
)
def test_hand_over_bad_input_changes_nothing(
    station_store: Store, aged: dict[str, FoundItem], field: str, overrides: dict[str, Any]
) -> None:
    before = snapshot(station_store)
    arguments: dict[str, Any] = {
        "items": [aged["bag_due"].id],
        "police_unit": "恩江派出所",
        "officer_name": "刘警官",
        **overrides,
    }
    with pytest.raises((InvalidInput, NotFound)) as error, station_store.transaction() as s:
        lostfound.hand_over(s, **arguments)
    assert error.value.field == field
    assert snapshot(station_store) == before
