"""The audit trail: every change recorded with its transaction, personal data redacted, and a
hash chain that `verify` and `redpost audit verify` find broken after tampering with sqlite3."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from station import audit, clock
from station.audit.verify import EDITED, MISSING, REORDERED, UNLINKED
from station.demo.generate import fill
from station.models import AuditEntry, Inquiry, OutboxEntry, Volunteer
from station.services import inquiries, lostfound, roster
from station.services import station as station_service
from station.store import Store, open_store
from station.sync.codec import from_wire, to_wire
from station.sync.outbox import APPLYING_PULL

REDPOST = str(Path(sys.executable).with_name("redpost"))


def trail(store: Store) -> list[AuditEntry]:
    with store.reading() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def first_bad(store: Store) -> audit.BadEntry | None:
    with store.reading() as session:
        return audit.verify(session)


def redpost_verify(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [REDPOST, "--data-dir", str(folder), "--lang", "en", "audit", "verify"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@contextmanager
def tampering(store: Store) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection with the guard triggers dropped, as an attacker would."""
    with closing(sqlite3.connect(store.db_path)) as conn, conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_entries_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_entries_no_delete")
        yield conn


def _day_of_work(store: Store) -> str:
    """An inquiry created, changed and deleted by volunteer V1; returns its id."""
    with store.transaction() as session:
        session.info[audit.ACTOR_KEY] = "V1"
        made = inquiries.create(
            session,
            category="directions",
            question="古戏台怎么走",
            visitor_name="王小明",
            visitor_phone="13812345678",
        )
    with store.transaction() as session:
        session.info[audit.ACTOR_KEY] = "V1"
        inquiries.update(session, made.id, visitor_phone="13987654321", answer="往前两百米")
    with store.transaction() as session:
        inquiries.delete(session, made.id)
    return made.id


def test_create_update_and_delete_are_recorded_with_before_and_after(
    station_store: Store,
) -> None:
    before = len(trail(station_store))
    rid = _day_of_work(station_store)
    made, changed, deleted = trail(station_store)[before:]

    assert (made.action, made.record_kind, made.record_id, made.actor) == (
        "create",
        "inquiries",
        rid,
        "V1",
    )
    created = json.loads(made.detail)["changes"]
    assert created["question"] == [None, "古戏台怎么走"]
    assert created["visitor_phone"] == [None, "138****5678"]
    assert created["visitor_name"] == [None, "[已隐去]"]

    assert (changed.action, changed.record_id) == ("update", rid)
    assert json.loads(changed.detail)["changes"] == {
        "answer": [None, "往前两百米"],
        "visitor_phone": ["138****5678", "139****4321"],
    }

    assert (deleted.action, deleted.record_id, deleted.actor) == ("delete", rid, "system")
    # A deleted inquiry keeps no contact details; the trail shows them going, masked.
    gone = json.loads(deleted.detail)["changes"]
    assert gone["deleted_at"][0] is None
    assert gone["visitor_phone"] == ["139****4321", None]
    assert [e.seq for e in trail(station_store)] == list(range(1, before + 4))
    assert first_bad(station_store) is None


def test_an_entry_shares_the_transaction_of_its_change(station_store: Store) -> None:
    before = len(trail(station_store))

    def write_then_fail() -> None:
        with station_store.transaction() as session:
            inquiries.create(session, category="other", question="会被撤销的记录")
            session.flush()
            raise RuntimeError("power cut before commit")

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert len(trail(station_store)) == before
    # Every entry is queued for central in the same transaction as well.
    _day_of_work(station_store)
    with station_store.reading() as session:
        queued = set(
            session.scalars(
                select(OutboxEntry.record_id).where(OutboxEntry.record_kind == "audit_entries")
            )
        )
    assert queued == {e.id for e in trail(station_store)}


def test_events_are_recorded_with_numbers_masked(station_store: Store) -> None:
    with station_store.transaction() as session:
        session.info[audit.ACTOR_KEY] = "cli"
        audit.record(session, "export", {"phone_search": "请查 13812345678 的记录", "rows": 3})
    (entry,) = trail(station_store)[-1:]
    assert (entry.action, entry.actor) == ("export", "cli")
    assert json.loads(entry.detail) == {"phone_search": "请查 138****5678 的记录", "rows": 3}
    with pytest.raises(ValueError, match="event action"), station_store.transaction() as session:
        audit.record(session, "update", {})


