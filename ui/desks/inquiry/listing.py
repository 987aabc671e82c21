"""Today's inquiries: a status filter, a search box, and a table that pages as it scrolls."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from station import clock
from station.services import inquiries
from station.services.inquiries import InquiryLine
from station.services.search import MAX_QUERY_LENGTH
from station.vocab import INQUIRY_STATUSES, label
from ui import i18n
from ui.desks.inquiry.common import NARROW, local_time, short_ticket
from ui.i18n import Retranslatable
from ui.tables import PAGE, Column, Index, LazyTableModel
from ui.widgets import ChoiceRow, line_edit
from ui.worker import Worker

ALL = "all"
FILTERS = (ALL, "open", "referred", "escalated", "resolved")
STATUS_COLOURS = {
    "open": "#c62828",
    "referred": "#e65100",
    "escalated": "#6a1b9a",
    "resolved": "#2e7d32",
}
SEARCH_DELAY_MS = 350
QUESTION_COLUMN = 2
STATUS_COLUMN = 3
_FOREGROUND = Qt.ItemDataRole.ForegroundRole  # looked up once: asked for on every paint


class InquiryTableModel(LazyTableModel[InquiryLine]):
    """One day's inquiries of this station, newest first, filtered by status and text."""

    def __init__(self, worker: Worker, day: date | None = None, page: int = PAGE) -> None:
        self.day = day or clock.local_today()
        self.status: str | None = None
        self.text: str | None = None
        columns: list[Column[InquiryLine]] = [
            Column(lambda: self.tr("Time"), lambda r: local_time(r.created_at)),
            Column(lambda: self.tr("No."), lambda r: short_ticket(r.ticket_no)),
            Column(lambda: self.tr("Question"), lambda r: r.question),
            Column(
                lambda: self.tr("Status"),
                lambda r: label(INQUIRY_STATUSES, r.status, i18n.current()),
            ),
        ]
        super().__init__(worker, columns, fetch=self._fetcher(), page=page)

    def _fetcher(self) -> Callable[[Session, int, int], list[InquiryLine]]:
        day, status, text = self.day, self.status, self.text

        def fetch(session: Session, offset: int, limit: int) -> list[InquiryLine]:
            return inquiries.find_lines(
                session, day=day, status=status, text=text, limit=limit, offset=offset
            )

        return fetch

    def set_filter(
        self, *, day: date | None = None, status: str | None = None, text: str | None = None
    ) -> None:
        """Show `day` (today when None), one status (all when None), and matches of `text`."""
        wanted = (
            day or clock.local_today(),
            None if status in (None, ALL) else status,
            (text or "").strip() or None,
        )
        if wanted == (self.day, self.status, self.text) and self.first_page_on_its_way():
            # The first page of this very list is being read. It was asked for after every
            # write queued before, and a write queued since will reload the list again.
            return
        self.day, self.status, self.text = wanted
        self.set_fetch(self._fetcher())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == _FOREGROUND and index.isValid() and index.column() == STATUS_COLUMN:
            return QColor(STATUS_COLOURS.get(self.record(index.row()).status, "#1a1a1a"))
        return super().data(index, role)


class TodayList(Retranslatable, QWidget):
    """Emits `opened` with the inquiry a volunteer taps."""

    opened = Signal(object)

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.day: date | None = None  # None: whatever today is when the list loads
        self.heading = QLabel(self)
        self.heading.setProperty("role", "title")
        self.status_row = ChoiceRow(columns=len(FILTERS))
        self.status_row.setProperty(NARROW, True)
        self.status_row.set_options((code, self._status_label(code)) for code in FILTERS)
        self.status_row.set_value(ALL)
        self.status_row.chosen.connect(lambda _code: self.reload())
        self.search = line_edit()
        self.search.setMaxLength(MAX_QUERY_LENGTH)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.reload)

        self.model = InquiryTableModel(worker)
        self.model.loaded.connect(self._show_empty_hint)
        # The view is set up before it has a model: each change after would lay it out again.
        self.table = QTableView(self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(50)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setModel(self.model)
        header.setSectionResizeMode(QUESTION_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.clicked.connect(self._clicked)
        self.empty = QLabel(self)
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.status_row)
        layout.addWidget(self.search)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self._set_texts()  # the new model's headers and rows need no retranslating
        # Asked for now, the first page is read while the widgets are laid out and shown.
        self.reload()

    def _status_label(self, code: str) -> Callable[[], str]:
        if code == ALL:
            return lambda: self.tr("All")
        return lambda: label(INQUIRY_STATUSES, code, i18n.current())

    def retranslate(self) -> None:
        self.model.retranslate()
        self._set_texts()

    def _set_texts(self) -> None:
        self.heading.setText(self._heading())
        self.status_row.retranslate()
        self.search.setPlaceholderText(self.tr("Search: ticket number or words"))
        self._size_columns()
        self._show_empty_hint()

    def _size_columns(self) -> None:
        """Fixed widths from the widest text a column can hold; the question takes the rest."""
        metrics = self.table.fontMetrics()
        header_metrics = self.table.horizontalHeader().fontMetrics()
        samples = {
            0: ["00:00"],
            1: ["0000"],
            STATUS_COLUMN: [label(INQUIRY_STATUSES, c, i18n.current()) for c in INQUIRY_STATUSES],
        }
        for column, texts in samples.items():
            header = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            # Header text is bold; 24 px for the cell's padding.
            width = max(
                header_metrics.horizontalAdvance(header) * 1.1,
                *(metrics.horizontalAdvance(t) for t in texts),
            )
            self.table.setColumnWidth(column, int(width) + 24)

    def _heading(self) -> str:
        if self.day is None or self.day == clock.local_today():
            return self.tr("Today's inquiries")
        return self.tr("Inquiries of {day}").format(day=self.day.isoformat())

    def set_day(self, day: date | None) -> None:
        """Show another day than today (None: today again)."""
        self.day = day
        self.heading.setText(self._heading())
        self.reload()

    def reload(self) -> None:
        self._search_timer.stop()
        self.heading.setText(self._heading())
        self.model.set_filter(day=self.day, status=self.status_row.value(), text=self.search.text())

    def _show_empty_hint(self) -> None:
        empty = self.model.rowCount() == 0 and not self.model.is_loading()
        filtered = self.status_row.value() not in (None, ALL) or bool(self.search.text().strip())
        self.empty.setText(
            self.tr("Nothing matches.") if filtered else self.tr("No inquiries yet for this day.")
        )
        self.empty.setVisible(empty)

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.opened.emit(self.model.record(index.row()))
