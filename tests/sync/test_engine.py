"""The end-of-day sync engine against a real central (SQLite file and PostgreSQL)."""

from __future__ import annotations

import gc
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from station import clock
from station.central import admin, database, exchange
from station.central.schema import batches, records
from station.errors import InvalidInput
from station.models import (
    DirectoryEntry,
    Faq,
    FoundItem,
    LostReport,
    OutboxEntry,
    PushBatch,
    Volunteer,
)
from station.services import lostfound, roster, search
from station.services import stats as stats_service
from station.store import Store
from station.sync import issues, push, state
from station.sync.codec import to_wire
from station.sync.run import sync
from station.sync.wire import CENTRAL_CODE
from tests.sync.conftest import Central, KioskFactory
from tests.sync.day import own_records, unsynced, work_day


def test_three_stations_push_then_pull_each_record_once(
    central: Central, kiosk: KioskFactory
) -> None:
    stores = {code: kiosk(code) for code in ("YF01", "YF02", "YF03")}
    for store in stores.values():
        work_day(store)
    stages: list[str] = []
    first = []
    for store in stores.values():
        report = sync(store, lambda stage, done, total: stages.append(stage))
        assert report.parked == 0
        assert report.conflicts == 0
        assert report.mismatches == []
        first.append(report.pulled)
    assert set(stages) == {"connect", "push", "pull", "check"}
    # Its own records coming back are not "pulled"; each later station gets the earlier ones'
    # volunteer, quick answer, found item and two lost reports (one a tombstone).
    assert first == [0, 5, 10]

    # A second round brings each station what the later ones pushed; a third has nothing.
    assert [sync(store).pulled for store in stores.values()] == [10, 5, 0]
    assert [(r.pushed, r.pulled) for r in map(sync, stores.values())] == [(0, 0)] * 3

    held = central.rows()
    assert len(held) == len({r[1] for r in held}), "a record reached central twice"
    expected: set[tuple[str, str, int]] = set()
    for code, store in stores.items():
        with store.reading() as session:
            mine = own_records(session, code)
            assert unsynced(session) == 0
            assert stats_service.counts(session)["unsynced"] == 0
        expected |= mine
    assert {(k, i, v) for k, i, _, v in held} == expected

    with stores["YF01"].reading() as session:
        # Shared kinds of the others arrived, without personal data.
        items = session.scalars(select(FoundItem).where(FoundItem.station_code == "YF02")).all()
        assert len(items) == 1
        assert items[0].finder_phone is None
        assert items[0].finder_name is None
        reports = session.scalars(select(LostReport).where(LostReport.station_code == "YF03")).all()
        assert len(reports) == 2
        assert {r.contact_phone for r in reports} == {""}
        others = session.scalars(select(Volunteer).where(Volunteer.station_code != "YF01")).all()
        assert Counter(v.station_code for v in others) == {"YF02": 1, "YF03": 1}
        assert {v.phone for v in others} == {None}
        assert [d.code for d in session.scalars(select(DirectoryEntry))] == [
            "YF01",
            "YF02",
            "YF03",
        ]
        # Pulled items are searchable and suggested, marked with the station holding them.
        found = lostfound.find_found(session, text="YF03 黑色皮质钱包")
        assert [f.station_code for f in found] == ["YF03"]
        assert session.scalars(select(FoundItem).where(search.matches(FoundItem, "皮质钱包"))).all()
        own_report = session.scalars(
            select(LostReport).where(
                LostReport.station_code == "YF01", LostReport.deleted_at.is_(None)
            )
        ).one()
        suggested = {
            m.found_item.station_code for m in lostfound.suggest_matches(session, own_report)
        }
        assert {"YF02", "YF03"} <= suggested
        # Own-station counts stay own-only.
        assert stats_service.counts(session)["found_items"] == 1
        assert state.last_success(session) is not None


