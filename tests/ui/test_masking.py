"""A volunteer sees visitors' names and phones masked on every card and detail; a lead
sees them whole. A masked name shown to a volunteer is never saved as the name."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station.access import LEAD, VOLUNTEER, Actor
from station.models import ItemReturn
from station.services import inquiries, roster
from tests.ui.conftest import type_in, wait_idle
from tests.ui.test_lostfound_desk import (
    delete_now,
    draw_signature,
    open_tab,
    register_found,
    register_lost,
    tap,
)
from ui.desks.inquiry import InquiryDesk
from ui.desks.lostfound import LostFoundDesk
from ui.worker import Worker

PHONE, MASKED_PHONE = "13856781234", "138****1234"
NAME, MASKED_NAME = "王秀英", "王**"


@pytest.fixture(params=["lead", "volunteer"])
def role(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def people(worker: Worker) -> dict[str, Actor]:
    """A volunteer and a lead on the roster, as each is once signed in."""
    with worker.store.transaction() as s:
        volunteer = roster.add(s, name="刘德明", badge_code="YF01-0002")
        lead = roster.add(s, name="陈建国", badge_code="YF01-0001")
        return {
            "volunteer": Actor(VOLUNTEER, volunteer.name, volunteer.id),
            "lead": Actor(LEAD, lead.name, lead.id),
        }


def seen(role: str) -> tuple[str, str]:
    """The name and phone the role is shown."""
    return (MASKED_NAME, MASKED_PHONE) if role == "volunteer" else (NAME, PHONE)


@pytest.fixture
def lostfound_desk(worker: Worker, qtbot: QtBot) -> Iterator[LostFoundDesk]:
    """The desk, with a held wallet and the report of a lost one that matches it."""
    register_found(worker.store)
    register_lost(worker.store, contact_name=NAME, contact_phone=PHONE)
    made = LostFoundDesk(worker)
    made.resize(1050, 720)
    made.show()
    qtbot.waitExposed(made)
    made.activate()
    wait_idle(qtbot, worker)
    yield made
    wait_idle(qtbot, worker)
    made.close()
    delete_now(made)


def test_the_report_card_and_its_match_show_the_contact_as_the_role_may_see_it(
    lostfound_desk: LostFoundDesk, worker: Worker, qtbot: QtBot, people: dict[str, Actor], role: str
) -> None:
    worker.store.actor = people[role]
    name, phone = seen(role)
    search = lostfound_desk.search
    open_tab(qtbot, lostfound_desk, "search")
    tap(search.kind.button("lost"))
    wait_idle(qtbot, worker)
    search.lost_view.selectRow(0)
    wait_idle(qtbot, worker)
    assert f"{name} {phone}" in search.matches.subject.body.text()

    # From the item's side, the report is the suggested match.
    tap(search.kind.button("found"))
    wait_idle(qtbot, worker)
    search.found_view.selectRow(0)
    wait_idle(qtbot, worker)
    [card] = search.matches.candidate_cards()
    assert f"{name} {phone}" in card.body.text()
    if role == "volunteer":
        assert PHONE not in card.body.text()
        assert NAME not in card.body.text()


def test_the_return_panel_shows_the_contact_as_the_role_may_see_it(
    lostfound_desk: LostFoundDesk, worker: Worker, qtbot: QtBot, people: dict[str, Actor], role: str
) -> None:
    worker.store.actor = people[role]
    name, phone = seen(role)
    search = lostfound_desk.search
    open_tab(qtbot, lostfound_desk, "search")
    search.found_view.selectRow(0)
    wait_idle(qtbot, worker)
    tap(search.matches.candidate_cards()[0].return_button)
    panel = search.returns
    assert search.pages.currentWidget() is panel
    assert f"{name} {phone}" in panel.report_card.body.text()
    # A lead confirms the name on the report; a volunteer sees only its mask, as a hint.
    if role == "lead":
        assert (panel.claimant.text(), panel.claimant.placeholderText()) == (NAME, "")
    else:
        assert panel.claimant.text() == ""
        assert panel.claimant.placeholderText().startswith(MASKED_NAME)
        assert NAME not in panel.claimant.placeholderText()


def test_a_leads_view_is_gone_when_a_volunteer_signs_in_after_the_lock(
    lostfound_desk: LostFoundDesk, worker: Worker, qtbot: QtBot, people: dict[str, Actor]
) -> None:
    worker.store.actor = people["lead"]
    search = lostfound_desk.search
    open_tab(qtbot, lostfound_desk, "search")
    tap(search.kind.button("lost"))
    wait_idle(qtbot, worker)
    search.lost_view.selectRow(0)
    wait_idle(qtbot, worker)
    assert PHONE in search.matches.subject.body.text()

    lostfound_desk.discard_changes()  # what the lock does to every desk
    worker.store.actor = people["volunteer"]
    lostfound_desk.activate()
    wait_idle(qtbot, worker)
    assert not search.matches.isVisible()
    assert PHONE not in search.matches.subject.body.text()
    assert not search.lost_view.selectionModel().hasSelection()


def return_the_wallet(
    desk: LostFoundDesk, worker: Worker, qtbot: QtBot, volunteer: Actor, claimant: str
) -> str:
    """Give the item back as `volunteer`, typing `claimant` as the name; the name stored."""
    worker.store.actor = volunteer
    search = desk.search
    open_tab(qtbot, desk, "search")
    search.found_view.selectRow(0)
    wait_idle(qtbot, worker)
    tap(search.matches.candidate_cards()[0].return_button)
    panel = search.returns
    if claimant:
        type_in(panel.claimant, claimant)
    type_in(panel.id_last4, "123X")
    draw_signature(desk)
    tap(panel.confirm_button)
    qtbot.waitUntil(search.message.isVisible)
    with worker.store.reading() as s:
        stored = s.scalars(select(ItemReturn)).one()
    return stored.claimant_name


def test_a_volunteer_confirming_the_masked_name_saves_the_real_one(
    lostfound_desk: LostFoundDesk, worker: Worker, qtbot: QtBot, people: dict[str, Actor]
) -> None:
    assert (
        return_the_wallet(lostfound_desk, worker, qtbot, people["volunteer"], claimant="") == NAME
    )
    # The message after the return masks the name too.
    message = lostfound_desk.search.message.text()
    assert MASKED_NAME in message
    assert NAME not in message


def test_a_volunteer_may_type_who_actually_collects_it(
    lostfound_desk: LostFoundDesk, worker: Worker, qtbot: QtBot, people: dict[str, Actor]
) -> None:
    assert (
        return_the_wallet(lostfound_desk, worker, qtbot, people["volunteer"], claimant="李志强")
        == "李志强"
    )


@pytest.fixture
def inquiry_desk(worker: Worker, qtbot: QtBot) -> Iterator[InquiryDesk]:
    made = InquiryDesk(worker)
    qtbot.addWidget(made)
    made.resize(1050, 740)
    made.show()
    qtbot.waitExposed(made)
    yield made
    if made.detail is not None:
        made.detail.close()


def test_the_inquiry_detail_shows_the_visitor_as_the_role_may_see_it(
    inquiry_desk: InquiryDesk, worker: Worker, qtbot: QtBot, people: dict[str, Actor], role: str
) -> None:
    with worker.store.transaction() as s:
        ticket = inquiries.create(
            s, category="complaint", question="河边栏杆松动", visitor_name=NAME, visitor_phone=PHONE
        ).ticket_no
    worker.store.actor = people[role]
    name, phone = seen(role)
    inquiry_desk.open_inquiry(ticket)
    qtbot.waitUntil(lambda: inquiry_desk.detail is not None and inquiry_desk.detail.isVisible())
    assert inquiry_desk.detail is not None
    assert inquiry_desk.detail.facts.fact_values["visitor"].text() == f"{name} · {phone}"