def _queued_trail(store: Store) -> list[str]:
    """The ids of the audit entries queued for central, in queue order."""
    with store.reading() as session:
        return list(
            session.scalars(
                select(OutboxEntry.record_id)
                .where(OutboxEntry.record_kind == "audit_entries")
                .order_by(OutboxEntry.seq)
            )
        )


def test_an_event_and_a_change_in_one_flush_keep_their_order(station_store: Store) -> None:
    before = len(trail(station_store))
    with station_store.transaction() as session:
        audit.record(session, "print", {"slip": "inquiry"})
        made = inquiries.create(session, category="other", question="打印后登记")
    entries = trail(station_store)[before:]
    assert [(e.action, e.record_id) for e in entries] == [("print", None), ("create", made.id)]
    assert [e.pk for e in entries] == sorted(e.pk for e in entries)
    assert _queued_trail(station_store)[-2:] == [e.id for e in entries]
    assert first_bad(station_store) is None


def _create_then_roll_back(session: Session) -> None:
    with session.begin_nested():
        inquiries.create(session, category="other", question="撤销的记录")
        raise RuntimeError("changed my mind")


def test_a_savepoint_rolled_back_takes_its_entries_and_the_chain_goes_on(
    station_store: Store,
) -> None:
    before = len(trail(station_store))
    with station_store.transaction() as session:
        kept = inquiries.create(session, category="other", question="留下的记录")
        with pytest.raises(RuntimeError):
            _create_then_roll_back(session)
        again = inquiries.create(session, category="other", question="又一条记录")
    entries = trail(station_store)[before:]
    assert [e.record_id for e in entries] == [kept.id, again.id]
    assert [e.seq for e in entries] == [before + 1, before + 2]
    assert [kept.ticket_no[-4:], again.ticket_no[-4:]] == ["0001", "0002"]
    assert _queued_trail(station_store)[-2:] == [e.id for e in entries]
    assert first_bad(station_store) is None


def _add_twin(session: Session, ticket_no: str) -> None:
    """An inquiry with a ticket number already taken, flushed in a savepoint."""
    with session.begin_nested():
        session.add(
            Inquiry(
                station_code="YF01",
                ticket_no=ticket_no,
                category="other",
                question="同号的记录",
                status="open",
                created_at=clock.now(),
            )
        )
        session.flush()


def test_a_failed_flush_writes_no_entries_and_the_chain_goes_on(station_store: Store) -> None:
    before = len(trail(station_store))
    with station_store.transaction() as session:
        kept = inquiries.create(session, category="other", question="第一条")
        with pytest.raises(IntegrityError):
            _add_twin(session, kept.ticket_no)
        again = inquiries.create(session, category="other", question="第二条")
    entries = trail(station_store)[before:]
    assert [e.record_id for e in entries] == [kept.id, again.id]
    assert [e.seq for e in entries] == [before + 1, before + 2]
    with station_store.reading() as session:
        queued = session.scalars(
            select(OutboxEntry.record_id).where(OutboxEntry.record_kind == "inquiries")
        )
        assert list(queued) == [kept.id, again.id]
    assert first_bad(station_store) is None


def test_a_flush_the_hook_refuses_leaves_no_gap_in_the_chain(station_store: Store) -> None:
    with station_store.transaction() as session:
        changed = inquiries.create(session, category="other", question="会改的记录")
        deleted = inquiries.create(session, category="other", question="会被误删的记录")
    before = len(trail(station_store))
    with station_store.transaction() as session:
        changed = session.merge(changed)
        deleted = session.merge(deleted)
        changed.question = "改过的记录"  # its audit row is made before the hook refuses
        session.delete(deleted)  # records are tombstoned, never deleted
        with pytest.raises(RuntimeError):
            session.flush()
        session.expunge(deleted)  # the caller backs out, and the transaction goes on
    entries = trail(station_store)[before:]
    assert [(e.record_id, e.seq) for e in entries] == [(changed.id, before + 1)]
    assert first_bad(station_store) is None


