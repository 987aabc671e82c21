"""Today's hours: per person, and the day's total, from the shifts checked in today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from station import clock
from station.services import shifts
from ui.desks.volunteer.common import CARD_STYLE, heading, hint
from ui.desks.volunteer.models import HoursModel, hours_text
from ui.widgets import MIN_TARGET
from ui.worker import Worker


@dataclass(frozen=True)
class DayTotals:
    day: date
    people: int
    shifts: int
    hours: float


def day_totals(session: Session, day: date) -> DayTotals:
    rows = shifts.day_hours(session, day=day)
    return DayTotals(
        day=day,
        people=len(rows),
        shifts=sum(r.shifts for r in rows),
        hours=round(sum(r.hours for r in rows), 2),
    )


class Figure(QFrame):
    """A big number on a card, with what it counts underneath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.setStyleSheet(CARD_STYLE)
        self.value = QLabel("–", self)
        self.value.setProperty("role", "figure")
        self.caption = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 10)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class HoursPanel(QWidget):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.totals: DayTotals | None = None
        self.heading = heading(self)
        self.hours = Figure(self)
        self.people = Figure(self)
        self.shift_count = Figure(self)
        figures = QHBoxLayout()
        figures.setSpacing(12)
        for figure in (self.hours, self.people, self.shift_count):
            figures.addWidget(figure, 1)
        self.note = hint(self)
        self.model = HoursModel(worker)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(MIN_TARGET)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(figures)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def refresh(self) -> None:
        day = clock.local_today()
        self.model.show_day(day)
        self.worker.read(lambda s: day_totals(s, day), on_done=self._show)

    def _show(self, totals: DayTotals) -> None:
        self.totals = totals
        self.retranslate()

    def retranslate(self) -> None:
        day = self.totals.day if self.totals is not None else self.model.day
        self.heading.setText(self.tr("Hours served on {day}").format(day=day.isoformat()))
        self.hours.caption.setText(self.tr("hours in total"))
        self.people.caption.setText(self.tr("volunteers"))
        self.shift_count.caption.setText(self.tr("shifts"))
        if self.totals is not None:
            self.hours.value.setText(hours_text(self.totals.hours))
            self.people.value.setText(str(self.totals.people))
            self.shift_count.value.setText(str(self.totals.shifts))
        self.note.setText(
            self.tr("Shifts that began today count; people still on duty are counted up to now.")
        )
        self.model.retranslate()
