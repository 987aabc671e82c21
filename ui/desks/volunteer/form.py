"""Adding a volunteer to the roster: name, badge, phone and team (optional), party member."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.models import Volunteer
from station.services import roster
from ui.desks.volunteer.common import heading, hint
from ui.widgets import ChoiceRow, Field, FormErrors, big_button, line_edit
from ui.worker import Worker


class NewVolunteerForm(QWidget):
    saved = Signal(object)  # the new Volunteer

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.heading = heading(self)
        self.intro = hint(self)
        self.name = Field(line_edit(), self)
        self.badge = Field(line_edit(), self)
        self.phone = Field(line_edit(), self)
        self.team = Field(line_edit(), self)
        self.party_choice = ChoiceRow(columns=2)
        self.party_choice.set_options(
            [("yes", lambda: self.tr("Yes")), ("no", lambda: self.tr("No"))]
        )
        self.party_choice.set_value("no")
        self.party = Field(self.party_choice, self)
        self.general = QLabel(self)
        self.errors = FormErrors(
            {
                "name": self.name,
                "badge_code": self.badge,
                "phone": self.phone,
                "team": self.team,
                "is_party_member": self.party,
            },
            self.general,
        )
        self.save = big_button(primary=True, parent=self)
        self.save.setMinimumWidth(200)
        self.save.clicked.connect(self.submit)
        self.clear_button = big_button(parent=self)
        self.clear_button.setMinimumWidth(160)
        self.clear_button.clicked.connect(self.clear)
        for field in (self.name, self.badge, self.phone, self.team):
            self._edit(field).returnPressed.connect(self.focusNextChild)

        body = QWidget(self)
        body.setMaximumWidth(880)
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 8, 0, 0)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(14)
        top = Qt.AlignmentFlag.AlignTop
        grid.addWidget(self.name, 0, 0, top)
        grid.addWidget(self.badge, 0, 1, top)
        grid.addWidget(self.phone, 1, 0, top)
        grid.addWidget(self.team, 1, 1, top)
        grid.addWidget(self.party, 2, 0, top)
        grid.addWidget(self.general, 3, 0, 1, 2)
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        buttons.addWidget(self.save)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(body)
        layout.addStretch(1)
        self.retranslate()

    @staticmethod
    def _edit(field: Field) -> QLineEdit:
        assert isinstance(field.editor, QLineEdit)
        return field.editor

    def texts(self) -> dict[str, str]:
        return {name: self._edit(field).text() for name, field in self._fields().items()}

    def has_input(self) -> bool:
        return any(value.strip() for value in self.texts().values())

    def draft(self) -> dict[str, str]:
        """What is typed, to keep while the kiosk is locked (see `restore`)."""
        return {**self.texts(), "party": self.party_choice.value() or "no"}

    def restore(self, fields: dict[str, str]) -> None:
        self.clear()
        for name, field in self._fields().items():
            self._edit(field).setText(str(fields.get(name) or ""))
        self.party_choice.set_value(fields.get("party") or "no")

    def _fields(self) -> dict[str, Field]:
        return {"name": self.name, "badge_code": self.badge, "phone": self.phone, "team": self.team}

    def clear(self) -> None:
        for field in (self.name, self.badge, self.phone, self.team):
            self._edit(field).clear()
        self.party_choice.set_value("no")
        self.errors.clear()

    def submit(self) -> None:
        self.errors.clear()
        self.save.setEnabled(False)
        values = self.texts()
        party = self.party_choice.value() == "yes"
        self.worker.write(
            lambda s: roster.add(
                s,
                name=values["name"],
                badge_code=values["badge_code"],
                phone=values["phone"],
                team=values["team"],
                is_party_member=party,
            ),
            on_done=self._done,
            on_error=self._refused,
        )

    def _done(self, volunteer: Volunteer) -> None:
        self.save.setEnabled(True)
        self.clear()
        self.saved.emit(volunteer)

    def _refused(self, error: StationError) -> None:
        self.save.setEnabled(True)
        self.errors.show(error)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("New volunteer"))
        self.intro.setText(
            self.tr(
                "Put a new volunteer on the roster. The badge code can be scanned into its box."
            )
        )
        self.name.label.setText(self.tr("Name"))
        self.badge.label.setText(self.tr("Badge code (for example YF-0031)"))
        self.phone.label.setText(self.tr("Phone (optional)"))
        self.team.label.setText(self.tr("Team (optional)"))
        self.party.label.setText(self.tr("Party member"))
        self.party_choice.retranslate()
        self.save.setText(self.tr("Save"))
        self.clear_button.setText(self.tr("Clear"))
