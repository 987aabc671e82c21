"""The touch-sized building blocks keep what a volunteer relies on."""

from __future__ import annotations

import gc
import weakref

from pytestqt.qtbot import QtBot

from ui.widgets import big_button, line_edit


def test_a_line_edit_offers_its_clear_button_once_it_holds_text(qtbot: QtBot) -> None:
    edit = line_edit("badge")
    qtbot.addWidget(edit)
    assert not edit.isClearButtonEnabled()  # nothing to clear: made with the first text
    edit.setText("YF01")
    assert edit.isClearButtonEnabled()
    edit.clear()
    assert edit.isClearButtonEnabled()  # Qt hides it while the field is empty
    assert edit.placeholderText() == "badge"


def test_a_line_edit_waiting_for_its_first_text_is_freed_with_its_last_reference() -> None:
    edit = line_edit()
    gone = weakref.ref(edit)
    del edit
    gc.collect()
    assert gone() is None


def test_a_big_button_has_its_text_and_a_finger_sized_height(qtbot: QtBot) -> None:
    button = big_button("登录", primary=True)
    qtbot.addWidget(button)
    assert button.text() == "登录"
    assert button.minimumHeight() >= 48
    assert button.property("primary") is True
