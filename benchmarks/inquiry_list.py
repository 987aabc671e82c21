"""The inquiry list over a table of 1,000,000 inquiries: opening it (until the first page is
painted) and scrolling to its end, against a lazy QAbstractTableModel over the raw query.

The desk's list shows one day: the store holds a year of a very busy station, 1,000,000
inquiries (about 2,700 a day, made with `bulk`), and the list opens on today's, which it pages
through 200 at a time as the view scrolls. The operation is the desk's own `TodayList`
(its `InquiryTableModel` fetching through the worker thread with `inquiries.find_lines`),
under the kiosk's font and style, offscreen. The floor is a QTableView of the same size over a model
that runs the same SELECT (same filter, order and pages) with sqlite3 on the UI thread and
formats the same four columns. Each repetition opens a new list, then scrolls it to the end.
Opening ends, for both, once the window is exposed and its first page painted, once: the
kiosk's list is painted again only when its page came after the window's first paint.
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import bulk
from measure import Entry, Stopwatch, Target, entry
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QEventLoop,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView, QWidget

from station import clock
from station.store import open_store
from station.vocab import INQUIRY_STATUSES, label
from ui.app import application
from ui.desks.inquiry.listing import TodayList
from ui.worker import Worker

NAME = "inquiry list over 1,000,000 rows"
OPEN_TARGET = Target(max_ratio=2, max_seconds=0.200)
SCROLL_TARGET = Target(max_ratio=2)
PAGE = 200  # ui.tables.PAGE
SIZE = (1050, 700)  # the list's share of a 1280 x 800 window
QUERY = """
SELECT created_at, ticket_no, question, status FROM inquiries
WHERE station_code = ? AND deleted_at IS NULL AND created_at >= ? AND created_at < ?
ORDER BY created_at DESC, pk DESC LIMIT ? OFFSET ?
"""
Index = QModelIndex | QPersistentModelIndex


def run(quick: bool, scratch: Path) -> list[Entry]:
    total, repetitions = (20_000, 3) if quick else (1_000_000, 10)
    folder = bulk.inquiries(scratch, total, today=max(total // 366, 500))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    store = open_store(folder)
    worker = Worker(store)
    opened, scrolled = Stopwatch(), Stopwatch()
    floor_opened, floor_scrolled = Stopwatch(), Stopwatch()
    listed: set[int] = set()
    try:
        with closing(sqlite3.connect(folder / "redpost.db")) as raw:
            for repetition in range(repetitions):
                if repetition % 2 == 0:
                    listed.add(_app_list(app, worker, opened, scrolled))
                    listed.add(_floor_list(app, raw, floor_opened, floor_scrolled))
                else:
                    listed.add(_floor_list(app, raw, floor_opened, floor_scrolled))
                    listed.add(_app_list(app, worker, opened, scrolled))
    finally:
        worker.shutdown()
        store.close()
    if len(listed) != 1:
        raise RuntimeError(f"the app's list and the floor's hold different rows: {listed}")
    suffix = "" if not quick else f" (quick: {total:,})"
    notes = {"rows_in_table": total, "rows_listed": listed.pop()}
    return [
        entry(
            f"{NAME}: open, first page painted{suffix}",
            OPEN_TARGET,
            opened.samples,
            floor_opened.samples,
            notes,
        ),
        entry(
            f"{NAME}: scroll to the end{suffix}",
            SCROLL_TARGET,
            scrolled.samples,
            floor_scrolled.samples,
            notes,
        ),
    ]


def _app_list(app: QApplication, worker: Worker, opened: Stopwatch, scrolled: Stopwatch) -> int:
    paints = _Paints()
    with opened.timing():
        listing = TodayList(worker)
        listing.table.viewport().installEventFilter(paints)
        listing.resize(*SIZE)
        listing.show()
        listing.reload()  # as the desk does when it is shown
        _wait_for_rows(listing.model)
        painted_before_rows = paints.count
        _wait_until_exposed(listing)
        QApplication.processEvents()  # the view's update for the rows, if it has one waiting
        if paints.count == painted_before_rows:  # the rows were not painted yet
            listing.table.viewport().repaint()
    with scrolled.timing():
        _scroll_to_end(listing.table)
    count = listing.model.rowCount()
    listing.close()
    listing.deleteLater()
    app.processEvents()
    return count


def _floor_list(
    app: QApplication, raw: sqlite3.Connection, opened: Stopwatch, scrolled: Stopwatch
) -> int:
    with opened.timing():
        table = QTableView()
        model = RawInquiries(raw, table)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(50)
        table.resize(*SIZE)
        table.show()
        model.fetchMore(QModelIndex())
        _wait_until_exposed(table)  # painted as it is exposed, with its page
    if model.cells_painted == 0:
        raise RuntimeError("the floor's list was not painted while it was timed")
    with scrolled.timing():
        _scroll_to_end(table)
    count = model.rowCount()
    table.close()
    table.deleteLater()
    app.processEvents()
    return count


class _Paints(QObject):
    """Counts the paints of the widget it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _wait_until_exposed(widget: QWidget) -> None:
    """Until the widget's window is on the (offscreen) screen, which Qt paints as it comes.

    A window that was shown but not yet exposed paints nothing, not even on `repaint()`:
    the floor once timed no painting at all this way (issue 8).
    """
    deadline = time.monotonic() + 10
    while (handle := widget.windowHandle()) is None or not handle.isExposed():
        if time.monotonic() > deadline:
            raise RuntimeError("the list's window was never exposed")
        QApplication.processEvents()


def _wait_for_rows(model: Any) -> None:
    """Until the model's fetch on the worker thread has come back (to the UI thread)."""
    if model.is_loading():
        loop = QEventLoop()
        model.loaded.connect(loop.quit)
        loop.exec()
        model.loaded.disconnect(loop.quit)


def _scroll_to_end(table: QTableView) -> None:
    """Scroll to the bottom, again as long as the model has more, then paint the last rows."""
    model = table.model()
    while True:
        table.scrollToBottom()
        QApplication.processEvents()  # at the bottom, the view asks the model for more
        if hasattr(model, "is_loading") and model.is_loading():
            _wait_for_rows(model)
        elif model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
            if hasattr(model, "is_loading"):
                _wait_for_rows(model)
        else:
            break
    table.viewport().repaint()


class RawInquiries(QAbstractTableModel):
    """Today's inquiries of the station, newest first, a page at a time from sqlite3."""

    def __init__(self, raw: sqlite3.Connection, parent: Any = None) -> None:
        super().__init__(parent)
        self._raw = raw
        start, end = clock.day_bounds(clock.local_today())
        self._bounds = (_stamp(start), _stamp(end))
        self._code = raw.execute("SELECT code FROM station").fetchone()[0]
        self._rows: list[tuple[str, str, str, str]] = []
        self._exhausted = False
        self.cells_painted = 0  # texts handed to the view, to prove it painted

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        self.cells_painted += 1
        return self._rows[index.row()][index.column()]

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._exhausted:
            return
        found = self._raw.execute(QUERY, (self._code, *self._bounds, PAGE, len(self._rows)))
        page = [
            (_local_time(created), ticket[-4:], question, label(INQUIRY_STATUSES, status, "zh"))
            for created, ticket, question, status in found
        ]
        self._exhausted = len(page) < PAGE
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


def _local_time(stored: str) -> str:
    moment = datetime.fromisoformat(stored).replace(tzinfo=UTC)
    return f"{moment.astimezone(clock.LOCAL_TZ):%H:%M}"
