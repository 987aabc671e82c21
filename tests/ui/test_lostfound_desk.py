"""The lost-and-found desk end to end: register, search, match, return, hand over to the police."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QColor, QImage, QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken
from sqlalchemy import select

from station import clock
from station.errors import InvalidInput
from station.models import FoundItem, ItemReturn, LostReport, PoliceHandover
from station.services import lostfound
from station.store import Store
from station.sync.outbox import APPLYING_PULL
from tests.ui.conftest import wait_idle
from ui import i18n
from ui.desks.lostfound import LostFoundDesk
from ui.desks.lostfound.models import DueItemsModel, FoundItemsModel, LostReportsModel
from ui.desks.lostfound.pickers import WhenPicker
from ui.worker import Worker

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
LEFT = Qt.MouseButton.LeftButton


# -- helpers: QTest's typed calls (qtbot's wrappers are untyped) ------------------------------


def tap(widget: QWidget) -> None:
    QTest.mouseClick(widget, LEFT)


def type_into(widget: QWidget, text: str) -> None:
    """Type `text`: ASCII as key presses, Chinese as a pinyin input method commits it
    (QTest's key clicks only know ASCII)."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def now_local() -> datetime:
    return clock.now().astimezone(clock.LOCAL_TZ)


def register_found(store: Store, **overrides: Any) -> FoundItem:
    values: dict[str, Any] = {
        "category": "wallet",
        "description": "黑色皮质钱包，内有身份证",
        "colour": "黑色",
        "found_place": "古戏台广场",
        "found_at": now_local() - timedelta(minutes=30),
        "storage_place": "柜台抽屉",
    }
    values.update(overrides)
    with store.transaction() as s:
        return lostfound.register_found(s, **values)


def register_lost(store: Store, **overrides: Any) -> LostReport:
    values: dict[str, Any] = {
        "category": "wallet",
        "description": "黑色钱包，里面有身份证和银行卡",
        "colour": "黑色",
        "lost_place": "古戏台广场",
        "lost_at": now_local() - timedelta(hours=1),
        "contact_name": "王秀英",
        "contact_phone": "13812345678",
    }
    values.update(overrides)
    with store.transaction() as s:
        return lostfound.register_lost(s, **values)


def pull_foreign_item(store: Store) -> FoundItem:
    """A found item of station YF02, as the sync's pull writes it."""
    moment = clock.now()
    with store.transaction() as s:
        s.info[APPLYING_PULL] = True
        item = FoundItem(
            station_code="YF02",
            item_no="YF02-20261130-0001",
            category="bag",
            description="红色双肩包，印有卡通图案",
            colour="红色",
            found_place="驼背桥",
            found_at=moment - timedelta(hours=2),
            status="held",
            retention_days=30,
            photos=[],
            created_at=moment,
            updated_at=moment,
            version=1,
        )
        s.add(item)
    return item


def delete_now(obj: QObject) -> None:
    """Delete a Python-owned Qt object here, on the GUI thread, and collect its wrappers.

    A widget tree in a reference cycle (a desk is one: its buttons' label callables refer
    back to it) is otherwise freed by Python's cyclic collector, which can run on the
    worker's thread; Shiboken then defers the C++ delete to the GUI thread, where it races
    the deleteLater() of qtbot's teardown and crashes a later test.
    """
    Shiboken.delete(obj)
    gc.collect()


@pytest.fixture
def desk(worker: Worker, qtbot: QtBot) -> Iterator[LostFoundDesk]:
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


def open_tab(qtbot: QtBot, desk: LostFoundDesk, code: str) -> None:
    tap(desk.tabs.button(code))
    wait_idle(qtbot, desk.worker)


def make_png(path: Path) -> Path:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    assert image.save(str(path))
    return path


# -- registering a found item -----------------------------------------------------------------


def test_register_found_item_with_photo_then_find_it(
    desk: LostFoundDesk,
    worker: Worker,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    photo = make_png(tmp_path / "wallet.png")
    asked: list[str] = []

    def fake_dialog(_parent: QWidget, _title: str, _folder: str, filter_: str) -> tuple[str, str]:
        asked.append(filter_)
        return str(photo), filter_

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_dialog)
    form = desk.found_form
    assert desk.current_tab() == "found"

    tap(form.category.button("wallet"))
    type_into(form.description, "黑色皮质钱包，内有身份证")
    tap(form.colour.choices.button("黑色"))
    tap(form.place.choices.button("古戏台广场"))
    tap(form.when.choices.button("hour"))
    type_into(form.storage, "柜台抽屉")
    type_into(form.finder_phone, "13900001111")
    tap(form.photo.choose_button)
    qtbot.waitUntil(
        lambda: form.photo.preview.pixmap() is not None and not form.photo.preview.pixmap().isNull()
    )
    assert "*.png" in asked[0]
    assert desk.has_unsaved_changes()

    tap(form.save_button)
    qtbot.waitUntil(form.done.isVisible)

    with worker.store.reading() as s:
        items = lostfound.find_found(s)
        assert len(items) == 1
        item = items[0]
        stored_photo = lostfound.photo_path(s, item.photos[0])
    assert (item.category, item.colour, item.found_place) == ("wallet", "黑色", "古戏台广场")
    assert item.storage_place == "柜台抽屉"
    assert item.finder_phone == "13900001111"
    assert abs(item.found_at - (clock.now() - timedelta(hours=1))) < timedelta(minutes=2)
    assert stored_photo.read_bytes().startswith(PNG_MAGIC)
    assert stored_photo != photo
    assert item.item_no in form.done.text()
    # The form is empty again and ready for the next item.
    assert form.category.value() is None
    assert form.photo.path() is None
    assert not desk.has_unsaved_changes()

    open_tab(qtbot, desk, "search")
    type_into(desk.search.query, "钱包")
    qtbot.waitUntil(
        lambda: desk.search.found_model.text == "钱包" and not desk.search.found_model.is_loading()
    )
    model = desk.search.found_model
    assert [model.record(r).item_no for r in range(model.rowCount())] == [item.item_no]
    assert model.data(model.index(0, 1)) == "钱包/现金"
    desk.search.found_view.selectRow(0)
    wait_idle(qtbot, worker)
    card = desk.search.matches.subject
    assert item.item_no in card.heading.text()
    assert card.photo.isVisible()
    qtbot.waitUntil(lambda: not card.photo.pixmap().isNull())


def test_found_item_without_a_kind_shows_the_error_by_the_kind(
    desk: LostFoundDesk, worker: Worker, qtbot: QtBot
) -> None:
    form = desk.found_form
    type_into(form.description, "蓝色雨伞")
    tap(form.place.choices.button("驼背桥"))

    tap(form.save_button)
    wait_idle(qtbot, worker)

    error = form.fields["category"].error
    assert error.isVisible()
    assert error.text()
    with worker.store.reading() as s:
        assert lostfound.count_found(s) == 0
    # What was typed stays, to be corrected.
    assert form.description.toPlainText() == "蓝色雨伞"


# -- registering a lost report ----------------------------------------------------------------


def fill_lost_report(desk: LostFoundDesk, phone: str) -> None:
    form = desk.lost_form
    tap(form.category.button("phone"))
    type_into(form.description, "白色苹果手机，粉色手机壳")
    tap(form.colour.choices.button("白色"))
    type_into(form.place.text, "驼背桥东侧")
    tap(form.when.choices.button("morning"))
    type_into(form.contact_name, "李明")
    type_into(form.contact_phone, phone)


def test_lost_report_with_a_bad_phone_shows_the_error_inline_and_stores_nothing(
    desk: LostFoundDesk, worker: Worker, qtbot: QtBot
) -> None:
    open_tab(qtbot, desk, "lost")
    fill_lost_report(desk, "12345")

    tap(desk.lost_form.save_button)
    wait_idle(qtbot, worker)

    error = desk.lost_form.fields["contact_phone"].error
    expected = InvalidInput("bad_phone", "contact_phone")
    assert error.isVisible()
    assert error.text() == expected.message("zh_CN")
    assert not desk.lost_form.fields["contact_name"].error.isVisible()
    assert not desk.lost_form.done.isVisible()
    with worker.store.reading() as s:
        assert lostfound.count_lost(s) == 0
    assert desk.lost_form.contact_phone.text() == "12345"
    # The message follows the language.
    i18n.switch("en")
    qtbot.waitUntil(lambda: error.text() == expected.message("en"))


def test_lost_report_is_stored_and_its_matches_are_one_tap_away(
    desk: LostFoundDesk, worker: Worker, qtbot: QtBot
) -> None:
    item = register_found(
        worker.store,
        category="phone",
        description="白色苹果手机",
        colour="白色",
        found_place="驼背桥",
    )
    open_tab(qtbot, desk, "lost")
    fill_lost_report(desk, "138 1234 5678")

    tap(desk.lost_form.save_button)
    qtbot.waitUntil(desk.lost_form.done.isVisible)

    with worker.store.reading() as s:
        (report,) = lostfound.find_lost(s)
    assert (report.category, report.colour, report.lost_place) == ("phone", "白色", "驼背桥东侧")
    assert report.contact_phone == "13812345678"
    assert report.report_no in desk.lost_form.done.text()

    tap(desk.lost_form.matches_button)
    wait_idle(qtbot, worker)
    assert desk.current_tab() == "search"
    cards = desk.search.matches.candidate_cards()
    assert [card.match.found_item.item_no for card in cards] == [item.item_no]


# -- search as you type -----------------------------------------------------------------------


def test_search_as_you_type_finds_an_item_by_two_chinese_characters(
    desk: LostFoundDesk, worker: Worker, qtbot: QtBot
) -> None:
    wallet = register_found(worker.store)
    register_found(worker.store, category="clothing", description="红色折叠雨伞", colour="红色")
    foreign = pull_foreign_item(worker.store)
    open_tab(qtbot, desk, "search")
    model = desk.search.found_model
    assert model.rowCount() == 3

    type_into(desk.search.query, "钱包")
    # The search waits for a pause in typing rather than running for every key.
    assert desk.search.debounce.isActive()
    assert model.rowCount() == 3
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=3000)
    assert model.record(0).item_no == wallet.item_no

    desk.search.query.clear()
    type_into(desk.search.query, "双肩")
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.record(0).item_no == foreign.item_no)
    # Another station's item shows its station code; this station's own items do not.
    station_column = model.columnCount() - 1
    assert model.data(model.index(0, station_column)) == "YF02"
    desk.search.query.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    own_rows = [r for r in range(3) if model.record(r).station_code == "YF01"]
    assert all(model.data(model.index(r, station_column)) == "" for r in own_rows)


