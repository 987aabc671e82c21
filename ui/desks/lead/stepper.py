"""A number with big − and + buttons either side: days and minutes set by touch."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSpinBox, QWidget

from ui.widgets import big_button


class Stepper(QWidget):
    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QSpinBox(self)
        self.box.setRange(low, high)
        # NoButtons with the kiosk style sheet squeezes the text to nothing; zero-width
        # arrows leave it whole. The big buttons beside it do the stepping.
        self.box.setStyleSheet(
            "QSpinBox::up-button, QSpinBox::down-button { width: 0px; border: none; }"
        )
        self.box.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.box.setMinimumSize(120, 56)
        font = self.box.font()
        font.setPointSize(18)
        self.box.setFont(font)
        self.minus = big_button("−", parent=self)
        self.plus = big_button("+", parent=self)
        for button in (self.minus, self.plus):
            button.setFixedWidth(64)
            button.setAutoRepeat(True)
        self.minus.clicked.connect(self.box.stepDown)
        self.plus.clicked.connect(self.box.stepUp)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.minus)
        layout.addWidget(self.box)
        layout.addWidget(self.plus)
        layout.addStretch(1)

    def value(self) -> int:
        return self.box.value()

    def set_value(self, value: int) -> None:
        self.box.setValue(value)
