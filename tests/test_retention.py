"""Retention of personal data and the phone-number lookup: what is erased when, what stays."""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import func, select

from station import clock, privacy
from station.errors import InvalidInput
from station.models import (
    AuditEntry,
    FoundItem,
    Inquiry,
    ItemReturn,
    LostReport,
    OutboxEntry,
    Volunteer,
)
from station.services import inquiries, lostfound, personal, retention, roster, stats
from station.services import station as station_service
from station.slips import make_slip
from station.store import Store, open_store
from station.sync.outbox import APPLYING_PULL
from tests.snapshot import snapshot

T0 = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)
REDPOST = str(Path(sys.executable).with_name("redpost"))
SIGNATURE = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
VISITOR = ("王先生", "13900001111")
OWNER = ("赵先生", "13600003333")
FINDER = ("李女士", "13700002222")
POLICE_FINDER = ("孙师傅", "13500005555")


@dataclass(frozen=True)
class Day:
    inquiry: str
    report: str
    returned_item: str
    handed_item: str
    returned: str
    signature: Path


def desk_day(
    store: Store,
    visitor: tuple[str, str] = VISITOR,
    owner: tuple[str, str] = OWNER,
    finder: tuple[str, str] = FINDER,
    at: datetime = T0,
) -> Day:
    """At `at`: an inquiry closed on the spot, a lost report closed by the return of an item
    (with a signature), and another item handed to the police."""
    with clock.frozen_at(at), store.transaction() as s:
        inquiry = inquiries.create(
            s,
            category="directions",
            question="古戏台怎么走",
            visitor_name=visitor[0],
            visitor_phone=visitor[1],
            resolved=True,
        )
        report = lostfound.register_lost(
            s,
            category="bag",
            description="黑色背包",
            lost_place="驼背桥",
            lost_at=at - timedelta(hours=2),
            contact_name=owner[0],
            contact_phone=owner[1],
        )
        item = lostfound.register_found(
            s,
            category="bag",
            description="黑色双肩背包",
            found_place="驼背桥",
            found_at=at - timedelta(hours=1),
            finder_name=finder[0],
            finder_phone=finder[1],
        )
        returned = lostfound.return_item(
            s,
            item=item.id,
            lost_report=report.id,
            claimant_name=owner[0],
            id_type="id_card",
            id_last4="123X",
            signature_png=SIGNATURE,
        )
        handed = lostfound.register_found(
            s,
            category="wallet",
            description="棕色钱包",
            found_place="广场",
            found_at=at - timedelta(days=10),
            finder_name=POLICE_FINDER[0],
            finder_phone=POLICE_FINDER[1],
        )
        lostfound.hand_over(s, items=[handed.id], police_unit="城关派出所", officer_name="刘警官")
        assert returned.signature_file is not None
        signature = lostfound.signature_path(s, returned.signature_file)
        return Day(inquiry.id, report.id, item.id, handed.id, returned.id, signature)


def run(store: Store, days: float, **kwargs: bool) -> retention.Counts:
    with store.transaction() as s:
        return retention.run(s, T0 + timedelta(days=days), **kwargs)


def personal_values(store: Store, day: Day) -> dict[str, tuple[object, ...]]:
    with store.reading() as s:
        inquiry = s.scalars(select(Inquiry).where(Inquiry.id == day.inquiry)).one()
        report = s.scalars(select(LostReport).where(LostReport.id == day.report)).one()
        item = s.scalars(select(FoundItem).where(FoundItem.id == day.returned_item)).one()
        handed = s.scalars(select(FoundItem).where(FoundItem.id == day.handed_item)).one()
        returned = s.scalars(select(ItemReturn).where(ItemReturn.id == day.returned)).one()
        return {
            "visitor": (inquiry.visitor_name, inquiry.visitor_phone),
            "owner": (report.contact_name, report.contact_phone),
            "finder": (item.finder_name, item.finder_phone),
            "police_finder": (handed.finder_name, handed.finder_phone),
            "claimant": (
                returned.claimant_name,
                returned.id_type,
                returned.id_last4,
                returned.signature_file is not None,
            ),
        }


