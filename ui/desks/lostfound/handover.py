"""待移交公安: items kept past their period, handed to the police in one confirmed step."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from station import validation
from station.errors import InvalidInput, StationError
from station.models import FoundItem, PoliceHandover
from station.services import lostfound
from ui.desks.lostfound.models import DueItemsModel, record_table
from ui.i18n import Retranslatable
from ui.preview import SlipPreview, show_slip
from ui.widgets import Field, FormErrors, big_button, line_edit, row
from ui.worker import Worker


class HandoverPage(Retranslatable, QWidget):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._pending: tuple[list[str], str, str] | None = None
        self._error: StationError | None = None  # kept to show again in another language
        self.model = DueItemsModel(worker)
        self.model.setParent(self)  # deleted with the page, on this thread
        self.model.loaded.connect(self._loaded)
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.table = record_table(self.model)
        # A tap adds a row to the choice or takes it out again: no keys needed.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_count())
        self.all_button = big_button()
        self.none_button = big_button()
        self.all_button.clicked.connect(self.table.selectAll)
        self.none_button.clicked.connect(self.table.clearSelection)
        self.count = QLabel()
        self.unit = line_edit()
        self.unit.setMaxLength(60)
        self.officer = line_edit()
        self.officer.setMaxLength(40)
        self.fields = {
            "items": Field(self.table),
            "police_unit": Field(self.unit),
            "officer_name": Field(self.officer),
        }
        self.general = QLabel()
        self.errors = FormErrors(self.fields, self.general)
        self.done_row = self._done_step()
        self.start_button = big_button(primary=True)
        self.start_button.clicked.connect(self.ask)
        # Two steps, one shown at a time; each takes only the height it needs.
        self.fill_in = self._fill_in_step()
        self.confirm_card = self._confirm_step()
        self.confirm_card.hide()

        selection = QHBoxLayout()
        selection.addWidget(self.count, 1)
        selection.addWidget(self.all_button)
        selection.addWidget(self.none_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.hint)
        layout.addWidget(self.fields["items"], 1)
        layout.addLayout(selection)
        layout.addWidget(self.fill_in)
        layout.addWidget(self.confirm_card)
        layout.addWidget(self.general)
        layout.addWidget(self.done_row)
        self.retranslate()

    def _fill_in_step(self) -> QWidget:
        form = QWidget()
        form_layout = QHBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.fields["police_unit"], 1)
        form_layout.addWidget(self.fields["officer_name"], 1)
        form_layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignBottom)
        return form

    def _done_step(self) -> QWidget:
        """What was handed over, and the list for the police to print and sign."""
        self.done = QLabel()
        self.done.setWordWrap(True)
        self.done.setProperty("role", "done")
        self.done.hide()
        self.list_button = big_button(primary=True)
        self.list_button.hide()
        self.list_button.clicked.connect(self.print_list)
        self.handed: str | None = None  # the number of the hand-over just recorded
        self.preview: SlipPreview | None = None
        return row(self.done, self.list_button)

    def _confirm_step(self) -> QWidget:
        """The last word before the items go: a hand-over cannot be undone."""
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-size: 17pt; background: transparent;")
        self.warning = QLabel()
        self.warning.setProperty("role", "error")
        self.warning.setWordWrap(True)
        self.back_button = big_button()
        self.confirm_button = big_button(primary=True)
        self.back_button.clicked.connect(self.back)
        self.confirm_button.clicked.connect(self.confirm)
        confirm_card = QFrame()
        confirm_card.setProperty("card", True)
        card_layout = QVBoxLayout(confirm_card)
        card_layout.setContentsMargins(16, 12, 16, 12)
        card_layout.addWidget(self.question)
        card_layout.addWidget(self.warning)
        card_layout.addWidget(row(self.back_button, self.confirm_button, stretch=False))
        return confirm_card

    def reload(self) -> None:
        self.model.reload()

    def selected_items(self) -> list[FoundItem]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.record(r) for r in rows if r < self.model.rowCount(QModelIndex())]

    def has_unsaved_changes(self) -> bool:
        return bool(self.unit.text().strip() or self.officer.text().strip())

    def discard_changes(self) -> None:
        self.back()
        self.unit.clear()
        self.officer.clear()
        self._show_error(None)

    def ask(self) -> None:
        """Check what can be checked here, then ask once more: a hand-over cannot be undone."""
        self._show_error(None)
        self.done.hide()
        self.list_button.hide()
        items = self.selected_items()
        try:
            if not items:
                raise InvalidInput("required", "items")
            unit = validation.required_text("police_unit", self.unit.text(), max_len=60)
            officer = validation.required_text("officer_name", self.officer.text(), max_len=40)
        except StationError as error:
            self._show_error(error)
            return
        self._pending = ([item.id for item in items], unit, officer)
        self.question.setText(
            self.tr("Hand over {count} items to {unit}, received by {officer}?").format(
                count=len(items), unit=unit, officer=officer
            )
        )
        self.fill_in.hide()
        self.confirm_card.show()
        self.table.setEnabled(False)

    def back(self) -> None:
        self._pending = None
        self.confirm_card.hide()
        self.fill_in.show()
        self.table.setEnabled(True)
        self.confirm_button.setEnabled(True)

    def confirm(self) -> None:
        if self._pending is None:
            return
        ids, unit, officer = self._pending
        self.confirm_button.setEnabled(False)
        self.worker.write(
            lambda s: lostfound.hand_over(s, items=ids, police_unit=unit, officer_name=officer),
            on_done=lambda handover: self._handed(handover, len(ids)),
            on_error=self._refused,
        )

    def _handed(self, handover: PoliceHandover, count: int) -> None:
        self.back()
        self.unit.clear()
        self.officer.clear()
        self.done.setText(
            self.tr("Handed over: {count} items, record {number}.").format(
                count=count, number=handover.handover_no
            )
        )
        self.done.show()
        self.handed = handover.handover_no
        self.list_button.show()
        self.model.reload()

    def print_list(self) -> None:
        if self.handed is not None:
            self.preview = show_slip(self.worker, "handover", self.handed, self)

    def _refused(self, error: StationError) -> None:
        self.back()
        self._show_error(error)

    def _show_error(self, error: StationError | None) -> None:
        self._error = error
        if error is None:
            self.errors.clear()
        else:
            self.errors.show(error)

    def _loaded(self) -> None:
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.rowCount(QModelIndex())
        chosen = len(self.selected_items())
        if total == 0 and not self.model.is_loading():
            self.count.setText(self.tr("No item is due for hand-over."))
        else:
            self.count.setText(
                self.tr("{chosen} of {total} items chosen").format(chosen=chosen, total=total)
            )
        self.start_button.setEnabled(total > 0)
        self.all_button.setEnabled(total > 0)
        self.none_button.setEnabled(chosen > 0)

    def retranslate(self) -> None:
        self.hint.setText(
            self.tr(
                "Items nobody claimed within their keeping period go to the police. "
                "Tap the items you hand over, then fill in who receives them."
            )
        )
        self.fields["items"].label.setText(self.tr("Items due for hand-over"))
        self.fields["police_unit"].label.setText(self.tr("Police unit receiving them"))
        self.fields["officer_name"].label.setText(self.tr("Receiving officer"))
        self.unit.setPlaceholderText(self.tr("e.g. the town police station"))
        self.all_button.setText(self.tr("Choose all"))
        self.none_button.setText(self.tr("Choose none"))
        self.start_button.setText(self.tr("Hand over…"))
        self.warning.setText(self.tr("This cannot be undone: the items leave the station's care."))
        self.back_button.setText(self.tr("Go back"))
        self.confirm_button.setText(self.tr("Yes, hand them over"))
        self.list_button.setText(self.tr("Print hand-over list"))
        self.model.retranslate()
        self._update_count()
        if self._error is not None:
            self.errors.show(self._error)
