"""Match suggestions between lost reports and found items: ranking, reasons, other stations."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest

from station import clock
from station.errors import InvalidInput, NotFound
from station.models import FoundItem, LostReport
from station.services import lostfound
from station.store import Store
from station.sync.outbox import APPLYING_PULL

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=clock.LOCAL_TZ)
# The loss happened well in the past so that items found up to 30 days later exist.
LOST_AT = NOW - timedelta(days=25)


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with clock.frozen_at(NOW):
        yield


def found(store: Store, **values: Any) -> FoundItem:
    base: dict[str, Any] = {"category": "wallet", "colour": None, "found_place": "驼背桥"}
    base.update(values)
    with store.transaction() as s:
        return lostfound.register_found(s, **base)


def foreign_item(store: Store, number: int, **values: Any) -> FoundItem:
    """A found item of station YF02, as the sync's pull writes it."""
    row: dict[str, Any] = {
        "station_code": "YF02",
        "item_no": f"YF02-20261105-{number:04d}",
        "category": "wallet",
        "colour": None,
        "found_place": "驼背桥",
        "status": "held",
        "retention_days": 7,
        "photos": [],
        "created_at": NOW,
        "updated_at": NOW,
        "version": 1,
    }
    row.update(values)
    with store.transaction() as s:
        s.info[APPLYING_PULL] = True
        item = FoundItem(**row)
        s.add(item)
    return item


def lost(store: Store, **values: Any) -> LostReport:
    base: dict[str, Any] = {
        "category": "wallet",
        "description": "黑色男士钱包，里面有身份证",
        "colour": "黑色",
        "lost_place": "古戏台广场",
        "lost_at": LOST_AT,
        "contact_name": "张三",
        "contact_phone": "13812345678",
    }
    base.update(values)
    with store.transaction() as s:
        return lostfound.register_lost(s, **base)


@pytest.fixture
def hand_built(station_store: Store) -> dict[str, Any]:
    """One lost wallet and found items around it, each testing one part of the score."""
    items = {
        # Everything fits.
        "best": found(
            station_store,
            description="黑色钱包，内有身份证和银行卡",
            colour="黑",
            found_place="古戏台广场东侧",
            found_at=LOST_AT + timedelta(hours=1),
        ),
        # Same wallet, same place, but found 20 days later.
        "late": found(
            station_store,
            description="黑色钱包",
            colour="黑色",
            found_place="古戏台广场",
            found_at=LOST_AT + timedelta(days=20),
        ),
        # Another station's: similar text and time, other colour and place.
        "foreign": foreign_item(
            station_store,
            1,
            description="棕色男士钱包",
            colour="棕色",
            found_at=LOST_AT + timedelta(hours=3),
        ),
        # Other category; only the colour, the time and part of the text fit.
        "bag": found(
            station_store,
            category="bag",
            description="黑色手提包，内有男士钱包",
            colour="黑色",
            found_at=LOST_AT + timedelta(hours=2),
        ),
        # Nothing in common: left out by the SQL pre-filter.
        "keys": found(
            station_store,
            category="keys",
            description="一串钥匙",
            found_at=LOST_AT + timedelta(hours=1),
        ),
        # Found two days before the loss: outside the window.
        "early": found(
            station_store,
            description="黑色男士钱包",
            colour="黑色",
            found_place="古戏台广场",
            found_at=LOST_AT - timedelta(days=2),
        ),
        # Fits well, but no longer held or deleted.
        "returned": found(
            station_store,
            description="黑色男士钱包",
            colour="黑色",
            found_place="古戏台广场",
            found_at=LOST_AT + timedelta(hours=1),
        ),
        "deleted": found(
            station_store,
            description="黑色男士钱包",
            colour="黑色",
            found_place="古戏台广场",
            found_at=LOST_AT + timedelta(hours=1),
        ),
    }
    with station_store.transaction() as s:
        lostfound.return_item(
            s, item=items["returned"].id, claimant_name="赵六", id_type="id_card", id_last4="1234"
        )
        lostfound.delete_found(s, items["deleted"].id)
    return {"items": items, "report": lost(station_store)}


def test_suggestions_rank_the_right_item_first(
    station_store: Store, hand_built: dict[str, Any]
) -> None:
    items = hand_built["items"]
    with station_store.reading() as s:
        matches = lostfound.suggest_matches(s, hand_built["report"].report_no, limit=10)
        by_id = {item.id: key for key, item in items.items()}
        ranked = [(by_id[m.found_item.id], m.score, m.reasons) for m in matches]
        stations = [m.found_item.station_code for m in matches]
        reports = {m.lost_report.id for m in matches}
    assert ranked == [
        ("best", 85, ("category", "colour", "place", "time", "text")),
        ("late", 78, ("category", "colour", "place", "text")),
        ("foreign", 70, ("category", "time", "text")),
        ("bag", 38, ("colour", "time", "text")),
    ]
    assert stations == ["YF01", "YF01", "YF02", "YF01"]
    assert reports == {hand_built["report"].id}


