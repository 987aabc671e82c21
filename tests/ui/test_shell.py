"""The main window: navigation, unsaved-changes care, language switch, the set-up wizard."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from station.access import credentials
from station.services import station as station_service
from station.store import Store
from tests.ui.conftest import type_in, wait_idle
from ui import i18n
from ui.desks.base import Desk
from ui.desks.places import DeskPlace, place
from ui.shell import MainWindow, remembered_desk
from ui.wizard import SetupWizard
from ui.worker import Worker


class Notebook(Desk):
    """A desk holding typed text, for the unsaved-changes rules."""

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.text = ""
        self.retranslate()

    def retranslate(self) -> None:
        pass

    def has_unsaved_changes(self) -> bool:
        return bool(self.text)

    def discard_changes(self) -> None:
        self.text = ""


@pytest.fixture
def window(worker: Worker, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    notebook = DeskPlace("Notebook", lambda: "Notebook", lambda: Notebook(worker))
    made = MainWindow(worker, [notebook, place("TodayDesk", worker)], settings)
    qtbot.addWidget(made)
    made.show()
    wait_idle(qtbot, worker)
    return made


def test_the_header_shows_the_station_and_what_waits_for_sync(
    window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.waitUntil(lambda: window.header.figures is not None)
    assert window.header.station.text() == "恩江古城红驿站"
    assert "2" in window.header.unsynced.text()  # the two posts set up by init
    assert "0" in window.header.on_duty.text()


def test_leaving_unsaved_input_asks_first(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    notebook = window.places[0].built
    assert isinstance(notebook, Notebook)
    notebook.text = "一位游客问路"
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    window.nav_buttons[1].click()
    assert window.stack.currentIndex() == 0  # cancelled: still here, text kept
    assert notebook.text == "一位游客问路"
    assert window.nav_buttons[0].isChecked()
    window.nav_buttons[1].click()
    assert window.stack.currentIndex() == 1
    assert notebook.text == ""


def test_the_last_desk_is_remembered(window: MainWindow, tmp_path: Path) -> None:
    window.nav_buttons[1].click()
    window.close()
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert settings.value("ui/desk", type=int) == 1
    assert remembered_desk(settings, 6) == 1


@pytest.mark.parametrize(("kept", "shown"), [(None, 0), ("4", 4), ("6", 0), ("-1", 0), ("x", 0)])
def test_a_remembered_desk_that_is_not_one_opens_the_first(
    kept: str | None, shown: int, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    if kept is not None:
        settings.setValue("ui/desk", kept)
    assert remembered_desk(settings, 6) == shown


def test_switching_language_retitles_everything_at_run_time(
    window: MainWindow, qtbot: QtBot
) -> None:
    today = window.nav_buttons[1]
    assert today.text() == "今日概况"
    assert window.language_button.text() == "English"
    window.language_button.click()
    assert i18n.current() == "en"
    qtbot.waitUntil(lambda: today.text() == "Today")
    assert window.windowTitle() == "Red Post Station"
    assert window.language_button.text() == "中文"
    window.language_button.click()
    qtbot.waitUntil(lambda: today.text() == "今日概况")
    assert window.windowTitle() == "红驿站"


class Counted(i18n.Retranslatable, QWidget):
    def __init__(self, calls: list[str], name: str) -> None:
        super().__init__()
        self.calls = calls
        self.name = name

    def retranslate(self) -> None:
        self.calls.append(f"{self.name} {i18n.current()}")


def test_a_switch_retranslates_each_live_widget_once_in_the_new_language(qtbot: QtBot) -> None:
    calls: list[str] = []
    kept, gone = Counted(calls, "kept"), Counted(calls, "gone")
    qtbot.addWidget(kept)
    gone.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(gone))
    i18n.switch("en")
    assert calls == ["kept en"]  # at once, not on a later event
    i18n.switch("zh_CN")
    assert calls == ["kept en", "kept zh_CN"]


def test_the_wizard_sets_up_a_new_station(store: Store, qtbot: QtBot) -> None:
    worker = Worker(store)
    wizard = SetupWizard(worker)
    qtbot.addWidget(wizard)
    type_in(wizard.code.editor, "yf09")
    type_in(wizard.name.editor, "永叔公园红驿站")
    type_in(wizard.posts.editor, "永叔公园南门\n六一桥")
    type_in(wizard.lead.editor, "王站长")
    type_in(wizard.pin.editor, "4321")
    type_in(wizard.pin_again.editor, "4321")
    with qtbot.waitSignal(wizard.accepted):
        wizard.save.click()
    store.actor = None  # as the kiosk is after the wizard: locked, until the lead signs in
    with store.transaction() as session:
        assert station_service.current(session).code == "YF09"
        assert [p.name for p in station_service.posts(session)] == ["永叔公园南门", "六一桥"]
        lead = credentials.sign_in(session, "王站长", "4321").actor
    assert lead is not None
    assert lead.is_lead
    worker.shutdown()


def test_the_wizard_wants_the_same_lead_pin_twice(store: Store, qtbot: QtBot) -> None:
    worker = Worker(store)
    wizard = SetupWizard(worker)
    qtbot.addWidget(wizard)
    wizard.show()
    type_in(wizard.code.editor, "yf09")
    type_in(wizard.name.editor, "永叔公园红驿站")
    type_in(wizard.lead.editor, "王站长")
    type_in(wizard.pin.editor, "4321")
    type_in(wizard.pin_again.editor, "4322")
    wizard.save.click()
    qtbot.waitUntil(wizard.pin_again.error.isVisible)
    assert "不一样" in wizard.pin_again.error.text()
    with store.reading() as session:
        assert not station_service.is_initialised(session)
    worker.shutdown()


def test_the_wizard_shows_a_bad_code_beside_its_field(store: Store, qtbot: QtBot) -> None:
    worker = Worker(store)
    wizard = SetupWizard(worker)
    qtbot.addWidget(wizard)
    wizard.show()
    type_in(wizard.code.editor, "9?")
    type_in(wizard.name.editor, "永叔公园红驿站")
    wizard.save.click()
    qtbot.waitUntil(wizard.code.error.isVisible)
    assert "站点编号" in wizard.code.error.text()
    assert not wizard.name.error.isVisible()
    assert wizard.save.isEnabled()
    with store.reading() as session:
        assert not station_service.is_initialised(session)
    worker.shutdown()