def test_contacts_kept_a_day_before_the_period_and_erased_a_day_after(
    station_store: Store,
) -> None:
    day = desk_day(station_store)
    full = personal_values(station_store, day)
    assert run(station_store, 29).total == 0
    assert personal_values(station_store, day) == full

    counts = run(station_store, 31)
    assert (counts.inquiries, counts.lost_reports, counts.found_items, counts.item_returns) == (
        1,
        1,
        2,
        0,
    )
    after = personal_values(station_store, day)
    assert after["visitor"] == (None, None)
    assert after["owner"] == ("", "")
    assert after["finder"] == (None, None)
    assert after["police_finder"] == (None, None)
    assert after["claimant"] == full["claimant"] == (OWNER[0], "id_card", "123X", True)
    assert day.signature.exists()


def test_claimant_details_and_signature_go_after_the_return_period(station_store: Store) -> None:
    day = desk_day(station_store)
    run(station_store, 31)
    assert run(station_store, 179).item_returns == 0
    assert personal_values(station_store, day)["claimant"] == (OWNER[0], "id_card", "123X", True)

    counts = run(station_store, 181)
    assert (counts.item_returns, counts.signatures) == (1, 1)
    assert personal_values(station_store, day)["claimant"] == (
        privacy.ERASED_NAME,
        "id_card",
        "",
        False,
    )
    assert not day.signature.exists()


def test_records_and_statistics_stay(station_store: Store) -> None:
    desk_day(station_store)
    with station_store.reading() as s:
        before = {k: v for k, v in stats.counts(s).items() if k != "unsynced"}
        numbers = sorted(s.scalars(select(Inquiry.ticket_no)))
        statuses = sorted(s.scalars(select(FoundItem.status)))
    run(station_store, 400)
    with station_store.reading() as s:
        assert {k: v for k, v in stats.counts(s).items() if k != "unsynced"} == before
        assert sorted(s.scalars(select(Inquiry.ticket_no))) == numbers
        assert sorted(s.scalars(select(FoundItem.status))) == statuses
        assert s.scalars(select(Inquiry)).one().status == "resolved"


def test_a_second_run_changes_nothing(station_store: Store) -> None:
    desk_day(station_store)
    assert run(station_store, 400).total == 5
    before = snapshot(station_store)
    again = run(station_store, 400)
    assert again == retention.Counts()
    assert snapshot(station_store) == before


def test_each_erasure_is_queued_for_the_sync_and_audited(station_store: Store) -> None:
    day = desk_day(station_store)
    run(station_store, 31)
    with station_store.reading() as s:
        queued = s.scalars(
            select(OutboxEntry.version).where(
                OutboxEntry.record_id == day.inquiry, OutboxEntry.op == "update"
            )
        ).all()
        events = s.scalars(select(AuditEntry).where(AuditEntry.action == "retention")).all()
    assert queued == [2]
    assert [json.loads(e.detail)["inquiries"] for e in events] == [1]


def test_dry_run_counts_and_changes_nothing(station_store: Store) -> None:
    desk_day(station_store)
    before = snapshot(station_store)
    counts = run(station_store, 400, dry_run=True)
    assert (counts.inquiries, counts.item_returns, counts.signatures) == (1, 1, 1)
    assert snapshot(station_store) == before


def test_a_rolled_back_erasure_keeps_the_signature(station_store: Store) -> None:
    day = desk_day(station_store)

    def erase_then_fail() -> None:
        with station_store.transaction() as s:
            assert retention.run(s, T0 + timedelta(days=400)).signatures == 1
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError, match="power cut"):
        erase_then_fail()
    assert day.signature.exists()
    assert personal_values(station_store, day)["claimant"][3] is True


def test_other_stations_records_are_left_alone(station_store: Store) -> None:
    report = LostReport(
        report_no="YF02-20260101-0001",
        category="bag",
        description="红色背包",
        lost_place="广场",
        lost_at=T0,
        contact_name="外站人",
        contact_phone="13311112222",
        status="closed",
        closed_at=T0,
        station_code="YF02",
        created_at=T0,
        updated_at=T0,
        version=1,
    )
    with station_store.transaction() as s:
        s.info[APPLYING_PULL] = True
        s.add(report)
    assert run(station_store, 400).lost_reports == 0
    with station_store.reading() as s:
        assert s.scalars(select(LostReport.contact_phone)).one() == "13311112222"
        assert personal.find(s, "13311112222")[0]["station"] == "YF02"
    with station_store.transaction() as s:
        assert personal.erase(s, "13311112222").total == 0


