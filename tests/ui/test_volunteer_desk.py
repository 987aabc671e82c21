"""The volunteer desk: check-in by badge scan and by roster search, check-out, new volunteers,
today's hours, and its table models."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from station import clock
from station.models import Shift
from station.services import roster, shifts
from tests.ui.conftest import wait_idle
from ui import i18n
from ui.desks.volunteer import VolunteerDesk
from ui.desks.volunteer.models import HoursModel, RosterModel
from ui.worker import Worker

DAY = date(2026, 11, 30)
LEFT = Qt.MouseButton.LeftButton


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(DAY.year, DAY.month, DAY.day, hour, minute, tzinfo=clock.LOCAL_TZ)


@pytest.fixture
def frozen() -> Iterator[None]:
    """The UI thread (and the test) live at 16:30 on DAY; the database thread keeps real time."""
    with clock.frozen_at(at(16, 30)):
        yield


def add_people(worker: Worker) -> None:
    with worker.store.transaction() as s:
        roster.add(s, name="王秀英", badge_code="YF-0012", team="银发志愿服务队")
        roster.add(s, name="李建国", badge_code="YF-0013", is_party_member=True)


def open_desk(qtbot: QtBot, worker: Worker) -> VolunteerDesk:
    desk = VolunteerDesk(worker)
    qtbot.addWidget(desk)
    desk.resize(1050, 740)
    desk.show()
    desk.activate()
    wait_idle(qtbot, worker)
    return desk


def open_shifts(worker: Worker) -> list[Shift]:
    with worker.store.reading() as s:
        return shifts.on_duty(s)


def unfocus() -> None:
    focused = QApplication.focusWidget()
    if focused is not None:
        focused.clearFocus()
    assert not isinstance(QApplication.focusWidget(), QLineEdit)


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, LEFT)


def scan(target: QWidget, code: str) -> None:
    QTest.keyClicks(target, code)
    QTest.keyClick(target, Qt.Key.Key_Return)


def type_text(widget: QWidget, text: str) -> None:
    """Type as a Chinese input method does: the chosen characters arrive as one commit.

    (QTest's key clicks know only ASCII keys.)
    """
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def click_row(view: QTableView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    QTest.mouseClick(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, rect.center())


# --- check-in by badge ---------------------------------------------------------------------


def test_badge_scan_with_no_field_focused_checks_in_at_the_first_post(
    qtbot: QtBot, worker: Worker
) -> None:
    add_people(worker)
    desk = open_desk(qtbot, worker)
    unfocus()

    scan(desk, "yf-0012")
    qtbot.waitUntil(lambda: desk.board.names() == ["王秀英"])
    wait_idle(qtbot, worker)

    (shift,) = open_shifts(worker)
    assert (shift.volunteer.badge_code, shift.post.name) == ("YF-0012", "古戏台广场")
    assert shift.check_out_at is None
    assert desk.banner.tone() == "done"
    assert "王秀英" in desk.banner.text()
    assert "古戏台广场" in desk.banner.text()
    assert "古戏台广场" in desk.board.card_of("王秀英").post.text()
    # the scanned characters went nowhere else
    assert desk.checkin.search.text() == ""


def test_scan_uses_the_chosen_post_and_remembers_it(qtbot: QtBot, worker: Worker) -> None:
    add_people(worker)
    desk = open_desk(qtbot, worker)
    bridge = next(pid for pid, name in desk.posts if name == "驼背桥")
    click(desk.checkin.post_choice.button(bridge))
    assert desk.current_post == bridge

    # focus on a button of the desk, as after a tap: the scan is still caught
    scan(desk.checkin.post_choice.button(bridge), "YF-0013")
    qtbot.waitUntil(lambda: desk.board.names() == ["李建国"])
    wait_idle(qtbot, worker)
    assert [s.post.name for s in open_shifts(worker)] == ["驼背桥"]
    # a refresh keeps the choice
    desk.activate()
    wait_idle(qtbot, worker)
    assert desk.current_post == bridge
    assert desk.checkin.post_choice.value() == bridge


def test_scanning_someone_on_duty_says_so_and_offers_check_out(
    qtbot: QtBot, worker: Worker
) -> None:
    add_people(worker)
    with worker.store.transaction() as s:
        shifts.check_in(s, volunteer="YF-0012", post="驼背桥")
    desk = open_desk(qtbot, worker)
    unfocus()

    scan(desk, "yf-0012")
    qtbot.waitUntil(lambda: desk.banner.tone() == "refused")
    assert "王秀英已在驼背桥签到" in desk.banner.text()
    assert desk.banner.action.isVisible()
    assert len(open_shifts(worker)) == 1  # nothing new stored

    # the message follows the language
    i18n.switch("en")
    qtbot.waitUntil(lambda: "already checked in at 驼背桥" in desk.banner.text())
    assert desk.banner.action.text() == "Check out 王秀英"
    i18n.switch("zh_CN")
    qtbot.waitUntil(lambda: "王秀英已在驼背桥签到" in desk.banner.text())

    click(desk.banner.action)
    qtbot.waitUntil(lambda: desk.board.names() == [])
    wait_idle(qtbot, worker)
    assert open_shifts(worker) == []
    assert desk.banner.tone() == "done"
    assert "王秀英" in desk.banner.text()


def test_unknown_badge_is_refused_plainly(qtbot: QtBot, worker: Worker) -> None:
    add_people(worker)
    desk = open_desk(qtbot, worker)
    unfocus()
    scan(desk, "YF-9999")
    qtbot.waitUntil(lambda: desk.banner.tone() == "refused")
    assert desk.banner.text() == "找不到该胸卡编号：YF-9999。"
    assert open_shifts(worker) == []


def test_typing_a_badge_into_the_new_volunteer_form_is_not_a_scan(
    qtbot: QtBot, worker: Worker
) -> None:
    add_people(worker)
    desk = open_desk(qtbot, worker)
    desk.show_page("new")
    badge = desk.form.badge.editor
    badge.setFocus()
    scan(badge, "yf-0012")
    wait_idle(qtbot, worker)
    assert desk.form.texts()["badge_code"] == "yf-0012"
    assert open_shifts(worker) == []
    assert desk.has_unsaved_changes()
    desk.discard_changes()
    assert not desk.has_unsaved_changes()


# --- check-in by roster search ---------------------------------------------------------------


def test_check_in_by_searching_the_roster_and_tapping_a_post(qtbot: QtBot, worker: Worker) -> None:
    add_people(worker)
    desk = open_desk(qtbot, worker)
    panel = desk.checkin
    type_text(panel.search, "秀英")
    qtbot.waitUntil(lambda: panel.model.text == "秀英" and panel.model.rowCount() == 1)
    wait_idle(qtbot, worker)
    assert panel.model.record(0).name == "王秀英"

    click_row(panel.results, 0)
    assert panel.stack.currentWidget() is panel.pick
    assert "王秀英" in panel.pick.name.text()
    click(panel.pick.post_buttons["驼背桥"])
    qtbot.waitUntil(lambda: desk.board.names() == ["王秀英"])
    wait_idle(qtbot, worker)

    (shift,) = open_shifts(worker)
    assert (shift.volunteer.name, shift.post.name) == ("王秀英", "驼背桥")
    assert desk.banner.text().startswith("王秀英")
    # back on the list, where the row now says where she is
    assert panel.stack.currentWidget() is panel.results
    assert panel.model.data(panel.model.index(0, 2)) == "在岗：驼背桥"


def test_enter_in_the_search_box_checks_in_a_badge_code_and_searches_a_name(
    qtbot: QtBot, worker: Worker
) -> None:
    add_people(worker)
    desk = open_desk(qtbot, worker)
    panel = desk.checkin
    type_text(panel.search, "李")
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    wait_idle(qtbot, worker)
    assert open_shifts(worker) == []
    assert [panel.model.record(r).name for r in range(panel.model.rowCount())] == ["李建国"]
    assert not desk.banner.isVisible()

    panel.search.clear()
    scan(panel.search, "yf-0013")
    qtbot.waitUntil(lambda: desk.board.names() == ["李建国"])
    wait_idle(qtbot, worker)
    assert [s.volunteer.badge_code for s in open_shifts(worker)] == ["YF-0013"]
    assert panel.search.text() == ""


# --- check-out -------------------------------------------------------------------------------


def test_check_out_from_the_board(qtbot: QtBot, worker: Worker) -> None:
    add_people(worker)
    with worker.store.transaction() as s:
        shifts.check_in(s, volunteer="YF-0012", post="古戏台广场")
        shifts.check_in(s, volunteer="YF-0013", post="驼背桥")
    desk = open_desk(qtbot, worker)
    assert sorted(desk.board.names()) == ["李建国", "王秀英"]
    assert "2" in desk.board.heading.text()

    click(desk.board.card_of("王秀英").check_out)
    qtbot.waitUntil(lambda: desk.board.names() == ["李建国"])
    wait_idle(qtbot, worker)

    with worker.store.reading() as s:
        (done,) = [x for x in shifts.shifts(s) if x.volunteer.name == "王秀英"]
    assert done.check_out_at is not None
    assert [x.volunteer.name for x in open_shifts(worker)] == ["李建国"]
    assert desk.banner.tone() == "done"
    assert "王秀英" in desk.banner.text()
    assert "古戏台广场" in desk.banner.text()


def test_check_out_from_the_search_result(qtbot: QtBot, worker: Worker) -> None:
    add_people(worker)
    with worker.store.transaction() as s:
        shifts.check_in(s, volunteer="YF-0013", post="驼背桥")
    desk = open_desk(qtbot, worker)
    panel = desk.checkin
    row = next(r for r in range(panel.model.rowCount()) if panel.model.record(r).name == "李建国")
    click_row(panel.results, row)
    assert panel.pick.check_out_button.isVisible()
    assert not panel.pick.grid_holder.isVisible()
    click(panel.pick.check_out_button)
    qtbot.waitUntil(lambda: desk.board.names() == [])
    wait_idle(qtbot, worker)
    assert open_shifts(worker) == []


# --- new volunteer ---------------------------------------------------------------------------


def fill_form(desk: VolunteerDesk, name: str, badge: str, phone: str = "") -> None:
    form = desk.form
    type_text(form.name.editor, name)
    QTest.keyClicks(form.badge.editor, badge)
    if phone:
        QTest.keyClicks(form.phone.editor, phone)
    click(form.party_choice.button("yes"))


def test_new_volunteer_with_a_badge_in_use_shows_the_error_by_the_field(
    qtbot: QtBot, worker: Worker
) -> None:
    add_people(worker)
    desk = open_desk(qtbot, worker)
    click(desk.pages.button("new"))
    assert desk.stack.currentWidget() is desk.form
    fill_form(desk, "赵红梅", "yf-0012")
    click(desk.form.save)
    qtbot.waitUntil(desk.form.badge.error.isVisible)
    wait_idle(qtbot, worker)

    assert desk.form.badge.error.text() == "胸卡编号“YF-0012”已被使用。"
    assert not desk.form.general.isVisible()
    assert not desk.banner.isVisible()
    with worker.store.reading() as s:
        assert [v.name for v in roster.find(s)] == ["李建国", "王秀英"]
    # what was typed stays, so it can be corrected
    assert desk.form.texts()["name"] == "赵红梅"


def test_new_volunteer_is_stored_and_can_be_checked_in_at_once(
    qtbot: QtBot, worker: Worker
) -> None:
    desk = open_desk(qtbot, worker)
    desk.show_page("new")
    fill_form(desk, "赵红梅", "yf-0031", phone="138 1234 5678")
    click(desk.form.save)
    qtbot.waitUntil(desk.banner.isVisible)
    wait_idle(qtbot, worker)

    with worker.store.reading() as s:
        (person,) = roster.find(s)
    assert (person.name, person.badge_code, person.phone) == ("赵红梅", "YF-0031", "13812345678")
    assert person.is_party_member
    assert person.team is None
    assert "赵红梅" in desk.banner.text()
    assert "YF-0031" in desk.banner.text()
    assert desk.form.texts() == {"name": "", "badge_code": "", "phone": "", "team": ""}

    click(desk.banner.action)
    qtbot.waitUntil(lambda: desk.board.names() == ["赵红梅"])
    wait_idle(qtbot, worker)
    assert [s.post.name for s in open_shifts(worker)] == ["古戏台广场"]


def test_new_volunteer_bad_phone_is_refused_inline(qtbot: QtBot, worker: Worker) -> None:
    desk = open_desk(qtbot, worker)
    desk.show_page("new")
    fill_form(desk, "赵红梅", "YF-0031", phone="12345")
    click(desk.form.save)
    qtbot.waitUntil(desk.form.phone.error.isVisible)
    wait_idle(qtbot, worker)
    assert "电话不是有效的手机号" in desk.form.phone.error.text()
    with worker.store.reading() as s:
        assert roster.find(s) == []


# --- today's hours ---------------------------------------------------------------------------


def test_todays_hours_per_person_and_in_total(qtbot: QtBot, worker: Worker, frozen: None) -> None:
    add_people(worker)
    with worker.store.transaction() as s:
        for badge, start, end in (
            ("YF-0012", at(9), at(11, 30)),
            ("YF-0012", at(13), at(14)),
            ("YF-0013", at(10), at(12)),
        ):
            shifts.check_in(s, volunteer=badge, post="驼背桥", at=start)
            shifts.check_out(s, volunteer=badge, at=end)
    desk = open_desk(qtbot, worker)
    click(desk.pages.button("hours"))
    wait_idle(qtbot, worker)

    panel = desk.hours
    assert desk.stack.currentWidget() is panel
    assert "2026-11-30" in panel.heading.text()
    assert panel.hours.value.text() == "5.5"
    assert panel.people.value.text() == "2"
    assert panel.shift_count.value.text() == "3"
    model = panel.model
    rows = [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert rows == [["李建国", "YF-0013", "1", "2.0"], ["王秀英", "YF-0012", "2", "3.5"]]


# --- the table models, without a window ------------------------------------------------------


def test_roster_model_pages_the_search_and_shows_who_is_on_duty(
    qtbot: QtBot, worker: Worker
) -> None:
    with worker.store.transaction() as s:
        for number in range(1, 8):
            roster.add(s, name=f"王{number}号", badge_code=f"YF-{number:04d}")
        roster.add(s, name="李建国", badge_code="YF-0100")
    model = RosterModel(worker, page=3)
    with qtbot.waitSignal(model.loaded):
        model.search("王")
    assert model.rowCount() == 3
    while model.canFetchMore(QModelIndex()):
        with qtbot.waitSignal(model.loaded):
            model.fetchMore(QModelIndex())
    assert [model.record(r).name for r in range(model.rowCount())] == [
        f"王{n}号" for n in range(1, 8)
    ]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "姓名"
    assert model.data(model.index(6, 1)) == "YF-0007"

    model.set_on_duty({model.record(1).id: "驼背桥"})
    assert model.data(model.index(1, 2)) == "在岗：驼背桥"
    assert model.data(model.index(0, 2)) == ""

    with qtbot.waitSignal(model.loaded):
        model.search("yf-0100")
    assert [model.record(r).name for r in range(model.rowCount())] == ["李建国"]


def test_hours_model_lists_one_day(qtbot: QtBot, worker: Worker, frozen: None) -> None:
    add_people(worker)
    with worker.store.transaction() as s:
        shifts.check_in(s, volunteer="YF-0013", post="古戏台广场", at=at(8))
        shifts.check_out(s, volunteer="YF-0013", at=at(9, 15))
    model = HoursModel(worker)
    with qtbot.waitSignal(model.loaded):
        model.show_day(DAY)
    assert model.rowCount() == 1
    assert [model.data(model.index(0, c)) for c in range(4)] == ["李建国", "YF-0013", "1", "1.2"]
    with qtbot.waitSignal(model.loaded):
        model.show_day(date(2026, 11, 29))
    assert model.rowCount() == 0
