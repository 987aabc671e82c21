"""失物登记: a visitor reports something lost; the contact is needed to call them back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget
from sqlalchemy.orm import Session

from station import privacy
from station.models import LostReport
from station.services import lostfound
from ui.desks.lostfound.form_base import RecordForm
from ui.widgets import Field, big_button, line_edit, row
from ui.worker import Worker

_TYPED = ("description", "colour", "lost_place", "contact_name", "contact_phone")


class LostReportForm(RecordForm):
    registered = Signal(object)  # the LostReport
    show_matches = Signal(object)  # the LostReport whose possible matches to look at

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self._last: LostReport | None = None
        editors = self.item_editors("lost_place", "lost_at")
        self.contact_name = line_edit()
        self.contact_name.setMaxLength(40)
        self.contact_phone = line_edit()
        self.contact_phone.setMaxLength(32)
        self.matches_button = big_button()
        self.matches_button.hide()
        self.matches_button.clicked.connect(self._show_matches)
        self.footer_extra = [self.matches_button]
        editors.update(
            {
                "contact_name": self.contact_name,
                "contact_phone": self.contact_phone,
            }
        )
        self.fields = {name: Field(editor) for name, editor in editors.items()}
        f = self.fields
        self.build(
            top=f["category"],
            left=[f["description"], f["colour"]],
            right=[f["lost_place"], f["lost_at"], row(f["contact_name"], f["contact_phone"])],
        )
        self.retranslate()

    def set_posts(self, names: list[str]) -> None:
        self.place.set_posts(names)

    def values(self) -> dict[str, Any]:
        return {
            "category": self.category.value(),
            "description": self.description.toPlainText(),
            "colour": self.colour.value(),
            "lost_place": self.place.value(),
            "lost_at": self.when.value(),
            "contact_name": self.contact_name.text(),
            "contact_phone": self.contact_phone.text(),
        }

    def line_edits(self) -> dict[str, QLineEdit]:
        return {"contact_name": self.contact_name, "contact_phone": self.contact_phone}

    def job(self, values: dict[str, Any]) -> Callable[[Session], LostReport]:
        return lambda s: lostfound.register_lost(s, **values)

    def has_unsaved_changes(self) -> bool:
        values = self.values()
        return (
            values["category"] is not None
            or any((values[name] or "").strip() for name in _TYPED)
            or not self.when.is_default()
        )

    def saved(self, record: LostReport) -> None:
        self._last = record
        self.announce(
            self.tr("Saved as report {number}. We will call {name} when it turns up.").format(
                number=record.report_no,
                name=privacy.shown_to(self.worker.store.actor).name(record.contact_name),
            )
        )
        self.matches_button.show()
        self.offer_print("lost", record.report_no)
        self.registered.emit(record)

    def _show_matches(self) -> None:
        if self._last is not None:
            self.show_matches.emit(self._last)

    def clear(self) -> None:
        super().clear()
        self.matches_button.hide()

    def clear_inputs(self) -> None:
        self.category.set_value(None)
        self.description.clear()
        self.colour.clear()
        self.place.clear()
        self.when.reset()
        self.contact_name.clear()
        self.contact_phone.clear()

    def retranslate(self) -> None:
        self.category.retranslate()
        labels = {
            "category": self.tr("What kind of item?"),
            "description": self.tr("What was lost? (brand, contents, marks)"),
            "colour": self.tr("Colour"),
            "lost_place": self.tr("Where was it lost?"),
            "lost_at": self.tr("When was it lost?"),
            "contact_name": self.tr("Visitor's name"),
            "contact_phone": self.tr("Visitor's phone"),
        }
        for name, text in labels.items():
            self.fields[name].label.setText(text)
        self.contact_phone.setPlaceholderText(self.tr("e.g. 13812345678"))
        self.matches_button.setText(self.tr("See possible matches"))
        self.save_button.setText(self.tr("Save lost report"))
        self.print_button.setText(self.tr("Print receipt"))
        self.clear_button.setText(self.tr("Clear form"))
        self.retranslate_error()
