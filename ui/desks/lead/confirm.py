"""Asking before something that cannot be undone, with two big buttons and the count named.

The dialog is opened window-modal without blocking (`open()`), so the kiosk keeps painting
and a test can press its buttons like a person.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.widgets import big_button


class Confirm(QDialog):
    def __init__(self, text: str, yes: str, no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setMinimumWidth(560)
        self.message = QLabel(text, self)
        self.message.setWordWrap(True)
        font = self.message.font()
        font.setPointSize(15)
        self.message.setFont(font)
        self.yes = big_button(yes, primary=True, parent=self)
        self.no = big_button(no, parent=self)
        self.yes.clicked.connect(self.accept)
        self.no.clicked.connect(self.reject)
        self.no.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.no)
        buttons.addWidget(self.yes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(20)
        layout.addWidget(self.message)
        layout.addLayout(buttons)


def ask(parent: QWidget, text: str, yes: str, no: str, then: Callable[[], None]) -> Confirm:
    """Show the question; `then` runs only if the person presses `yes`."""
    dialog = Confirm(text, yes, no, parent)
    dialog.accepted.connect(then)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