def test_open_and_referred_matters_are_not_erased(station_store: Store) -> None:
    with clock.frozen_at(T0), station_store.transaction() as s:
        inquiries.create(s, category="help", question="找人", visitor_phone="13900009999")
    assert run(station_store, 3000).total == 0


def test_periods_have_defaults_and_are_checked(station_store: Store) -> None:
    with station_store.transaction() as s:
        assert retention.periods(s) == retention.Periods(30, 180)
        for bad in (0, 3651, "30", True, 1.5):
            with pytest.raises(InvalidInput) as error:
                retention.set_days(s, contact_days=30, return_days=bad)
            assert error.value.field == "return_retention_days"
        assert retention.periods(s) == retention.Periods(30, 180)
        assert retention.set_days(s, contact_days=1, return_days=3650) == retention.Periods(1, 3650)
    day = desk_day(station_store)
    run(station_store, 2)
    assert personal_values(station_store, day)["visitor"] == (None, None)
    assert personal_values(station_store, day)["claimant"][0] == OWNER[0]


def test_find_everything_about_a_phone_number(station_store: Store) -> None:
    day = desk_day(station_store)
    with station_store.transaction() as s:
        roster.add(s, name="周志愿", badge_code="YF01-V9", phone="13600003333")
    with station_store.reading() as s:
        found = personal.find(s, "+86 136-0000-3333")
    assert [(f["kind"], f["station"]) for f in found] == [
        ("lost_reports", "YF01"),
        ("item_returns", "YF01"),
        ("volunteers", "YF01"),
    ]
    report, returned, volunteer = found
    assert report["fields"]["contact_phone"] == "13600003333"
    assert report["fields"]["contact_name"] == OWNER[0]
    assert returned["fields"]["id_last4"] == "123X"
    assert returned["number"].startswith("YF01-")
    assert volunteer["number"] == "YF01-V9"
    assert report["date"] == T0.isoformat()
    with station_store.reading() as s:
        assert [f["kind"] for f in personal.find(s, FINDER[1])] == ["found_items"]
        assert personal.find(s, "13000000000") == []
        assert personal.find(s, VISITOR[1])[0]["number"].startswith("YF01-")
    assert day.inquiry


@pytest.mark.parametrize("bad", ["", "12", "abc", None, 13600003333, "1360000333x"])
def test_a_bad_phone_is_refused(station_store: Store, bad: object) -> None:
    with station_store.transaction() as s, pytest.raises(InvalidInput) as error:
        personal.find(s, bad)
    assert error.value.code in ("bad_phone", "required", "not_text")


def test_export_writes_a_private_json_file(station_store: Store, tmp_path: Path) -> None:
    desk_day(station_store)
    out = tmp_path / "export.json"
    with station_store.transaction() as s:
        written = personal.export(s, OWNER[1], out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["phone"] == OWNER[1]
    assert document["records"] == written
    assert [r["kind"] for r in written] == ["lost_reports", "item_returns"]
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with station_store.reading() as s:
        event = s.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
    assert json.loads(event.detail) == {"what": "personal", "records": 2}


def test_export_to_an_unwritable_place_says_so(station_store: Store, tmp_path: Path) -> None:
    with station_store.transaction() as s, pytest.raises(InvalidInput) as error:
        personal.export(s, OWNER[1], tmp_path / "missing" / "x.json")
    assert error.value.code == "cannot_write"


def test_erase_clears_every_own_record_of_the_number(station_store: Store) -> None:
    day = desk_day(station_store)
    with station_store.transaction() as s:
        roster.add(s, name="周志愿", badge_code="YF01-V9", phone=OWNER[1])
    with station_store.transaction() as s:
        counts = personal.erase(s, OWNER[1])
    assert (counts.lost_reports, counts.item_returns, counts.volunteers, counts.signatures) == (
        1,
        1,
        1,
        1,
    )
    values = personal_values(station_store, day)
    assert values["owner"] == ("", "")
    assert values["claimant"] == (privacy.ERASED_NAME, "id_card", "", False)
    assert values["visitor"] == VISITOR  # another person's record is untouched
    # A receipt printed again says the claimant was erased, not a masked "[**" and an empty
    # document number.
    with station_store.reading() as s:
        receipt = make_slip(s, "return", day.returned_item, "80mm").pdf
    text = "".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(receipt)).pages).split())
    assert "领取人[已清除]" in text
    assert "证件居民身份证领取人签名" in text
    assert not day.signature.exists()
    with station_store.reading() as s:
        assert personal.find(s, OWNER[1]) == []
        assert s.scalars(select(Volunteer.name).where(Volunteer.badge_code == "YF01-V9")).one()
    before = snapshot(station_store)
    with station_store.transaction() as s:
        assert personal.erase(s, OWNER[1]) == retention.Counts()
    assert snapshot(station_store) == before


