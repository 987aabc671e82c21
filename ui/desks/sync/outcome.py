"""The result of a sync: four big counts, the list of what moved or stuck, the check's gaps."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.sync.overview import Outcome, reason_text
from ui import i18n
from ui.desks.today import Card
from ui.i18n import Retranslatable
from ui.record_kinds import kind_name
from ui.tables import read_only_table

OUTCOMES = ("pushed", "pulled", "conflict", "parked")


class OutcomeView(Retranslatable, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome: Outcome | None = None
        self.cards = {key: Card(self) for key in OUTCOMES}
        self.table = read_only_table(4, self)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setProperty("role", "error")
        self.notes.hide()
        self.more = QLabel(self)
        self.more.setProperty("role", "hint")
        self.more.hide()
        grid = QGridLayout()
        grid.setSpacing(14)
        for column, key in enumerate(OUTCOMES):
            self.cards[key].setMinimumHeight(100)
            grid.addWidget(self.cards[key], 0, column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.notes)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.more)
        self.retranslate()

    def show_outcome(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self.retranslate()

    def retranslate(self) -> None:
        captions = {
            "pushed": self.tr("sent to central"),
            "pulled": self.tr("received from central"),
            "conflict": self.tr("conflicts"),
            "parked": self.tr("parked (not accepted)"),
        }
        for key, caption in captions.items():
            self.cards[key].caption.setText(caption)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Result"), self.tr("Record"), self.tr("Number"), self.tr("Reason")]
        )
        if self.outcome is not None:
            self._fill(self.outcome, captions)

    def _fill(self, outcome: Outcome, captions: dict[str, str]) -> None:
        report = outcome.report
        counts = {
            "pushed": report.pushed,
            "pulled": report.pulled,
            "conflict": report.conflicts,
            "parked": report.parked,
        }
        for key, value in counts.items():
            self.cards[key].figure.setText(str(value))
        words = {
            "pushed": self.tr("Sent"),
            "pulled": self.tr("Received"),
            "conflict": self.tr("Conflict"),
            "parked": self.tr("Parked"),
        }
        lang = i18n.current()
        self.table.setRowCount(len(outcome.lines))
        for row, line in enumerate(outcome.lines):
            cells = (
                words[line.outcome],
                kind_name(line.kind),
                line.number,
                reason_text(line.reason, lang) if line.reason else "",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        notes = [
            self.tr(
                "Check: {kind} — this kiosk {kiosk}, central {central}; sent again next time."
            ).format(kind=kind_name(kind), kiosk=kiosk, central=central)
            for kind, kiosk, central in report.mismatches
        ]
        if report.epoch_changed:
            notes.append(
                self.tr("Central was restored from a backup: every record was sent again.")
            )
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.more.setText(self.tr("Rows not listed here: %n.", "", outcome.left_out))
        self.more.setVisible(outcome.left_out > 0)
