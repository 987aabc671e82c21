"""Personal data on screen: a station lead sees it whole, a volunteer (or nobody) masked."""

from __future__ import annotations

from datetime import timedelta

import pytest

from station import clock, privacy
from station.access import LEAD, SYSTEM, VOLUNTEER, Actor
from station.services import inquiries, lostfound, roster
from station.store import Store

VOLUNTEER_ACTOR = Actor(VOLUNTEER, "刘德明", "v-1")
LEAD_ACTOR = Actor(LEAD, "陈建国", "v-2")


@pytest.fixture
def records(station_store: Store) -> Store:
    """One record of each kind that holds personal data, all written by the program."""
    now = clock.now()
    with station_store.transaction() as s:
        inquiries.create(
            s,
            category="complaint",
            question="河边栏杆松动",
            visitor_name="王秀英",
            visitor_phone="13812345678",
        )
        item = lostfound.register_found(
            s,
            category="wallet",
            description="黑色钱包",
            found_place="古戏台广场",
            found_at=now - timedelta(hours=2),
            finder_name="李志强",
            finder_phone="0796-8123456",
        )
        report = lostfound.register_lost(
            s,
            category="wallet",
            description="黑色钱包",
            lost_place="古戏台广场",
            lost_at=now - timedelta(hours=3),
            contact_name="张三丰",
            contact_phone="13912349876",
        )
        lostfound.return_item(
            s,
            item=item.id,
            lost_report=report.id,
            claimant_name="张三丰",
            id_type="id_card",
            id_last4="123X",
        )
        roster.add(s, name="赵敏", badge_code="YF01-0100", phone="13711112222")
    return station_store


def shown_values(store: Store) -> dict[str, str]:
    """Every personal value of the records, as a reader with the store's actor sees it."""
    with store.reading() as s:
        shown = privacy.shown_in(s)
        [inquiry] = inquiries.find(s)
        [item] = lostfound.find_found(s)
        [report] = lostfound.find_lost(s)
        [given] = lostfound.find_returns(s)
        [person] = roster.find(s, text="赵敏")
        return {
            "visitor": shown.contact(inquiry.visitor_name, inquiry.visitor_phone, " · "),
            "finder": shown.contact(item.finder_name, item.finder_phone),
            "contact": shown.contact(report.contact_name, report.contact_phone),
            "claimant": shown.name(given.claimant_name),
            "volunteer_phone": shown.phone(person.phone),
        }


MASKED = {
    "visitor": "王** · 138****5678",
    "finder": "李** 0796-***3456",
    "contact": "张** 139****9876",
    "claimant": "张**",
    "volunteer_phone": "137****2222",
}
WHOLE = {
    "visitor": "王秀英 · 13812345678",
    "finder": "李志强 0796-8123456",
    "contact": "张三丰 13912349876",
    "claimant": "张三丰",
    "volunteer_phone": "13711112222",
}


def test_a_volunteer_sees_every_kind_of_personal_data_masked(records: Store) -> None:
    records.actor = VOLUNTEER_ACTOR
    assert shown_values(records) == MASKED


def test_a_lead_sees_personal_data_whole(records: Store) -> None:
    records.actor = LEAD_ACTOR
    assert shown_values(records) == WHOLE


def test_nobody_signed_in_sees_it_masked_and_the_program_whole(records: Store) -> None:
    records.actor = None
    assert shown_values(records) == MASKED
    records.actor = SYSTEM
    assert shown_values(records) == WHOLE


@pytest.mark.parametrize(
    ("actor", "whole"),
    [(VOLUNTEER_ACTOR, False), (None, False), (LEAD_ACTOR, True), (SYSTEM, True)],
)
def test_shown_to_an_actor_agrees_with_the_session_rule(
    records: Store, actor: Actor | None, whole: bool
) -> None:
    records.actor = actor
    with records.reading() as s:
        assert privacy.shown_in(s) == privacy.shown_to(actor) == privacy.Shown(whole=whole)


def test_missing_parts_are_left_out_not_shown_as_blanks() -> None:
    masked = privacy.shown_to(VOLUNTEER_ACTOR)
    assert masked.contact(None, "13812345678") == "138****5678"
    assert masked.contact("王秀英", None, " · ") == "王**"
    assert masked.contact(None, None) == ""
    assert privacy.shown_to(LEAD_ACTOR).phone(None) == ""