# One store serves every example: each adds records with its own phone numbers and names.
EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Family and given-name characters that occur in none of the fixed texts of desk_day.
NAME_CHARS = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
phones = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
names = st.text(st.sampled_from(NAME_CHARS), min_size=2, max_size=4)


@EXAMPLES
@given(
    visitor=st.tuples(names, phones),
    owner=st.tuples(names, phones),
    finder=st.tuples(names, phones),
)
def test_no_personal_data_in_the_audit_trail(
    station_store: Store,
    visitor: tuple[str, str],
    owner: tuple[str, str],
    finder: tuple[str, str],
) -> None:
    with station_store.reading() as s:
        start = s.scalar(select(func.max(AuditEntry.seq))) or 0
    desk_day(station_store, visitor, owner, finder)
    with station_store.transaction() as s:
        personal.erase(s, owner[1])
    run(station_store, 400)
    with station_store.reading() as s:
        trail = s.scalars(select(AuditEntry.detail).where(AuditEntry.seq > start)).all()
        actions = set(s.scalars(select(AuditEntry.action).where(AuditEntry.seq > start)))
    assert {"create", "update", "erase"} <= actions
    text = "\n".join(trail)
    for secret in (*visitor, *owner, *finder):
        assert secret not in text


def test_cli_retention_and_personal(migrated_template: Path, tmp_path: Path) -> None:
    folder = tmp_path / "kiosk"
    shutil.copytree(migrated_template, folder)
    with open_store(folder) as store:
        with store.transaction() as s:
            station_service.init(s, code="YF01", name="恩江古城红驿站", posts=["古戏台广场"])
        desk_day(store, at=clock.now() - timedelta(days=60))

    def redpost(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [REDPOST, "--data-dir", str(folder), "--lang", "en", *args],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            check=False,
        )

    found = redpost("personal", "find", OWNER[1], "--json")
    assert found.returncode == 0, found.stderr
    assert [r["kind"] for r in json.loads(found.stdout)] == ["lost_reports", "item_returns"]
    bad = redpost("personal", "find", "12345")
    assert (bad.returncode, bad.stdout) == (1, "")
    assert bad.stderr.count("\n") == 1
    assert "not a valid" in bad.stderr
    refused = redpost("personal", "erase", OWNER[1])
    assert refused.returncode == 2
    assert "--yes" in refused.stderr
    erased = redpost("personal", "erase", OWNER[1], "--yes")
    assert erased.returncode == 0
    assert "1 lost reports" in erased.stdout
    assert "Nothing is stored" in redpost("personal", "find", OWNER[1]).stdout

    dry = redpost("retention", "--dry-run", "--json")
    assert json.loads(dry.stdout)["inquiries"] == 1  # closed 60 days ago
    done = json.loads(redpost("retention", "--json").stdout)
    assert (done["inquiries"], done["dry_run"]) == (1, False)
    assert json.loads(redpost("retention", "--json").stdout)["inquiries"] == 0
    kept = redpost("retention", "--contact-days", "3651")
    assert kept.returncode == 1
    assert "between 1 and 3650" in kept.stderr
