"""认领归还: check who claims the item, let them sign, and record the return."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from station import privacy
from station.errors import StationError
from station.models import FoundItem, ItemReturn, LostReport
from station.services import lostfound
from station.vocab import ID_TYPES, label
from ui import i18n
from ui.desks.lostfound.cards import RecordCard
from ui.i18n import Retranslatable
from ui.signature import SignaturePad
from ui.widgets import ChoiceRow, Field, FormErrors, big_button, line_edit
from ui.worker import Worker


class ReturnPanel(Retranslatable, QWidget):
    """Shown in place of the search while one item is being handed back."""

    finished = Signal(object)  # the ItemReturn, or None when cancelled

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.item: FoundItem | None = None
        self.report: LostReport | None = None
        # The name on the report when it is shown masked: used if nothing else is typed.
        self._unseen_claimant = ""
        self._saving = False
        # Shown errors, kept so they can be shown again in another language.
        self._error: StationError | None = None
        self._unsigned = False

        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.item_card = RecordCard(worker, self, compact=True)
        self.report_card = RecordCard(worker, self, compact=True)
        self.claimant = line_edit()
        self.claimant.setMaxLength(40)
        self.id_type = ChoiceRow(columns=3)
        # Some ID names are long (港澳居民来往内地通行证): less padding, so three fit in a row.
        self.id_type.setStyleSheet(
            'QPushButton[choice="true"] { min-height: 36px; padding: 6px 4px; min-width: 80px; }'
        )
        self.id_type.set_options([(code, _id_label(code)) for code in ID_TYPES])
        self.id_last4 = line_edit()
        self.id_last4.setMaxLength(4)
        self.id_last4.setMaximumWidth(200)
        self.signature = SignaturePad()
        self.fields = {
            "claimant_name": Field(self.claimant),
            "id_type": Field(self.id_type),
            "id_last4": Field(self.id_last4),
            "signature_png": Field(self.signature),
        }
        self.general = QLabel(self)
        self.errors = FormErrors(self.fields, self.general)
        self.cancel_button = big_button()
        self.confirm_button = big_button(primary=True)
        self.cancel_button.clicked.connect(self.cancel)
        self.confirm_button.clicked.connect(self.confirm)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.title)
        layout.addLayout(self._columns(), 1)
        layout.addLayout(self._buttons())
        self.retranslate()

    def _columns(self) -> QVBoxLayout:
        """What is returned across the top, the ID shown below it (long ID names need the
        width), then the claimant's name beside the signature."""
        cards = QHBoxLayout()
        cards.setSpacing(16)
        cards.addWidget(self.item_card, 1)
        cards.addWidget(self.report_card, 1)
        left = QVBoxLayout()
        left.addWidget(self.fields["claimant_name"])
        left.addWidget(self.fields["id_last4"])
        left.addStretch(1)
        bottom = QHBoxLayout()
        bottom.setSpacing(24)
        bottom.addLayout(left, 1)
        bottom.addWidget(self.fields["signature_png"], 1)
        columns = QVBoxLayout()
        columns.setSpacing(8)
        columns.addLayout(cards)
        columns.addWidget(self.fields["id_type"])
        columns.addLayout(bottom, 1)
        return columns

    def _buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        buttons.addWidget(self.general, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        return buttons

    def start(self, item: FoundItem, report: LostReport | None, own_station: str | None) -> None:
        self.item, self.report = item, report
        self._clear_errors()
        self.item_card.own_station = self.report_card.own_station = own_station
        self.item_card.show_record(item)
        self.report_card.show_record(report)
        self.report_card.setVisible(report is not None)
        self._show_claimant("" if report is None else report.contact_name)
        self.id_type.set_value("id_card")
        self.id_last4.clear()
        self.signature.clear()
        self.claimant.setFocus()

    def _show_claimant(self, name: str) -> None:
        """The name on the report, to be confirmed: whole for a lead; for anyone else the
        mask, as a hint in the empty field, so that the mask is never saved."""
        whole = privacy.shown_to(self.worker.store.actor).whole
        self._unseen_claimant = "" if whole else name
        self.claimant.setText(name if whole else "")
        self._claimant_hint()

    def _claimant_hint(self) -> None:
        hint = ""
        if self._unseen_claimant:
            hint = self.tr("{name}: leave empty if the owner collects it")
            hint = hint.format(name=privacy.mask_name(self._unseen_claimant))
        self.claimant.setPlaceholderText(hint)

    def has_unsaved_changes(self) -> bool:
        return self.item is not None and (
            bool(self.id_last4.text()) or not self.signature.is_empty()
        )

    def cancel(self) -> None:
        self.item = self.report = None
        self.finished.emit(None)

    def confirm(self) -> None:
        if self._saving or self.item is None:
            return
        self._clear_errors()
        signature = self.signature.to_png()
        if signature is None:
            self._unsigned = True
            self._show_errors()
            return
        item_id = self.item.id
        report_id = None if self.report is None else self.report.id
        claimant = self.claimant.text().strip() or self._unseen_claimant
        id_type, last4 = self.id_type.value(), self.id_last4.text()
        self._saving = True
        self.confirm_button.setEnabled(False)

        def job(session: Session) -> ItemReturn:
            record = lostfound.return_item(
                session,
                item=item_id,
                lost_report=report_id,
                claimant_name=claimant,
                id_type=id_type,
                id_last4=last4,
                signature_png=signature,
            )
            # Loaded now, so the detached record can name the item on the screen.
            assert record.found_item is not None
            return record

        self.worker.write(
            job,
            on_done=self._done,
            on_error=self._refused,
        )

    def _done(self, record: ItemReturn) -> None:
        self._saving = False
        self.confirm_button.setEnabled(True)
        self.item = self.report = None
        self.finished.emit(record)

    def _refused(self, error: StationError) -> None:
        self._saving = False
        self.confirm_button.setEnabled(True)
        self._error = error
        self._show_errors()

    def _clear_errors(self) -> None:
        self._error = None
        self._unsigned = False
        self.errors.clear()

    def _show_errors(self) -> None:
        if self._error is not None:
            self.errors.show(self._error)
        if self._unsigned:
            self.fields["signature_png"].set_error(
                self.tr("Please ask the owner to sign in the box.")
            )

    def retranslate(self) -> None:
        self.title.setText(self.tr("Return to the owner"))
        self.id_type.retranslate()
        self.fields["claimant_name"].label.setText(self.tr("Name of the person collecting it"))
        self.fields["id_type"].label.setText(self.tr("ID shown"))
        self.fields["id_last4"].label.setText(self.tr("Last four characters of the ID number"))
        self.fields["signature_png"].label.setText(self.tr("Owner's signature"))
        self.id_last4.setPlaceholderText(self.tr("e.g. 123X"))
        self._claimant_hint()
        self.cancel_button.setText(self.tr("Back"))
        self.confirm_button.setText(self.tr("Confirm return"))
        self._show_errors()


def _id_label(code: str) -> Callable[[], str]:
    return lambda: label(ID_TYPES, code, i18n.current())