def test_lost_reports_are_searched_too(desk: LostFoundDesk, worker: Worker, qtbot: QtBot) -> None:
    report = register_lost(worker.store)
    register_lost(worker.store, category="keys", description="汽车钥匙一串", colour="银色")
    open_tab(qtbot, desk, "search")

    tap(desk.search.kind.button("lost"))
    type_into(desk.search.query, "银行卡")
    model = desk.search.lost_model
    qtbot.waitUntil(lambda: model.text == "银行卡" and not model.is_loading())
    assert [model.record(r).report_no for r in range(model.rowCount())] == [report.report_no]


# -- matches side by side ---------------------------------------------------------------------


def test_matches_for_a_report_are_shown_side_by_side_with_reasons(
    desk: LostFoundDesk, worker: Worker, qtbot: QtBot
) -> None:
    i18n.switch("en")  # the texts below are checked in English
    item = register_found(worker.store)
    register_found(worker.store, category="keys", description="银色钥匙一串", colour="银色")
    report = register_lost(worker.store)
    open_tab(qtbot, desk, "search")
    tap(desk.search.kind.button("lost"))
    wait_idle(qtbot, worker)

    desk.search.lost_view.selectRow(0)
    wait_idle(qtbot, worker)

    matches = desk.search.matches
    assert matches.isVisible()
    assert report.report_no in matches.subject.heading.text()
    assert "王秀英" in matches.subject.body.text()
    cards = matches.candidate_cards()
    assert cards
    best = cards[0]
    assert best.match.found_item.item_no == item.item_no
    assert str(best.match.score) in best.score.text()
    for words in ("Same kind", "Same colour", "Place close by", "Time fits", "Similar description"):
        assert words in best.reasons.text()
    assert item.item_no in best.heading.text()
    # The report on the left, its candidates on the right.
    left = matches.subject.mapTo(matches, QPoint(0, 0)).x()
    right = best.mapTo(matches, QPoint(0, 0)).x()
    assert left + matches.subject.width() <= right
    # Qt shows a widget added to a shown layout at the next turn of its event loop.
    qtbot.waitUntil(best.return_button.isVisible)


