"""The sign-in screen: a name and the keypad, refusals beside the PIN, lockout, roles."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from station.access import LEAD as LEAD_ROLE
from station.access import SYSTEM
from station.glance import HeaderFigures
from station.store import Store
from tests.ui.conftest import LEAD, OTHER_VOLUNTEER, VOLUNTEER, sign_in, wait_idle
from ui import i18n
from ui.desks.places import kiosk_places
from ui.shell import MainWindow
from ui.worker import Worker


def settings(folder: Path) -> QSettings:
    return QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)


def is_locked(window: MainWindow) -> bool:
    return window.screens.currentWidget() is window.sign_in


def sync_button_shown(window: MainWindow) -> bool:
    index = next(i for i, place in enumerate(window.places) if place.key == "SyncDesk")
    return not window.nav_buttons[index].isHidden()


def test_the_kiosk_starts_locked_and_a_name_and_the_keypad_sign_in(
    locked_window: MainWindow, qtbot: QtBot
) -> None:
    assert is_locked(locked_window)
    assert locked_window.worker.store.actor is None
    sign_in(qtbot, locked_window, *LEAD)
    assert not is_locked(locked_window)
    actor = locked_window.worker.store.actor
    assert actor is not None
    assert actor.role == LEAD_ROLE
    header = locked_window.header
    assert header.signed_in.text() == f"{actor.name}（站长）"
    assert header.lock_button.isVisible()
    assert header.lock_button.text() == "锁屏 / 退出"


def test_the_locked_kiosk_builds_no_desk_and_signing_in_builds_only_the_one_shown(
    locked_window: MainWindow, qtbot: QtBot
) -> None:
    assert [place.built for place in locked_window.places] == [None] * 6
    sign_in(qtbot, locked_window, *VOLUNTEER)
    shown = locked_window.current_place()
    assert [place.built is not None for place in locked_window.places] == [
        place is shown for place in locked_window.places
    ]
    locked_window.nav_buttons[2].click()  # lost and found: built on its first show
    assert locked_window.places[2].built is locked_window.current_desk()


def test_the_lead_is_marked_on_their_name_button(locked_window: MainWindow, qtbot: QtBot) -> None:
    screen = locked_window.sign_in
    qtbot.waitUntil(lambda: bool(screen.signers))
    texts = {s.badge_code: screen.names.button(i).text() for i, s in enumerate(screen.signers)}
    assert texts[LEAD[0]].endswith("\n站长")
    assert "站长" not in texts[VOLUNTEER[0]]


def test_a_wrong_pin_says_how_many_tries_are_left_beside_the_field(
    locked_window: MainWindow, qtbot: QtBot
) -> None:
    sign_in(qtbot, locked_window, VOLUNTEER[0], "9999")
    screen = locked_window.sign_in
    assert is_locked(locked_window)
    assert screen.refusal.isVisible()
    assert screen.refusal.text() == "PIN 不正确，还可以再试 4 次。"
    assert screen.refusal.parentWidget() is screen.pin.parentWidget()
    assert screen.pin.text() == ""  # the next try starts empty


def test_five_wrong_pins_lock_the_person_out_even_with_the_right_pin(
    locked_window: MainWindow, qtbot: QtBot
) -> None:
    screen = locked_window.sign_in
    for _ in range(5):
        sign_in(qtbot, locked_window, VOLUNTEER[0], "9999")
    locked_out = screen.refusal.text()
    assert "已暂时锁定" in locked_out
    assert re.search(r"请在 \d\d:\d\d 以后再试", locked_out)
    sign_in(qtbot, locked_window, *VOLUNTEER)
    assert is_locked(locked_window)
    assert screen.refusal.text() == locked_out
    # Someone else is not locked out by it.
    sign_in(qtbot, locked_window, *OTHER_VOLUNTEER)
    assert not is_locked(locked_window)


def test_keypad_clear_and_backspace(locked_window: MainWindow, qtbot: QtBot) -> None:
    screen = locked_window.sign_in
    for key in ("1", "2", "3", "back", "4"):
        QTest.mouseClick(screen.keys[key], Qt.MouseButton.LeftButton)
    assert screen.pin.text() == "124"
    assert screen.pin.echoMode() == screen.pin.EchoMode.Password
    QTest.mouseClick(screen.keys["clear"], Qt.MouseButton.LeftButton)
    assert screen.pin.text() == ""


def test_a_scanned_badge_and_enter_choose_the_person(
    locked_window: MainWindow, qtbot: QtBot
) -> None:
    screen = locked_window.sign_in
    qtbot.waitUntil(lambda: bool(screen.signers))
    QTest.keyClicks(screen.badge, VOLUNTEER[0].lower())
    QTest.keyClick(screen.badge, Qt.Key.Key_Return)
    chosen = screen.chosen()
    assert chosen is not None
    assert chosen.badge_code == VOLUNTEER[0]
    assert chosen.name in screen.pin_hint.text()
    for digit in VOLUNTEER[1]:
        QTest.mouseClick(screen.keys[digit], Qt.MouseButton.LeftButton)
    QTest.mouseClick(screen.sign_in_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, locked_window.worker)
    assert not is_locked(locked_window)


def test_a_volunteer_does_not_see_the_sync_desk_and_a_lead_does(
    locked_window: MainWindow, qtbot: QtBot
) -> None:
    sign_in(qtbot, locked_window, *VOLUNTEER)
    assert not sync_button_shown(locked_window)
    assert all(
        locked_window.nav_buttons[i].isHidden() == place.lead_only
        for i, place in enumerate(locked_window.places)
    )
    QTest.mouseClick(locked_window.header.lock_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, locked_window.worker)
    assert is_locked(locked_window)
    assert locked_window.worker.store.actor is None
    sign_in(qtbot, locked_window, *LEAD)
    assert sync_button_shown(locked_window)


def test_a_volunteer_left_on_a_lead_desk_is_moved_off_it(
    locked_window: MainWindow, qtbot: QtBot
) -> None:
    sign_in(qtbot, locked_window, *LEAD)
    sync = next(i for i, place in enumerate(locked_window.places) if place.key == "SyncDesk")
    locked_window.show_desk(sync)
    locked_window.lock()
    sign_in(qtbot, locked_window, *VOLUNTEER)
    assert not locked_window.current_place().lead_only


def test_with_nobody_to_sign_in_the_screen_says_how_to_set_the_first_lead(
    station_store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    station_store.actor = None
    worker = Worker(station_store)
    window = MainWindow(worker, kiosk_places(worker), settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    screen = window.sign_in
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1)
    assert screen.command.text().endswith("set-pin BADGE --role lead")
    assert str(station_store.folder) in screen.command.text()
    assert "信息员" in screen.first_lead.text()
    flags = screen.command.textInteractionFlags()
    assert flags == Qt.TextInteractionFlag.TextSelectableByMouse  # to copy the command
    page = screen.pages.currentWidget()
    assert page is not None
    assert screen.check_again.mapTo(page, screen.check_again.rect().topLeft()).x() == 0
    assert screen.check_again.width() < page.width() // 2  # at the left, not stretched
    wait_idle(qtbot, worker)
    worker.shutdown()


def test_names_and_keys_leave_the_focus_in_the_field_and_the_pin_is_centred(
    locked_window: MainWindow, qtbot: QtBot
) -> None:
    """Set by the style sheet, which the locked window is built without Qt's namespace for."""
    screen = locked_window.sign_in
    taps = [*screen.names.buttons(), *screen.keys.values()]
    assert {button.focusPolicy() for button in taps} == {Qt.FocusPolicy.NoFocus}
    buttons = [screen.sign_in_button, screen.language_button, *locked_window.nav_buttons]
    assert {button.focusPolicy() for button in buttons} == {Qt.FocusPolicy.StrongFocus}
    assert screen.pin.alignment() == Qt.AlignmentFlag.AlignCenter
    names = screen.findChild(QScrollArea, "signInNames")
    assert names is not None
    assert names.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert screen.names.button(0).y() < 20  # the names start at the top
    locked_window.activateWindow()
    screen.pin.setFocus()
    QTest.mouseClick(screen.names.button(0), Qt.MouseButton.LeftButton)
    QTest.mouseClick(screen.keys["1"], Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is screen.pin


def test_a_window_opened_for_someone_skips_the_lock(
    worker: Worker, qtbot: QtBot, tmp_path: Path
) -> None:
    assert worker.store.actor is SYSTEM
    window = MainWindow(worker, kiosk_places(worker), settings(tmp_path))
    qtbot.addWidget(window)
    assert not is_locked(window)
    assert sync_button_shown(window)
    assert not window.header.lock_button.isVisibleTo(window)  # the program cannot sign in again


def test_the_strip_keeps_the_lock_button_on_a_1280_pixel_screen_in_both_languages(
    locked_window: MainWindow, qtbot: QtBot
) -> None:
    """With its longest figures the strip once pushed the window, and its lock button, past
    the screen's edge; now the station's name is cut short instead."""
    sign_in(qtbot, locked_window, *LEAD)
    header = locked_window.header
    header.show_figures(HeaderFigures("恩江古城红驿站", 12, 145_653, "2026-11-30T08:00:00+00:00"))
    for lang in ("zh_CN", "en"):
        i18n.switch(lang)
        assert header.lock_button.isVisible()
        assert header.minimumSizeHint().width() <= 1280, lang  # the window's width


def test_tapping_a_name_does_not_move_the_keypad_in_either_language(
    locked_window: MainWindow, qtbot: QtBot
) -> None:
    """The PIN hint names the person tapped; in English it once wrapped to a second line and
    pushed the keypad down under a finger on its way to it."""
    screen = locked_window.sign_in
    qtbot.waitUntil(lambda: bool(screen.signers))
    longest = max(range(len(screen.signers)), key=lambda i: len(screen.signers[i].name))
    for lang in ("zh_CN", "en"):
        i18n.switch(lang)
        screen.reset()
        qtbot.wait(50)
        before = screen.keypad.mapTo(screen, screen.keypad.rect().topLeft()).y()
        QTest.mouseClick(screen.names.button(longest), Qt.MouseButton.LeftButton)
        qtbot.wait(50)
        assert screen.signers[longest].name in screen.pin_hint.text()
        assert screen.keypad.mapTo(screen, screen.keypad.rect().topLeft()).y() == before, lang
