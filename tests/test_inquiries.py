"""The inquiry desk: tickets, outcomes, follow-ups, search, tombstones, and bad input."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from station import clock
from station.errors import InvalidInput, NotFound, StateError, StationError
from station.messages import MESSAGES
from station.models import Inquiry, InquiryFollowUp, OutboxEntry, Post, Volunteer
from station.services import inquiries
from station.services import station as station_service
from station.store import Store
from tests.snapshot import snapshot

MORNING = datetime(2026, 11, 30, 9, 0, tzinfo=clock.LOCAL_TZ)
DAY = MORNING.date()


@contextmanager
def at(moment: datetime) -> Iterator[None]:
    with clock.frozen_at(moment):
        yield


@pytest.fixture
def desk(station_store: Store) -> Store:
    """Station YF01 with two volunteers on the roster and one struck off (tombstoned)."""
    with at(MORNING - timedelta(days=30)), station_store.transaction() as s:
        s.add_all(
            [
                Volunteer(
                    station_code="YF01", name="王秀英", badge_code="YF-0001", home_station="YF01"
                ),
                Volunteer(
                    station_code="YF01", name="李建华", badge_code="YF-0002", home_station="YF01"
                ),
                Volunteer(
                    station_code="YF01",
                    name="张志刚",
                    badge_code="YF-0099",
                    home_station="YF01",
                    deleted_at=clock.now(),
                ),
            ]
        )
    return station_store


def volunteer_id(store: Store, badge: str) -> str:
    with store.reading() as s:
        return s.scalars(select(Volunteer.id).where(Volunteer.badge_code == badge)).one()


def log(store: Store, moment: datetime = MORNING, **fields: Any) -> Inquiry:
    fields.setdefault("category", "directions")
    fields.setdefault("question", "欧阳修纪念馆怎么走？")
    with at(moment), store.transaction() as s:
        return inquiries.create(s, **fields)


def act(store: Store, moment: datetime, action: Callable[[Session], Any]) -> Any:
    with at(moment), store.transaction() as s:
        return action(s)


def read(store: Store, ref: str) -> Inquiry:
    with store.reading() as s:
        found = inquiries.get(s, ref)
        # reading() ends in a rollback, which would expire everything the session loaded.
        s.expunge_all()
        return found


def outbox(store: Store, record_id: str) -> list[tuple[str, str, int]]:
    with store.reading() as s:
        rows = s.scalars(
            select(OutboxEntry).where(OutboxEntry.record_id == record_id).order_by(OutboxEntry.seq)
        )
        return [(row.record_kind, row.op, row.version) for row in rows]


def rejected(
    store: Store, action: Callable[[Session], Any], error: type[StationError], field: str | None
) -> StationError:
    """Assert `action` fails with `error` naming `field` and leaves every table as it was."""
    before = snapshot(store)
    with pytest.raises(error) as caught, at(MORNING + timedelta(hours=1)), store.transaction() as s:
        action(s)
    assert caught.value.field == field
    assert snapshot(store) == before
    # Validation comes before any write: even a caller that carries on and commits keeps the
    # store as it was.
    with at(MORNING + timedelta(hours=1)), store.transaction() as s, pytest.raises(error):
        action(s)
    assert snapshot(store) == before
    assert caught.value.code in MESSAGES
    zh, en = caught.value.message("zh_CN"), caught.value.message("en")
    assert zh != en
    assert "{" not in zh
    assert "{" not in en
    return caught.value


# --- creating and numbering -------------------------------------------------------------


def test_create_stores_what_the_volunteer_typed(desk: Store) -> None:
    made = log(
        desk,
        category="交通",
        question="  去汽车站坐几路车？\n要带小孩  ",
        answer="东门公交站乘坐2路。",
        visitor_name="陈春梅",
        visitor_phone="138 1234 5678",
        handled_by="yf-0001\r\n",
        post="驼背桥",
    )
    got = read(desk, made.ticket_no)
    assert got.id == made.id
    assert got.ticket_no == "YF01-20261130-0001"
    assert got.category == "transport"
    assert got.question == "去汽车站坐几路车？\n要带小孩"
    assert got.answer == "东门公交站乘坐2路。"
    assert got.visitor_name == "陈春梅"
    assert got.visitor_phone == "13812345678"
    assert got.handler is not None
    assert got.handler.badge_code == "YF-0001"
    assert got.post is not None
    assert got.post.name == "驼背桥"
    assert got.status == "open"
    assert got.station_code == "YF01"
    assert got.created_at == MORNING
    assert got.closed_at is None
    assert got.resolve_seconds is None
    assert got.follow_ups == []


def test_a_volunteer_and_a_post_added_in_the_same_transaction_are_found(desk: Store) -> None:
    """Not yet flushed when the inquiry names them: the lookup flushes them first."""
    with desk.transaction() as s:
        station_service.current(s)
        s.add(
            Volunteer(station_code="YF01", name="新来的", badge_code="YF-0100", home_station="YF01")
        )
        s.add(Post(station_code="YF01", name="新点位"))
        made = inquiries.create(
            s, category="other", question="问路", handled_by="YF-0100", post="新点位"
        )
    got = read(desk, made.ticket_no)
    assert got.handler is not None
    assert got.handler.badge_code == "YF-0100"
    assert got.post is not None
    assert got.post.name == "新点位"


def test_create_accepts_codes_labels_and_ids(desk: Store) -> None:
    with desk.reading() as s:
        post_id = station_service.post(s, "古戏台广场").id
    handler = volunteer_id(desk, "YF-0002")
    for category, code in [
        ("medical", "medical"),
        ("医疗急救", "medical"),
        ("Transport", "transport"),
    ]:
        made = log(desk, category=category, handled_by=handler, post=post_id)
        assert made.category == code
        assert made.handled_by == handler
        assert made.post_id == post_id


def test_minimal_inquiry_has_no_optional_fields(desk: Store) -> None:
    made = log(desk, answer="   ", visitor_name="", visitor_phone=None, handled_by=" ", post="")
    got = read(desk, made.id)
    assert (got.answer, got.visitor_name, got.visitor_phone, got.handled_by, got.post_id) == (
        None,
        None,
        None,
        None,
        None,
    )


def test_landline_phone_is_normalised(desk: Store) -> None:
    made = log(desk, visitor_phone="(0796)2512345")
    assert made.visitor_phone == "0796-2512345"


def test_ticket_numbers_run_per_local_day(desk: Store) -> None:
    first = [log(desk, MORNING + timedelta(minutes=i)).ticket_no for i in range(3)]
    assert first == ["YF01-20261130-0001", "YF01-20261130-0002", "YF01-20261130-0003"]
    # 23:59 and 00:01 local time fall on one UTC date but on two local days.
    late = log(desk, datetime(2026, 11, 30, 23, 59, tzinfo=clock.LOCAL_TZ))
    early = log(desk, datetime(2026, 12, 1, 0, 1, tzinfo=clock.LOCAL_TZ))
    assert late.ticket_no == "YF01-20261130-0004"
    assert early.ticket_no == "YF01-20261201-0001"


def test_resolved_on_the_spot(desk: Store) -> None:
    made = log(desk, answer="向北步行十分钟。", resolved=True)
    got = read(desk, made.ticket_no)
    assert got.status == "resolved"
    assert got.closed_at == got.created_at == MORNING
    assert got.resolve_seconds == 0
    assert outbox(desk, made.id) == [("inquiries", "create", 1)]


# --- reading ------------------------------------------------------------------------------


def test_get_by_id_or_ticket_number(desk: Store) -> None:
    made = log(desk)
    for ref in (made.id, made.ticket_no, made.ticket_no.lower(), f" {made.ticket_no} "):
        assert read(desk, ref).id == made.id


def test_get_unknown_inquiry(desk: Store) -> None:
    with desk.reading() as s, pytest.raises(NotFound) as caught:
        inquiries.get(s, "YF01-20261130-0099")
    assert caught.value.field == "inquiry"
    assert "YF01-20261130-0099" in caught.value.message("en")


# --- updating -----------------------------------------------------------------------------


def test_update_changes_only_the_given_fields(desk: Store) -> None:
    made = log(desk, answer="向北走。", visitor_name="陈春梅", visitor_phone="13812345678")
    later = MORNING + timedelta(minutes=3)
    updated = act(
        desk,
        later,
        lambda s: inquiries.update(
            s, made.ticket_no, question="纪念馆几点关门？", visitor_phone=None
        ),
    )
    got = read(desk, made.id)
    assert got.question == "纪念馆几点关门？"
    assert got.visitor_phone is None
    assert (got.answer, got.visitor_name, got.category) == ("向北走。", "陈春梅", "directions")
    assert got.version == updated.version == 2
    assert got.updated_at == later
    assert got.created_at == MORNING
    assert outbox(desk, made.id) == [("inquiries", "create", 1), ("inquiries", "update", 2)]


def test_update_sets_and_clears_the_handler(desk: Store) -> None:
    made = log(desk, handled_by="YF-0001")
    changed = act(desk, MORNING, lambda s: inquiries.update(s, made.id, handled_by="YF-0002"))
    assert changed.handler is not None
    assert changed.handler.badge_code == "YF-0002"
    assert read(desk, made.id).handled_by == volunteer_id(desk, "YF-0002")
    cleared = act(desk, MORNING, lambda s: inquiries.update(s, made.id, handled_by=None))
    assert cleared.handler is None
    assert read(desk, made.id).handled_by is None


def test_update_with_no_change_writes_nothing(desk: Store) -> None:
    made = log(desk, category="transport", answer="2路车", visitor_phone="13812345678")
    before = snapshot(desk)
    act(
        desk,
        MORNING + timedelta(hours=1),
        lambda s: inquiries.update(
            s,
            made.id,
            category="交通",
            question=" 欧阳修纪念馆怎么走？ ",
            answer="2路车",
            visitor_phone="138-1234-5678",
            visitor_name=None,
            handled_by=None,
        ),
    )
    act(desk, MORNING + timedelta(hours=1), lambda s: inquiries.update(s, made.id))
    assert snapshot(desk) == before


# --- outcomes -----------------------------------------------------------------------------


def test_resolve_records_the_time_to_resolve(desk: Store) -> None:
    made = log(desk, answer="先登记。")
    done = act(
        desk,
        MORNING + timedelta(minutes=42, seconds=5),
        lambda s: inquiries.resolve(s, made.ticket_no, by="YF-0002"),
    )
    got = read(desk, made.id)
    assert got.status == done.status == "resolved"
    assert got.closed_at == MORNING + timedelta(minutes=42, seconds=5)
    assert got.resolve_seconds == 42 * 60 + 5
    assert got.answer == "先登记。"  # kept when resolve gives no answer
    [note] = got.follow_ups
    assert note.note == "办结。"
    assert note.written_by == volunteer_id(desk, "YF-0002")


def test_resolve_with_an_answer_replaces_it(desk: Store) -> None:
    made = log(desk, answer="先登记。")
    act(desk, MORNING, lambda s: inquiries.resolve(s, made.id, answer="已找到，游客满意。"))
    got = read(desk, made.id)
    assert got.answer == "已找到，游客满意。"
    assert got.resolve_seconds == 0
    assert [f.note for f in got.follow_ups] == ["办结：已找到，游客满意。"]
    assert got.follow_ups[0].written_by is None


def test_refer_then_resolve(desk: Store) -> None:
    made = log(desk, category="complaint", question="商户商品价格不透明")
    referred = act(
        desk,
        MORNING + timedelta(minutes=5),
        lambda s: inquiries.refer(
            s, made.id, unit="县市场监督管理局", contact="12315", by="YF-0001"
        ),
    )
    assert referred.status == "referred"
    assert (referred.referral_unit, referred.referral_contact) == ("县市场监督管理局", "12315")
    assert referred.closed_at is None
    act(
        desk,
        MORNING + timedelta(hours=26),
        lambda s: inquiries.resolve(s, made.id, answer="已核查并整改。", by="YF-0001"),
    )
    got = read(desk, made.id)
    assert got.status == "resolved"
    assert got.resolve_seconds == 26 * 3600
    assert got.referral_unit == "县市场监督管理局"
    assert [f.note for f in got.follow_ups] == [
        "转办：县市场监督管理局（12315）。",
        "办结：已核查并整改。",
    ]


def test_refer_contact_is_optional_and_normalised(desk: Store) -> None:
    made = log(desk)
    first = act(desk, MORNING, lambda s: inquiries.refer(s, made.id, unit="景区管理处"))
    assert first.referral_contact is None
    again = act(
        desk,
        MORNING,
        lambda s: inquiries.refer(s, made.id, unit="城管执法中队", contact="0796 251 3110"),
    )
    assert (again.referral_unit, again.referral_contact) == ("城管执法中队", "0796-2513110")


def test_escalate_to_level_two_then_three(desk: Store) -> None:
    made = log(desk, category="complaint", question="夜间路灯太暗")
    two = act(desk, MORNING, lambda s: inquiries.escalate(s, made.id, level=2, by="YF-0001"))
    assert (two.status, two.escalation_level) == ("escalated", 2)
    three = act(desk, MORNING, lambda s: inquiries.escalate(s, made.ticket_no, level=3))
    assert (three.status, three.escalation_level) == ("escalated", 3)
    assert [f.note for f in read(desk, made.id).follow_ups] == [
        "上报：三方联动议事会（第 2 级）。",
        "上报：党建联席会议（第 3 级）。",
    ]
    act(desk, MORNING + timedelta(days=3), lambda s: inquiries.resolve(s, made.id))
    got = read(desk, made.id)
    assert (got.status, got.escalation_level, got.resolve_seconds) == ("resolved", 3, 3 * 86400)


@pytest.mark.parametrize("level", [2, 3])
def test_escalation_only_goes_higher(desk: Store, level: int) -> None:
    made = log(desk)
    act(desk, MORNING, lambda s: inquiries.escalate(s, made.id, level=3))
    error = rejected(
        desk, lambda s: inquiries.escalate(s, made.id, level=level), StateError, "escalation_level"
    )
    assert error.code == "already_escalated"
    assert "level 3" in error.message("en")


def test_refer_after_escalation_keeps_the_level(desk: Store) -> None:
    made = log(desk)
    act(desk, MORNING, lambda s: inquiries.escalate(s, made.id, level=2))
    referred = act(desk, MORNING, lambda s: inquiries.refer(s, made.id, unit="景区管理处"))
    assert (referred.status, referred.escalation_level) == ("referred", 2)


def test_resolve_time_is_never_negative(desk: Store) -> None:
    made = log(desk)
    # The kiosk clock was set back by a few minutes after the inquiry was logged.
    done = act(desk, MORNING - timedelta(minutes=4), lambda s: inquiries.resolve(s, made.id))
    assert done.resolve_seconds == 0


# --- closed inquiries ---------------------------------------------------------------------

CLOSED_ACTIONS: dict[str, Callable[[Session, str], Any]] = {
    "update": lambda s, ref: inquiries.update(s, ref, answer="改一下"),
    "resolve": inquiries.resolve,
    "refer": lambda s, ref: inquiries.refer(s, ref, unit="景区管理处"),
    "escalate": lambda s, ref: inquiries.escalate(s, ref, level=2),
}


@pytest.mark.parametrize("name", list(CLOSED_ACTIONS))
def test_a_closed_inquiry_cannot_change(desk: Store, name: str) -> None:
    made = log(desk, resolved=True)
    error = rejected(desk, lambda s: CLOSED_ACTIONS[name](s, made.id), StateError, "inquiry")
    assert error.code == "inquiry_closed"
    assert made.ticket_no in error.message("en")
    assert made.ticket_no in error.message("zh_CN")


def test_follow_up_on_a_closed_inquiry(desk: Store) -> None:
    made = log(desk, resolved=True)
    note = act(
        desk,
        MORNING + timedelta(hours=2),
        lambda s: inquiries.add_follow_up(
            s, made.ticket_no, note="已回访，游客满意。", by="YF-0001"
        ),
    )
    got = read(desk, made.id)
    assert got.status == "resolved"
    assert got.version == 1  # the closed record itself is untouched
    assert [f.id for f in got.follow_ups] == [note.id]
    assert note.station_code == "YF01"
    assert note.written_by == volunteer_id(desk, "YF-0001")
    assert note.created_at == MORNING + timedelta(hours=2)
    assert outbox(desk, note.id) == [("inquiry_follow_ups", "create", 1)]


def test_follow_ups_keep_their_order(desk: Store) -> None:
    made = log(desk)
    for note in ("一", "二", "三"):
        with at(MORNING), desk.transaction() as s:
            assert inquiries.add_follow_up(s, made.id, note=note).inquiry_id == made.id
    multiline = act(
        desk, MORNING, lambda s: inquiries.add_follow_up(s, made.id, note="第一行\n第二行")
    )
    assert multiline.note == "第一行\n第二行"
    assert [f.note for f in read(desk, made.id).follow_ups] == ["一", "二", "三", "第一行\n第二行"]


# --- tombstones ---------------------------------------------------------------------------


def test_delete_leaves_a_tombstone_without_personal_data(desk: Store) -> None:
    made = log(desk, visitor_name="陈春梅", visitor_phone="13812345678", resolved=True)
    note = act(desk, MORNING, lambda s: inquiries.add_follow_up(s, made.id, note="回访"))
    gone = act(desk, MORNING + timedelta(hours=1), lambda s: inquiries.delete(s, made.ticket_no))
    assert gone.deleted_at == MORNING + timedelta(hours=1)
    with desk.reading() as s:
        row = s.scalars(select(Inquiry).where(Inquiry.id == made.id)).one()
        assert row.deleted_at is not None
        assert (row.visitor_name, row.visitor_phone) == (None, None)
        assert s.scalars(
            select(InquiryFollowUp.deleted_at).where(InquiryFollowUp.id == note.id)
        ).one()
        for ref in (made.id, made.ticket_no):
            with pytest.raises(NotFound):
                inquiries.get(s, ref)
        assert inquiries.find(s) == []
        assert inquiries.find(s, text="纪念馆") == []
        assert inquiries.count(s) == 0
    assert outbox(desk, made.id) == [("inquiries", "create", 1), ("inquiries", "delete", 2)]
    assert outbox(desk, note.id)[-1] == ("inquiry_follow_ups", "delete", 2)


@pytest.mark.parametrize(
    "action",
    [
        inquiries.delete,
        lambda s, ref: inquiries.update(s, ref, answer="x"),
        inquiries.resolve,
        lambda s, ref: inquiries.add_follow_up(s, ref, note="x"),
    ],
    ids=["delete", "update", "resolve", "follow_up"],
)
def test_a_deleted_inquiry_is_not_found(desk: Store, action: Callable[[Session, str], Any]) -> None:
    made = log(desk)
    act(desk, MORNING, lambda s: inquiries.delete(s, made.id))
    rejected(desk, lambda s: action(s, made.id), NotFound, "inquiry")


# --- other stations' records --------------------------------------------------------------


@pytest.fixture
def foreign(desk: Store) -> Inquiry:
    """An inquiry of station YF02, as the pull from central would leave it here."""
    made = log(desk)
    with desk.transaction() as s:
        s.execute(
            text("UPDATE inquiries SET station_code = 'YF02', ticket_no = :no WHERE id = :id"),
            {"no": "YF02-20261130-0001", "id": made.id},
        )
    return read(desk, made.id)


FOREIGN_ACTIONS: dict[str, Callable[[Session, str], Any]] = {
    **CLOSED_ACTIONS,
    "delete": inquiries.delete,
}


@pytest.mark.parametrize("name", list(FOREIGN_ACTIONS))
def test_another_stations_inquiry_is_read_only(desk: Store, foreign: Inquiry, name: str) -> None:
    error = rejected(desk, lambda s: FOREIGN_ACTIONS[name](s, foreign.id), StateError, "inquiry")
    assert error.code == "not_own_record"
    assert error.params["owner"] == "YF02"
    assert "YF02" in error.message("en")


def test_another_stations_inquiry_is_readable_not_listed(desk: Store, foreign: Inquiry) -> None:
    with desk.reading() as s:
        assert inquiries.get(s, "YF02-20261130-0001").id == foreign.id
        assert inquiries.find(s) == []
        assert inquiries.find(s, text="YF02-20261130-0001") == []
        assert inquiries.count(s) == 0


def test_a_follow_up_on_another_stations_inquiry_is_our_own_row(
    desk: Store, foreign: Inquiry
) -> None:
    note = act(
        desk, MORNING, lambda s: inquiries.add_follow_up(s, foreign.id, note="游客来本站询问进度")
    )
    assert note.station_code == "YF01"
    assert read(desk, foreign.id).version == foreign.version


# --- finding ------------------------------------------------------------------------------


@pytest.fixture
def day_of_tickets(desk: Store) -> dict[str, Inquiry]:
    made = {
        "museum": log(desk, MORNING, question="欧阳修纪念馆怎么走？", answer="向北步行十分钟。"),
        "bus": log(
            desk,
            MORNING + timedelta(minutes=10),
            category="transport",
            question="去汽车站坐几路车？",
            answer="2路公交车。",
            resolved=True,
        ),
        "price": log(
            desk, MORNING + timedelta(minutes=20), category="complaint", question="商户价格不透明"
        ),
        "yesterday": log(desk, MORNING - timedelta(days=1), question="纪念馆开放到几点？"),
    }
    act(
        desk,
        MORNING + timedelta(minutes=25),
        lambda s: inquiries.refer(s, made["price"].id, unit="县市场监督管理局", contact="12315"),
    )
    return made


def tickets(store: Store, **filters: Any) -> list[str]:
    with store.reading() as s:
        return [i.ticket_no for i in inquiries.find(s, **filters)]


def test_find_lists_newest_first(desk: Store, day_of_tickets: dict[str, Inquiry]) -> None:
    m = {k: v.ticket_no for k, v in day_of_tickets.items()}
    assert tickets(desk) == [m["price"], m["bus"], m["museum"], m["yesterday"]]
    assert tickets(desk, limit=2) == [m["price"], m["bus"]]
    assert tickets(desk, limit=2, offset=2) == [m["museum"], m["yesterday"]]
    assert tickets(desk, offset=10) == []


def test_find_by_status_and_day(desk: Store, day_of_tickets: dict[str, Inquiry]) -> None:
    m = {k: v.ticket_no for k, v in day_of_tickets.items()}
    assert tickets(desk, status="open") == [m["museum"], m["yesterday"]]
    assert tickets(desk, status="已办结") == [m["bus"]]
    assert tickets(desk, status="Referred") == [m["price"]]
    assert tickets(desk, status="escalated") == []
    assert tickets(desk, day=DAY) == [m["price"], m["bus"], m["museum"]]
    assert tickets(desk, day=DAY - timedelta(days=1)) == [m["yesterday"]]
    # A datetime stands for the local day it falls on: 20:00 UTC is 04:00 the next day here.
    assert tickets(desk, day=MORNING + timedelta(hours=14)) == [m["price"], m["bus"], m["museum"]]
    assert tickets(desk, day=datetime(2026, 11, 30, 20, 0, tzinfo=UTC)) == []
    assert tickets(desk, day=DAY, status="open") == [m["museum"]]
    with desk.reading() as s:
        assert inquiries.count(s) == 4
        assert inquiries.count(s, day=DAY) == 3
        assert inquiries.count(s, status="open") == 2
        assert inquiries.count(s, status="open", day=DAY) == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("馆", ["museum", "yesterday"]),  # one character: content table
        ("纪念", ["museum", "yesterday"]),  # two characters: content table
        ("纪念馆", ["museum", "yesterday"]),  # three or more: trigram index
        ("欧阳修纪念馆", ["museum"]),
        ("纪念馆 北", ["museum"]),  # every term must match
        ("2路", ["bus"]),  # the answer is searched too
        ("市场监督", ["price"]),  # and the referral unit
        ("不存在的内容", []),
        ("   ", ["price", "bus", "museum", "yesterday"]),  # blank is no filter
    ],
)
def test_find_by_text(
    desk: Store, day_of_tickets: dict[str, Inquiry], query: str, expected: list[str]
) -> None:
    assert tickets(desk, text=query) == [day_of_tickets[k].ticket_no for k in expected]


def test_find_by_ticket_number(desk: Store, day_of_tickets: dict[str, Inquiry]) -> None:
    ticket = day_of_tickets["bus"].ticket_no
    assert tickets(desk, text=ticket) == [ticket]
    assert tickets(desk, text=ticket.lower()) == [ticket]
    assert tickets(desk, text=ticket, status="resolved", day=DAY) == [ticket]
    assert tickets(desk, text=ticket, status="open") == []


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"limit": 2, "offset": 1},
        {"status": "open"},
        {"day": DAY, "status": "referred"},
        {"day": DAY - timedelta(days=1)},
        {"text": "纪念"},
        {"text": "纪念馆 北"},
        {"text": "   "},
    ],
)
def test_find_lines_are_the_rows_find_lists(
    desk: Store, day_of_tickets: dict[str, Inquiry], filters: dict[str, Any]
) -> None:
    with desk.reading() as s:
        listed = inquiries.find(s, **filters)
        lines = inquiries.find_lines(s, **filters)
        by_ticket = inquiries.find_lines(s, text=day_of_tickets["bus"].ticket_no)
    assert listed  # every filter above finds something
    assert lines == [
        inquiries.InquiryLine(i.id, i.ticket_no, i.created_at, i.question, i.status) for i in listed
    ]
    assert [line.ticket_no for line in by_ticket] == [day_of_tickets["bus"].ticket_no]


def test_find_by_local_day_at_midnight(desk: Store) -> None:
    late = log(desk, datetime(2026, 11, 30, 23, 59, 59, tzinfo=clock.LOCAL_TZ))
    early = log(desk, datetime(2026, 12, 1, 0, 0, 0, tzinfo=clock.LOCAL_TZ))
    assert tickets(desk, day=date(2026, 11, 30)) == [late.ticket_no]
    assert tickets(desk, day=date(2026, 12, 1)) == [early.ticket_no]


# --- the outbox ---------------------------------------------------------------------------


def test_every_change_is_queued_for_the_sync(desk: Store) -> None:
    from station.sync.outbox import pending_count

    with desk.reading() as s:
        start = pending_count(s)
    made = log(desk)
    act(desk, MORNING, lambda s: inquiries.update(s, made.id, answer="向北走。"))
    act(desk, MORNING, lambda s: inquiries.refer(s, made.id, unit="景区管理处"))
    act(desk, MORNING, lambda s: inquiries.escalate(s, made.id, level=2))
    act(desk, MORNING, lambda s: inquiries.resolve(s, made.id))
    act(desk, MORNING, lambda s: inquiries.delete(s, made.id))
    assert outbox(desk, made.id) == [
        ("inquiries", "create", 1),
        ("inquiries", "update", 2),
        ("inquiries", "update", 3),
        ("inquiries", "update", 4),
        ("inquiries", "update", 5),
        ("inquiries", "delete", 6),
    ]
    with desk.reading() as s:
        # The inquiry and its three outcome notes (refer, escalate, resolve).
        assert pending_count(s) == start + 4
        assert s.scalars(select(Inquiry.version).where(Inquiry.id == made.id)).one() == 6


# --- bad input ----------------------------------------------------------------------------

TOO_LONG_QUESTION = "问" * 501

BAD_CREATE: list[tuple[dict[str, Any], type[StationError], str]] = [
    ({"category": None}, InvalidInput, "category"),
    ({"category": "天气"}, InvalidInput, "category"),
    ({"category": 3}, InvalidInput, "category"),
    ({"question": None}, InvalidInput, "question"),
    ({"question": "   "}, InvalidInput, "question"),
    ({"question": TOO_LONG_QUESTION}, InvalidInput, "question"),
    ({"question": "纪念馆\x00怎么走"}, InvalidInput, "question"),
    ({"question": ["纪念馆"]}, InvalidInput, "question"),
    ({"answer": "答" * 1001}, InvalidInput, "answer"),
    ({"answer": "向北\x1b[31m走"}, InvalidInput, "answer"),
    ({"answer": 1.5}, InvalidInput, "answer"),
    ({"visitor_name": "陈" * 41}, InvalidInput, "visitor_name"),
    ({"visitor_name": "陈\n春梅"}, InvalidInput, "visitor_name"),
    ({"visitor_phone": "12345"}, InvalidInput, "visitor_phone"),
    ({"visitor_phone": "1381234567"}, InvalidInput, "visitor_phone"),
    ({"visitor_phone": "110"}, InvalidInput, "visitor_phone"),
    ({"visitor_phone": "电话"}, InvalidInput, "visitor_phone"),
    ({"visitor_phone": 13812345678}, InvalidInput, "visitor_phone"),
    ({"handled_by": "YF-9999"}, NotFound, "handled_by"),
    ({"handled_by": "YF-0099"}, NotFound, "handled_by"),  # struck off the roster
    ({"handled_by": 1}, InvalidInput, "handled_by"),
    ({"handled_by": "\x00"}, InvalidInput, "handled_by"),
    ({"post": "不存在的点位"}, NotFound, "post"),
    ({"post": 7}, InvalidInput, "post"),
    ({"post": "\ud800"}, InvalidInput, "post"),
    ({"post": "点" * 41}, InvalidInput, "post"),
    # The handler and the post are looked up together: a missing handler is still told first.
    ({"handled_by": "YF-9999", "post": "不存在的点位"}, NotFound, "handled_by"),
    ({"handled_by": "YF-9999", "post": "\ud800"}, NotFound, "handled_by"),
    ({"handled_by": "YF-0001", "post": "不存在的点位"}, NotFound, "post"),
    ({"resolved": "yes"}, InvalidInput, "resolved"),
    ({"resolved": 1}, InvalidInput, "resolved"),
]


@pytest.mark.parametrize(("bad", "error", "field"), BAD_CREATE)
def test_create_rejects_bad_input(
    desk: Store, bad: dict[str, Any], error: type[StationError], field: str
) -> None:
    log(desk)  # a number is already taken today: a failed create must not take another
    fields = {"category": "directions", "question": "纪念馆怎么走？", **bad}
    rejected(desk, lambda s: inquiries.create(s, **fields), error, field)
    assert log(desk).ticket_no == "YF01-20261130-0002"


def test_messages_name_the_field_in_both_languages(desk: Store) -> None:
    error = rejected(
        desk,
        lambda s: inquiries.create(s, category="other", question="?", visitor_phone="123"),
        InvalidInput,
        "visitor_phone",
    )
    assert "游客电话" in error.message("zh_CN")
    assert "visitor phone" in error.message("en")
    too_long = rejected(
        desk,
        lambda s: inquiries.create(s, category="other", question=TOO_LONG_QUESTION),
        InvalidInput,
        "question",
    )
    assert too_long.message("en") == "The question is too long: at most 500 characters."
    assert too_long.message("zh_CN") == "问题摘要太长了，最多 500 个字。"


BAD_UPDATE: list[tuple[dict[str, Any], type[StationError], str]] = [
    ({"category": "bogus"}, InvalidInput, "category"),
    ({"question": None}, InvalidInput, "question"),
    ({"question": ""}, InvalidInput, "question"),
    ({"answer": "答" * 1001}, InvalidInput, "answer"),
    ({"visitor_name": 5}, InvalidInput, "visitor_name"),
    ({"visitor_phone": "0796-12"}, InvalidInput, "visitor_phone"),
    ({"handled_by": "nobody"}, NotFound, "handled_by"),
    # A good change before a bad one must not be half applied.
    (
        {"answer": "新的答复", "question": "新的问题", "visitor_phone": "x"},
        InvalidInput,
        "visitor_phone",
    ),
]


@pytest.mark.parametrize(("bad", "error", "field"), BAD_UPDATE)
def test_update_rejects_bad_input(
    desk: Store, bad: dict[str, Any], error: type[StationError], field: str
) -> None:
    made = log(desk, answer="旧的答复")
    rejected(desk, lambda s: inquiries.update(s, made.id, **bad), error, field)


@pytest.mark.parametrize(
    ("ref", "error"),
    [
        ("YF01-20261130-0099", NotFound),
        ("", InvalidInput),
        (None, InvalidInput),
        (42, InvalidInput),
    ],
)
def test_unknown_or_malformed_refs(desk: Store, ref: object, error: type[StationError]) -> None:
    log(desk)
    for action in (
        lambda s: inquiries.get(s, ref),
        lambda s: inquiries.update(s, ref, answer="x"),
        lambda s: inquiries.resolve(s, ref),
        lambda s: inquiries.refer(s, ref, unit="景区管理处"),
        lambda s: inquiries.escalate(s, ref, level=2),
        lambda s: inquiries.add_follow_up(s, ref, note="x"),
        lambda s: inquiries.delete(s, ref),
    ):
        rejected(desk, action, error, "inquiry")


BAD_OUTCOMES: list[tuple[Callable[[Session, str], Any], type[StationError], str]] = [
    (lambda s, ref: inquiries.refer(s, ref, unit=None), InvalidInput, "referral_unit"),
    (lambda s, ref: inquiries.refer(s, ref, unit="单" * 61), InvalidInput, "referral_unit"),
    (
        lambda s, ref: inquiries.refer(s, ref, unit="景区管理处", contact="abc"),
        InvalidInput,
        "referral_contact",
    ),
    (
        lambda s, ref: inquiries.refer(s, ref, unit="景区管理处", by="YF-9999"),
        NotFound,
        "handled_by",
    ),
    (lambda s, ref: inquiries.escalate(s, ref, level=1), InvalidInput, "escalation_level"),
    (lambda s, ref: inquiries.escalate(s, ref, level=4), InvalidInput, "escalation_level"),
    (lambda s, ref: inquiries.escalate(s, ref, level="2"), InvalidInput, "escalation_level"),
    (lambda s, ref: inquiries.escalate(s, ref, level=True), InvalidInput, "escalation_level"),
    (lambda s, ref: inquiries.escalate(s, ref, level=None), InvalidInput, "escalation_level"),
    (lambda s, ref: inquiries.escalate(s, ref, level=2, by=3), InvalidInput, "handled_by"),
    (lambda s, ref: inquiries.resolve(s, ref, answer="答" * 1001), InvalidInput, "answer"),
    (lambda s, ref: inquiries.resolve(s, ref, by="YF-0099"), NotFound, "handled_by"),
    (lambda s, ref: inquiries.add_follow_up(s, ref, note=None), InvalidInput, "note"),
    (lambda s, ref: inquiries.add_follow_up(s, ref, note=" \n "), InvalidInput, "note"),
    (lambda s, ref: inquiries.add_follow_up(s, ref, note="记" * 1001), InvalidInput, "note"),
    (lambda s, ref: inquiries.add_follow_up(s, ref, note="响\x07铃"), InvalidInput, "note"),
    (lambda s, ref: inquiries.add_follow_up(s, ref, note="x", by="?"), NotFound, "handled_by"),
]


@pytest.mark.parametrize(("action", "error", "field"), BAD_OUTCOMES)
def test_outcomes_reject_bad_input(
    desk: Store, action: Callable[[Session, str], Any], error: type[StationError], field: str
) -> None:
    made = log(desk)
    rejected(desk, lambda s: action(s, made.id), error, field)


@pytest.mark.parametrize(
    ("filters", "field"),
    [
        ({"status": "bogus"}, "status"),
        ({"status": 1}, "status"),
        ({"day": "2026-11-30"}, "day"),
        ({"day": 20261130}, "day"),
        ({"day": date(1, 1, 1)}, "day"),
        ({"day": datetime(9999, 12, 31, 23, 0, tzinfo=UTC)}, "day"),
        ({"text": 5}, "query"),
        ({"text": "纪念\x00馆"}, "query"),
        ({"text": "馆" * 101}, "query"),
        ({"limit": 0}, "limit"),
        ({"limit": "10"}, "limit"),
        ({"offset": -1}, "offset"),
        ({"offset": None}, "offset"),
    ],
)
def test_find_rejects_bad_filters(desk: Store, filters: dict[str, Any], field: str) -> None:
    log(desk)
    rejected(desk, lambda s: inquiries.find(s, **filters), InvalidInput, field)
    rejected(desk, lambda s: inquiries.find_lines(s, **filters), InvalidInput, field)
    if set(filters) <= {"status", "day"}:
        rejected(desk, lambda s: inquiries.count(s, **filters), InvalidInput, field)


def test_nothing_works_before_the_station_is_set_up(store: Store) -> None:
    error = rejected(
        store, lambda s: inquiries.create(s, category="other", question="?"), StateError, None
    )
    assert error.code == "not_initialised"
    error = rejected(store, inquiries.find_lines, StateError, None)
    assert error.code == "not_initialised"
