"""人员与 PIN: who is on the roster and who may sign in here as what; set a PIN, change a
role, take a PIN away."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station import clock
from station.access import LEAD, VOLUNTEER, credentials
from station.access.credentials import Person
from station.errors import StationError
from station.messages import render
from ui import i18n
from ui.banner import Banner
from ui.desks.lead.confirm import Confirm, ask
from ui.i18n import Retranslatable
from ui.tables import read_only_table
from ui.widgets import Field, FormErrors, big_button
from ui.worker import Worker


def _pin_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(6)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,6}"), edit))
    edit.setMinimumWidth(200)
    return edit


class PeoplePage(Retranslatable, QWidget):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.people: list[Person] = []
        self.confirm: Confirm | None = None
        self.banner = Banner(self)
        self.table = read_only_table(4, self)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selected)
        body = QHBoxLayout()
        body.setSpacing(20)
        body.addWidget(self.table, 1)
        body.addWidget(self._build_panel())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        self.retranslate()

    def _build_panel(self) -> QWidget:
        """The chosen person: their PIN, their role, taking the PIN away."""
        self.person_name = QLabel(self)
        self.person_name.setProperty("role", "title")
        self.person_role = QLabel(self)
        self.person_role.setWordWrap(True)
        self.pin = _pin_edit(self)
        self.pin_again = _pin_edit(self)
        self.pin_field = Field(self.pin, self)
        self.again_field = Field(self.pin_again, self)
        self.pin_button = big_button(primary=True, parent=self)
        self.pin_button.clicked.connect(self.set_pin)
        self.role_button = big_button(parent=self)
        self.role_button.clicked.connect(self.switch_role)
        self.revoke_button = big_button(parent=self)
        self.revoke_button.clicked.connect(self.revoke)
        self.general = QLabel(self)
        self.errors = FormErrors(
            {"pin": self.pin_field, "pin_again": self.again_field}, self.general
        )

        panel = QVBoxLayout()
        panel.setSpacing(10)
        panel.addWidget(self.person_name)
        panel.addWidget(self.person_role)
        panel.addWidget(self.pin_field)
        panel.addWidget(self.again_field)
        panel.addWidget(self.pin_button)
        panel.addWidget(self.general)
        panel.addSpacing(16)
        panel.addWidget(self.role_button)
        panel.addWidget(self.revoke_button)
        panel.addStretch(1)
        holder = QWidget(self)
        holder.setLayout(panel)
        holder.setFixedWidth(380)
        return holder

    def activate(self) -> None:
        self.worker.read(credentials.people, on_done=self._people_loaded)

    def _people_loaded(self, people: list[Person]) -> None:
        chosen = self.chosen()
        self.people = people
        self.table.setRowCount(len(people))
        self._fill_rows()
        if chosen is not None:
            self.choose(chosen.volunteer_id)
        self._selected()

    def choose(self, volunteer_id: str) -> None:
        for row, person in enumerate(self.people):
            if person.volunteer_id == volunteer_id:
                self.table.selectRow(row)
                return

    def chosen(self) -> Person | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.people):
            return None
        return self.people[rows[0].row()]

    def role_text(self, person: Person) -> str:
        if person.role == LEAD:
            text = self.tr("Lead")
        elif person.role == VOLUNTEER:
            text = self.tr("Volunteer")
        else:
            return self.tr("No PIN")
        if person.locked_until is not None:
            until = person.locked_until.astimezone(clock.LOCAL_TZ).strftime("%H:%M")
            text += self.tr(" (locked until {time})").format(time=until)
        return text

    def set_pin(self) -> None:
        person = self.chosen()
        if person is None:
            return
        self.errors.clear()
        self.banner.clear()
        pin, again = self.pin.text(), self.pin_again.text()
        if pin != again:
            self.again_field.set_error(render("pins_differ", i18n.current()))
            return
        self.worker.write(
            lambda s: credentials.set_pin(s, person.volunteer_id, pin),
            on_done=lambda _none: self._pin_set(person),
            on_error=self.errors.show,
        )

    def _pin_set(self, person: Person) -> None:
        self.pin.clear()
        self.pin_again.clear()
        role = self.role_text(person) if person.role is not None else self.tr("Volunteer")
        self.banner.done(
            lambda: render("pin_set_done", i18n.current(), name=person.name, role=role)
        )
        self.activate()

    def switch_role(self) -> None:
        person = self.chosen()
        if person is None or person.role is None:
            return
        role = VOLUNTEER if person.role == LEAD else LEAD
        self.errors.clear()
        self.banner.clear()
        self.worker.write(
            lambda s: credentials.set_role(s, person.volunteer_id, role),
            on_done=lambda _role: self._changed(person),
            on_error=self._refused,
        )

    def revoke(self) -> None:
        person = self.chosen()
        if person is None or person.role is None:
            return
        text = self.tr(
            "Take away {name}'s PIN? They can no longer sign in at this kiosk until a lead "
            "sets a new one."
        ).format(name=person.name)
        self.confirm = ask(
            self,
            text,
            self.tr("Take the PIN away"),
            self.tr("Cancel"),
            lambda: self._revoke(person),
        )

    def _revoke(self, person: Person) -> None:
        self.banner.clear()
        self.worker.write(
            lambda s: credentials.revoke(s, person.volunteer_id),
            on_done=lambda _none: self._changed(person),
            on_error=self._refused,
        )

    def _changed(self, person: Person) -> None:
        self.banner.done(lambda: self.tr("Saved: {name}.").format(name=person.name))
        self.activate()

    def _refused(self, error: StationError) -> None:
        self.banner.refused(lambda: error.message(i18n.current()))

    def _selected(self) -> None:
        person = self.chosen()
        for widget in (self.pin_field, self.again_field, self.pin_button):
            widget.setEnabled(person is not None)
        self.role_button.setEnabled(person is not None and person.role is not None)
        self.revoke_button.setEnabled(person is not None and person.role is not None)
        self.errors.clear()
        self.retranslate_panel()

    def _fill_rows(self) -> None:
        for row, person in enumerate(self.people):
            cells = (person.name, person.badge_code, person.team or "", self.role_text(person))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def retranslate_panel(self) -> None:
        person = self.chosen()
        self.pin_field.label.setText(self.tr("New PIN (4 to 6 digits)"))
        self.again_field.label.setText(self.tr("The new PIN again"))
        self.pin_button.setText(self.tr("Set PIN"))
        self.revoke_button.setText(self.tr("Take the PIN away…"))
        if person is None:
            self.person_name.setText(self.tr("Choose a person in the list"))
            self.person_role.clear()
            self.role_button.setText(self.tr("Make lead"))
            return
        self.person_name.setText(f"{person.name}  {person.badge_code}")
        self.person_role.setText(self.tr("Role: {role}").format(role=self.role_text(person)))
        lead = person.role == LEAD
        self.role_button.setText(self.tr("Make volunteer") if lead else self.tr("Make lead"))

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Badge"), self.tr("Team"), self.tr("Role")]
        )
        self._fill_rows()
        self.retranslate_panel()
        self.banner.retranslate()
