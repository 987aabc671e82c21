"""The records behind a figure: a dialog listing them, read on the worker as `redpost list`
shows them (personal data masked unless a lead is signed in)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.reports import Trace, trace_rows
from station.rows import Row
from ui import i18n
from ui.i18n import Retranslatable
from ui.tables import read_only_table
from ui.widgets import big_button
from ui.worker import Worker

# The columns each kind of list shows: the key of the row, and its header.
Columns = Sequence[tuple[str, Callable[[], str]]]


class RecordsBehind(Retranslatable, QDialog):
    """`title()` names the figure; the rows are those of `trace`, or given (`rows`) when the
    figure's list is made from figures already read (the volunteers who served)."""

    def __init__(
        self,
        worker: Worker,
        title: Callable[[], str],
        trace: Trace | None,
        parent: QWidget | None = None,
        *,
        rows: list[Row] | None = None,
        kind: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.title = title
        self.kind = trace.kind if trace is not None else (kind or "")
        self.rows: list[Row] | None = None
        self.heading = QLabel(self)
        self.heading.setProperty("role", "title")
        self.heading.setWordWrap(True)
        self.count = QLabel(self)
        self.count.setProperty("role", "hint")
        self.table = read_only_table(0, self, numbered=True)
        self.table.setWordWrap(False)
        self.close_button = big_button(primary=True, parent=self)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setModal(True)
        self.resize(1000, 640)
        self.retranslate()
        if rows is not None:
            self._show(rows)
        elif trace is not None:
            lang = i18n.current()
            worker.read(lambda s: trace_rows(s, trace, lang), on_done=self._show)

    def _show(self, rows: list[Row]) -> None:
        self.rows = rows
        self.retranslate()

    def row_count(self) -> int:
        return self.table.rowCount()

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def columns(self) -> Columns:
        by_kind: dict[str, Columns] = {
            "inquiries": (
                ("ticket_no", lambda: self.tr("Ticket")),
                ("created_at", lambda: self.tr("Logged at")),
                ("category_label", lambda: self.tr("Category")),
                ("status_label", lambda: self.tr("Outcome")),
                ("post", lambda: self.tr("Post")),
                ("handled_by", lambda: self.tr("Handled by")),
                ("question", lambda: self.tr("Question")),
            ),
            "shifts": (
                ("volunteer", lambda: self.tr("Volunteer")),
                ("badge_code", lambda: self.tr("Badge")),
                ("post", lambda: self.tr("Post")),
                ("check_in_at", lambda: self.tr("Checked in")),
                ("check_out_at", lambda: self.tr("Checked out")),
                ("hours", lambda: self.tr("Hours")),
            ),
            "found_items": (
                ("item_no", lambda: self.tr("Item number")),
                ("found_at", lambda: self.tr("Found at")),
                ("category_label", lambda: self.tr("Category")),
                ("description", lambda: self.tr("Description")),
                ("found_place", lambda: self.tr("Where found")),
                ("status_label", lambda: self.tr("Status")),
            ),
            "lost_reports": (
                ("report_no", lambda: self.tr("Report number")),
                ("lost_at", lambda: self.tr("Lost at")),
                ("category_label", lambda: self.tr("Category")),
                ("description", lambda: self.tr("Description")),
                ("lost_place", lambda: self.tr("Where lost")),
                ("status_label", lambda: self.tr("Status")),
            ),
            "returns": (
                ("item_no", lambda: self.tr("Item number")),
                ("returned_at", lambda: self.tr("Returned at")),
                ("description", lambda: self.tr("Description")),
                ("claimant_name", lambda: self.tr("Claimant")),
                ("handed_over_by", lambda: self.tr("Handed over by")),
            ),
            "volunteers": (
                ("name", lambda: self.tr("Volunteer")),
                ("badge_code", lambda: self.tr("Badge")),
                ("team", lambda: self.tr("Team")),
                ("shifts", lambda: self.tr("Shifts")),
                ("hours", lambda: self.tr("Hours")),
                ("by_post", lambda: self.tr("Hours per post")),
            ),
        }
        return by_kind[self.kind]

    def retranslate(self) -> None:
        title = self.title()
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.close_button.setText(self.tr("Close"))
        columns = self.columns()
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels([header() for _key, header in columns])
        if self.rows is None:
            self.count.setText(self.tr("Loading…"))
            return
        self.count.setText(self.tr("%n record(s)", "", len(self.rows)))
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            for column, (key, _header) in enumerate(columns):
                value = row.get(key)
                text = "" if value is None else " ".join(str(value).split())
                self.table.setItem(number, column, QTableWidgetItem(text))
