"""Cards that show one found item or lost report, readable at arm's length."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from station import privacy
from station.models import FoundItem, LostReport
from station.services import lostfound
from station.vocab import FOUND_ITEM_STATUSES, ITEM_CATEGORIES, LOST_REPORT_STATUSES, label
from ui import i18n
from ui.desks.lostfound.photos import FORM_PREVIEW, PREVIEW, PhotoPreview, thumbnail
from ui.desks.lostfound.pickers import local_minute
from ui.i18n import Retranslatable
from ui.worker import Worker

Record = FoundItem | LostReport


def card_frame(parent: QWidget | None = None) -> QFrame:
    frame = QFrame(parent)
    frame.setProperty("card", True)
    return frame


class RecordCard(Retranslatable, QFrame):
    """Number, kind, description and the facts of one record; a photo for an item that has one."""

    def __init__(
        self, worker: Worker, parent: QWidget | None = None, *, compact: bool = False
    ) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        # Labels take the window's background from the app style; on a card they must not.
        self.compact = compact
        self.worker = worker
        self.record: Record | None = None
        self.own_station: str | None = None
        self.heading = QLabel(self)
        size = 15 if compact else 17
        self.heading.setStyleSheet(f"font-weight: bold; font-size: {size}pt; color: #7f0000;")
        self.heading.setWordWrap(True)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.photo = PhotoPreview(self, FORM_PREVIEW * 2 if compact else PREVIEW)
        self.photo.hide()
        self.text_layout = QVBoxLayout()
        self.text_layout.addWidget(self.heading)
        self.text_layout.addWidget(self.body, 1)
        # Buttons added here sit at the right. (The stretch also matters: an empty box
        # layout has a maximum width of 0, which would squeeze the text column.)
        self.action_row = QHBoxLayout()
        self.action_row.addStretch(1)
        self.text_layout.addLayout(self.action_row)
        self.side = QVBoxLayout()
        self.side.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignRight)
        self.side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(self.text_layout, 1)
        layout.addLayout(self.side)

    def show_record(self, record: Record | None) -> None:
        self.record = record
        self.photo.hide()
        self.retranslate()
        if isinstance(record, FoundItem) and record.photos:
            name = record.photos[0]
            size = self.photo.width() - 8
            self.photo.show_image(None, "…")
            self.photo.show()
            self.worker.read(
                lambda s: thumbnail(lostfound.photo_path(s, name), size),
                on_done=lambda image: self._photo_loaded(record, image),
            )

    def _photo_loaded(self, record: Record, image: QImage | None) -> None:
        if record is self.record:
            self.photo.show_image(image, self.tr("No photo"))

    def retranslate(self) -> None:
        record = self.record
        if record is None:
            self.heading.clear()
            self.body.clear()
            return
        lang = i18n.current()
        kind = label(ITEM_CATEGORIES, record.category, lang)
        if isinstance(record, FoundItem):
            self.heading.setText(
                self.tr("Found item {number} · {kind}").format(number=record.item_no, kind=kind)
            )
            where = self.tr("Found at {place}, {time}").format(
                place=record.found_place, time=local_minute(record.found_at)
            )
            extra = self.tr("Kept at: {place}").format(place=record.storage_place or "—")
            status = label(FOUND_ITEM_STATUSES, record.status, lang)
        else:
            self.heading.setText(
                self.tr("Lost report {number} · {kind}").format(number=record.report_no, kind=kind)
            )
            where = self.tr("Lost at {place}, {time}").format(
                place=record.lost_place, time=local_minute(record.lost_at)
            )
            shown = privacy.shown_to(self.worker.store.actor)
            extra = self.tr("Contact: {name} {phone}").format(
                name=shown.name(record.contact_name), phone=self._phone(record, shown)
            )
            status = label(LOST_REPORT_STATUSES, record.status, lang)
        colour = self.tr("Colour: {colour}").format(colour=record.colour or "—")
        if self.compact:
            # Suggestions are always held items or open reports: the status says nothing.
            lines = [record.description, f"{colour} · {where}", extra]
        else:
            status_line = self.tr("Status: {status}").format(status=status)
            lines = [record.description, colour, where, extra, status_line]
        if self.own_station is not None and record.station_code != self.own_station:
            lines.append(self.tr("Registered at station {code}").format(code=record.station_code))
        self.body.setText("\n".join(lines))

    def _phone(self, record: LostReport, shown: privacy.Shown) -> str:
        # Another station's visitor is called by that station; here the number stays masked,
        # even for a lead.
        if self.own_station is not None and record.station_code != self.own_station:
            return privacy.mask_phone(record.contact_phone)
        return shown.phone(record.contact_phone)
