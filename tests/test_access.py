"""Sign-in and roles at the service layer: the role matrix, PINs and the lockout."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from station import access, clock, slips
from station.access import credentials, pins
from station.errors import Denied, InvalidInput, StateError
from station.models import AuditEntry, Credential
from station.services import faq, inquiries, lostfound, personal, retention, roster, shifts
from station.services import station as station_service
from station.store import Store
from station.sync import link
from station.sync.run import sync

PHONE = "13812345678"


@pytest.fixture
def people(station_store: Store) -> dict[str, access.Actor]:
    """A lead (PIN 2468) and a volunteer (PIN 1357), plus a record of yesterday and today."""
    with station_store.transaction() as session:
        lead = roster.add(session, name="王站长", badge_code="YF01-0001")
        helper = roster.add(session, name="李红", badge_code="YF01-0002", phone=PHONE)
        credentials.set_pin(session, lead.id, "2468", role=access.LEAD)
        credentials.set_pin(session, helper.id, "1357")
        ids = lead.id, lead.name, helper.id, helper.name
    with (
        clock.frozen_at(clock.now() - timedelta(days=1)),
        station_store.transaction() as session,
    ):
        inquiries.create(session, category="其他", question="昨天的问题", visitor_phone=PHONE)
    with station_store.transaction() as session:
        inquiries.create(session, category="其他", question="今天的问题", visitor_phone=PHONE)
    return {
        "lead": access.Actor(access.LEAD, ids[1], ids[0]),
        "volunteer": access.Actor(access.VOLUNTEER, ids[3], ids[2]),
    }


def _yesterday(session: Session) -> str:
    return inquiries.find(session, text="昨天")[0].ticket_no


def _today(session: Session) -> str:
    return inquiries.find(session, text="今天")[0].ticket_no


# Every service a lead alone may call, as the volunteer's hand would call it.
LEAD_ONLY: dict[str, Callable[[Session, Path], object]] = {
    "roster add": lambda s, _: roster.add(s, name="张三", badge_code="YF01-0099"),
    "roster update": lambda s, _: roster.update(s, "YF01-0002", team="一队"),
    "roster remove": lambda s, _: roster.remove(s, "YF01-0002"),
    "set a PIN": lambda s, _: credentials.set_pin(s, "YF01-0002", "9999"),
    "make a lead": lambda s, _: credentials.set_pin(s, "YF01-0002", "1357", role="lead"),
    "revoke a PIN": lambda s, _: credentials.revoke(s, "YF01-0002"),
    "add a quick answer": lambda s, _: faq.add(s, category="其他", question="问", answer="答"),
    "add a post": lambda s, _: station_service.add_post(s, name="新点位"),
    "retention days of items": lambda s, _: station_service.set_retention_days(s, "证件", 10),
    "retention periods": lambda s, _: retention.set_days(s, contact_days=10),
    "idle lock time": lambda s, _: credentials.set_idle_minutes(s, 5),
    "lockout time": lambda s, _: credentials.set_lockout_minutes(s, 5),
    "slip paper": lambda s, _: slips.set_default_paper(s, "a4"),
    "slip QR": lambda s, _: slips.set_qr_template(s, "https://x.cn/{number}"),
    "central link": lambda s, _: link.save(s, link.parse("sqlite:////tmp/c.db")[0]),
    "run retention": lambda s, _: retention.run(s),
    "unmasked phone lookup": lambda s, _: personal.find(s, PHONE),
    "export personal data": lambda s, out: personal.export(s, PHONE, out / "p.json"),
    "erase personal data": lambda s, _: personal.erase(s, PHONE),
    "correct a past inquiry": lambda s, _: inquiries.update(s, _yesterday(s), question="改"),
    "delete an inquiry": lambda s, _: inquiries.delete(s, _today(s)),
    "correct a shift": lambda s, _: shifts.correct_shift(s, "no-such-shift"),
}


@pytest.mark.parametrize("action", sorted(LEAD_ONLY))
def test_a_volunteer_is_refused_every_lead_task(
    station_store: Store, people: dict[str, access.Actor], tmp_path: Path, action: str
) -> None:
    station_store.actor = people["volunteer"]
    with pytest.raises(Denied) as refused, station_store.transaction() as session:
        LEAD_ONLY[action](session, tmp_path)
    assert refused.value.code == "lead_only"
    assert "只有站长" in refused.value.message()
    station_store.actor = None
    with pytest.raises(Denied) as nobody, station_store.transaction() as session:
        LEAD_ONLY[action](session, tmp_path)
    assert nobody.value.code == "sign_in_first"


@pytest.mark.parametrize("action", sorted(set(LEAD_ONLY) - {"correct a shift"}))
def test_a_lead_may_do_every_lead_task(
    station_store: Store, people: dict[str, access.Actor], tmp_path: Path, action: str
) -> None:
    station_store.actor = people["lead"]
    with station_store.transaction() as session:
        LEAD_ONLY[action](session, tmp_path)


def test_a_volunteer_does_the_daily_work_and_fixes_today_s_typing(
    station_store: Store, people: dict[str, access.Actor]
) -> None:
    station_store.actor = people["volunteer"]
    with station_store.transaction() as session:
        made = inquiries.create(session, category="求助", question="迷路了")
        inquiries.update(session, _today(session), question="今天的问题（改）")
        inquiries.resolve(session, made.ticket_no, answer="已带路")
        shifts.check_in_by_badge(session, badge="YF01-0002", post="驼背桥")
        lostfound.register_found(
            session,
            category="wallet",
            description="黑色钱包",
            found_place="古戏台",
            found_at=clock.now(),
        )
    with station_store.reading() as session:
        done = inquiries.get(session, made.ticket_no)
        assert done.status == "resolved"
        # Nobody was named: the record says the signed-in volunteer handled it.
        assert done.handled_by == people["volunteer"].volunteer_id
        assert done.follow_ups[-1].written_by == people["volunteer"].volunteer_id
        assert inquiries.find(session, text="（改）")
        actors = set(session.scalars(select(AuditEntry.actor)))
    assert people["volunteer"].volunteer_id in actors


def test_the_sync_refuses_a_volunteer_before_it_connects(
    station_store: Store, people: dict[str, access.Actor]
) -> None:
    station_store.actor = people["volunteer"]
    with pytest.raises(Denied) as refused:
        sync(station_store)
    assert refused.value.code == "lead_only"


def _attempt(store: Store, who: str, pin: str) -> credentials.SignIn:
    with store.transaction() as session:
        return credentials.sign_in(session, who, pin)


def test_sign_in_by_badge_or_name_gives_the_role(
    station_store: Store, people: dict[str, access.Actor]
) -> None:
    by_badge = _attempt(station_store, "yf01-0001", "2468")
    by_name = _attempt(station_store, "李红", "1357")
    assert by_badge.actor == people["lead"]
    assert by_name.actor == people["volunteer"]
    assert by_name.actor is not None
    assert not by_name.actor.is_lead


def test_five_wrong_pins_lock_the_person_out_for_the_lockout_time(
    station_store: Store, people: dict[str, access.Actor]
) -> None:
    messages = [_attempt(station_store, "YF01-0002", "0000").refusal for _ in range(4)]
    assert [m.params["left"] for m in messages if m is not None] == [4, 3, 2, 1]
    assert "还可以再试 1 次" in str(messages[-1])
    fifth = _attempt(station_store, "YF01-0002", "0000")
    assert fifth.refusal is not None
    assert fifth.refusal.code == "locked_out"
    # Locked: even the right PIN is refused, and the lead is not affected.
    still = _attempt(station_store, "YF01-0002", "1357")
    assert still.actor is None
    assert still.refusal is not None
    assert still.refusal.code == "locked_out"
    assert _attempt(station_store, "YF01-0001", "2468").actor == people["lead"]
    with clock.frozen_at(clock.now() + timedelta(minutes=credentials.DEFAULT_LOCKOUT_MINUTES + 1)):
        later = _attempt(station_store, "YF01-0002", "1357")
    assert later.actor == people["volunteer"]
    with station_store.reading() as session:
        actions = list(
            session.scalars(
                select(AuditEntry.action).where(
                    AuditEntry.actor == people["volunteer"].volunteer_id
                )
            )
        )
    assert actions.count("sign_in_failed") == 4
    assert actions.count("locked_out") == 1
    assert actions[-1] == "sign_in"


def test_a_right_pin_resets_the_count_of_wrong_ones(
    station_store: Store, people: dict[str, access.Actor]
) -> None:
    for _ in range(4):
        _attempt(station_store, "YF01-0002", "0000")
    assert _attempt(station_store, "YF01-0002", "1357").actor is not None
    again = _attempt(station_store, "YF01-0002", "0000").refusal
    assert again is not None
    assert again.params["left"] == 4


def test_the_lockout_time_is_a_setting(
    station_store: Store, people: dict[str, access.Actor]
) -> None:
    station_store.actor = people["lead"]
    with station_store.transaction() as session:
        credentials.set_lockout_minutes(session, 2)
    for _ in range(5):
        _attempt(station_store, "YF01-0002", "0000")
    with clock.frozen_at(clock.now() + timedelta(minutes=3)):
        assert _attempt(station_store, "YF01-0002", "1357").actor is not None


def test_unknown_people_and_bad_pins_are_plain_errors(
    station_store: Store, people: dict[str, access.Actor]
) -> None:
    with pytest.raises(InvalidInput) as unknown:
        _attempt(station_store, "无名氏", "1357")
    assert "找不到可以登录" in str(unknown.value)
    for bad in ("12", "1234567", "12a4", ""):
        with pytest.raises(InvalidInput) as wrong:
            _attempt(station_store, "YF01-0002", bad)
        assert wrong.value.code == "bad_pin"


def test_pins_are_stored_as_salted_slow_hashes(
    station_store: Store, people: dict[str, access.Actor]
) -> None:
    with station_store.reading() as session:
        stored = list(session.scalars(select(Credential.pin_hash)))
    assert all(h.startswith("scrypt$16384$8$1$") for h in stored)
    assert not any("1357" in h or "2468" in h for h in stored)
    assert pins.hash_pin("1357") != pins.hash_pin("1357")
    assert pins.matches(pins.hash_pin("1357"), "1357")
    assert not pins.matches(pins.hash_pin("1357"), "1358")
    assert not pins.matches("garbage", "1357")


def test_the_last_lead_keeps_their_pin(
    station_store: Store, people: dict[str, access.Actor]
) -> None:
    station_store.actor = people["lead"]
    with pytest.raises(StateError) as refused, station_store.transaction() as session:
        credentials.revoke(session, "YF01-0001")
    assert "最后一位站长" in str(refused.value)


def test_a_person_changes_their_own_pin_with_the_old_one(
    station_store: Store, people: dict[str, access.Actor]
) -> None:
    station_store.actor = people["volunteer"]
    with pytest.raises(Denied), station_store.transaction() as session:
        credentials.change_own_pin(session, "0000", "5555")
    with station_store.transaction() as session:
        credentials.change_own_pin(session, "1357", "5555")
    assert _attempt(station_store, "YF01-0002", "5555").actor == people["volunteer"]
