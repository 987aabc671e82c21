"""Fixtures for pytest-qt tests: the styled application, a worker on a store, demo data."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from station.store import Store, open_store
from ui import i18n
from ui.app import application
from ui.desks.places import kiosk_places
from ui.shell import MainWindow
from ui.worker import Worker


@pytest.fixture(autouse=True)
def styled_app(qapp: object) -> Iterator[None]:
    application()
    i18n.switch("zh_CN")
    yield
    i18n.switch("zh_CN")


@pytest.fixture
def worker(station_store: Store, qtbot: QtBot) -> Iterator[Worker]:
    """A worker on station YF01 (two posts, no other data)."""
    made = Worker(station_store)
    yield made
    qtbot.waitUntil(made.is_idle, timeout=10_000)
    made.shutdown()


@pytest.fixture
def demo_worker(demo_template: Path, tmp_path: Path, qtbot: QtBot) -> Iterator[Worker]:
    """A worker on a copy of three demo days ending at DEMO_NOW."""
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    store = open_store(folder)
    made = Worker(store)
    yield made
    qtbot.waitUntil(made.is_idle, timeout=10_000)
    made.shutdown()
    store.close()


@pytest.fixture
def locked_window(demo_template: Path, tmp_path: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    """The kiosk as it starts: all desks, three demo days, nobody signed in."""
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    store = open_store(folder, actor=None)
    made = Worker(store)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(made, kiosk_places(made), settings)
    window.resize(1280, 800)
    window.show()
    wait_idle(qtbot, made)
    yield window
    window.idle.stop()
    wait_idle(qtbot, made)
    for desk in window.built_desks():  # so closing the window does not ask about restored drafts
        desk.discard_changes()
    window.close()
    window.deleteLater()
    made.shutdown()
    store.close()


# Demo data: the lead's badge and PIN, and the volunteers' (YF01-0002 to YF01-0006).
LEAD = ("YF01-0001", "2468")
VOLUNTEER = ("YF01-0002", "1357")
OTHER_VOLUNTEER = ("YF01-0003", "1357")


def tap_sign_in(window: MainWindow, badge: str, pin: str) -> None:
    """Tap the person's name (found by their badge), the PIN's digits on the keypad, 登录."""
    screen = window.sign_in
    index = next(i for i, s in enumerate(screen.signers) if s.badge_code == badge)
    QTest.mouseClick(screen.names.button(index), Qt.MouseButton.LeftButton)
    for digit in pin:
        QTest.mouseClick(screen.keys[digit], Qt.MouseButton.LeftButton)
    QTest.mouseClick(screen.sign_in_button, Qt.MouseButton.LeftButton)


def sign_in(qtbot: QtBot, window: MainWindow, badge: str, pin: str) -> None:
    """`tap_sign_in` once the person is listed, then wait for the answer."""
    qtbot.waitUntil(lambda: any(s.badge_code == badge for s in window.sign_in.signers))
    tap_sign_in(window, badge, pin)
    wait_idle(qtbot, window.worker)


def wait_idle(qtbot: QtBot, worker: Worker) -> None:
    qtbot.waitUntil(worker.is_idle, timeout=10_000)


def type_in(editor: QWidget, text: str) -> None:
    """Type as a volunteer would. Chinese arrives from the input method as one commit
    (QTest's key clicks know only ASCII keys, and abort the process on anything else)."""
    editor.setFocus()
    if text.isascii():
        QTest.keyClicks(editor, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QCoreApplication.sendEvent(editor, event)