def test_rows_applied_by_a_pull_are_not_audited(station_store: Store, store: Store) -> None:
    other = open_store(store.folder.parent / "other")
    with other.transaction() as session:
        station_service.init(session, code="YF02", name="二号站", posts=["驼背桥"])
        volunteer = roster.add(session, name="外站志愿者", badge_code="YF02-0001")
    wire = to_wire(volunteer)
    other.close()
    before = [e.id for e in trail(station_store)]
    with station_store.transaction() as session:
        session.info[APPLYING_PULL] = True
        session.add(Volunteer(**from_wire(Volunteer, wire, None)))
    with station_store.reading() as session:
        assert session.scalars(select(Volunteer.station_code)).all() == ["YF02"]
    assert [e.id for e in trail(station_store)] == before
    assert first_bad(station_store) is None


def test_the_guard_triggers_refuse_changes_to_entries(station_store: Store) -> None:
    _day_of_work(station_store)
    with closing(sqlite3.connect(station_store.db_path)) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit_entries SET actor = 'someone' WHERE seq = 2")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit_entries WHERE seq = 2")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with two days of demo data, copied by each tampering test."""
    folder = tmp_path_factory.mktemp("audit-demo") / "data"
    # Two whole working days, whatever the hour the tests run at.
    evening = datetime(2026, 11, 30, 18, 0, tzinfo=clock.LOCAL_TZ)
    with clock.frozen_at(evening), open_store(folder) as store:
        fill(store, days=2, seed=5)
    return folder


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    folder = tmp_path / "data"
    shutil.copytree(demo_template, folder)
    with open_store(folder) as store:
        yield store


def test_an_intact_demo_chain_passes(demo: Store) -> None:
    entries = trail(demo)
    assert len(entries) > 300
    assert {"create", "update"} <= {e.action for e in entries}
    assert first_bad(demo) is None
    done = redpost_verify(demo.folder)
    assert done.returncode == 0, done.stderr
    assert f"{len(entries)} entries" in done.stdout


@pytest.mark.parametrize(
    ("attack", "seq", "problem", "words"),
    [
        (
            "UPDATE audit_entries SET detail = '{}' WHERE seq = 40",
            40,
            EDITED,
            "entry 40 was altered",
        ),
        (
            "UPDATE audit_entries SET actor = 'V9' WHERE seq = 41",
            41,
            EDITED,
            "entry 41 was altered",
        ),
        ("DELETE FROM audit_entries WHERE seq = 50", 50, MISSING, "entry 50 was deleted"),
        (
            "UPDATE audit_entries SET seq = -seq WHERE seq IN (60, 61);"
            "UPDATE audit_entries SET seq = 61 WHERE seq = -60;"
            "UPDATE audit_entries SET seq = 60 WHERE seq = -61",
            60,
            EDITED,
            "entry 60 was altered",
        ),
    ],
    ids=["edited-detail", "edited-actor", "deleted", "seq-swapped"],
)
def test_tampering_is_found_and_named(
    demo: Store, attack: str, seq: int, problem: str, words: str
) -> None:
    with tampering(demo) as conn:
        conn.executescript(attack)
    bad = first_bad(demo)
    assert bad is not None
    assert (bad.seq, bad.problem) == (seq, problem)
    done = redpost_verify(demo.folder)
    assert done.returncode == 1
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("redpost: The audit trail was tampered with: ")
    assert words in line


def test_rows_moved_whole_are_found(demo: Store) -> None:
    """Two entries swap places in the table, each keeping its own seq and hashes."""
    with tampering(demo) as conn:
        pk70, pk71 = (
            conn.execute("SELECT pk FROM audit_entries WHERE seq = ?", (s,)).fetchone()[0]
            for s in (70, 71)
        )
        conn.execute("UPDATE audit_entries SET pk = -1 WHERE pk = ?", (pk70,))
        conn.execute("UPDATE audit_entries SET pk = ? WHERE pk = ?", (pk70, pk71))
        conn.execute("UPDATE audit_entries SET pk = ? WHERE pk = -1", (pk71,))
    assert first_bad(demo) == audit.BadEntry(71, REORDERED)


def test_a_rewritten_hash_breaks_the_link_to_the_next(demo: Store) -> None:
    """Editing an entry and re-hashing it leaves the next entry pointing at the old hash."""
    with tampering(demo) as conn:
        conn.execute("UPDATE audit_entries SET actor = 'V9' WHERE seq = 30")
    with demo.reading() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.seq == 30)).one()
        fields = (
            entry.seq,
            entry.prev_hash,
            entry.moment.isoformat(),
            entry.actor,
            entry.action,
            entry.record_kind,
            entry.record_id,
            entry.detail,
        )
    with tampering(demo) as conn:
        conn.execute(
            "UPDATE audit_entries SET entry_hash = ? WHERE seq = 30",
            (audit.chain.entry_hash(fields),),
        )
    assert first_bad(demo) == audit.BadEntry(31, UNLINKED)


def test_the_deleted_last_entry_is_found(demo: Store) -> None:
    last = trail(demo)[-1].seq
    with tampering(demo) as conn:
        conn.execute("DELETE FROM audit_entries WHERE seq = ?", (last,))
    assert first_bad(demo) == audit.BadEntry(last, MISSING)


def test_the_trail_can_be_browsed_by_day_actor_kind_and_action(station_store: Store) -> None:
    _day_of_work(station_store)
    with station_store.reading() as session:
        today = clock.local_today()
        everything = audit.browse(session)
        assert [e.seq for e in everything] == sorted((e.seq for e in everything), reverse=True)
        by_v1 = audit.browse(session, actor="V1", kind="inquiries")
        assert [e.action for e in by_v1] == ["update", "create"]
        assert [e.action for e in audit.browse(session, action="delete")] == ["delete"]
        assert len(audit.browse(session, day=today)) == len(everything)
        assert audit.browse(session, day=today - timedelta(days=1)) == []
        older = audit.browse(session, before_seq=everything[0].seq, limit=1)
        assert [e.seq for e in older] == [everything[1].seq]
        assert "V1" in audit.choices(session)["actor"]
        assert {"create", "update", "delete"} <= set(audit.choices(session)["action"])


# Names from characters that appear nowhere else in the records written below.
SURNAMES = "赵钱孙李周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施张"
names = st.text(alphabet=SURNAMES, min_size=2, max_size=4)
mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
landlines = st.from_regex(r"0[1-9][0-9]{2}-[2-8][0-9]{6}", fullmatch=True)


def _all_text(store: Store) -> str:
    with closing(sqlite3.connect(store.db_path)) as conn:
        return "\n".join(
            "\t".join(str(value) for value in row)
            for row in conn.execute("SELECT * FROM audit_entries")
        )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    visitor=names,
    claimant=names,
    phone=mobiles,
    other_phone=st.one_of(mobiles, landlines),
    id_last4=st.from_regex(r"[0-9]{3}[0-9X]", fullmatch=True),
)
def test_no_generated_phone_or_name_reaches_the_trail(
    station_store: Store,
    *,
    visitor: str,
    claimant: str,
    phone: str,
    other_phone: str,
    id_last4: str,
) -> None:
    moment = clock.now() - timedelta(hours=1)
    with station_store.transaction() as session:
        asked = inquiries.create(
            session,
            category="other",
            question=f"请回电 {phone}",
            visitor_name=visitor,
            visitor_phone=phone,
        )
        inquiries.update(session, asked.id, visitor_phone=other_phone, visitor_name=claimant)
        item = lostfound.register_found(
            session,
            category="wallet",
            description="黑色背包",
            found_place="驼背桥",
            found_at=moment,
            finder_name=visitor,
            finder_phone=other_phone,
        )
        report = lostfound.register_lost(
            session,
            category="wallet",
            description="黑色背包",
            lost_place="驼背桥",
            lost_at=moment,
            contact_name=claimant,
            contact_phone=phone,
        )
        lostfound.return_item(
            session,
            item=item.id,
            claimant_name=claimant,
            id_type="id_card",
            id_last4=id_last4,
            lost_report=report.id,
        )
    text = _all_text(station_store)
    for secret in (visitor, claimant, phone, other_phone):
        assert secret not in text
    assert f'"id_last4":[null,"{id_last4}"]' not in text


def test_a_new_kiosk_has_an_empty_intact_trail(store: Store) -> None:
    assert trail(store) == []
    assert first_bad(store) is None
    with store.reading() as session:
        assert audit.browse(session, day=clock.local_today()) == []
