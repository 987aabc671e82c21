"""The inquiry desk: three taps to a resolved inquiry, referral and escalation, errors, the list."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QListWidget, QTableView, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from station.errors import InvalidInput, StoreError
from station.models import Inquiry
from station.services import faq, inquiries, roster, shifts
from station.store import Store
from station.vocab import INQUIRY_STATUSES
from tests.conftest import DEMO_NOW
from tests.ui.conftest import wait_idle
from ui import i18n
from ui.desks.inquiry import InquiryDesk
from ui.desks.inquiry.common import two_lines
from ui.desks.inquiry.detail import InquiryDetail
from ui.desks.inquiry.listing import STATUS_COLOURS, InquiryTableModel, TodayList
from ui.worker import Worker

# QTest directly rather than through qtbot: the same events, with typed signatures.
LEFT, NO_KEYS = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
DEMO_DAY: date = DEMO_NOW.date()
QUESTION = "欧阳修纪念馆怎么走？"
ANSWER = "沿恩江古城主街向北步行约十分钟，过六一桥后右转即到。"


def tap(button: QAbstractButton) -> None:
    assert button.isVisible(), button.text()
    assert button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def type_in(editor: QWidget, text: str) -> None:
    """Type as a volunteer would: Chinese arrives from the input method as one commit."""
    editor.setFocus()
    if text.isascii():
        QTest.keyClicks(editor, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(editor, event)


def tap_list_row(view: QListWidget, row: int) -> None:
    rect = view.visualItemRect(view.item(row))
    QTest.mouseClick(view.viewport(), LEFT, NO_KEYS, rect.center())


def tap_table_row(table: QTableView, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 2))
    QTest.mouseClick(table.viewport(), LEFT, NO_KEYS, rect.center())


def stored(worker: Worker, **filters: object) -> list[Inquiry]:
    with worker.store.reading() as session:
        return inquiries.find(session, **filters)


@pytest.fixture
def desk(worker: Worker, qtbot: QtBot) -> Iterator[InquiryDesk]:
    """The desk on station YF01 with one quick answer, shown at the size it has in the window."""
    with worker.store.transaction() as session:
        faq.add(session, category="directions", question=QUESTION, answer=ANSWER)
    made = InquiryDesk(worker)
    qtbot.addWidget(made)
    made.resize(1050, 740)
    made.show()
    qtbot.waitExposed(made)
    made.activate()
    wait_idle(qtbot, worker)
    yield made
    if made.detail is not None:
        made.detail.close()


def open_detail(qtbot: QtBot, desk: InquiryDesk, row: int = 0) -> InquiryDetail:
    qtbot.waitUntil(lambda: desk.list.model.rowCount() > row)
    tap_table_row(desk.list.table, row)
    qtbot.waitUntil(lambda: desk.detail is not None and desk.detail.isVisible())
    assert desk.detail is not None
    return desk.detail


def test_three_taps_log_a_resolved_inquiry(desk: InquiryDesk, worker: Worker, qtbot: QtBot) -> None:
    form = desk.form
    tap(form.category_row.button("directions"))
    qtbot.waitUntil(lambda: form.quick_list.count() == 1)
    tap_list_row(form.quick_list, 0)
    assert form.question_edit.text() == QUESTION
    assert form.answer_edit.toPlainText() == ANSWER
    with qtbot.waitSignal(form.saved, timeout=5000):
        tap(form.resolve_button)

    [record] = stored(worker)
    assert (record.status, record.category) == ("resolved", "directions")
    assert (record.question, record.answer) == (QUESTION, ANSWER)
    assert record.visitor_phone is None
    assert record.handled_by is None
    assert record.resolve_seconds == 0
    # A clear confirmation with the ticket number, and an empty form for the next visitor.
    assert form.banner.isVisible()
    assert record.ticket_no in form.banner.text.text()
    assert not desk.has_unsaved_changes()
    assert form.category_row.value() is None
    assert form.question_edit.text() == ""
    # The list shows the new ticket.
    qtbot.waitUntil(lambda: desk.list.model.rowCount() == 1)
    assert desk.list.model.record(0).ticket_no == record.ticket_no
    assert desk.list.model.index(0, 1).data() == record.ticket_no.rsplit("-", 1)[1]
    assert desk.list.model.index(0, 3).data() == INQUIRY_STATUSES["resolved"][0]


def test_a_list_whose_first_page_failed_reads_again_at_the_next_reload(
    worker: Worker, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list asks for its first page when it is made, and a reload with the same filters
    waits for that page: unless the read failed, when the next save's reload reads again."""
    with worker.store.transaction() as session:
        inquiries.create(session, category="other", question="请问哪里有轮椅？")
    read = inquiries.find_lines
    failures = [StoreError("store_unreadable", "data_dir", reason="the disk is busy")]

    def failing_once(*args: object, **kwargs: object) -> object:
        if failures:
            raise failures.pop()
        return read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(inquiries, "find_lines", failing_once)
    listing = TodayList(worker)
    qtbot.addWidget(listing)
    listing.show()
    wait_idle(qtbot, worker)
    assert not failures
    assert listing.model.rowCount() == 0
    listing.reload()
    qtbot.waitUntil(lambda: listing.model.rowCount() == 1)


