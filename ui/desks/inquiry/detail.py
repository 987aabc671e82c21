"""One inquiry opened from the list: its facts, its follow-up history, and what to do next."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from station.errors import StationError
from station.services import inquiries
from station.vocab import INQUIRY_STATUSES, label
from ui import i18n
from ui.desks.inquiry.actions import ActionPanel
from ui.desks.inquiry.data import InquiryView, load_view, meeting
from ui.desks.inquiry.facts import InquiryFacts
from ui.desks.inquiry.listing import STATUS_COLOURS
from ui.i18n import Retranslatable
from ui.preview import SlipPreview, show_slip
from ui.widgets import big_button
from ui.worker import Worker

Action = Callable[[Session, str, "str | None"], object]


class InquiryDetail(Retranslatable, QDialog):
    """Resolve, refer, escalate or add a note; `acted` carries the updated view."""

    acted = Signal(object)

    def __init__(
        self,
        worker: Worker,
        view: InquiryView,
        acting: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.view = view
        self.acting = acting  # who is doing it: the volunteer chosen on the form
        self.heading = QLabel(self)
        self.heading.setProperty("role", "title")
        self.status = QLabel(self)
        self.facts = InquiryFacts(view, self)
        self.panel = ActionPanel(self)
        self.close_button = big_button(parent=self)
        self.close_button.clicked.connect(self.accept)
        self.preview: SlipPreview | None = None
        self.print_button = big_button(parent=self)
        self.print_button.clicked.connect(self.print_slip)
        panel = self.panel
        panel.resolve_button.clicked.connect(self.resolve)
        panel.refer_button.clicked.connect(self.refer)
        for level, button in panel.level_buttons.items():
            button.clicked.connect(lambda _checked=False, level=level: self.escalate(level))
        panel.note_button.clicked.connect(self.add_note)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.status)
        columns = QHBoxLayout()
        columns.setSpacing(20)
        columns.addWidget(self.facts, 11)
        columns.addWidget(self.panel, 9)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addLayout(columns, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.setModal(True)
        self.resize(980, 660)
        self.show_view(view)

    def show_view(self, view: InquiryView) -> None:
        self.view = view
        self.facts.show_view(view)
        self.panel.show_for(view)
        self.retranslate()

    def draft(self) -> dict[str, Any] | None:
        """The inquiry and what is typed in its action pages; None when nothing is typed."""
        typed = self.panel.typed()
        return None if typed is None else {"inquiry": self.view.inquiry.id, **typed}

    def restore_draft(self, fields: dict[str, Any]) -> None:
        self.panel.restore_typed(fields)

    def retranslate(self) -> None:
        inquiry = self.view.inquiry
        self.setWindowTitle(self.tr("Inquiry {ticket}").format(ticket=inquiry.ticket_no))
        self.heading.setText(inquiry.ticket_no)
        self.status.setText(label(INQUIRY_STATUSES, inquiry.status, i18n.current()))
        colour = STATUS_COLOURS.get(inquiry.status, "#1a1a1a")
        self.status.setStyleSheet(f"font-size: 17pt; font-weight: bold; color: {colour};")
        self.close_button.setText(self.tr("Close"))
        self.print_button.setText(self.tr("Print slip"))

    def print_slip(self) -> None:
        self.preview = show_slip(self.worker, "inquiry", self.view.inquiry.ticket_no, self)

    def resolve(self) -> None:
        answer = self.panel.resolve_edit.toPlainText()
        self._act(
            lambda s, ref, by: inquiries.resolve(s, ref, answer=answer, by=by),
            lambda: self.tr("Resolved. Thank you!"),
        )

    def refer(self) -> None:
        unit, contact = self.panel.unit_edit.text(), self.panel.contact_edit.text()
        self._act(
            lambda s, ref, by: inquiries.refer(s, ref, unit=unit, contact=contact, by=by),
            lambda: self.tr("Referred to {unit}.").format(unit=unit.strip()),
        )

    def escalate(self, level: int) -> None:
        self._act(
            lambda s, ref, by: inquiries.escalate(s, ref, level=level, by=by),
            lambda: self.tr("Escalated to: {meeting}.").format(meeting=meeting(level)),
        )

    def add_note(self) -> None:
        note = self.panel.note_edit.toPlainText()
        self._act(
            lambda s, ref, by: inquiries.add_follow_up(s, ref, note=note, by=by),
            lambda: self.tr("Note added."),
        )

    def _act(self, action: Action, done: Callable[[], str]) -> None:
        if self.panel.busy:
            return
        self.panel.clear_messages()
        self.panel.set_busy(True)
        ref, by = self.view.inquiry.id, self.acting()

        def job(session: Session) -> InquiryView:
            action(session, ref, by)
            return load_view(session, ref)

        self.worker.write(
            job, on_done=lambda view: self._acted(view, done()), on_error=self._refused
        )

    def _acted(self, view: InquiryView, message: str) -> None:
        self.panel.set_busy(False)
        self.show_view(view)
        self.panel.done(message)
        self.acted.emit(view)

    def _refused(self, error: StationError) -> None:
        self.panel.set_busy(False)
        self.panel.refused(error)