def test_suggestions_respect_the_limit(station_store: Store, hand_built: dict[str, Any]) -> None:
    with station_store.reading() as s:
        top = lostfound.suggest_matches(s, hand_built["report"], limit=2)
        assert [m.score for m in top] == [85, 78]
        for bad in (0, 51, "5", None):
            with pytest.raises(InvalidInput) as error:
                lostfound.suggest_matches(s, hand_built["report"], limit=bad)
            assert error.value.field == "limit"
        with pytest.raises(NotFound) as not_found:
            lostfound.suggest_matches(s, "YF01-20991231-0001")
        assert not_found.value.field == "lost_report"


def test_match_is_a_frozen_value(station_store: Store, hand_built: dict[str, Any]) -> None:
    with station_store.reading() as s:
        match = lostfound.suggest_matches(s, hand_built["report"].id)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        match.score = 100  # type: ignore[misc]
    assert isinstance(match.score, int)
    assert 0 <= match.score <= 100


def test_reports_suggested_for_a_found_item(
    station_store: Store, hand_built: dict[str, Any]
) -> None:
    wallet_report = hand_built["report"]
    # Open and similar, but a day and a half after the item was found: still in the window.
    umbrella = lost(
        station_store,
        category="clothing",
        description="蓝色雨伞",
        colour="蓝色",
        lost_at=LOST_AT + timedelta(hours=2),
    )
    closed = lost(station_store, lost_at=LOST_AT + timedelta(hours=1))
    with station_store.transaction() as s:
        lostfound.return_item(
            s,
            item=hand_built["items"]["late"].id,
            lost_report=closed.id,
            claimant_name="张三",
            id_type="passport",
            id_last4="0001",
        )
    with station_store.reading() as s:
        matches = lostfound.suggest_reports(s, hand_built["items"]["best"].item_no)
        assert [m.lost_report.report_no for m in matches] == [wallet_report.report_no]
        assert matches[0].score == 85
        assert umbrella.report_no not in [m.lost_report.report_no for m in matches]


def test_another_stations_report_is_suggested(station_store: Store) -> None:
    item = found(
        station_store,
        description="红色双肩包",
        category="bag",
        colour="红色",
        found_at=NOW - timedelta(hours=1),
    )
    with station_store.transaction() as s:
        s.info[APPLYING_PULL] = True
        s.add(
            LostReport(
                station_code="YF02",
                report_no="YF02-20261130-0001",
                category="bag",
                description="红色的双肩包，里面有水杯",
                colour="红",
                lost_place="驼背桥",
                lost_at=NOW - timedelta(hours=3),
                contact_name="",
                contact_phone="",
                status="open",
                created_at=NOW,
                updated_at=NOW,
                version=1,
            )
        )
    with station_store.reading() as s:
        matches = lostfound.suggest_reports(s, item.id)
        assert [(m.lost_report.station_code, m.reasons) for m in matches] == [
            ("YF02", ("category", "colour", "place", "time", "text"))
        ]


def test_text_alone_brings_in_another_category(station_store: Store) -> None:
    report = lost(station_store, category="other", description="儿童水杯，粉色保温杯")
    cup = found(
        station_store,
        category="child",
        description="粉色保温杯一个",
        found_at=LOST_AT + timedelta(hours=5),
    )
    with station_store.reading() as s:
        matches = lostfound.suggest_matches(s, report.id)
        assert [m.found_item.id for m in matches] == [cup.id]
    assert "text" in matches[0].reasons
    assert "category" not in matches[0].reasons


def test_thousands_of_candidates_stay_quick(station_store: Store) -> None:
    with station_store.transaction() as s:
        s.info[APPLYING_PULL] = True
        for n in range(3000):
            s.add(
                FoundItem(
                    station_code="YF02",
                    item_no=f"YF02-20261105-{n:04d}",
                    category="wallet",
                    description=f"棕色女士钱包{n}号",
                    colour="棕色",
                    found_place="恩江古城东门",
                    found_at=LOST_AT + timedelta(minutes=n * 10),
                    status="held",
                    retention_days=7,
                    photos=[],
                    created_at=NOW,
                    updated_at=NOW,
                    version=1,
                )
            )
    target = found(
        station_store,
        description="黑色男士钱包，有身份证",
        colour="黑色",
        found_place="古戏台广场",
        found_at=LOST_AT + timedelta(hours=2),
    )
    report = lost(station_store)
    started = time.perf_counter()
    with station_store.reading() as s:
        matches = lostfound.suggest_matches(s, report.id)
        elapsed = time.perf_counter() - started
        assert matches[0].found_item.id == target.id
    # Generous for a slow kiosk; the point is that scoring is not quadratic or per-row SQL.
    assert elapsed < 5


def test_colour_is_not_counted_again_as_text(station_store: Store) -> None:
    scarf = lost(station_store, category="clothing", description="黑色围巾", colour="黑色")
    hat = found(
        station_store,
        category="clothing",
        description="黑色帽子",
        colour="黑色",
        found_at=LOST_AT + timedelta(hours=1),
    )
    # Another category that shares only the colour word is not even a candidate.
    found(
        station_store,
        category="phone",
        description="黑色相机",
        colour="黑色",
        found_at=LOST_AT + timedelta(hours=1),
    )
    with station_store.reading() as s:
        matches = lostfound.suggest_matches(s, scarf.id)
        assert [(m.found_item.id, m.score, m.reasons) for m in matches] == [
            (hat.id, 60, ("category", "colour", "time"))
        ]
