"""The strip at the top: station name, date and time, volunteers on duty, records awaiting sync."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget
from sqlalchemy.orm import Session

from station import clock
from station.services import shifts, stats
from station.services import station as station_service
from ui.i18n import Retranslatable
from ui.worker import Worker


@dataclass(frozen=True)
class HeaderFigures:
    station_name: str
    on_duty: int
    unsynced: int


def _figures(session: Session) -> HeaderFigures:
    return HeaderFigures(
        station_name=station_service.current(session).name,
        on_duty=len(shifts.on_duty(session)),
        unsynced=stats.counts(session)["unsynced"],
    )


class Header(Retranslatable, QFrame):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.worker = worker
        self.figures: HeaderFigures | None = None
        self.station = QLabel(self)
        self.station.setObjectName("stationName")
        self.clock = QLabel(self)
        self.on_duty = QLabel(self)
        self.unsynced = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 10)
        layout.addWidget(self.station)
        layout.addStretch(1)
        for label in (self.on_duty, self.unsynced, self.clock):
            layout.addSpacing(24)
            layout.addWidget(label)
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start(15_000)
        worker.changed.connect(self.refresh)
        self.retranslate()

    def refresh(self) -> None:
        self.worker.read(_figures, on_done=self._show)

    def _show(self, figures: HeaderFigures) -> None:
        self.figures = figures
        self.retranslate()

    def _tick(self) -> None:
        # The station's time (China), as every record shows it, whatever the PC's zone.
        self.clock.setText(clock.now().astimezone(clock.LOCAL_TZ).strftime("%Y-%m-%d  %H:%M"))

    def retranslate(self) -> None:
        self._tick()
        if self.figures is None:
            return
        self.station.setText(self.figures.station_name)
        self.on_duty.setText(self.tr("On duty: %n", "", self.figures.on_duty))
        self.unsynced.setText(self.tr("Waiting for sync: %n", "", self.figures.unsynced))
