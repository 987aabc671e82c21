"""The line at the top of the desk that says what just happened, in a plain sentence."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ui.widgets import big_button, refresh_style

Text = Callable[[], str]


class Banner(QFrame):
    """A message (rebuilt on language change) with an optional big action button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setProperty("tone", "done")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.action = big_button(parent=self)
        self.action.hide()
        self.action.clicked.connect(self._act)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 8, 10, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action)
        self._text: Text | None = None
        self._action_text: Text | None = None
        self._callback: Callable[[], None] | None = None
        self.hide()

    def done(self, text: Text, action: tuple[Text, Callable[[], None]] | None = None) -> None:
        self._show("done", text, action)

    def refused(self, text: Text, action: tuple[Text, Callable[[], None]] | None = None) -> None:
        self._show("refused", text, action)

    def clear(self) -> None:
        self._text = None
        self._callback = None
        self.hide()

    def tone(self) -> str:
        return str(self.property("tone"))

    def text(self) -> str:
        return self.label.text()

    def retranslate(self) -> None:
        if self._text is not None:
            self.label.setText(self._text())
        if self._action_text is not None:
            self.action.setText(self._action_text())

    def _show(self, tone: str, text: Text, action: tuple[Text, Callable[[], None]] | None) -> None:
        self.setProperty("tone", tone)
        refresh_style(self)
        refresh_style(self.label)
        self._text = text
        self._action_text, self._callback = action if action is not None else (None, None)
        self.action.setVisible(action is not None)
        self.retranslate()
        self.show()

    def _act(self) -> None:
        callback = self._callback
        self.clear()
        if callback is not None:
            callback()
