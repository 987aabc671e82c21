"""Drafts: what a person left typed at the idle lock waits for that person, and only them."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from station.access import SYSTEM, VOLUNTEER, Actor, drafts
from station.errors import Denied
from station.models import AuditEntry, OutboxEntry
from station.services import roster
from station.store import Store

HALF_TYPED = {"question": "最近的厕所在哪里", "visitor_phone": "13812345678"}


@pytest.fixture
def people(station_store: Store) -> tuple[Actor, Actor]:
    with station_store.transaction() as session:
        wang = roster.add(session, name="王秀英", badge_code="YF01-0101")
        li = roster.add(session, name="李建国", badge_code="YF01-0102")
    return Actor(VOLUNTEER, wang.name, wang.id), Actor(VOLUNTEER, li.name, li.id)


def test_a_draft_comes_back_once_to_the_person_who_left_it(
    station_store: Store, people: tuple[Actor, Actor]
) -> None:
    wang, _li = people
    station_store.actor = wang
    with station_store.transaction() as session:
        drafts.save(session, "InquiryDesk", HALF_TYPED)
    with station_store.transaction() as session:
        assert drafts.take(session) == {"InquiryDesk": HALF_TYPED}
    with station_store.transaction() as session:
        assert drafts.take(session) == {}


def test_saving_again_replaces_that_desks_draft_and_keeps_the_others(
    station_store: Store, people: tuple[Actor, Actor]
) -> None:
    station_store.actor = people[0]
    with station_store.transaction() as session:
        drafts.save(session, "InquiryDesk", HALF_TYPED)
        drafts.save(session, "LostFoundDesk", {"found": {"description": "黑色钱包"}})
    with station_store.transaction() as session:
        drafts.save(session, "InquiryDesk", {"question": "几点关门"})
    with station_store.transaction() as session:
        assert drafts.take(session) == {
            "InquiryDesk": {"question": "几点关门"},
            "LostFoundDesk": {"found": {"description": "黑色钱包"}},
        }


def test_another_person_gets_nothing_and_the_draft_waits(
    station_store: Store, people: tuple[Actor, Actor]
) -> None:
    wang, li = people
    station_store.actor = wang
    with station_store.transaction() as session:
        drafts.save(session, "InquiryDesk", HALF_TYPED)
    station_store.actor = li
    with station_store.transaction() as session:
        assert drafts.take(session) == {}
    station_store.actor = wang
    with station_store.transaction() as session:
        assert drafts.take(session) == {"InquiryDesk": HALF_TYPED}


@pytest.mark.parametrize("actor", [None, SYSTEM], ids=["locked", "program"])
def test_drafts_need_a_signed_in_person(station_store: Store, actor: Actor | None) -> None:
    station_store.actor = actor
    with pytest.raises(Denied) as refused, station_store.transaction() as session:
        drafts.save(session, "InquiryDesk", HALF_TYPED)
    assert refused.value.message("zh_CN") == "请先登录，再保留未填完的表格。"
    with pytest.raises(Denied), station_store.transaction() as session:
        drafts.take(session)


def test_a_draft_stays_on_the_kiosk_out_of_the_trail_and_the_sync(
    station_store: Store, people: tuple[Actor, Actor]
) -> None:
    def counts() -> tuple[int, int]:
        with station_store.reading() as session:
            outbox = session.scalar(select(func.count()).select_from(OutboxEntry))
            trail = session.scalar(select(func.count()).select_from(AuditEntry))
        return int(outbox or 0), int(trail or 0)

    before = counts()
    station_store.actor = people[0]
    with station_store.transaction() as session:
        drafts.save(session, "InquiryDesk", HALF_TYPED)
    assert counts() == before
