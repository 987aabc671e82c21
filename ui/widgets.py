"""Touch-sized building blocks: big buttons, choice rows, and fields that show their error."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from ui import i18n

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPlainTextEdit

MIN_TARGET = 48  # px; above the 44 px a finger needs


def big_button(
    text: str = "", *, primary: bool = False, parent: QWidget | None = None
) -> QPushButton:
    # Not QPushButton(text, parent): weighing that against the icon-taking overload loads
    # PySide6's QIcon and QPixmap, a millisecond of the kiosk's start (issue 8).
    button = QPushButton(parent)
    button.setText(text)
    button.setMinimumHeight(MIN_TARGET + 8)
    button.setProperty("primary", primary)
    return button  # taking focus by tap and by tab, as a button does by default


def refresh_style(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class ChoiceRow(QWidget):
    """Exclusive big buttons for a choice (category, outcome): one tap, no typing."""

    chosen = Signal(str)

    def __init__(self, columns: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._columns = columns
        self._labels: dict[str, Callable[[], str]] = {}
        self._group.buttonClicked.connect(self._clicked)

    def set_options(self, options: Iterable[tuple[str, Callable[[], str]]]) -> None:
        for button in self._group.buttons():
            self._group.removeButton(button)
            button.deleteLater()
        self._labels = dict(options)
        for index, (code, text) in enumerate(self._labels.items()):
            button = QPushButton(text(), self)
            button.setCheckable(True)
            button.setProperty("choice", True)
            button.setProperty("code", code)
            button.setMinimumHeight(MIN_TARGET + 8)
            self._group.addButton(button)
            self._layout.addWidget(button, index // self._columns, index % self._columns)

    def retranslate(self) -> None:
        for button in self._group.buttons():
            button.setText(self._labels[str(button.property("code"))]())

    def value(self) -> str | None:
        checked = self._group.checkedButton()
        return None if checked is None else str(checked.property("code"))

    def set_value(self, code: str | None) -> None:
        for button in self._group.buttons():
            if code is not None and button.property("code") == code:
                button.setChecked(True)
                return
        # An exclusive group cannot be emptied directly.
        self._group.setExclusive(False)
        for button in self._group.buttons():
            button.setChecked(False)
        self._group.setExclusive(True)

    def button(self, code: str) -> QAbstractButton:
        return next(b for b in self._group.buttons() if b.property("code") == code)

    def _clicked(self, button: QAbstractButton) -> None:
        self.chosen.emit(str(button.property("code")))


class Field(QWidget):
    """A label, its input, and a line under it where the core's error for this field appears."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.label = QLabel(self)
        self.label.setBuddy(editor)
        self.error = QLabel(self)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.editor.setProperty("invalid", bool(message))
        refresh_style(self.editor)
        if message:
            self.editor.setFocus()


def line_edit(placeholder: str = "", parent: QWidget | None = None) -> QLineEdit:
    """A line edit with a clear button, which Qt shows while it holds text. The button is made
    with the first text: the first one made loads its icon, a millisecond of the kiosk's
    start, whose sign-in screen has an empty field (issue 8)."""
    edit = QLineEdit(parent)
    edit.setPlaceholderText(placeholder)
    held = weakref.ref(edit)  # the connection must not keep the field alive

    def first_text(text: str) -> None:
        field = held()
        if text and field is not None:
            field.setClearButtonEnabled(True)
            field.textChanged.disconnect(first_text)

    edit.textChanged.connect(first_text)
    return edit


def text_box(parent: QWidget | None = None, lines: int = 3) -> QPlainTextEdit:
    # Imported here: the locked window, which uses this module, has no text box (issue 8).
    from PySide6.QtWidgets import QPlainTextEdit

    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(24 + 26 * lines)
    return box


class FormErrors:
    """Shows a core error next to the field it names, or in the form's general line."""

    def __init__(self, fields: dict[str, Field], general: QLabel) -> None:
        self.fields = fields
        self.general = general
        general.setProperty("role", "error")
        general.setWordWrap(True)
        general.hide()

    def show(self, error: StationError) -> None:
        self.clear()
        message = error.message(i18n.current())
        field = self.fields.get(error.field or "")
        if field is not None:
            field.set_error(message)
        else:
            self.general.setText(message)
            self.general.show()

    def clear(self) -> None:
        for field in self.fields.values():
            field.set_error(None)
        self.general.hide()


def row(*widgets: QWidget, stretch: bool = False) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch:
        layout.addStretch(1)
    return holder
