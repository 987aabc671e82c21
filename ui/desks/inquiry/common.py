"""Small pieces the inquiry desk's parts share: times, a confirmation banner, a clearable choice."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from station import clock
from ui.widgets import ChoiceRow, big_button

# A widget property the style sheet knows: its buttons, several to a row, give way in padding.
NARROW = "narrow"


def local_time(moment: datetime | None, pattern: str = "%H:%M") -> str:
    """A stored (UTC) moment as the kiosk's local wall-clock time; '' for none."""
    if moment is None:
        return ""
    return moment.astimezone(clock.LOCAL_TZ).strftime(pattern)


def short_ticket(ticket_no: str) -> str:
    """The day's sequence of a ticket (0042 of YF01-20261130-0042): the list shows one day."""
    return ticket_no.rsplit("-", 1)[-1]


def two_lines(text: str) -> str:
    """A long label broken in two, so four category buttons fit side by side in any language."""
    if " / " in text:
        return text.replace(" / ", " /\n", 1)
    if len(text) > 10 and " " in text:
        middle = len(text) // 2
        cut = min((i for i, c in enumerate(text) if c == " "), key=lambda i: abs(i - middle))
        return f"{text[:cut]}\n{text[cut + 1 :]}"
    return text


class Banner(QFrame):
    """A green line that says what was just saved, with an optional button to act on it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.action: QPushButton = big_button(parent=self)
        self.action.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 8, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action)
        self.hide()

    def say(self, text: str, *, with_action: bool = False) -> None:
        self.text.setText(text)
        self.action.setVisible(with_action)
        self.show()


class ClearableChoice(ChoiceRow):
    """A choice that may stay empty: tapping the chosen button again clears it."""

    cleared = Signal()

    def __init__(self, columns: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(columns, parent)
        self._previous: str | None = None
        self.chosen.connect(self._toggle)

    def set_value(self, code: str | None) -> None:
        super().set_value(code)
        self._previous = self.value()

    def _toggle(self, code: str) -> None:
        if code == self._previous:
            self.set_value(None)
            self.cleared.emit()
        else:
            self._previous = code