def test_matches_for_an_item_show_the_reports_it_may_answer(
    desk: LostFoundDesk, worker: Worker, qtbot: QtBot
) -> None:
    item = register_found(worker.store)
    report = register_lost(worker.store)
    open_tab(qtbot, desk, "search")

    desk.search.found_view.selectRow(0)
    wait_idle(qtbot, worker)

    matches = desk.search.matches
    assert item.item_no in matches.subject.heading.text()
    assert matches.return_button.isVisible()
    assert [c.match.lost_report.report_no for c in matches.candidate_cards()] == [report.report_no]


def test_an_item_chosen_then_left_is_not_shown_when_it_arrives(
    desk: LostFoundDesk, worker: Worker, qtbot: QtBot
) -> None:
    register_found(worker.store)
    open_tab(qtbot, desk, "search")

    # The list holds lines; the whole item is read on the worker once a row is chosen.
    desk.search.found_view.selectRow(0)
    desk.search.run_search()  # a new search before the item has been read
    wait_idle(qtbot, worker)

    assert not desk.search.matches.subject.isVisible()


# -- return to the owner ----------------------------------------------------------------------


def draw_signature(desk: LostFoundDesk) -> None:
    pad = desk.search.returns.signature
    none = Qt.KeyboardModifier.NoModifier
    QTest.mousePress(pad, LEFT, none, QPoint(30, 120))
    for x, y in ((80, 60), (140, 140), (200, 70), (260, 130)):
        QTest.mouseMove(pad, QPoint(x, y))
    QTest.mouseRelease(pad, LEFT, none, QPoint(300, 90))


