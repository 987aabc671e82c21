"""The idle lock: what was typed waits as the person's draft and comes back to them only."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station.models import Inquiry
from tests.ui.conftest import OTHER_VOLUNTEER, VOLUNTEER, sign_in, type_in, wait_idle
from ui import idle
from ui.desks.inquiry import InquiryDesk
from ui.desks.lostfound import LostFoundDesk
from ui.shell import MainWindow

PHONE = "13812345678"


@pytest.fixture
def quick_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The default 3 idle minutes last 0.3 s."""
    monkeypatch.setattr(idle, "MINUTE_MS", 100)


def is_locked(window: MainWindow) -> bool:
    return window.screens.currentWidget() is window.sign_in


def open_desk(window: MainWindow, kind: type) -> InquiryDesk | LostFoundDesk:
    index = next(i for i, place in enumerate(window.places) if place.key == kind.__name__)
    window.show_desk(index)
    desk = window.current_desk()
    assert isinstance(desk, InquiryDesk | LostFoundDesk)
    return desk


def half_type_an_inquiry(window: MainWindow, qtbot: QtBot) -> InquiryDesk:
    desk = open_desk(window, InquiryDesk)
    assert isinstance(desk, InquiryDesk)
    QTest.mouseClick(desk.form.category_row.button("directions"), Qt.MouseButton.LeftButton)
    type_in(desk.form.question_edit, "最近的厕所在哪里")
    type_in(desk.form.phone_edit, PHONE)
    return desk


def test_idle_lock_keeps_a_half_typed_inquiry_for_the_same_person(
    locked_window: MainWindow, qtbot: QtBot, quick_lock: None
) -> None:
    sign_in(qtbot, locked_window, *VOLUNTEER)
    desk = half_type_an_inquiry(locked_window, qtbot)
    qtbot.waitUntil(lambda: is_locked(locked_window), timeout=5_000)
    wait_idle(qtbot, locked_window.worker)
    assert locked_window.worker.store.actor is None
    assert not desk.form.has_input()  # nothing left on screen behind the lock
    sign_in(qtbot, locked_window, *VOLUNTEER)
    qtbot.waitUntil(lambda: desk.form.question_edit.text() == "最近的厕所在哪里")
    assert desk.form.phone_edit.text() == PHONE
    assert desk.form.category_row.value() == "directions"
    assert locked_window.current_desk() is desk


def test_another_person_gets_a_clean_form_and_the_draft_waits(
    locked_window: MainWindow, qtbot: QtBot
) -> None:
    sign_in(qtbot, locked_window, *VOLUNTEER)
    desk = half_type_an_inquiry(locked_window, qtbot)
    QTest.mouseClick(locked_window.header.lock_button, Qt.MouseButton.LeftButton)
    sign_in(qtbot, locked_window, *OTHER_VOLUNTEER)
    assert not is_locked(locked_window)
    assert not desk.form.has_input()
    locked_window.lock()
    sign_in(qtbot, locked_window, *VOLUNTEER)
    qtbot.waitUntil(lambda: desk.form.phone_edit.text() == PHONE)


def test_a_note_half_written_in_an_open_inquiry_comes_back_to_the_same_person(
    locked_window: MainWindow, qtbot: QtBot
) -> None:
    with locked_window.worker.store.reading() as session:
        ticket = session.scalars(select(Inquiry.ticket_no)).first()
    assert ticket is not None
    sign_in(qtbot, locked_window, *VOLUNTEER)
    desk = open_desk(locked_window, InquiryDesk)
    assert isinstance(desk, InquiryDesk)
    desk.open_inquiry(ticket)
    qtbot.waitUntil(lambda: desk.detail is not None and desk.detail.isVisible())
    assert desk.detail is not None
    panel = desk.detail.panel
    QTest.mouseClick(panel.action_row.button("note"), Qt.MouseButton.LeftButton)
    type_in(panel.note_edit, "已电话联系游客家属，稍后回电")
    locked_window.lock()
    assert desk.detail is None  # nothing of it stays behind the lock
    sign_in(qtbot, locked_window, *OTHER_VOLUNTEER)
    wait_idle(qtbot, locked_window.worker)
    assert desk.detail is None
    locked_window.lock()
    sign_in(qtbot, locked_window, *VOLUNTEER)
    qtbot.waitUntil(lambda: desk.detail is not None and desk.detail.isVisible())
    assert desk.detail is not None
    assert desk.detail.view.inquiry.ticket_no == ticket
    reopened = desk.detail.panel
    assert reopened.note_edit.toPlainText() == "已电话联系游客家属，稍后回电"
    assert reopened.action_row.value() == "note"
    assert reopened.pages.currentWidget() is reopened.page_of["note"]
    desk.detail.reject()


def test_found_and_lost_forms_and_the_open_tab_come_back(
    locked_window: MainWindow, qtbot: QtBot
) -> None:
    sign_in(qtbot, locked_window, *VOLUNTEER)
    desk = open_desk(locked_window, LostFoundDesk)
    assert isinstance(desk, LostFoundDesk)
    type_in(desk.found_form.description, "黑色双肩包")
    type_in(desk.found_form.finder_phone, PHONE)
    desk.show_tab("lost")
    QTest.mouseClick(desk.lost_form.colour.choices.button("红色"), Qt.MouseButton.LeftButton)
    type_in(desk.lost_form.contact_name, "刘")
    QTest.mouseClick(desk.lost_form.when.choices.button("morning"), Qt.MouseButton.LeftButton)
    locked_window.lock()
    assert not desk.has_unsaved_changes()
    sign_in(qtbot, locked_window, *OTHER_VOLUNTEER)
    open_desk(locked_window, InquiryDesk)
    locked_window.lock()
    sign_in(qtbot, locked_window, *VOLUNTEER)
    qtbot.waitUntil(lambda: locked_window.current_desk() is desk)
    assert desk.current_tab() == "lost"
    assert desk.found_form.description.toPlainText() == "黑色双肩包"
    assert desk.found_form.finder_phone.text() == PHONE
    assert desk.lost_form.colour.value() == "红色"
    assert desk.lost_form.contact_name.text() == "刘"
    assert desk.lost_form.when.choices.value() == "morning"


def test_the_idle_lock_waits_while_a_long_job_runs(
    locked_window: MainWindow, qtbot: QtBot, quick_lock: None
) -> None:
    sign_in(qtbot, locked_window, *VOLUNTEER)
    release = threading.Event()
    locked_window.worker.call(lambda: release.wait(10))
    qtbot.wait(900)  # three times the idle time, with nobody touching the screen
    assert not is_locked(locked_window)
    release.set()
    qtbot.waitUntil(lambda: is_locked(locked_window), timeout=5_000)


def test_a_dialog_left_open_is_closed_at_the_lock(locked_window: MainWindow, qtbot: QtBot) -> None:
    sign_in(qtbot, locked_window, *VOLUNTEER)
    desk = open_desk(locked_window, InquiryDesk)
    assert isinstance(desk, InquiryDesk)
    with locked_window.worker.store.reading() as session:
        first = session.scalars(select(Inquiry.id)).first()
    assert first is not None
    desk.open_inquiry(first)
    qtbot.waitUntil(lambda: desk.detail is not None and desk.detail.isVisible())
    detail = desk.detail
    assert detail is not None
    locked_window.lock()
    assert not detail.isVisible()
    assert desk.detail is None
