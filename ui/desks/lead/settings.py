"""设置: how long the kiosk waits before it locks, and how long wrong PINs lock a person out."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from station.access import credentials
from ui.banner import Banner
from ui.desks.lead.stepper import Stepper
from ui.i18n import Retranslatable
from ui.widgets import Field, FormErrors, big_button
from ui.worker import Worker


def _minutes(session: Session) -> tuple[int, int]:
    return credentials.idle_minutes(session), credentials.lockout_minutes(session)


def _save(session: Session, idle: int, lockout: int) -> tuple[int, int]:
    return (
        credentials.set_idle_minutes(session, idle),
        credentials.set_lockout_minutes(session, lockout),
    )


class SettingsPage(Retranslatable, QWidget):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.banner = Banner(self)
        self.idle = Stepper(1, 120, self)
        self.lockout = Stepper(1, 1440, self)
        self.idle_field = Field(self.idle, self)
        self.lockout_field = Field(self.lockout, self)
        self.idle_hint = QLabel(self)
        self.lockout_hint = QLabel(self)
        for hint in (self.idle_hint, self.lockout_hint):
            hint.setProperty("role", "hint")
            hint.setWordWrap(True)
        self.save_button = big_button(primary=True, parent=self)
        self.save_button.clicked.connect(self.save)
        self.general = QLabel(self)
        self.errors = FormErrors(
            {"idle_minutes": self.idle_field, "lockout_minutes": self.lockout_field},
            self.general,
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.banner)
        layout.addWidget(self.idle_field)
        layout.addWidget(self.idle_hint)
        layout.addSpacing(12)
        layout.addWidget(self.lockout_field)
        layout.addWidget(self.lockout_hint)
        layout.addWidget(self.general)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retranslate()

    def activate(self) -> None:
        self.worker.read(_minutes, on_done=self._loaded)

    def _loaded(self, minutes: tuple[int, int]) -> None:
        self.idle.set_value(minutes[0])
        self.lockout.set_value(minutes[1])

    def save(self) -> None:
        self.errors.clear()
        self.banner.clear()
        idle, lockout = self.idle.value(), self.lockout.value()
        self.worker.write(
            lambda s: _save(s, idle, lockout), on_done=self._saved, on_error=self.errors.show
        )

    def _saved(self, minutes: tuple[int, int]) -> None:
        self._loaded(minutes)
        self.banner.done(
            lambda: self.tr(
                "Saved. The kiosk locks after {idle} minutes without a touch; five wrong PINs "
                "lock a person out for {lockout} minutes."
            ).format(idle=minutes[0], lockout=minutes[1])
        )

    def retranslate(self) -> None:
        self.idle_field.label.setText(self.tr("Lock the screen after (minutes without a touch)"))
        self.lockout_field.label.setText(self.tr("Lock out after five wrong PINs for (minutes)"))
        self.idle_hint.setText(
            self.tr(
                "With no touch for this long, the kiosk shows the sign-in screen; what was typed "
                "is kept as a draft for the same person. Takes effect at the next sign-in."
            )
        )
        self.lockout_hint.setText(
            self.tr("After five wrong PINs in a row, that person must wait this long.")
        )
        self.save_button.setText(self.tr("Save"))
        self.banner.retranslate()