def test_a_list_whose_read_failed_after_reading_its_rows_reads_again(
    worker: Worker, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows were read, then ending the read snapshot failed: the page never comes, and
    the next reload reads again instead of waiting for it for good."""
    with worker.store.transaction() as session:
        inquiries.create(session, category="other", question="请问哪里有轮椅？")
    store_class = type(worker.store)
    real_reading = store_class.reading
    failures = [OSError("disk I/O error while ending the read snapshot")]

    @contextmanager
    def reading(store: Store) -> Iterator[Session]:
        with real_reading(store) as session:
            yield session
        if failures:
            raise failures.pop()

    monkeypatch.setattr(store_class, "reading", reading)
    listing = TodayList(worker)
    qtbot.addWidget(listing)
    wait_idle(qtbot, worker)
    assert not failures
    assert listing.model.rowCount() == 0
    listing.reload()  # as the desk does after a save
    wait_idle(qtbot, worker)
    assert listing.model.rowCount() == 1


def test_a_reload_waits_for_a_first_page_read_but_not_yet_delivered(
    worker: Worker, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desk's reload comes while the list's first page, already read on the worker,
    waits in the UI thread's queue: the list takes that page instead of reading it again."""
    with worker.store.transaction() as session:
        inquiries.create(session, category="other", question="请问哪里有轮椅？")
    read = inquiries.find_lines
    reads: list[object] = []

    def counted(*args: object, **kwargs: object) -> object:
        reads.append(kwargs)
        return read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(inquiries, "find_lines", counted)
    listing = TodayList(worker)
    qtbot.addWidget(listing)
    # The worker runs one job at a time, in order: once this one has run, so has the read.
    worker.call(lambda: None).result(timeout=10)
    assert len(reads) == 1
    listing.show()
    listing.reload()
    wait_idle(qtbot, worker)
    assert len(reads) == 1
    assert listing.model.rowCount() == 1


def test_the_volunteer_on_duty_is_recorded_with_the_post(
    desk: InquiryDesk, worker: Worker, qtbot: QtBot
) -> None:
    with worker.store.transaction() as session:
        volunteer = roster.add(session, name="李红", badge_code="YF-0001")
        shifts.check_in(session, volunteer=volunteer.id, post="驼背桥")
    desk.activate()
    wait_idle(qtbot, worker)
    # The only one on duty is chosen already; tapping again clears, once more chooses.
    assert desk.form.handler_id() == volunteer.id
    button = desk.form.handler_row.button(volunteer.id)
    assert button.text() == "李红"
    tap(button)
    assert desk.form.handler_id() is None
    tap(button)
    assert desk.form.handler_id() == volunteer.id

    tap(desk.form.category_row.button("help"))
    type_in(desk.form.question_edit, "借轮椅")
    with qtbot.waitSignal(desk.form.saved, timeout=5000):
        tap(desk.form.resolve_button)
    [record] = stored(worker)
    assert record.handled_by == volunteer.id
    assert record.post is not None
    assert record.post.name == "驼背桥"
    # Who handled it stays chosen for the next visitor.
    assert desk.form.handler_id() == volunteer.id


def test_refer_then_resolve_from_the_detail(
    desk: InquiryDesk, worker: Worker, qtbot: QtBot
) -> None:
    form = desk.form
    tap(form.category_row.button("complaint"))
    type_in(form.question_edit, "河边栏杆松动")
    type_in(form.name_edit, "王先生")
    type_in(form.phone_edit, "138 1234 5678")
    with qtbot.waitSignal(form.saved, timeout=5000):
        tap(form.open_button)
    [record] = stored(worker)
    assert record.status == "open"
    assert (record.visitor_name, record.visitor_phone) == ("王先生", "13812345678")

    detail = open_detail(qtbot, desk)
    assert detail.heading.text() == record.ticket_no
    assert detail.facts.fact_values["visitor"].text() == "王先生 · 13812345678"
    tap(detail.panel.action_row.button("refer"))
    type_in(detail.panel.unit_edit, "景区管委会")
    type_in(detail.panel.contact_edit, "0796-1234567")
    with qtbot.waitSignal(detail.acted, timeout=5000):
        tap(detail.panel.refer_button)
    [record] = stored(worker)
    assert (record.status, record.referral_unit) == ("referred", "景区管委会")
    assert record.referral_contact == "0796-1234567"
    assert detail.panel.banner.isVisible()
    assert "景区管委会" in detail.panel.banner.text.text()
    assert detail.status.text() == INQUIRY_STATUSES["referred"][0]
    assert detail.facts.history.count() == 1
    assert "转办" in detail.facts.history.item(0).text()

    tap(detail.panel.action_row.button("resolve"))
    type_in(detail.panel.resolve_edit, "管委会已修好栏杆")
    with qtbot.waitSignal(detail.acted, timeout=5000):
        tap(detail.panel.resolve_button)
    [record] = stored(worker)
    assert (record.status, record.answer) == ("resolved", "管委会已修好栏杆")
    assert record.closed_at is not None
    assert [f.note for f in record.follow_ups][-1] == "办结：管委会已修好栏杆"
    assert detail.facts.history.count() == 2
    # A closed inquiry only takes notes.
    assert not detail.panel.action_row.button("resolve").isVisible()
    assert detail.panel.action_row.button("note").isVisible()
    assert detail.panel.pages.currentWidget() is detail.panel.page_of["note"]
    qtbot.waitUntil(lambda: desk.list.model.rowCount() == 1)
    qtbot.waitUntil(lambda: desk.list.model.record(0).status == "resolved")


def test_escalate_upwards_only_and_add_notes(
    desk: InquiryDesk, worker: Worker, qtbot: QtBot
) -> None:
    with worker.store.transaction() as session:
        made = inquiries.create(session, category="complaint", question="摊贩占道经营")
    desk.list.reload()
    detail = open_detail(qtbot, desk)
    tap(detail.panel.action_row.button("escalate"))
    with qtbot.waitSignal(detail.acted, timeout=5000):
        tap(detail.panel.level_button(2))
    assert stored(worker)[0].escalation_level == 2
    assert not detail.panel.level_button(2).isEnabled()
    assert detail.panel.level_button(3).isEnabled()
    assert detail.facts.fact_values["escalation"].text() == "三方联动议事会"
    with qtbot.waitSignal(detail.acted, timeout=5000):
        tap(detail.panel.level_button(3))
    [record] = stored(worker)
    assert (record.status, record.escalation_level) == ("escalated", 3)
    assert not detail.panel.level_button(3).isEnabled()

    tap(detail.panel.action_row.button("note"))
    # An empty note is refused next to its box, and nothing is written.
    tap(detail.panel.note_button)
    qtbot.waitUntil(detail.panel.note.error.isVisible)
    assert len(stored(worker)[0].follow_ups) == 2
    type_in(detail.panel.note_edit, "已通知市场监管所")
    with qtbot.waitSignal(detail.acted, timeout=5000):
        tap(detail.panel.note_button)
    assert not detail.panel.note.error.isVisible()
    assert [f.note for f in stored(worker)[0].follow_ups][-1] == "已通知市场监管所"
    assert detail.facts.history.count() == 3
    assert made.ticket_no in detail.windowTitle()


def test_bad_visitor_phone_shows_under_the_field_and_stores_nothing(
    desk: InquiryDesk, worker: Worker, qtbot: QtBot
) -> None:
    form = desk.form
    tap(form.category_row.button("help"))
    type_in(form.question_edit, "孩子走散了")
    type_in(form.phone_edit, "12345")
    tap(form.resolve_button)
    qtbot.waitUntil(form.visitor_phone.error.isVisible)
    expected = InvalidInput("bad_phone", "visitor_phone")
    assert form.visitor_phone.error.text() == expected.message("zh_CN")
    assert not form.question.error.isVisible()
    assert not form.general.isVisible()
    assert stored(worker) == []
    assert desk.has_unsaved_changes()
    assert form.phone_edit.text() == "12345"
    # The error follows the language.
    i18n.switch("en")
    qtbot.waitUntil(lambda: form.visitor_phone.error.text() == expected.message("en"))
    i18n.switch("zh_CN")
    qtbot.waitUntil(lambda: form.visitor_phone.error.text() == expected.message("zh_CN"))

    # Without a category the core says so under the category buttons.
    form.category_row.set_value(None)
    form.phone_edit.clear()
    tap(form.open_button)
    qtbot.waitUntil(form.category.error.isVisible)
    assert not form.visitor_phone.error.isVisible()
    assert stored(worker) == []


def test_unsaved_input_and_discarding_it(desk: InquiryDesk, qtbot: QtBot) -> None:
    assert not desk.has_unsaved_changes()
    type_in(desk.form.name_edit, "张")
    assert desk.has_unsaved_changes()
    desk.discard_changes()
    assert not desk.has_unsaved_changes()
    assert desk.form.name_edit.text() == ""
    tap(desk.form.category_row.button("other"))
    assert desk.has_unsaved_changes()
    tap(desk.form.clear_button)
    assert not desk.has_unsaved_changes()


def test_status_filter_and_search_on_demo_data(demo_worker: Worker, qtbot: QtBot) -> None:
    desk = InquiryDesk(demo_worker)
    qtbot.addWidget(desk)
    desk.resize(1050, 740)
    desk.show()
    desk.activate()
    desk.list.set_day(DEMO_DAY)
    wait_idle(qtbot, demo_worker)
    model = desk.list.model
    every = stored(demo_worker, day=DEMO_DAY)
    assert len(every) > 20
    assert [r.id for r in model.records()] == [r.id for r in every]

    for status in ("referred", "resolved", "open"):
        tap(desk.list.status_row.button(status))
        wait_idle(qtbot, demo_worker)
        expected = stored(demo_worker, day=DEMO_DAY, status=status)
        assert [r.id for r in model.records()] == [r.id for r in expected]
        assert all(r.status == status for r in model.records())
    tap(desk.list.status_row.button("all"))

    # Two Chinese characters, then a whole ticket number, then its day sequence.
    target = every[len(every) // 2]
    word = target.question[:2]
    desk.list.search.setText(word)
    qtbot.waitUntil(lambda: not desk.list._search_timer.isActive())
    wait_idle(qtbot, demo_worker)
    expected = stored(demo_worker, day=DEMO_DAY, text=word)
    assert 0 < len(expected) < len(every)
    assert [r.id for r in model.records()] == [r.id for r in expected]
    desk.list.search.clear()
    type_in(desk.list.search, target.ticket_no)
    QTest.keyClick(desk.list.search, Qt.Key.Key_Return)
    wait_idle(qtbot, demo_worker)
    assert [r.id for r in model.records()] == [target.id]
    desk.list.search.setText(target.ticket_no.rsplit("-", 1)[1])
    desk.list.reload()
    wait_idle(qtbot, demo_worker)
    assert target.id in [r.id for r in model.records()]

    desk.list.search.setText("没有这种咨询")
    desk.list.reload()
    wait_idle(qtbot, demo_worker)
    assert model.rowCount() == 0
    assert desk.list.empty.isVisible()


def test_table_model_pages_and_filters_without_a_window(demo_worker: Worker, qtbot: QtBot) -> None:
    model = InquiryTableModel(demo_worker, day=DEMO_DAY, page=10)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.reload()
    every = stored(demo_worker, day=DEMO_DAY)
    assert model.rowCount() == 10
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.fetchMore(QModelIndex())
    assert [r.id for r in model.records()] == [r.id for r in every[:20]]
    first = every[0]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "时间"
    assert model.index(0, 1).data() == first.ticket_no[-4:]
    assert model.index(0, 2).data() == first.question
    colour = model.data(model.index(0, 3), Qt.ItemDataRole.ForegroundRole)
    assert colour == QColor(STATUS_COLOURS[first.status])

    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filter(day=DEMO_DAY, status="escalated")
    assert [r.id for r in model.records()] == [
        r.id for r in stored(demo_worker, day=DEMO_DAY, status="escalated")
    ]
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filter(day=date(2020, 1, 1))
    assert model.rowCount() == 0
    assert not model.canFetchMore(QModelIndex())


def test_texts_follow_the_language(desk: InquiryDesk, qtbot: QtBot) -> None:
    button = desk.form.category_row.button("complaint")
    assert button.text() == "投诉建议"
    # Qt delivers the language change as an event.
    i18n.switch("en")
    qtbot.waitUntil(lambda: button.text() == "Complaint /\nsuggestion")
    assert desk.list.status_row.button("open").text() == "Open"
    assert desk.list.model.headerData(1, Qt.Orientation.Horizontal) == "No."
    i18n.switch("zh_CN")
    qtbot.waitUntil(lambda: desk.list.status_row.button("open").text() == "待处理")
    assert two_lines("Request for help") == "Request\nfor help"
    assert two_lines("问路/景点") == "问路/景点"


def test_the_saved_banner_opens_the_new_inquiry(
    desk: InquiryDesk, worker: Worker, qtbot: QtBot
) -> None:
    tap(desk.form.category_row.button("directions"))
    qtbot.waitUntil(lambda: desk.form.quick_list.count() == 1)
    tap_list_row(desk.form.quick_list, 0)
    with qtbot.waitSignal(desk.form.saved, timeout=5000):
        tap(desk.form.open_button)
    tap(desk.form.banner.action)
    qtbot.waitUntil(lambda: desk.detail is not None and desk.detail.isVisible())
    assert desk.detail is not None
    assert desk.detail.heading.text() == stored(worker)[0].ticket_no
    assert isinstance(desk.detail.parent(), QWidget)
