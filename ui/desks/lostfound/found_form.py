"""登记拾获: register an item handed in at the desk."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget
from sqlalchemy.orm import Session

from station.models import FoundItem
from station.services import lostfound
from ui.desks.lostfound.form_base import RecordForm
from ui.desks.lostfound.photos import PhotoPicker
from ui.widgets import Field, line_edit, row
from ui.worker import Worker

_TYPED = ("description", "colour", "found_place", "storage_place", "finder_name", "finder_phone")


class FoundItemForm(RecordForm):
    registered = Signal(object)  # the FoundItem

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        editors = self.item_editors("found_place", "found_at")
        self.storage = line_edit()
        self.storage.setMaxLength(60)
        self.finder_name = line_edit()
        self.finder_name.setMaxLength(40)
        self.finder_phone = line_edit()
        self.finder_phone.setMaxLength(32)
        self.photo = PhotoPicker(worker)
        editors.update(
            {
                "storage_place": self.storage,
                "finder_name": self.finder_name,
                "finder_phone": self.finder_phone,
            }
        )
        self.fields = {name: Field(editor) for name, editor in editors.items()}
        # The photo sits in the footer, always in view; its errors use the general line.
        self.footer_lead = [self.photo]
        f = self.fields
        self.build(
            top=f["category"],
            left=[f["description"], f["colour"], f["storage_place"]],
            right=[f["found_place"], f["found_at"], row(f["finder_name"], f["finder_phone"])],
        )
        self.retranslate()

    def set_posts(self, names: list[str]) -> None:
        self.place.set_posts(names)

    def values(self) -> dict[str, Any]:
        photo = self.photo.path()
        return {
            "category": self.category.value(),
            "description": self.description.toPlainText(),
            "colour": self.colour.value(),
            "found_place": self.place.value(),
            "found_at": self.when.value(),
            "storage_place": self.storage.text(),
            "finder_name": self.finder_name.text(),
            "finder_phone": self.finder_phone.text(),
            "photos": [] if photo is None else [photo],
        }

    def line_edits(self) -> dict[str, QLineEdit]:
        return {
            "storage_place": self.storage,
            "finder_name": self.finder_name,
            "finder_phone": self.finder_phone,
        }

    def draft(self) -> dict[str, Any] | None:
        fields = super().draft()
        if fields is not None:
            fields["photo"] = self.photo.path()
        return fields

    def restore(self, fields: dict[str, Any]) -> None:
        super().restore(fields)
        if fields.get("photo"):
            self.photo.set_path(str(fields["photo"]))

    def job(self, values: dict[str, Any]) -> Callable[[Session], FoundItem]:
        return lambda s: lostfound.register_found(s, **values)

    def has_unsaved_changes(self) -> bool:
        values = self.values()
        return (
            values["category"] is not None
            or any((values[name] or "").strip() for name in _TYPED)
            or bool(values["photos"])
            or not self.when.is_default()
        )

    def saved(self, record: FoundItem) -> None:
        self.announce(
            self.tr("Saved as item {number}. Write this number on the item's tag.").format(
                number=record.item_no
            )
        )
        self.offer_print("found", record.item_no)
        self.registered.emit(record)

    def clear_inputs(self) -> None:
        self.category.set_value(None)
        self.description.clear()
        self.colour.clear()
        self.place.clear()
        self.when.reset()
        self.storage.clear()
        self.finder_name.clear()
        self.finder_phone.clear()
        self.photo.clear()

    def retranslate(self) -> None:
        self.category.retranslate()
        labels = {
            "category": self.tr("What kind of item?"),
            "description": self.tr("What does it look like? (brand, contents, marks)"),
            "colour": self.tr("Colour"),
            "found_place": self.tr("Where was it found?"),
            "found_at": self.tr("When was it found?"),
            "storage_place": self.tr("Where is it kept now? (optional)"),
            "finder_name": self.tr("Finder's name (optional)"),
            "finder_phone": self.tr("Finder's phone (optional)"),
        }
        for name, text in labels.items():
            self.fields[name].label.setText(text)
        self.storage.setPlaceholderText(self.tr("e.g. cabinet 2, top shelf"))
        self.save_button.setText(self.tr("Save found item"))
        self.print_button.setText(self.tr("Print tag"))
        self.clear_button.setText(self.tr("Clear form"))
        self.retranslate_error()