def test_return_with_a_drawn_signature_stores_the_return(
    desk: LostFoundDesk, worker: Worker, qtbot: QtBot
) -> None:
    item = register_found(worker.store)
    report = register_lost(worker.store)
    open_tab(qtbot, desk, "search")
    tap(desk.search.kind.button("lost"))
    wait_idle(qtbot, worker)
    desk.search.lost_view.selectRow(0)
    wait_idle(qtbot, worker)

    tap(desk.search.matches.candidate_cards()[0].return_button)
    panel = desk.search.returns
    assert desk.search.pages.currentWidget() is panel
    assert panel.claimant.text() == "王秀英"
    assert report.report_no in panel.report_card.heading.text()

    # No signature yet: the pad says so, and nothing is stored.
    type_into(panel.id_last4, "123x")
    tap(panel.confirm_button)
    wait_idle(qtbot, worker)
    assert panel.fields["signature_png"].error.isVisible()
    assert desk.has_unsaved_changes()

    tap(panel.id_type.button("passport"))
    draw_signature(desk)
    assert not panel.signature.is_empty()
    tap(panel.confirm_button)
    qtbot.waitUntil(desk.search.message.isVisible)

    with worker.store.reading() as s:
        (stored,) = s.scalars(select(ItemReturn)).all()
        assert stored.signature_file is not None
        signature = lostfound.signature_path(s, stored.signature_file)
        returned_item = lostfound.get_found(s, item.id)
        closed_report = lostfound.get_lost(s, report.id)
    assert (stored.claimant_name, stored.id_type, stored.id_last4) == ("王秀英", "passport", "123X")
    assert stored.lost_report_id == report.id
    data = signature.read_bytes()
    assert data.startswith(PNG_MAGIC)
    assert not QImage.fromData(data).isNull()
    assert returned_item.status == "returned"
    assert closed_report.status == "closed"
    assert desk.search.pages.currentIndex() == 0
    assert item.item_no in desk.search.message.text()
    assert not desk.has_unsaved_changes()


