"""A badge scanner types like a keyboard: the code, then Enter. Catch that wherever focus is.

The filter watches key presses sent to any widget of the desk's window while the desk is
shown. Characters that arrive quickly one after another, with no text field focused, are
collected and not passed on (a focused button or list must not react to them); Enter then
reports the collected code. Typing into a text field is never touched: a scanned code in the
badge field of a form is exactly what the person wants there.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

# Scanners type a character every few milliseconds; a person at least ten times slower.
MAX_GAP_S = 0.15
# Shorter runs are stray key presses, not badge codes.
MIN_LENGTH = 3
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)
_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class BadgeScanner(QObject):
    """Install on the application (`app.installEventFilter`) while `area` is on screen."""

    scanned = Signal(str)

    def __init__(self, area: QWidget, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(area)
        self.area = area
        self._clock = clock
        self._buffer = ""
        self._last = 0.0

    def reset(self) -> None:
        self._buffer = ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if not self.area.isVisible() or watched.window() is not self.area.window():
            return False
        assert isinstance(event, QKeyEvent)
        if isinstance(watched, _TEXT_INPUTS) or event.modifiers() & _MODIFIERS:
            self.reset()
            return False
        return self._key(event)

    def _key(self, event: QKeyEvent) -> bool:
        now = self._clock()
        if now - self._last > MAX_GAP_S:
            self.reset()
        self._last = now
        if event.key() in _ENTER:
            code, self._buffer = self._buffer, ""
            if len(code) < MIN_LENGTH:
                return False
            self.scanned.emit(code)
            return True
        text = event.text()
        if len(text) == 1 and text.isprintable() and not text.isspace():
            self._buffer += text
            return True
        self.reset()
        return False
