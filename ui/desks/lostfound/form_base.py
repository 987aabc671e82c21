"""What the two registration forms share: two columns of fields, a footer, saving and errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from station.errors import StationError
from ui.desks.lostfound.pickers import ColourPicker, PlacePicker, WhenPicker, category_options
from ui.i18n import Retranslatable
from ui.preview import SlipPreview, show_slip
from ui.widgets import ChoiceRow, Field, FormErrors, big_button, text_box
from ui.worker import Worker

# Choice buttons 52 px high (36 + padding + border), still above a finger's 48, so a whole
# form fits on a 1280x800 screen without scrolling.
COMPACT_CHOICES = 'QPushButton[choice="true"] { min-height: 36px; }'


class RecordForm(Retranslatable, QWidget):
    """Subclasses make `self.fields`, call `build(left, right)`, and implement `job`."""

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._saving = False
        self._error: StationError | None = None
        self.fields: dict[str, Field] = {}
        self.general = QLabel()
        self.done = QLabel()
        self.done.setWordWrap(True)
        self.done.setProperty("role", "done")
        self.done.hide()
        self.save_button = big_button(primary=True)
        self.clear_button = big_button()
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear)
        # After saving: the tag or receipt of what was just saved (kind, number).
        self.print_button = big_button()
        self.print_button.hide()
        self.print_button.clicked.connect(self.print_saved)
        self.printable: tuple[str, str] | None = None
        self.preview: SlipPreview | None = None
        # Widgets at the start of the footer, and just before its buttons.
        self.footer_lead: list[QWidget] = []
        self.footer_extra: list[QWidget] = []

    def item_editors(self, place_field: str, when_field: str) -> dict[str, QWidget]:
        """The editors a found item and a lost report share: what, what colour, where, when."""
        self.category = ChoiceRow(columns=5)
        self.category.set_options(category_options())
        self.description = text_box(lines=2)
        self.colour = ColourPicker()
        self.place = PlacePicker()
        self.when = WhenPicker()
        return {
            "category": self.category,
            "description": self.description,
            "colour": self.colour,
            place_field: self.place,
            when_field: self.when,
        }

    def build(self, top: QWidget, left: list[QWidget], right: list[QWidget]) -> None:
        """`top` spans the form; below it two independent columns, so a tall field on one
        side leaves no gap on the other."""
        self.errors = FormErrors(self.fields, self.general)
        content = QWidget()
        content.setStyleSheet(COMPACT_CHOICES)
        outer = QVBoxLayout(content)
        outer.setContentsMargins(12, 8, 12, 8)
        outer.setSpacing(10)
        outer.addWidget(top)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        for widgets in (left, right):
            column = QVBoxLayout()
            column.setSpacing(10)
            for widget in widgets:
                column.addWidget(widget)
            column.addStretch(1)
            columns.addLayout(column, 1)
        outer.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)

        footer = QHBoxLayout()
        footer.setContentsMargins(12, 4, 12, 8)
        for widget in self.footer_lead:
            footer.addWidget(widget)
        footer.addWidget(self.done, 1)
        footer.addStretch(0)
        for widget in (self.print_button, *self.footer_extra, self.clear_button, self.save_button):
            footer.addWidget(widget)
        self.general.setContentsMargins(12, 0, 12, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general)
        layout.addLayout(footer)

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def has_unsaved_changes(self) -> bool:
        raise NotImplementedError

    def line_edits(self) -> dict[str, QLineEdit]:
        """The form's own one-line texts beside the shared item editors, by field."""
        raise NotImplementedError

    def draft(self) -> dict[str, Any] | None:
        """What is typed, to keep while the kiosk is locked; None when nothing is."""
        if not self.has_unsaved_changes():
            return None
        return {
            "category": self.category.value(),
            "description": self.description.toPlainText(),
            "colour": self.colour.value(),
            "place": self.place.value(),
            "when": self.when.state(),
            **{name: edit.text() for name, edit in self.line_edits().items()},
        }

    def restore(self, fields: dict[str, Any]) -> None:
        self.clear()
        self.category.set_value(fields.get("category"))
        self.description.setPlainText(str(fields.get("description") or ""))
        self.colour.set_value(fields.get("colour"))
        self.place.set_value(str(fields.get("place") or ""))
        self.when.restore(fields.get("when") or {})
        for name, edit in self.line_edits().items():
            edit.setText(str(fields.get(name) or ""))

    def job(self, values: dict[str, Any]) -> Callable[[Session], Any]:
        raise NotImplementedError

    def saved(self, record: Any) -> None:
        """Show what was saved (after the form was cleared)."""

    def save(self) -> None:
        if self._saving:
            return
        job = self.job(self.values())
        self._saving = True
        self.save_button.setEnabled(False)
        self._error = None
        self.errors.clear()
        self.done.hide()
        self.worker.write(job, on_done=self._saved, on_error=self._refused)

    def _saved(self, record: Any) -> None:
        self._finish()
        self.clear()
        self.saved(record)

    def _refused(self, error: StationError) -> None:
        self._finish()
        self._error = error
        self.errors.show(error)

    def retranslate_error(self) -> None:
        """The core's message in the new language (call at the end of `retranslate`)."""
        if self._error is not None and hasattr(self, "errors"):
            self.errors.show(self._error)

    def _finish(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)

    def clear(self) -> None:
        self._error = None
        self.errors.clear()
        self.done.hide()
        self.printable = None
        self.print_button.hide()
        self.clear_inputs()

    def clear_inputs(self) -> None:
        raise NotImplementedError

    def announce(self, text: str) -> None:
        self.done.setText(text)
        self.done.show()

    def offer_print(self, kind: str, number: str) -> None:
        """Show the print button for what was just saved (its text is set in `retranslate`)."""
        self.printable = (kind, number)
        self.print_button.show()

    def print_saved(self) -> None:
        if self.printable is not None:
            kind, number = self.printable
            self.preview = show_slip(self.worker, kind, number, self)
