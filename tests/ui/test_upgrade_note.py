"""After an upgrade the window says once what changed and where the old data is kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from station import upgrade_note
from station.migrations import HEAD
from ui import app, i18n


def test_the_upgrade_note_is_shown_once(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text: shown.append(text)
    )
    backup = tmp_path / "backups" / "redpost-20261130-before-head-from-0004.db"
    upgrade_note.record(tmp_path, "0004", HEAD, backup)
    parent = QWidget()
    qtbot.addWidget(parent)
    i18n.switch("en")

    app.tell_upgrade(parent, tmp_path)
    app.tell_upgrade(parent, tmp_path)

    assert len(shown) == 1
    assert str(backup) in shown[0]
    assert "sign-in" in shown[0]
