"""First start with no station: a short set-up of code, name and posts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from station.access import credentials
from station.errors import InvalidInput, StationError
from station.models import Station
from station.services import station as station_service
from ui.i18n import Retranslatable
from ui.widgets import Field, FormErrors, big_button, line_edit, text_box
from ui.worker import Worker


def _pin_edit() -> QLineEdit:
    editor = line_edit()
    editor.setEchoMode(QLineEdit.EchoMode.Password)
    editor.setMaxLength(6)
    editor.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return editor


class SetupWizard(Retranslatable, QDialog):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "hint")
        self.code = Field(line_edit(), self)
        self.name = Field(line_edit(), self)
        self.posts = Field(text_box(lines=4), self)
        self.lead = Field(line_edit(), self)
        self.pin = Field(_pin_edit(), self)
        self.pin_again = Field(_pin_edit(), self)
        self.general = QLabel(self)
        self.errors = FormErrors(
            {
                "station_code": self.code,
                "station_name": self.name,
                "post_name": self.posts,
                "name": self.lead,
                "pin": self.pin,
                "new_pin": self.pin_again,
            },
            self.general,
        )
        self.save = big_button(primary=True, parent=self)
        self.save.clicked.connect(self.submit)
        # The station on the left, its first lead on the right: all of it fits a 1280x800
        # screen without squeezing a field.
        station = QVBoxLayout()
        lead = QVBoxLayout()
        for column, fields in (
            (station, (self.code, self.name, self.posts)),
            (lead, (self.lead, self.pin, self.pin_again)),
        ):
            column.setSpacing(12)
            for field in fields:
                column.addWidget(field)
            column.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(32)
        columns.addLayout(station, 1)
        columns.addLayout(lead, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(columns)
        layout.addWidget(self.general)
        layout.addWidget(self.save)
        self.setMinimumWidth(960)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up this station"))
        self.title.setText(self.tr("Welcome to Red Post Station"))
        self.intro.setText(
            self.tr(
                "This kiosk is not set up yet. Enter the station's code and name once; posts can be added later. The station lead signs in with the PIN chosen here."  # noqa: E501
            )
        )
        self.code.label.setText(self.tr("Station code (for example YF01)"))
        self.name.label.setText(self.tr("Station name"))
        self.posts.label.setText(self.tr("Posts, one per line"))
        self.lead.label.setText(self.tr("Station lead's name"))
        self.pin.label.setText(self.tr("Lead's PIN (4 to 6 digits)"))
        self.pin_again.label.setText(self.tr("The PIN again"))
        self.save.setText(self.tr("Save and start"))

    def submit(self) -> None:
        self.errors.clear()
        self.save.setEnabled(False)
        code = self.code.editor.text()  # type: ignore[attr-defined]
        name = self.name.editor.text()  # type: ignore[attr-defined]
        lines = self.posts.editor.toPlainText().splitlines()  # type: ignore[attr-defined]
        posts = [line for line in (p.strip() for p in lines) if line]
        lead = self.lead.editor.text()  # type: ignore[attr-defined]
        pin = self.pin.editor.text()  # type: ignore[attr-defined]
        if pin != self.pin_again.editor.text():  # type: ignore[attr-defined]
            self._refused(InvalidInput("pins_differ", "new_pin"))
            return

        def set_up(session: Session) -> Station:
            made = station_service.init(session, code=code, name=name, posts=posts)
            credentials.first_lead(session, name=lead, pin=pin)
            return made

        self.worker.write(set_up, on_done=self._done, on_error=self._refused)

    def _done(self, _station: Station) -> None:
        self.accept()

    def _refused(self, error: StationError) -> None:
        self.save.setEnabled(True)
        self.errors.show(error)