def test_a_wrong_id_digit_shows_the_error_by_its_field(
    desk: LostFoundDesk, worker: Worker, qtbot: QtBot
) -> None:
    item = register_found(worker.store)
    open_tab(qtbot, desk, "search")
    desk.search.start_return(item, None)
    panel = desk.search.returns
    type_into(panel.claimant, "张三")
    type_into(panel.id_last4, "12")
    draw_signature(desk)

    tap(panel.confirm_button)
    wait_idle(qtbot, worker)

    assert panel.fields["id_last4"].error.isVisible()
    with worker.store.reading() as s:
        assert lostfound.count_returns(s) == 0

    tap(panel.cancel_button)
    assert desk.search.pages.currentIndex() == 0


# -- hand-over to the police ------------------------------------------------------------------


def due_items(store: Store) -> list[FoundItem]:
    """Two documents found ten days ago (due after seven), and a bag found today (not due)."""
    old = now_local() - timedelta(days=10)
    due = [
        register_found(store, category="documents", description="居民身份证一张", found_at=old),
        register_found(store, category="documents", description="驾驶证一本", found_at=old),
    ]
    register_found(store, category="bag", description="蓝色双肩包")
    return due


def test_hand_over_due_items_after_a_confirm_step(
    desk: LostFoundDesk, worker: Worker, qtbot: QtBot
) -> None:
    i18n.switch("en")  # the texts below are checked in English
    due = due_items(worker.store)
    desk.activate()
    wait_idle(qtbot, worker)
    assert "(2)" in desk.tabs.button("handover").text()
    open_tab(qtbot, desk, "handover")
    page = desk.handover
    assert {page.model.record(r).item_no for r in range(page.model.rowCount())} == {
        i.item_no for i in due
    }

    # Nothing chosen: the error is shown by the list.
    type_into(page.unit, "恩江派出所")
    type_into(page.officer, "刘警官")
    tap(page.start_button)
    assert page.fields["items"].error.isVisible()
    assert not page.confirm_card.isVisible()

    tap(page.all_button)
    assert len(page.selected_items()) == 2
    tap(page.start_button)
    assert page.confirm_card.isVisible()
    assert "2" in page.question.text()
    assert page.warning.text()
    with worker.store.reading() as s:
        assert lostfound.find_found(s, status="handed_over") == []

    tap(page.confirm_button)
    qtbot.waitUntil(page.done.isVisible)

    with worker.store.reading() as s:
        (handover,) = s.scalars(select(PoliceHandover)).all()
        handed = lostfound.find_found(s, status="handed_over")
    assert (handover.police_unit, handover.officer_name) == ("恩江派出所", "刘警官")
    assert {i.item_no for i in handed} == {i.item_no for i in due}
    assert handover.handover_no in page.done.text()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and not page.model.is_loading())
    assert not page.confirm_card.isVisible()
    qtbot.waitUntil(lambda: desk.tabs.button("handover").text() == desk.tr("Due for police"))


def test_hand_over_can_be_called_off_at_the_confirm_step(
    desk: LostFoundDesk, worker: Worker, qtbot: QtBot
) -> None:
    due_items(worker.store)
    open_tab(qtbot, desk, "handover")
    page = desk.handover
    page.table.selectRow(0)
    type_into(page.officer, "刘警官")
    tap(page.start_button)
    assert page.fields["police_unit"].error.isVisible()

    type_into(page.unit, "恩江派出所")
    tap(page.start_button)
    assert "1" in page.question.text()
    tap(page.back_button)

    assert page.fill_in.isVisible()
    with worker.store.reading() as s:
        assert s.scalars(select(PoliceHandover)).all() == []


# -- table models without a window ------------------------------------------------------------


def load(qtbot: QtBot, model: Any) -> None:
    with qtbot.waitSignal(model.loaded):
        model.reload()


