"""个人信息: how long personal details are kept, erasing what is due now, and everything
stored about one phone number (find, export, erase)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from station.messages import field_label, render
from station.services import personal, retention
from station.services import station as station_service
from ui import i18n
from ui.banner import Banner
from ui.desks.lead.confirm import Confirm, ask
from ui.desks.lead.stepper import Stepper
from ui.header import local_time
from ui.i18n import Retranslatable
from ui.record_kinds import kind_name
from ui.tables import read_only_table
from ui.widgets import Field, FormErrors, big_button, line_edit
from ui.worker import Worker

Found = list[dict[str, Any]]


def _lookup(session: Session, phone: str) -> tuple[str, Found, str]:
    """(the number as stored, every record holding it, this station's code)."""
    found = personal.find(session, phone)
    return personal.normalised(phone), found, station_service.current(session).code


def _fields_text(fields: dict[str, Any]) -> str:
    return "; ".join(
        f"{field_label(name, i18n.current())}: {value}"
        for name, value in fields.items()
        if value not in (None, "")
    )


class PrivacyPage(Retranslatable, QWidget):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.found: Found = []
        self.phone: str | None = None  # the number the list shows, as stored
        self.own_station = ""
        self.confirm: Confirm | None = None
        self.banner = Banner(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.banner)
        self._build_periods(layout)
        layout.addSpacing(12)
        self._build_lookup(layout)
        self._show_found()
        self.retranslate()

    def _build_periods(self, layout: QVBoxLayout) -> None:
        self.periods_title = QLabel(self)
        self.periods_title.setProperty("role", "title")
        self.contact_days = Stepper(1, retention.MAX_DAYS, self)
        self.return_days = Stepper(1, retention.MAX_DAYS, self)
        self.contact_field = Field(self.contact_days, self)
        self.return_field = Field(self.return_days, self)
        self.save_button = big_button(primary=True, parent=self)
        self.save_button.clicked.connect(self.save_periods)
        self.erase_due_button = big_button(parent=self)
        self.erase_due_button.clicked.connect(self.erase_due)
        self.periods_general = QLabel(self)
        self.periods_errors = FormErrors(
            {
                "contact_retention_days": self.contact_field,
                "return_retention_days": self.return_field,
            },
            self.periods_general,
        )
        periods = QHBoxLayout()
        periods.setSpacing(24)
        periods.addWidget(self.contact_field)
        periods.addWidget(self.return_field)
        periods.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.erase_due_button)
        buttons.addStretch(1)
        layout.addWidget(self.periods_title)
        layout.addLayout(periods)
        layout.addWidget(self.periods_general)
        layout.addLayout(buttons)

    def _build_lookup(self, layout: QVBoxLayout) -> None:
        self.lookup_title = QLabel(self)
        self.lookup_title.setProperty("role", "title")
        self.phone_edit = line_edit(parent=self)
        self.phone_edit.setMaxLength(20)
        self.phone_edit.setMinimumWidth(280)
        self.phone_edit.returnPressed.connect(self.look_up)
        self.phone_field = Field(self.phone_edit, self)
        self.find_button = big_button(primary=True, parent=self)
        self.find_button.clicked.connect(self.look_up)
        self.export_button = big_button(parent=self)
        self.export_button.clicked.connect(self.export)
        self.erase_button = big_button(parent=self)
        self.erase_button.clicked.connect(self.erase_phone)
        self.lookup_general = QLabel(self)
        self.lookup_errors = FormErrors({"phone": self.phone_field}, self.lookup_general)
        self.results = read_only_table(5, self)

        lookup = QHBoxLayout()
        lookup.addWidget(self.phone_field)
        lookup.addWidget(self.find_button, 0)
        lookup.addWidget(self.export_button, 0)
        lookup.addWidget(self.erase_button, 0)
        lookup.addStretch(1)
        layout.addWidget(self.lookup_title)
        layout.addLayout(lookup)
        layout.addWidget(self.lookup_general)
        layout.addWidget(self.results, 1)

    def activate(self) -> None:
        self.worker.read(retention.periods, on_done=self._periods_loaded)

    def _periods_loaded(self, kept: retention.Periods) -> None:
        self.contact_days.set_value(kept.contact_days)
        self.return_days.set_value(kept.return_days)

    # Retention periods and erasing what is due.

    def save_periods(self) -> None:
        self.periods_errors.clear()
        contact, returned = self.contact_days.value(), self.return_days.value()
        self.worker.write(
            lambda s: retention.set_days(s, contact_days=contact, return_days=returned),
            on_done=self._periods_saved,
            on_error=self.periods_errors.show,
        )

    def _periods_saved(self, kept: retention.Periods) -> None:
        self._periods_loaded(kept)
        self.banner.done(
            lambda: render(
                "retention_periods",
                i18n.current(),
                contact_days=kept.contact_days,
                return_days=kept.return_days,
            )
        )

    def erase_due(self) -> None:
        """A dry run first: the lead sees what would go, and confirms the real run."""
        self.banner.clear()
        self.periods_errors.clear()
        self.worker.write(
            lambda s: retention.run(s, dry_run=True),
            on_done=self._due_counted,
            on_error=self.periods_errors.show,
        )

    def _due_counted(self, counts: retention.Counts) -> None:
        if not counts.total:
            self.banner.done(lambda: self.tr("No personal details are past their keeping time."))
            return
        lang = i18n.current()
        text = "\n\n".join(
            [
                render("retention_dry_run", lang, **counts.as_dict()),
                self.tr("Erase them now? This cannot be undone."),
            ]
        )
        self.confirm = ask(self, text, self.tr("Erase now"), self.tr("Cancel"), self._erase_due)

    def _erase_due(self) -> None:
        self.worker.write(
            retention.run,
            on_done=self._due_erased,
            on_error=self.periods_errors.show,
        )

    def _due_erased(self, counts: retention.Counts) -> None:
        self.banner.done(lambda: render("retention_done", i18n.current(), **counts.as_dict()))

    # Everything about one phone number.

    def look_up(self) -> None:
        self.lookup_errors.clear()
        self.banner.clear()
        phone = self.phone_edit.text()
        self.worker.read(
            lambda s: _lookup(s, phone), on_done=self._looked_up, on_error=self.lookup_errors.show
        )

    def _looked_up(self, outcome: tuple[str, Found, str]) -> None:
        self.phone, self.found, self.own_station = outcome
        self._show_found()
        phone = self.phone
        if not self.found:
            self.banner.done(lambda: render("personal_none", i18n.current(), phone=phone))

    def own_records(self) -> int:
        """How many of the records found this station may erase (its own)."""
        return sum(1 for record in self.found if record["station"] == self.own_station)

    def export(self) -> None:
        phone = self.phone
        if phone is None:
            return
        path = self._export_path()
        if not path:
            return
        self.worker.write(
            lambda s: personal.export(s, phone, path),
            on_done=lambda found: self._exported(len(found), path),
            on_error=self.lookup_errors.show,
        )

    def _export_path(self) -> str:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export personal data"),
            str(Path.home() / "personal-data.json"),
            self.tr("JSON files (*.json)"),
        )
        return chosen

    def _exported(self, count: int, path: str) -> None:
        self.banner.done(
            lambda: render("personal_exported", i18n.current(), count=count, path=path)
        )

    def erase_phone(self) -> None:
        phone, count = self.phone, self.own_records()
        if phone is None or not count:
            return
        text = self.tr(
            "Erase the personal details in %n of this station's records about {phone}? "
            "The records stay, without the name and number. This cannot be undone.",
            "",
            count,
        ).format(phone=phone)
        self.confirm = ask(
            self, text, self.tr("Erase"), self.tr("Cancel"), lambda: self._erase_phone(phone)
        )

    def _erase_phone(self, phone: str) -> None:
        self.worker.write(
            lambda s: (personal.erase(s, phone), _lookup(s, phone)),
            on_done=self._phone_erased,
            on_error=self.lookup_errors.show,
        )

    def _phone_erased(self, outcome: tuple[retention.Counts, tuple[str, Found, str]]) -> None:
        counts, found = outcome
        self._looked_up(found)
        self.banner.done(lambda: render("personal_erased", i18n.current(), **counts.as_dict()))

    def _show_found(self) -> None:
        self.results.setRowCount(len(self.found))
        for row, record in enumerate(self.found):
            cells = (
                kind_name(record["kind"]),
                record["number"],
                local_time(record["date"], "%Y-%m-%d") if record["date"] else "",
                record["station"],
                _fields_text(record["fields"]),
            )
            for column, text in enumerate(cells):
                self.results.setItem(row, column, QTableWidgetItem(str(text)))
        self.export_button.setEnabled(bool(self.found))
        self.erase_button.setEnabled(self.own_records() > 0)

    def retranslate(self) -> None:
        self.periods_title.setText(self.tr("How long personal details are kept"))
        self.contact_field.label.setText(
            self.tr("Contact details: days kept after an inquiry, report or item is closed")
        )
        self.return_field.label.setText(self.tr("Claimant details: days kept after a return"))
        self.save_button.setText(self.tr("Save"))
        self.erase_due_button.setText(self.tr("Erase what is due now…"))
        self.lookup_title.setText(self.tr("Everything stored about a phone number"))
        self.phone_field.label.setText(self.tr("Phone number"))
        self.phone_edit.setPlaceholderText(self.tr("Type or paste the number"))
        self.find_button.setText(self.tr("Find"))
        self.export_button.setText(self.tr("Export…"))
        self.erase_button.setText(self.tr("Erase…"))
        self.results.setHorizontalHeaderLabels(
            [
                self.tr("Record kind"),
                self.tr("Number"),
                self.tr("Date"),
                self.tr("Station"),
                self.tr("Stored details"),
            ]
        )
        self._show_found()
        self.banner.retranslate()
