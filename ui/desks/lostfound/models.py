"""Table models of the desk: found items, lost reports, items due for the police."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView
from sqlalchemy.orm import Session

from station.models import FoundItem, LostReport
from station.services import lostfound
from station.services.lostfound import FoundLine
from station.vocab import FOUND_ITEM_STATUSES, ITEM_CATEGORIES, LOST_REPORT_STATUSES, label
from ui import i18n
from ui.desks.lostfound.pickers import short_time
from ui.tables import PAGE, Column, LazyTableModel
from ui.worker import Worker

DESCRIPTION_COLUMN = 2
NUMBER_COLUMN = 0
CATEGORY_COLUMN = 1
MAX_COLUMN_WIDTH = 130
FIT_SAMPLE = 40  # rows measured to fit a column


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _SharedRecords:
    """Found items or lost reports of every station, narrowed by the search text. Rows of
    other stations show their code; this station's own rows leave it blank."""

    own_station: str | None = None
    text = ""
    reload: Callable[[], None]  # LazyTableModel's, later in the bases

    def station_text(self, code: str) -> str:
        return "" if code == self.own_station else code

    def search(self, text: str) -> None:
        self.text = text.strip()
        self.reload()


class FoundItemsModel(_SharedRecords, LazyTableModel[FoundLine]):
    """Found items of every station, newest first, narrowed by the search text: the lines
    the list shows; `lostfound.get_found` reads the whole record."""

    def __init__(self, worker: Worker) -> None:
        super().__init__(
            worker,
            [
                Column(lambda: self.tr("Item no."), lambda r: r.item_no),
                Column(lambda: self.tr("Kind"), lambda r: _category(r.category)),
                Column(lambda: self.tr("Description"), lambda r: _one_line(r.description)),
                Column(lambda: self.tr("Colour"), lambda r: r.colour),
                Column(lambda: self.tr("Found at"), lambda r: r.found_place),
                Column(lambda: self.tr("Found"), lambda r: short_time(r.found_at)),
                Column(lambda: self.tr("Status"), lambda r: _label(FOUND_ITEM_STATUSES, r.status)),
                Column(lambda: self.tr("Station"), lambda r: self.station_text(r.station_code)),
            ],
            fetch=self._fetch,
        )

    def _fetch(self, session: Session, offset: int, limit: int) -> Sequence[FoundLine]:
        text = self.text or None
        return lostfound.find_found_lines(session, text=text, limit=limit, offset=offset)


class LostReportsModel(_SharedRecords, LazyTableModel[LostReport]):
    """Lost reports of every station, newest loss first, narrowed by the search text."""

    def __init__(self, worker: Worker) -> None:
        super().__init__(
            worker,
            [
                Column(lambda: self.tr("Report no."), lambda r: r.report_no),
                Column(lambda: self.tr("Kind"), lambda r: _category(r.category)),
                Column(lambda: self.tr("Description"), lambda r: _one_line(r.description)),
                Column(lambda: self.tr("Colour"), lambda r: r.colour),
                Column(lambda: self.tr("Lost at"), lambda r: r.lost_place),
                Column(lambda: self.tr("Lost"), lambda r: short_time(r.lost_at)),
                Column(lambda: self.tr("Status"), lambda r: _label(LOST_REPORT_STATUSES, r.status)),
                Column(lambda: self.tr("Station"), lambda r: self.station_text(r.station_code)),
            ],
            fetch=self._fetch,
        )

    def _fetch(self, session: Session, offset: int, limit: int) -> Sequence[LostReport]:
        text = self.text or None
        return lostfound.find_lost(session, text=text, limit=limit, offset=offset)


class DueItemsModel(LazyTableModel[FoundItem]):
    """Held items of this station whose retention is over, oldest first."""

    def __init__(self, worker: Worker) -> None:
        super().__init__(
            worker,
            [
                Column(lambda: self.tr("Item no."), lambda r: r.item_no),
                Column(lambda: self.tr("Kind"), lambda r: _category(r.category)),
                Column(lambda: self.tr("Description"), lambda r: _one_line(r.description)),
                Column(lambda: self.tr("Found"), lambda r: short_time(r.found_at)),
                Column(lambda: self.tr("Kept at"), lambda r: r.storage_place),
                Column(lambda: self.tr("Due since"), lambda r: lostfound.due_date(r).isoformat()),
            ],
            fetch=_due,
        )


def _due(session: Session, offset: int, limit: int) -> Sequence[FoundItem]:
    # The service answers the whole (short) list; pages are cut from it.
    return lostfound.due_for_handover(session)[offset : offset + limit]


def _category(code: str) -> str:
    return label(ITEM_CATEGORIES, code, i18n.current())


def _label(vocabulary: dict[str, tuple[str, str]], code: str) -> str:
    return label(vocabulary, code, i18n.current())


RecordsModel = LazyTableModel[FoundLine] | LazyTableModel[FoundItem] | LazyTableModel[LostReport]


def record_table(model: RecordsModel) -> QTableView:
    """A touch-friendly table of records: whole rows, tall lines, the description stretched."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(44)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(DESCRIPTION_COLUMN, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(60)
    # Fitting columns to every loaded row would cost more the further one scrolls; the first
    # rows of the first page are a fair sample (all 200 took 0.14 s per list, on every open).
    header.setResizeContentsPrecision(FIT_SAMPLE)
    model.loaded.connect(lambda: _fit_first_page(view, model))
    return view


def _fit_first_page(view: QTableView, model: RecordsModel) -> None:
    if model.rowCount() <= PAGE:
        for column in range(model.columnCount()):
            if column != DESCRIPTION_COLUMN:
                view.resizeColumnToContents(column)
                if column in (NUMBER_COLUMN, CATEGORY_COLUMN):
                    continue  # numbers and kinds are short, and cut they say nothing
                # A long place name must not squeeze the description out of sight.
                view.setColumnWidth(column, min(view.columnWidth(column), MAX_COLUMN_WIDTH))
