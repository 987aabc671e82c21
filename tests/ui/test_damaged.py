"""The damaged-store screen: shown at start instead of the desks, and its Restore button."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station import backup, clock, paths
from station.services import stats
from station.store import open_store
from station.sync import state
from tests.conftest import DEMO_NOW
from ui import app
from ui.damaged import DamagedScreen

LAST_SYNC = "2026-11-29T10:15:00+00:00"  # 18:15 in China


def damage(db: Path) -> None:
    with db.open("r+b") as f:
        f.truncate(db.stat().st_size // 2)


@pytest.fixture
def damaged(demo_template: Path, tmp_path: Path) -> Path:
    """Three demo days, synced once, backed up at DEMO_NOW, then a truncated data file."""
    folder = tmp_path / "kiosk"
    shutil.copytree(demo_template, folder)
    with open_store(folder) as store, store.transaction() as session:
        state.save_run(session, LAST_SYNC, {})
    with clock.frozen_at(DEMO_NOW):
        backup.take(folder)
    damage(paths.database(folder))
    return folder


def inquiries_in(folder: Path) -> int:
    with open_store(folder) as store, store.reading() as session:
        return stats.counts(session)["inquiries"]


def test_the_screen_says_what_happened_and_restore_brings_the_backup_back(
    damaged: Path, demo_template: Path, qtbot: QtBot
) -> None:
    found = backup.diagnose(damaged)
    assert found is not None
    screen = DamagedScreen(damaged, found)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.title.text() == "数据文件已损坏"
    assert "2026-11-30 16:30" in screen.backup_line.text()
    assert "2026-11-29 18:15" in screen.sync_line.text()
    assert screen.restore_button.text() == "从备份恢复"
    assert screen.restore_button.isEnabled()
    assert screen.pin.isVisible(), "the demo station has a lead: restoring needs their PIN"
    screen.grab().save(str(damaged.parent / "damaged.png"))

    QTest.keyClicks(screen.pin, "1357")  # a volunteer's PIN
    QTest.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
    assert "PIN" in screen.error.text()
    assert backup.diagnose(damaged) is not None, "restored without a lead's PIN"
    QTest.keyClicks(screen.pin, "2468")
    with qtbot.waitSignal(screen.accepted, timeout=30_000):
        QTest.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
    assert backup.diagnose(damaged) is None
    assert inquiries_in(damaged) == inquiries_in(demo_template)


def test_while_restoring_the_screen_answers_says_so_and_cannot_be_left(
    damaged: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = backup.diagnose(damaged)
    assert found is not None
    go_on = threading.Event()
    real_restore = backup.restore

    def slow_disk(folder: Path) -> backup.Restored:
        go_on.wait(timeout=30)
        return real_restore(folder)

    monkeypatch.setattr(backup, "restore", slow_disk)
    screen = DamagedScreen(damaged, found)
    qtbot.addWidget(screen)
    screen.show()
    QTest.keyClicks(screen.pin, "2468")
    QTest.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
    assert screen.restore_button.text() == "正在恢复，请稍候…"
    assert not screen.restore_button.isEnabled()
    assert not screen.pin.isEnabled()
    screen.reject()  # Esc or the window's close button, halfway through
    assert screen.isVisible()
    with qtbot.waitSignal(screen.accepted, timeout=30_000):
        go_on.set()
    assert backup.diagnose(damaged) is None


@pytest.mark.parametrize(
    "failure",
    [OSError(28, "No space left on device"), sqlite3.OperationalError("database or disk is full")],
)
def test_a_restore_that_fails_says_why_beside_the_button_and_can_be_tried_again(
    damaged: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> None:
    found = backup.diagnose(damaged)
    assert found is not None

    def full_disk(folder: Path) -> backup.Restored:
        raise failure

    monkeypatch.setattr(backup, "restore", full_disk)
    screen = DamagedScreen(damaged, found)
    qtbot.addWidget(screen)
    QTest.keyClicks(screen.pin, "2468")
    QTest.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.restore_button.isEnabled)
    assert screen.error.text().startswith("备份未能恢复：")
    assert str(failure) in screen.error.text()
    screen.reject()
    assert not screen.isVisible()  # and it can be left, to call for help
    assert screen.restore_button.text() == "从备份恢复"
    assert screen.result() != screen.DialogCode.Accepted
    assert backup.diagnose(damaged) is not None


def test_without_a_good_backup_the_button_is_off_and_the_screen_says_so(
    damaged: Path, qtbot: QtBot
) -> None:
    for each in backup.listing(damaged):
        damage(each.path)
    found = backup.diagnose(damaged)
    assert found is not None
    assert found.newest_good is None
    screen = DamagedScreen(damaged, found)
    qtbot.addWidget(screen)
    assert not screen.restore_button.isEnabled()
    assert "没有找到完好的备份" in screen.backup_line.text()


def test_start_up_shows_the_screen_and_goes_on_after_restore(damaged: Path, qtbot: QtBot) -> None:
    shown: list[DamagedScreen] = []

    def press_restore() -> None:
        screen = next(w for w in QApplication.topLevelWidgets() if isinstance(w, DamagedScreen))
        shown.append(screen)
        screen.pin.setText("2468")
        screen.restore_button.click()

    QTimer.singleShot(0, press_restore)
    assert app.store_is_sound(damaged)
    assert shown
    assert backup.quick_problem(paths.database(damaged)) is None


def test_start_up_on_a_sound_store_takes_the_daily_backup(
    demo_template: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "kiosk"
    shutil.copytree(demo_template, folder)
    assert app.store_is_sound(folder)
    assert [b.kind for b in backup.listing(folder)].count(backup.DAILY) == 1
