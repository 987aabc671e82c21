"""The strip at the top: station name, date and time, volunteers on duty, records awaiting sync,
when the last sync succeeded, and who is signed in with the button that locks the kiosk."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from station import clock, locked
from station.access import Actor
from station.glance import HeaderFigures
from ui.i18n import Retranslatable
from ui.widgets import MIN_TARGET, big_button
from ui.worker import Worker


def local_time(iso_utc: str, layout: str = "%Y-%m-%d %H:%M") -> str:
    """An ISO UTC time as the station's clock shows it (China), to the minute."""
    return datetime.fromisoformat(iso_utc).astimezone(clock.LOCAL_TZ).strftime(layout)


STATION_MIN_WIDTH = 80  # px: three characters of the name, at worst


class Header(Retranslatable, QFrame):
    lock_asked = Signal()

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.worker = worker
        self.figures: HeaderFigures | None = None
        self.person: Actor | None = None
        self.station = QLabel(self)
        self.station.setObjectName("stationName")
        self.clock = QLabel(self)
        self.on_duty = QLabel(self)
        self.unsynced = QLabel(self)
        self.last_sync = QLabel(self)
        # The strip must fit a 1280-pixel screen with someone signed in, in English too: a
        # long station name is cut short rather than push the lock button off the screen.
        self.station.setMinimumWidth(STATION_MIN_WIDTH)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 6, 20, 6)
        layout.addWidget(self.station)
        layout.addStretch(1)
        for label in (self.on_duty, self.unsynced, self.last_sync, self.clock):
            layout.addSpacing(16)
            layout.addWidget(label)
        self.signed_in = QLabel(self)
        self.signed_in.setObjectName("signedIn")
        self.lock_button = big_button(parent=self)
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setMinimumHeight(MIN_TARGET)  # the strip stays slim
        self.lock_button.clicked.connect(self.lock_asked)
        layout.addSpacing(16)
        layout.addWidget(self.signed_in)
        layout.addSpacing(8)
        layout.addWidget(self.lock_button)
        self.show_person(None)
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start(15_000)
        worker.changed.connect(self.refresh)
        self.retranslate()

    def show_person(self, actor: Actor | None) -> None:
        """Who is signed in, with the lock button; nothing while locked or for the program."""
        self.person = actor if actor is not None and actor.volunteer_id else None
        self.signed_in.setVisible(self.person is not None)
        self.lock_button.setVisible(self.person is not None)
        self.retranslate()

    def refresh(self) -> None:
        self.worker.read(locked.header_figures, on_done=self.show_figures)

    def show_figures(self, figures: HeaderFigures) -> None:
        self.figures = figures
        self.retranslate()

    def _tick(self) -> None:
        # The station's time (China), as every record shows it, whatever the PC's zone.
        self.clock.setText(clock.now().astimezone(clock.LOCAL_TZ).strftime("%Y-%m-%d  %H:%M"))

    def retranslate(self) -> None:
        self._tick()
        self.lock_button.setText(self.tr("Lock / Sign out"))
        if self.person is not None:
            self.signed_in.setText(
                self.tr("{name} (lead)").format(name=self.person.name)
                if self.person.is_lead
                else self.person.name
            )
        if self.figures is None:
            return
        self.station.setText(self.figures.station_name)
        self.on_duty.setText(self.tr("On duty: %n", "", self.figures.on_duty))
        self.unsynced.setText(self.tr("Waiting for sync: %n", "", self.figures.unsynced))
        last = self.figures.last_sync
        self.last_sync.setText(
            self.tr("Last sync: {time}").format(time=local_time(last, "%m-%d %H:%M"))
            if last
            else self.tr("Never synced")
        )
