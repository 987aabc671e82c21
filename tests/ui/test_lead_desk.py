"""The lead's desk on a store of three demo days: the audit trail and its check, retention
and the phone-number lookup, PINs and roles — all through the services, as a lead."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from station import audit, clock
from station.access import LEAD, VOLUNTEER, Actor, credentials
from station.errors import Denied
from station.models import AuditEntry, Credential, Inquiry, Volunteer
from station.slips.printed import record_print
from tests.ui.conftest import type_in, wait_idle
from ui import i18n
from ui.desks.lead import LeadDesk
from ui.desks.lead.confirm import Confirm
from ui.worker import Worker


@pytest.fixture
def desk(demo_worker: Worker, qtbot: QtBot) -> LeadDesk:
    made = LeadDesk(demo_worker)
    qtbot.addWidget(made)
    made.resize(1100, 720)
    made.show()
    made.activate()
    wait_idle(qtbot, demo_worker)
    return made


def _open(desk: LeadDesk, qtbot: QtBot, tab: str) -> None:
    desk.tabs.button(tab).click()
    wait_idle(qtbot, desk.worker)


def _answer(qtbot: QtBot, desk: LeadDesk, dialog: Confirm | None, *, yes: bool) -> str:
    """Press a button of the confirmation the desk opened; returns what it asked."""
    assert dialog is not None
    assert dialog.isVisible()
    asked = dialog.message.text()
    (dialog.yes if yes else dialog.no).click()
    wait_idle(qtbot, desk.worker)
    return asked


def test_the_trail_lists_entries_newest_first_and_filters_by_action(
    desk: LeadDesk, qtbot: QtBot
) -> None:
    trail = desk.trail
    seqs = [entry.seq for entry in trail.model.records()]
    assert len(seqs) == 200  # one page; more as the lead scrolls
    assert seqs == sorted(seqs, reverse=True)
    assert trail.model.data(trail.model.index(0, 2)) in {"新建", "修改"}

    trail.choose("action", "pin_set")
    wait_idle(qtbot, desk.worker)
    shown = trail.model.records()
    assert [entry.action for entry in shown] == ["pin_set"] * 6  # the demo's six PINs
    assert {trail.model.data(trail.model.index(row, 2)) for row in range(6)} == {"设置 PIN"}

    trail.choose("action", None)
    wait_idle(qtbot, desk.worker)
    assert trail.model.rowCount() == 200


def test_a_print_entry_reads_in_the_trails_language(desk: LeadDesk, qtbot: QtBot) -> None:
    with desk.worker.store.transaction() as session:
        record_print(session, "found", "YF01-20261130-0065", "/media/usb/标签.pdf")
    trail = desk.trail
    trail.activate()  # the filters now offer printing
    wait_idle(qtbot, desk.worker)
    trail.choose("action", "print")
    wait_idle(qtbot, desk.worker)
    assert trail.model.data(trail.model.index(0, 1)) == "系统"  # the store acts as the program
    assert trail.model.data(trail.model.index(0, 5)) == (
        "编号: YF01-20261130-0065; 单据: 拾获物品标签; 打印到: /media/usb/标签.pdf"
    )
    i18n.switch("en")
    try:
        english = "Number: YF01-20261130-0065; Printed: found-item tag; Sent to: /media/usb/"
        qtbot.waitUntil(lambda: trail.model.data(trail.model.index(0, 5)) == english + "标签.pdf")
    finally:
        i18n.switch("zh_CN")


def test_the_check_says_the_trail_is_intact(desk: LeadDesk, qtbot: QtBot) -> None:
    desk.trail.verify_button.click()
    wait_idle(qtbot, desk.worker)
    with desk.worker.store.reading() as session:
        total = session.scalar(select(func.count()).select_from(AuditEntry))
    assert desk.trail.banner.tone() == "done"
    assert desk.trail.banner.text() == f"审计记录完整：共 {total} 条，哈希链无误。"


def test_the_check_names_an_entry_edited_behind_the_kiosks_back(
    desk: LeadDesk, qtbot: QtBot
) -> None:
    with closing(sqlite3.connect(desk.worker.store.db_path)) as conn, conn:
        conn.execute("DROP TRIGGER audit_entries_no_update")
        conn.execute("UPDATE audit_entries SET actor = 'intruder' WHERE seq = 42")
    desk.trail.verify_button.click()
    wait_idle(qtbot, desk.worker)
    assert desk.trail.banner.tone() == "refused"
    assert "第 42 条" in desk.trail.banner.text()


def _due_phones(desk: LeadDesk, days: int) -> int:
    cutoff = clock.now() - timedelta(days=days)
    with desk.worker.store.reading() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(Inquiry)
                .where(Inquiry.closed_at < cutoff, Inquiry.visitor_phone.is_not(None))
            )
            or 0
        )


def test_retention_shows_a_dry_run_and_erases_only_once_confirmed(
    desk: LeadDesk, qtbot: QtBot
) -> None:
    _open(desk, qtbot, "privacy")
    page = desk.privacy
    assert page.contact_days.value() == 30
    page.contact_days.set_value(1)
    page.save_button.click()
    wait_idle(qtbot, desk.worker)
    assert "1 天清除" in page.banner.text()
    due = _due_phones(desk, 1)
    assert due > 0

    page.erase_due_button.click()
    wait_idle(qtbot, desk.worker)
    asked = _answer(qtbot, desk, page.confirm, yes=False)
    assert "试运行" in asked
    assert _due_phones(desk, 1) == due  # the dry run and a "no" change nothing

    page.erase_due_button.click()
    wait_idle(qtbot, desk.worker)
    _answer(qtbot, desk, page.confirm, yes=True)
    assert _due_phones(desk, 1) == 0
    assert "已清除个人信息" in page.banner.text()


def test_a_phone_lookup_finds_an_inquiry_and_erases_it_after_confirming(
    desk: LeadDesk, qtbot: QtBot
) -> None:
    with desk.worker.store.reading() as session:
        phone = session.scalar(
            select(Inquiry.visitor_phone).where(Inquiry.visitor_phone.is_not(None)).limit(1)
        )
    assert phone is not None
    _open(desk, qtbot, "privacy")
    page = desk.privacy
    type_in(page.phone_edit, phone)
    page.find_button.click()
    wait_idle(qtbot, desk.worker)
    rows = page.results.rowCount()
    assert rows >= 1
    details = page.results.item(0, 4)
    assert details is not None
    assert phone in details.text()

    page.erase_button.click()
    asked = _answer(qtbot, desk, page.confirm, yes=True)
    assert f"{rows} 条" in asked
    with desk.worker.store.reading() as session:
        assert not session.scalar(
            select(func.count()).select_from(Inquiry).where(Inquiry.visitor_phone == phone)
        )
    assert page.results.rowCount() == 0
    assert "已清除个人信息" in page.banner.text()


def test_a_badly_typed_phone_is_refused_beside_the_field(desk: LeadDesk, qtbot: QtBot) -> None:
    _open(desk, qtbot, "privacy")
    type_in(desk.privacy.phone_edit, "12ab")
    desk.privacy.find_button.click()
    wait_idle(qtbot, desk.worker)
    assert desk.privacy.phone_field.error.isVisible()
    assert "电话" in desk.privacy.phone_field.error.text()


def _choose_person(desk: LeadDesk, badge: str) -> None:
    person = next(p for p in desk.people.people if p.badge_code == badge)
    desk.people.choose(person.volunteer_id)


def test_a_pin_set_on_the_desk_signs_the_person_in(desk: LeadDesk, qtbot: QtBot) -> None:
    _open(desk, qtbot, "people")
    page = desk.people
    _choose_person(desk, "YF01-0007")
    assert page.chosen() is not None
    assert not page.role_button.isEnabled()  # no PIN yet, so no role to change
    type_in(page.pin, "8642")
    type_in(page.pin_again, "8643")
    page.pin_button.click()
    assert page.again_field.error.isVisible()  # the two differ: nothing is sent

    page.pin_again.clear()
    type_in(page.pin_again, "8642")
    page.pin_button.click()
    wait_idle(qtbot, desk.worker)
    assert page.banner.tone() == "done"
    with desk.worker.store.transaction() as session:
        signed = credentials.sign_in(session, "YF01-0007", "8642")
    assert signed.actor is not None
    assert signed.actor.role == "volunteer"
    _choose_person(desk, "YF01-0007")
    assert "志愿者" in page.person_role.text()


def test_the_last_lead_can_neither_lose_the_pin_nor_become_a_volunteer(
    desk: LeadDesk, qtbot: QtBot
) -> None:
    _open(desk, qtbot, "people")
    page = desk.people
    _choose_person(desk, "YF01-0001")
    page.revoke_button.click()
    _answer(qtbot, desk, page.confirm, yes=True)
    assert page.banner.tone() == "refused"
    assert "最后一位站长" in page.banner.text()

    page.role_button.click()
    wait_idle(qtbot, desk.worker)
    assert "最后一位站长" in page.banner.text()
    with desk.worker.store.reading() as session:
        lead = session.scalar(select(Volunteer.id).where(Volunteer.badge_code == "YF01-0001"))
        assert session.get(Credential, lead).role == LEAD  # type: ignore[union-attr]


def test_idle_and_lockout_minutes_are_saved(desk: LeadDesk, qtbot: QtBot) -> None:
    _open(desk, qtbot, "settings")
    page = desk.settings
    assert (page.idle.value(), page.lockout.value()) == (3, 15)
    page.idle.plus.click()
    page.lockout.set_value(30)
    page.save_button.click()
    wait_idle(qtbot, desk.worker)
    with desk.worker.store.reading() as session:
        assert credentials.idle_minutes(session) == 4
        assert credentials.lockout_minutes(session) == 30
    assert QApplication.activeModalWidget() is None


def test_the_desks_services_refuse_a_volunteer(demo_worker: Worker) -> None:
    store = demo_worker.store
    store.actor = Actor(VOLUNTEER, "任永福", None)
    with store.reading() as session:
        with pytest.raises(Denied, match="只有站长"):
            audit.browse(session)
        with pytest.raises(Denied, match="只有站长"):
            credentials.people(session)
    with store.transaction() as session, pytest.raises(Denied, match="只有站长"):
        credentials.set_role(session, "YF01-0002", LEAD)
