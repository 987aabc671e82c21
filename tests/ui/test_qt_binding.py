"""The Qt binding must not leak references to None or True: a kiosk taps all day long."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton

ROUNDS = 20_000


class Emitter(QObject):
    fired = Signal(bool)


def test_clicks_and_signals_keep_none_and_true_alive() -> None:
    """PySide6 6.12.0 (abi3) on Python 3.11 loses one reference per call and then aborts."""
    button = QPushButton()
    button.clicked.connect(lambda: None)
    emitter = Emitter()
    emitter.fired.connect(lambda _value: None)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(ROUNDS):
        button.click()
        button.property("missing")
        emitter.fired.emit(True)
    assert abs(sys.getrefcount(None) - none_before) < 100
    assert abs(sys.getrefcount(True) - true_before) < 100
