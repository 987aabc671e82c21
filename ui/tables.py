"""Table models that fetch pages through the worker as the view scrolls (a year stays fast),
and the small read-only tables the desks fill themselves."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QWidget
from sqlalchemy.orm import Session

from ui.worker import Worker

R = TypeVar("R")
PAGE = 200
Index = QModelIndex | QPersistentModelIndex
# The roles a cell shows its text in. The view asks for about ten roles per cell on every
# paint; naming these once keeps Qt's (slow) enum look-ups out of each answer.
TEXT_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole})


def read_only_table(
    columns: int, parent: QWidget, *, row_height: int = 44, numbered: bool = False
) -> QTableWidget:
    """A table of whole rows to look at and tap: no editing, columns fit their contents."""
    table = QTableWidget(0, columns, parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(numbered)
    table.verticalHeader().setDefaultSectionSize(row_height)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


@dataclass(frozen=True)
class Column(Generic[R]):
    header: Callable[[], str]  # called on every paint, so it follows the language
    value: Callable[[R], object]


class LazyTableModel(QAbstractTableModel, Generic[R]):
    """Rows come from `fetch(session, offset, limit)`, one page at a time, on the worker."""

    loaded = Signal()

    def __init__(
        self,
        worker: Worker,
        columns: Sequence[Column[R]],
        fetch: Callable[[Session, int, int], Sequence[R]],
        page: int = PAGE,
    ) -> None:
        super().__init__()
        self._worker = worker
        self._columns = list(columns)
        self._fetch = fetch
        self._page = page
        self._rows: list[R] = []
        # Each row's texts, made the first time the view paints the row (None until then): a
        # paint asks for every cell several times, and the values (times, labels) cost to make.
        self._texts: list[tuple[str, ...] | None] = []
        self._exhausted = False
        self._loading = False
        self._reading: Future[bool] | None = None  # the worker's job for the latest fetch
        self._generation = 0  # results of a fetch made before reload() are dropped

    def set_fetch(self, fetch: Callable[[Session, int, int], Sequence[R]]) -> None:
        self._fetch = fetch
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        # An empty model has no rows for its views to forget: no reset, which would have
        # the view and its header lay themselves out again.
        forget = bool(self._rows)
        if forget:
            self.beginResetModel()
        self._rows = []
        self._texts = []
        self._exhausted = False
        self._loading = False
        if forget:
            self.endResetModel()
        self.fetchMore(QModelIndex())

    def record(self, row: int) -> R:
        return self._rows[row]

    def records(self) -> list[R]:
        return list(self._rows)

    def is_loading(self) -> bool:
        return self._loading

    def first_page_on_its_way(self) -> bool:
        """Whether the first page is still to come: its job is queued or running on the
        worker, or has read the rows, which are then on their way to the UI thread. (A read
        that failed is over, though its page never comes.)"""
        reading = self._reading
        if self._rows or not self._loading or reading is None:
            return False
        if not reading.done():
            return True
        return reading.exception() is None and reading.result()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in TEXT_ROLES or not index.isValid():
            return None
        row = index.row()
        texts = self._texts[row]
        if texts is None:
            record = self._rows[row]
            texts = tuple(_text(column.value(record)) for column in self._columns)
            self._texts[row] = texts
        return texts[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header()
        return section + 1

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._exhausted or self._loading:
            return
        self._loading = True
        generation, offset, limit, fetch = (
            self._generation,
            len(self._rows),
            self._page,
            self._fetch,
        )
        self._reading = self._worker.read(
            lambda s: list(fetch(s, offset, limit)),
            on_done=lambda rows: self._append(generation, rows),
        )

    def _append(self, generation: int, rows: list[R]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = len(rows) < self._page
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self._texts.extend([None] * len(rows))
            self.endInsertRows()
        self.loaded.emit()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self._columns) - 1))
        self._texts = [None] * len(self._rows)  # labels follow the language
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1)
            )


def _text(value: object) -> str:
    return "" if value is None else str(value)
