"""The idle lock's clock: no touch, click or key for the set minutes, and `expired` fires.

It watches input through an application event filter, so a tap anywhere in any window counts.
While the worker runs a job (a sync can take minutes with nobody touching the screen) the
clock stands still, and it starts afresh when the job ends.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from ui.worker import Worker

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

MINUTE_MS = 60_000


@cache
def _input() -> frozenset[QEvent.Type]:
    """The events that count as a touch, a click or a key. Asked for once someone is signed
    in: PySide6 takes a millisecond to load QEvent, which the locked window does without."""
    from PySide6.QtCore import QEvent

    kinds = QEvent.Type
    return frozenset(
        {
            kinds.KeyPress,
            kinds.MouseButtonPress,
            kinds.MouseMove,
            kinds.Wheel,
            kinds.TouchBegin,
            kinds.TouchUpdate,
            kinds.InputMethod,
        }
    )


class IdleWatch(QObject):
    expired = Signal()

    def __init__(self, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.expired)
        self._armed = False
        worker.busy_changed.connect(self._busy)

    def start(self, minutes: int) -> None:
        """Lock after `minutes` without input, from now on."""
        self.timer.setInterval(minutes * MINUTE_MS)
        self._armed = True
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._restart()

    def stop(self) -> None:
        self._armed = False
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _input():
            self._restart()
        return False

    def _busy(self, busy: bool) -> None:
        if busy:
            self.timer.stop()
        else:
            self._restart()

    def _restart(self) -> None:
        if self._armed and self.worker.is_idle():
            self.timer.start()
