"""The quick start: the locked window shows what a glance at the file found while the store
opens behind it; a sign-in waits for the store; a store that fails to open behind the
window sends the kiosk the long way, damaged screen and all."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from station import backup, glance, paths, upgrade_note
from station.migrations import HEAD
from station.store import Store
from tests.conftest import spoil_first_page
from tests.ui.conftest import LEAD, sign_in, tap_sign_in, wait_idle
from ui import app, fonts
from ui.damaged import DamagedScreen
from ui.shell import MainWindow


@pytest.fixture
def kiosk(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "kiosk"
    shutil.copytree(demo_template, folder)
    return folder


@pytest.fixture
def quick(kiosk: Path, tmp_path: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    """The window as the kiosk starts on a store set up before: its store not yet opening."""
    seen = glance.read(kiosk)
    assert seen is not None
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = app.quick_window(kiosk, settings, seen)
    opened: list[object] = []  # after the window's own handler, which queues the upkeep
    window.worker.opened.connect(opened.append)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    window.idle.stop()
    window.worker.begin_opening()
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    wait_idle(qtbot, window.worker)
    window.worker.shutdown()


def test_the_locked_window_shows_the_glance_before_the_store_opens(
    quick: MainWindow, kiosk: Path
) -> None:
    seen = glance.read(kiosk)
    assert seen is not None
    screen = quick.sign_in
    assert not quick.worker.is_open()
    assert quick.screens.currentWidget() is screen
    assert screen.signers == seen.signers
    names = [screen.names.button(i).text().split("\n")[0] for i in range(len(seen.signers))]
    assert names == [s.name for s in seen.signers]
    assert quick.header.station.text() == seen.figures.station_name
    assert quick.header.unsynced.text() == f"待同步：{seen.figures.unsynced} 条"
    assert quick.header.on_duty.text() == f"在岗：{seen.figures.on_duty} 人"


def test_the_store_opens_once_the_window_waits_and_a_lead_signs_in(
    quick: MainWindow, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(quick.worker.opened, timeout=20_000) as opened:
        quick.worker.begin_opening()
    assert opened.args is not None
    assert isinstance(opened.args[0], Store)
    sign_in(qtbot, quick, *LEAD)
    actor = quick.worker.store.actor
    assert actor is not None
    assert actor.is_lead
    assert quick.screens.currentWidget() is not quick.sign_in


def test_a_sign_in_typed_before_the_store_opens_waits_for_it(
    quick: MainWindow, qtbot: QtBot
) -> None:
    screen = quick.sign_in
    tap_sign_in(quick, *LEAD)
    qtbot.wait(200)
    assert quick.actor is None
    assert not screen.sign_in_button.isEnabled()  # checking, not refused

    quick.worker.begin_opening()
    qtbot.waitUntil(lambda: quick.actor is not None, timeout=20_000)
    assert quick.actor is not None
    assert quick.actor.is_lead


def test_the_store_opened_behind_a_window_is_checked_first(kiosk: Path) -> None:
    spoil_first_page(kiosk, "inquiries")  # which a glance never reads
    assert glance.read(kiosk) is not None  # the glance alone would not notice
    with pytest.raises(app.StoreDamaged):
        app.open_behind(kiosk)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The message boxes shown, answered at once; `run` is left no excepthook behind."""
    shown: list[str] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda _parent, _title, text, *_a, kind=kind: shown.append(kind)
        )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    return shown


def settled(window: MainWindow) -> bool:
    """Whether the window's store is open and its worker idle."""
    return window.worker.is_open() and window.worker.is_idle()


def play(step: Callable[[MainWindow | None], bool]) -> None:
    """Once `app.run` has begun, hand `step` the window shown (or None) every 20 ms, until
    it says it is done."""

    def tick() -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not step(next((w for w in found if w.isVisible()), None)):
            QTimer.singleShot(20, tick)

    QTimer.singleShot(0, tick)


def test_a_sound_store_opens_behind_the_window_then_says_what_the_upgrade_changed(
    kiosk: Path, dialogs: list[str]
) -> None:
    upgrade_note.record(kiosk, "0004", HEAD, kiosk / "backups" / "before.db")
    seen: list[str] = []

    def step(window: MainWindow | None) -> bool:
        """Wait for the store (and the note), then sign in as the lead and close."""
        if window is not None and not seen:
            seen.append("shown, store opening" if not window.worker.is_open() else "too late")
        if window is None or not settled(window):
            return False
        if window.actor is None:
            seen.append(f"notes {dialogs}")
            tap_sign_in(window, *LEAD)
            return False
        seen.append(f"signed in as lead: {window.actor.is_lead}")
        window.close()
        return True

    play(step)
    assert app.run(kiosk) == 0
    assert seen == ["shown, store opening", "notes ['information']", "signed in as lead: True"]
    assert dialogs == ["information"]


def test_a_damaged_store_behind_the_window_takes_the_long_way_to_its_screen(
    kiosk: Path, dialogs: list[str]
) -> None:
    with closing(sqlite3.connect(paths.database(kiosk))) as conn:
        (inquiries,) = conn.execute("SELECT count(*) FROM inquiries").fetchone()
    backup.take(kiosk)
    spoil_first_page(kiosk, "inquiries")
    seen: list[str] = []

    def step(window: MainWindow | None) -> bool:
        """Play the lead: sign in at once (it fails with the store), restore on the damaged
        screen, then close the window."""
        if not seen and window is not None:
            seen.append("signing in")
            tap_sign_in(window, *LEAD)
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, DamagedScreen) and widget.isVisible() and len(seen) == 1:
                seen.append("damaged")
                widget.pin.setText(LEAD[1])
                widget.restore_button.click()
        if window is None or not settled(window) or len(seen) != 2:
            return False
        seen.append("window")
        window.close()
        return True

    play(step)
    assert app.run(kiosk) == 0
    assert seen == ["signing in", "damaged", "window"]
    assert dialogs == []  # no apology for the sign-in that met the damage
    assert backup.quick_problem(paths.database(kiosk)) is None
    with closing(sqlite3.connect(paths.database(kiosk))) as conn:
        assert conn.execute("SELECT count(*) FROM inquiries").fetchone() == (inquiries,)


def test_the_locked_window_is_built_and_shown_without_the_data_layer(kiosk: Path) -> None:
    """What makes the quick start quick: nothing up to the shown window imports SQLAlchemy
    (nor Alembic, ReportLab or psycopg), nor builds Qt's namespace of flags; the store's
    opening behind it does."""
    script = f"""
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from station.cli import build_parser
from station import glance
from ui import app

qt = app.application()
folder = Path({str(kiosk)!r})
settings = QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)
window = app.quick_window(folder, settings, glance.started(folder).result())
window.show()
qt.processEvents()
heavy = ("sqlalchemy", "alembic", "reportlab", "psycopg")
print(window.sign_in.signers != [], sorted(m for m in heavy if m in sys.modules))
import PySide6.QtCore
print("Qt" in vars(PySide6.QtCore))  # its namespace of flags, 12 ms to build
window.worker.shutdown()
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["True []", "False"]


def test_without_a_chinese_font_the_window_says_so_once(
    kiosk: Path, dialogs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "find_cjk_family", lambda wanted=None: None)
    # The next test's `styled_app` gives the application its Chinese font back.

    def step(window: MainWindow | None) -> bool:
        if window is None or not settled(window):
            return False
        window.close()
        return True

    play(step)
    assert app.run(kiosk) == 0
    assert dialogs == ["warning"]
