"""Today (今日概况): the day's figures at a glance, as large numbers on cards."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from station.services.overview import DayFigures, day_figures
from station.vocab import INQUIRY_STATUSES, label
from ui import i18n
from ui.desks.base import Desk
from ui.worker import Worker


class Card(QFrame):
    """One figure: a big number with what it counts underneath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.figure = QLabel("–", self)
        self.figure.setProperty("role", "figure")
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.addWidget(self.figure)
        layout.addWidget(self.caption)
        self.setMinimumHeight(120)


class TodayDesk(Desk):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.figures: DayFigures | None = None
        self.heading = QLabel(self)
        self.heading.setProperty("role", "title")
        self.sections = {key: QLabel(self) for key in ("inquiries", "volunteers", "lostfound")}
        self.cards = {
            key: Card(self)
            for key in (
                "inquiries_total",
                *(f"status_{code}" for code in INQUIRY_STATUSES),
                "on_duty",
                "volunteers_served",
                "hours_served",
                "found_registered",
                "lost_registered",
                "returned",
                "due_for_handover",
            )
        }
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.addWidget(self.heading)
        groups = {
            "inquiries": ["inquiries_total", *(f"status_{code}" for code in INQUIRY_STATUSES)],
            "volunteers": ["on_duty", "volunteers_served", "hours_served"],
            "lostfound": ["found_registered", "lost_registered", "returned", "due_for_handover"],
        }
        for section, keys in groups.items():
            self.sections[section].setProperty("role", "hint")
            layout.addSpacing(10)
            layout.addWidget(self.sections[section])
            grid = QGridLayout()
            grid.setSpacing(14)
            for column, key in enumerate(keys):
                grid.addWidget(self.cards[key], 0, column)
            layout.addLayout(grid)
        layout.addStretch(1)
        worker.changed.connect(self._refresh_if_visible)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Today")

    def activate(self) -> None:
        self.worker.read(day_figures, on_done=self._show)

    def _refresh_if_visible(self) -> None:
        if self.isVisible():
            self.activate()

    def _show(self, figures: DayFigures) -> None:
        self.figures = figures
        self.retranslate()

    def retranslate(self) -> None:
        lang = i18n.current()
        self.sections["inquiries"].setText(self.tr("Visitor inquiries"))
        self.sections["volunteers"].setText(self.tr("Volunteers"))
        self.sections["lostfound"].setText(self.tr("Lost and found"))
        captions = {
            "inquiries_total": self.tr("inquiries today"),
            "on_duty": self.tr("on duty now"),
            "volunteers_served": self.tr("volunteers served today"),
            "hours_served": self.tr("hours served today"),
            "found_registered": self.tr("items handed in"),
            "lost_registered": self.tr("losses reported"),
            "returned": self.tr("items returned to owners"),
            "due_for_handover": self.tr("items due for the police"),
        }
        for code in INQUIRY_STATUSES:
            captions[f"status_{code}"] = label(INQUIRY_STATUSES, code, lang)
        for key, caption in captions.items():
            self.cards[key].caption.setText(caption)
        figures = self.figures
        if figures is None:
            self.heading.setText(self.tr("Today"))
            return
        day = figures.day.strftime("%Y-%m-%d")
        self.heading.setText(self.tr("Today, {day}").format(day=day))
        values: dict[str, object] = {
            "inquiries_total": figures.inquiries,
            "on_duty": figures.on_duty,
            "volunteers_served": figures.volunteers_served,
            "hours_served": f"{figures.hours_served:.1f}",
            "found_registered": figures.found_registered,
            "lost_registered": figures.lost_registered,
            "returned": figures.returned,
            "due_for_handover": figures.due_for_handover,
        }
        for code, count in figures.inquiries_by_status.items():
            values[f"status_{code}"] = count
        for key, value in values.items():
            self.cards[key].figure.setText(str(value))
