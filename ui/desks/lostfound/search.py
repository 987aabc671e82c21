"""查找与匹配: search as you type, see possible matches side by side, hand an item back."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station import privacy
from station.models import FoundItem, ItemReturn, LostReport
from station.services import lostfound
from ui.desks.lostfound.matches import MatchesView
from ui.desks.lostfound.models import FoundItemsModel, LostReportsModel, record_table
from ui.desks.lostfound.return_panel import ReturnPanel
from ui.i18n import Retranslatable
from ui.preview import SlipPreview, show_slip
from ui.widgets import ChoiceRow, big_button, line_edit
from ui.worker import Worker

DEBOUNCE_MS = 250


class SearchPage(Retranslatable, QWidget):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.own_station: str | None = None
        # Parented: Qt deletes them with the page, on this thread, never Python's collector.
        self.found_model = FoundItemsModel(worker)
        self.found_model.setParent(self)
        self.lost_model = LostReportsModel(worker)
        self.lost_model.setParent(self)
        self.query = line_edit()
        self.query.setMaxLength(100)
        self.kind = ChoiceRow(columns=2)
        self.kind.set_options(
            [("found", lambda: self.tr("Found items")), ("lost", lambda: self.tr("Lost reports"))]
        )
        self.kind.set_value("found")
        self.kind.setMinimumWidth(360)
        self.found_view = record_table(self.found_model)
        self.lost_view = record_table(self.lost_model)
        self.tables = QStackedWidget()
        self.tables.addWidget(self.found_view)
        self.tables.addWidget(self.lost_view)
        self.matches = MatchesView(worker)
        self.message = QLabel()
        self.message.setProperty("role", "done")
        self.message.setWordWrap(True)
        self.message.hide()
        self.receipt_button = big_button(primary=True)
        self.receipt_button.hide()
        self.receipt_button.clicked.connect(self.print_receipt)
        self.returned: str | None = None  # the item number of the return just recorded
        self.preview: SlipPreview | None = None
        self.returns = ReturnPanel(worker)
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _text: self.debounce.start())
        self.kind.chosen.connect(self._kind_chosen)
        for view in (self.found_view, self.lost_view):
            view.selectionModel().selectionChanged.connect(self._selected)
        self.matches.return_requested.connect(self.start_return)
        self.matches.subject_shown.connect(self._subject_shown)
        self.returns.finished.connect(self._return_finished)
        self._subject_shown(False)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._browse_page())
        self.pages.addWidget(self.returns)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self.retranslate()

    def _browse_page(self) -> QWidget:
        browse = QWidget()
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.kind)
        layout = QVBoxLayout(browse)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addLayout(top)
        said = QHBoxLayout()
        said.addWidget(self.message, 1)
        said.addWidget(self.receipt_button)
        layout.addLayout(said)
        layout.addWidget(self.tables, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.matches, 2)
        return browse

    def current_model(self) -> FoundItemsModel | LostReportsModel:
        return self.lost_model if self.kind.value() == "lost" else self.found_model

    def current_view(self) -> QTableView:
        return self.lost_view if self.kind.value() == "lost" else self.found_view

    def set_own_station(self, code: str | None) -> None:
        self.own_station = code
        self.found_model.own_station = self.lost_model.own_station = code
        self.matches.set_own_station(code)
        self.found_model.retranslate()
        self.lost_model.retranslate()

    def reload(self) -> None:
        self.debounce.stop()
        self.current_model().search(self.query.text())
        self.matches.refresh()

    def run_search(self) -> None:
        self._hide_message()
        self.current_model().search(self.query.text())
        self.matches.show_subject(None)

    def show_report(self, report: LostReport) -> None:
        """Show a report's possible matches (after it was registered)."""
        self.pages.setCurrentIndex(0)
        self.kind.set_value("lost")
        self.tables.setCurrentIndex(1)
        self.query.setText(report.report_no)
        self.debounce.stop()
        self.lost_model.search(report.report_no)
        self._hide_message()
        self.matches.show_subject(report)

    def _subject_shown(self, shown: bool) -> None:
        # The list has the whole page until a record is chosen; then it makes room.
        self.matches.setVisible(shown)
        self.hint.setVisible(not shown)
        if shown:
            view = self.current_view()
            QTimer.singleShot(0, view, lambda: view.scrollTo(view.currentIndex()))

    def _kind_chosen(self, code: str) -> None:
        self.tables.setCurrentIndex(1 if code == "lost" else 0)
        self.run_search()

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        model = indexes[0].model()
        row = indexes[0].row()
        if row >= model.rowCount(QModelIndex()):
            return
        if isinstance(model, FoundItemsModel):
            # The list holds the lines it shows; the whole item is read when it is chosen.
            item_id = model.record(row).id
            self.worker.read(
                lambda s: lostfound.get_found(s, item_id), on_done=self._show_chosen_item
            )
        elif isinstance(model, LostReportsModel):
            self.matches.show_subject(model.record(row))

    def _show_chosen_item(self, item: FoundItem) -> None:
        # Unless the choice has moved on (another row, a new search, the lost reports) since.
        if self.current_model() is not self.found_model:
            return
        chosen = self.found_view.selectionModel().selectedRows()
        if any(self.found_model.record(index.row()).id == item.id for index in chosen):
            self.matches.show_subject(item)

    def start_return(self, item: FoundItem, report: LostReport | None) -> None:
        self.returns.start(item, report, self.own_station)
        self.pages.setCurrentIndex(1)

    def _return_finished(self, record: ItemReturn | None) -> None:
        self.pages.setCurrentIndex(0)
        if record is not None:
            self.message.setText(
                self.tr("Item {number} was given back to {name}. The return is recorded.").format(
                    number=record.found_item.item_no,
                    name=privacy.shown_to(self.worker.store.actor).name(record.claimant_name),
                )
            )
            self.message.show()
            self.returned = record.found_item.item_no
            self.receipt_button.show()
            self.current_model().search(self.query.text())
            self.matches.refresh()

    def _hide_message(self) -> None:
        self.message.hide()
        self.receipt_button.hide()
        self.returned = None

    def print_receipt(self) -> None:
        if self.returned is not None:
            self.preview = show_slip(self.worker, "return", self.returned, self)

    def has_unsaved_changes(self) -> bool:
        return self.pages.currentIndex() == 1 and self.returns.has_unsaved_changes()

    def discard_changes(self) -> None:
        """Drop the return being made, and what the page shows of it and of the record
        chosen: whoever signs in next must not find the last person's view (a lead's is
        unmasked)."""
        if self.pages.currentIndex() == 1:
            self.returns.cancel()
        self._hide_message()
        self.current_view().clearSelection()
        self.matches.show_subject(None)

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Tap a row to see its details and possible matches."))
        self.receipt_button.setText(self.tr("Print return receipt"))
        self.query.setPlaceholderText(self.tr("Type to search: kind, colour, place, number…"))
        self.kind.retranslate()
        self.found_model.retranslate()
        self.lost_model.retranslate()