def test_table_models_without_a_window(worker: Worker, qtbot: QtBot) -> None:
    wallet = register_found(worker.store)
    register_found(worker.store, category="keys", description="银色钥匙一串", colour="银色")
    foreign = pull_foreign_item(worker.store)
    report = register_lost(worker.store)
    due_items(worker.store)

    owner = QObject()  # deleted at the end on this thread (see delete_now)
    found = FoundItemsModel(worker)
    found.setParent(owner)
    found.own_station = "YF01"
    load(qtbot, found)
    assert found.rowCount() == 6
    assert found.columnCount() == 8
    headers = [found.headerData(c, Qt.Orientation.Horizontal) for c in range(found.columnCount())]
    assert headers[0] == "物品编号"
    rows = {found.record(r).item_no: r for r in range(found.rowCount())}
    wallet_row = rows[wallet.item_no]
    assert found.data(found.index(wallet_row, 1)) == "钱包/现金"
    assert found.data(found.index(wallet_row, 6)) == "保管中"
    assert found.data(found.index(wallet_row, 7)) == ""
    assert found.data(found.index(rows[foreign.item_no], 7)) == "YF02"
    assert found.data(found.index(wallet_row, 0), Qt.ItemDataRole.ToolTipRole) == wallet.item_no

    with qtbot.waitSignal(found.loaded):
        found.search("钥匙")
    assert found.rowCount() == 1

    lost = LostReportsModel(worker)
    lost.setParent(owner)
    load(qtbot, lost)
    assert lost.rowCount() == 1
    assert lost.data(lost.index(0, 0)) == report.report_no
    assert lost.data(lost.index(0, 6)) == "寻找中"

    due = DueItemsModel(worker)
    due.setParent(owner)
    load(qtbot, due)
    assert due.rowCount() == 2
    assert all(due.record(r).category == "documents" for r in range(2))
    assert due.rowCount(found.index(0, 0)) == 0  # a table: no children

    i18n.switch("en")
    found.retranslate()
    assert found.data(found.index(0, 1)) == "Keys"
    assert found.rowCount(QModelIndex()) == 1
    wait_idle(qtbot, worker)
    delete_now(owner)


# -- language and unsaved changes -------------------------------------------------------------


def test_the_desk_follows_the_language(desk: LostFoundDesk, qtbot: QtBot) -> None:
    assert desk.found_form.category.button("wallet").text() == "钱包/现金"

    i18n.switch("en")

    qtbot.waitUntil(lambda: desk.found_form.category.button("wallet").text() == "Wallet / cash")
    assert desk.lost_form.category.button("keys").text() == "Keys"
    assert desk.search.returns.id_type.button("passport").text() == "Passport"


def test_unsaved_input_is_reported_and_can_be_discarded(desk: LostFoundDesk) -> None:
    assert not desk.has_unsaved_changes()
    type_into(desk.lost_form.contact_name, "李明")
    assert desk.has_unsaved_changes()

    desk.discard_changes()

    assert not desk.has_unsaved_changes()
    assert desk.lost_form.contact_name.text() == ""


@pytest.fixture
def picker() -> Iterator[WhenPicker]:
    made = WhenPicker()
    yield made
    delete_now(made)


def test_when_picker_quick_answers(picker: WhenPicker) -> None:
    now = now_local().replace(second=0, microsecond=0)
    assert picker.is_default()
    assert abs(picker.value() - now) <= timedelta(minutes=1)

    tap(picker.choices.button("hour"))
    assert abs(picker.value() - (now - timedelta(hours=1))) <= timedelta(minutes=1)
    tap(picker.choices.button("morning"))
    morning = picker.value()
    assert morning.date() == now.date()
    assert morning <= now + timedelta(minutes=1)
    assert (morning.hour, morning.minute) == (9, 0) or now.hour < 9

    tap(picker.choices.button("other"))
    assert not picker.exact.isHidden()
    picker.exact.setDateTime(picker.exact.dateTime().addSecs(-3 * 3600))
    assert abs(picker.value() - (now - timedelta(hours=3))) <= timedelta(minutes=1)
    assert not picker.is_default()

    picker.reset()
    assert picker.is_default()
    assert picker.exact.isHidden()