def _assert_central_equals_union(central: Central, stores: dict[str, Store]) -> None:
    held = central.rows()
    assert len(held) == len({r[1] for r in held}), "a record reached central twice"
    expected: set[tuple[str, str, int]] = set()
    for code, store in stores.items():
        with store.reading() as session:
            expected |= own_records(session, code)
            assert unsynced(session) == 0
    assert {(k, i, v) for k, i, _, v in held} == expected


def test_a_crash_after_central_committed_costs_nothing(
    central: Central, kiosk: KioskFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = kiosk("YF01")
    work_day(store)
    real_send = exchange.send
    sent: list[str] = []

    collecting: list[bool] = []

    def send_then_crash(conn: Any, batch: exchange.Prepared) -> exchange.PushResult:
        real_send(conn, batch)
        sent.append(batch.batch_id)
        collecting.append(gc.isenabled())
        raise RuntimeError("power cut after central committed")

    monkeypatch.setattr(exchange, "send", send_then_crash)
    with pytest.raises(RuntimeError):
        sync(store)
    # The cycle collector rests during the push and is back after it, even after a crash.
    assert collecting == [False]
    assert gc.isenabled()
    with store.reading() as session:
        assert unsynced(session) > 0, "nothing may be marked before central's answer is applied"
        assert session.scalars(select(PushBatch.batch_id)).all() == sent
    monkeypatch.setattr(exchange, "send", real_send)

    report = sync(store)
    # The saved batch went again under its id and got the stored answer.
    with store.reading() as session:
        assert session.scalars(select(PushBatch)).all() == []
        mine = own_records(session, "YF01")
    # Everything but the audit entry of this sync, which goes after the report's count.
    assert report.pushed == len(mine) - 1
    _assert_central_equals_union(central, {"YF01": store})


def test_a_batch_central_never_stored_goes_again_as_its_records_now_stand(
    central: Central, kiosk: KioskFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = kiosk("YF01")
    work_day(store)
    real_send = exchange.send

    def cut_before_sending(conn: Any, batch: exchange.Prepared) -> exchange.PushResult:
        raise RuntimeError("network gone before central got the batch")

    monkeypatch.setattr(exchange, "send", cut_before_sending)
    with pytest.raises(RuntimeError):
        sync(store)
    # The volunteer's found item changes before the next sync.
    with store.transaction() as session:
        item = session.scalars(select(FoundItem)).one()
        lostfound.update_found(session, item.id, description="找到的黑色皮质钱包（已核对）")
    with store.reading() as session:
        saved = session.scalars(select(PushBatch.batch_id)).one()
    monkeypatch.setattr(exchange, "send", real_send)

    report = sync(store)
    assert report.parked == report.conflicts == 0
    with store.reading() as session:
        assert session.scalars(select(PushBatch)).all() == []
        assert unsynced(session) == 0
    engine = central.admin()
    with engine.connect() as conn:
        public = conn.scalar(select(records.c.public).where(records.c.id == item.id))
    engine.dispose()
    # It went under its saved id, holding the item at its new version.
    assert ["found_items", item.id, 2] in _stored_result(central, saved)["accepted"]
    assert public is not None
    assert public["description"] == "找到的黑色皮质钱包（已核对）"
    _assert_central_equals_union(central, {"YF01": store})


def _stored_result(central: Central, batch_id: str) -> dict[str, Any]:
    engine = central.admin()
    with engine.connect() as conn:
        result = conn.scalar(select(batches.c.result).where(batches.c.batch_id == batch_id))
    engine.dispose()
    assert result is not None, "central never stored the batch"
    return dict(result)


def test_a_batch_saved_whole_by_an_earlier_release_goes_again_under_its_id(
    central: Central, kiosk: KioskFactory
) -> None:
    # Releases before 2026-12-01 saved a batch's wire rows, not its keys. One of a kind no
    # longer synced is left out, as the pending records of such a kind are.
    store = kiosk("YF01")
    work_day(store)
    batch_id = str(uuid.uuid4())
    with store.transaction() as session:
        item = session.scalars(select(FoundItem)).one()
        retired = {**to_wire(item), "kind": "retired_kind", "id": str(uuid.uuid4())}
        saved = [to_wire(item), retired]
        session.add(PushBatch(batch_id=batch_id, made_at=clock.now(), keys=saved))
    report = sync(store)
    assert report.parked == report.conflicts == 0
    assert _stored_result(central, batch_id)["accepted"] == [["found_items", item.id, 1]]
    with store.reading() as session:
        assert session.scalars(select(PushBatch)).all() == []
        assert unsynced(session) == 0
    _assert_central_equals_union(central, {"YF01": store})


def test_a_push_leaves_the_cycle_collector_off_when_it_was_off(
    central: Central, kiosk: KioskFactory
) -> None:
    store = kiosk("YF01")
    work_day(store)
    gc.disable()
    try:
        sync(store)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_push_of_many_batches_settles_every_one(
    central: Central, kiosk: KioskFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = kiosk("YF01")
    for tag in "123":
        work_day(store, tag)
    monkeypatch.setattr(push, "BATCH_SIZE", 4)
    stages: list[tuple[str, int, int]] = []
    report = sync(store, lambda stage, done, total: stages.append((stage, done, total)))
    assert report.mismatches == []
    with store.reading() as session:
        assert unsynced(session) == 0
        assert session.scalars(select(PushBatch)).all() == []
        mine = own_records(session, "YF01")
    assert report.pushed == len(mine) - 1  # the run's own audit entry goes after the count
    pushes = [(done, total) for stage, done, total in stages if stage == "push"]
    total = pushes[0][1]
    assert total > 3 * push.BATCH_SIZE
    assert [done for done, _ in pushes] == sorted({0, *range(4, total, 4), total})
    _assert_central_equals_union(central, {"YF01": store})


def test_a_change_made_while_the_push_waits_on_central_goes_at_the_next_sync(
    central: Central, kiosk: KioskFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = kiosk("YF01")
    work_day(store)
    with store.reading() as session:
        faq = session.scalars(select(Faq).where(Faq.deleted_at.is_(None))).one()
        sent_version = faq.version
    real_send = exchange.send

    def send_after_an_edit(conn: Any, batch: exchange.Prepared) -> exchange.PushResult:
        with store.transaction() as session:  # the desk edits the answer meanwhile
            edited = session.get(Faq, faq.pk)
            assert edited is not None
            edited.answer = "新的回答"
        monkeypatch.setattr(exchange, "send", real_send)
        return real_send(conn, batch)

    monkeypatch.setattr(exchange, "send", send_after_an_edit)
    engine = database.make_engine(central.station_urls["YF01"])
    try:
        with engine.connect() as conn:
            exchange.hello(conn, "YF01")
            outcome = push.push_all(store, conn, "YF01", lambda stage, done, total: None)
    finally:
        engine.dispose()
    assert ("faqs", faq.id, sent_version) in outcome.accepted
    with store.reading() as session:
        pending = session.scalars(
            select(OutboxEntry.version).where(
                OutboxEntry.record_id == faq.id, OutboxEntry.pushed_at.is_(None)
            )
        ).all()
    # Central accepted the version read before the edit: only the edit's entry waits.
    assert pending == [sent_version + 1]
    assert (faq.id, sent_version) in {(r[1], r[3]) for r in central.rows()}
    sync(store)
    assert (faq.id, sent_version + 1) in {(r[1], r[3]) for r in central.rows()}
    _assert_central_equals_union(central, {"YF01": store})


def test_the_same_batch_sent_twice_changes_nothing(central: Central, kiosk: KioskFactory) -> None:
    store = kiosk("YF01")
    work_day(store)
    with store.reading() as session:
        rows = [to_wire(r) for r in session.scalars(select(Faq))]
    engine = database.make_engine(central.station_urls["YF01"])
    with engine.connect() as conn:
        first = exchange.push(conn, "YF01", str(uuid.uuid4()), rows)
        before = central.rows()
        batch = str(uuid.uuid4())
        second = exchange.push(conn, "YF01", batch, rows)
        again = exchange.push(conn, "YF01", batch, rows)
    engine.dispose()
    assert first.accepted == second.accepted == again.accepted
    assert central.rows() == before


def test_an_invalid_record_is_parked_while_the_rest_sync(
    central: Central, kiosk: KioskFactory
) -> None:
    store = kiosk("YF01")
    work_day(store)
    with store.transaction() as session:
        # A quick answer claiming another station (as from a restored foreign backup).
        stray = Faq(station_code="ZZ99", category="other", question="?", answer="!")
        session.add(stray)
        session.flush()
        stray_id = stray.id
    report = sync(store)
    assert report.parked == 1
    ((kind, rid, _version, reason),) = report.parked_items
    assert (kind, rid) == ("faqs", stray_id)
    assert reason
    with store.reading() as session:
        (issue,) = issues.current(session)
        assert (issue.problem, issue.record_id) == (issues.PARKED, stray_id)
        assert unsynced(session) == 1
        expected = own_records(session, "YF01")
    assert {(k, i, v) for k, i, _, v in central.rows()} == expected
    # It is offered again each sync, and listed, until it is settled.
    assert sync(store).parked == 1


@pytest.mark.parametrize("skew_hours", [24, -24])
def test_a_kiosk_clock_a_day_off_skips_nothing(
    central: Central, kiosk: KioskFactory, skew_hours: int
) -> None:
    on_time, skewed, reader = kiosk("YF01"), kiosk("YF02"), kiosk("YF03")
    now = datetime.now(UTC)
    with clock.frozen_at(now + timedelta(hours=skew_hours)):
        work_day(skewed)
        sync(skewed)
    work_day(on_time)
    sync(on_time)
    with clock.frozen_at(now - timedelta(hours=skew_hours)):
        sync(reader)
    with clock.frozen_at(now + timedelta(hours=skew_hours)):
        work_day(skewed, tag="2")
        sync(skewed)
    sync(reader)
    with reader.reading() as session:
        got = {(f.station_code, f.description) for f in session.scalars(select(FoundItem))}
    assert got == {
        ("YF01", "YF01 黑色皮质钱包 1"),
        ("YF02", "YF02 黑色皮质钱包 1"),
        ("YF02", "YF02 黑色皮质钱包 2"),
    }


def test_central_restored_from_an_older_copy_gets_everything_back(
    central: Central, kiosk: KioskFactory, tmp_path: Path
) -> None:
    stores = {"YF01": kiosk("YF01"), "YF02": kiosk("YF02")}
    for store in stores.values():
        work_day(store)
        sync(store)
    copy = tmp_path / "central.backup"
    central.save_copy(copy)
    for store in stores.values():
        work_day(store, tag="2")
        sync(store)
    central.restore_copy(copy)

    report = sync(stores["YF01"])
    assert report.epoch_changed
    assert report.mismatches == []
    report = sync(stores["YF02"])
    assert report.epoch_changed
    _assert_central_equals_union(central, stores)
    # And the other station's second day reaches YF01 again.
    sync(stores["YF01"])
    with stores["YF01"].reading() as session:
        assert session.scalars(
            select(FoundItem).where(FoundItem.description == "YF02 黑色皮质钱包 2")
        ).one()


def test_a_count_mismatch_is_reported_and_repaired_next_time(
    central: Central, kiosk: KioskFactory
) -> None:
    store = kiosk("YF01")
    work_day(store)
    sync(store)
    engine = central.admin()
    with engine.begin() as conn:
        conn.execute(delete(records).where(records.c.kind == "inquiries"))
    engine.dispose()
    report = sync(store)
    assert [m[0] for m in report.mismatches] == ["inquiries"]
    with store.reading() as session:
        assert [i.problem for i in issues.current(session)] == [issues.COUNT]
    report = sync(store)
    assert report.mismatches == []
    with store.reading() as session:
        assert issues.current(session) == []
    _assert_central_equals_union(central, {"YF01": store})


def test_a_badge_code_taken_locally_is_listed_not_fatal(
    central: Central, kiosk: KioskFactory
) -> None:
    here, there = kiosk("YF01"), kiosk("YF02")
    with there.transaction() as session:
        roster.add(session, name="张三", badge_code="HM-0001")
    with here.transaction() as session:
        roster.add(session, name="李四", badge_code="HM-0001")
    sync(there)
    report = sync(here)
    assert report.conflicts == 1
    ((kind, _rid, _version, reason),) = report.conflict_items
    assert kind == "volunteers"
    assert "badge_code" in reason
    with here.reading() as session:
        assert [i.problem for i in issues.current(session)] == [issues.CLASH]
        assert session.scalars(select(Volunteer.name)).all() == ["李四"]


def test_a_clash_settled_by_the_lead_is_pulled_at_the_next_sync(
    central: Central, kiosk: KioskFactory
) -> None:
    """The watermark has passed the held-back row: it must still arrive once the cause is gone."""
    here, there = kiosk("YF01"), kiosk("YF02")
    with there.transaction() as session:
        theirs = roster.add(session, name="张三", badge_code="HM-0001")
    with here.transaction() as session:
        ours = roster.add(session, name="李四", badge_code="HM-0001")
    sync(there)
    assert sync(here).conflicts == 1
    with here.transaction() as session:
        roster.update(session, ours.id, badge_code="YF01-0099")
    report = sync(here)
    assert (report.conflicts, report.parked) == (0, 0)
    assert ("volunteers", theirs.id, 1) in report.pulled_items
    with here.reading() as session:
        assert issues.current(session) == []
        names = session.scalars(select(Volunteer.name).order_by(Volunteer.name)).all()
        assert sorted(names) == sorted(["张三", "李四"])


def test_quick_answers_published_at_central_reach_every_kiosk(
    central: Central, kiosk: KioskFactory
) -> None:
    store = kiosk("YF01")
    engine = central.admin()
    with engine.begin() as conn:
        admin.add_faq(conn, "游客中心几点开门？", "每天八点半。", "other")
    engine.dispose()
    assert sync(store).pulled == 1
    with store.reading() as session:
        (answer,) = session.scalars(select(Faq)).all()
        assert (answer.station_code, answer.answer) == (CENTRAL_CODE, "每天八点半。")
        assert unsynced(session) == 0


def test_a_malformed_shared_row_waits_on_the_list_and_the_pull_goes_on(
    central: Central, kiosk: KioskFactory
) -> None:
    """Central keeps JSON, not types: a row another station pushed with a value of the wrong
    type must not stop everyone else's pull (rule 8)."""
    here, there = kiosk("YF01"), kiosk("YF02")
    with there.transaction() as session:
        good = roster.add(session, name="张三", badge_code="YF02-0001")
        broken = roster.add(session, name="李四", badge_code="YF02-0002")
        rows = [to_wire(good), to_wire(broken)]
    rows[1]["fields"]["is_party_member"] = "yes"  # what a buggy or hostile kiosk might send
    engine = database.make_engine(central.station_urls["YF02"])
    with engine.connect() as conn:
        result = exchange.push(conn, "YF02", str(uuid.uuid4()), rows)
    engine.dispose()
    assert len(result.accepted) == 2

    report = sync(here)
    assert report.conflicts == 1
    ((kind, rid, _version, reason),) = report.conflict_items
    assert (kind, rid) == ("volunteers", broken.id)
    assert "malformed" in reason
    with here.reading() as session:
        assert session.scalars(select(Volunteer.name)).all() == ["张三"]
    # The watermark moved on: the next sync neither fails nor pulls the good row again.
    again = sync(here)
    assert again.pulled == 0


def test_no_station_can_be_registered_under_central_s_own_code(central: Central) -> None:
    with pytest.raises(InvalidInput) as refused:
        central.add_station(CENTRAL_CODE)
    assert refused.value.code == "reserved_station_code"
    assert CENTRAL_CODE in refused.value.message("zh_CN")
