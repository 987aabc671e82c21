"""The on-duty board: who is at which post since when, each with a big Check out button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from station.models import Shift
from ui.desks.volunteer.common import CARD_STYLE, heading, hint, local_time, minutes_since
from ui.widgets import big_button


class ShiftCard(QFrame):
    """One person on duty: name, post, since when, how long; and the Check out button."""

    def __init__(
        self, shift: Shift, on_check_out: Callable[[Shift], None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.shift = shift
        self.setProperty("card", True)
        self.setStyleSheet(CARD_STYLE)
        self.name = heading(self, size=18)
        self.name.setText(shift.volunteer.name)
        self.post = heading(self, size=17)
        self.post.setProperty("role", "post")
        self.post.setText(shift.post.name)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.check_out = big_button(parent=self)
        self.check_out.setMinimumWidth(120)
        self.check_out.clicked.connect(lambda: on_check_out(shift))
        names = QHBoxLayout()
        names.setSpacing(16)
        names.addWidget(self.name)
        names.addWidget(self.post, 1)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addLayout(names)
        text.addWidget(self.details)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 10, 8)
        layout.addLayout(text, 1)
        layout.addWidget(self.check_out)
        self.retranslate()

    def retranslate(self) -> None:
        minutes = minutes_since(self.shift.check_in_at)
        if minutes < 60:
            duration = self.tr("{m} min").format(m=minutes)
        else:
            duration = self.tr("{h} h {m} min").format(h=minutes // 60, m=minutes % 60)
        self.details.setText(
            self.tr("since {time} · {duration}").format(
                time=local_time(self.shift.check_in_at), duration=duration
            )
        )
        self.check_out.setText(self.tr("Check out"))


class OnDutyBoard(QWidget):
    """Cards of the open shifts, oldest first (a few dozen at most: one card each)."""

    def __init__(
        self, on_check_out: Callable[[Shift], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._on_check_out = on_check_out
        self.shifts: list[Shift] = []
        self.cards: list[ShiftCard] = []
        self.heading = heading(self)
        self.empty = hint(self)
        self.holder = QWidget()
        self.list = QVBoxLayout(self.holder)
        self.list.setContentsMargins(0, 0, 6, 0)
        self.list.setSpacing(8)
        self.list.addStretch(1)
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setWidget(self.holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.area, 1)
        self.retranslate()

    def show_shifts(self, shifts: list[Shift]) -> None:
        self.shifts = list(shifts)
        for card in self.cards:
            self.list.removeWidget(card)
            card.deleteLater()
        self.cards = [ShiftCard(shift, self._on_check_out, self.holder) for shift in self.shifts]
        for index, card in enumerate(self.cards):
            self.list.insertWidget(index, card)
        self.retranslate()

    def names(self) -> list[str]:
        return [card.name.text() for card in self.cards]

    def card_of(self, name: str) -> ShiftCard:
        return next(card for card in self.cards if card.name.text() == name)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("On duty now: %n", "", len(self.shifts)))
        self.empty.setText(
            self.tr("Nobody is checked in. Scan a badge or find a name on the right.")
        )
        self.empty.setVisible(not self.shifts)
        for card in self.cards:
            card.retranslate()
