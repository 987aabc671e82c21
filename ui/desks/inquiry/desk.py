"""The inquiry desk: the new-inquiry form beside today's list; a tapped row opens its detail."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QWidget

from station.models import Inquiry
from ui.desks.base import Desk
from ui.desks.inquiry.data import InquiryView, load_view
from ui.desks.inquiry.detail import InquiryDetail
from ui.desks.inquiry.form import InquiryForm
from ui.desks.inquiry.listing import TodayList
from ui.preview import SlipPreview, show_slip
from ui.worker import Worker

# The draft's key for an inquiry that was open, beside the form's fields.
OPEN_DETAIL = "open_inquiry"


class InquiryDesk(Desk):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.form = InquiryForm(worker, self)
        self.list = TodayList(worker, self)
        self.detail: InquiryDetail | None = None
        self.reopening: dict[str, Any] | None = None  # the draft of a detail being reopened
        self.last_saved: Inquiry | None = None
        self.preview: SlipPreview | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(28)
        layout.addWidget(self.form, 55)
        layout.addWidget(self.list, 45)
        self.form.saved.connect(self._saved)
        self.form.banner.action.clicked.connect(self._open_last_saved)
        self.form.print_button.clicked.connect(self._print_last_saved)
        self.list.opened.connect(lambda inquiry: self.open_inquiry(inquiry.id))
        worker.changed.connect(self._refresh)
        self.retranslate()

    def retranslate(self) -> None:
        # The form, the list and an open detail follow the language by themselves.
        pass

    def activate(self) -> None:
        self.form.load_on_duty()
        self.list.reload()

    def has_unsaved_changes(self) -> bool:
        return self.form.has_input()

    def discard_changes(self) -> None:
        self.form.clear()
        self.reopening = None
        if self.detail is not None:
            self.detail.close()
            self.detail.deleteLater()
            self.detail = None

    def draft(self) -> dict[str, Any] | None:
        """The form's input, and an open inquiry's with what was typed in it (a note half
        written when the kiosk locked is there again when the same person signs in)."""
        kept = self.form.draft() if self.form.has_input() else {}
        if self.detail is not None and self.detail.isVisible():
            typed = self.detail.draft()
            if typed is not None:
                kept[OPEN_DETAIL] = typed
        return kept or None

    def restore_draft(self, fields: dict[str, Any]) -> None:
        form = dict(fields)
        detail = form.pop(OPEN_DETAIL, None)
        if form:
            self.form.restore(form)
        if isinstance(detail, dict) and isinstance(detail.get("inquiry"), str):
            self.reopening = detail
            # An inquiry deleted meanwhile has nowhere to take the text: nothing opens.
            self.worker.read(
                lambda s: load_view(s, detail["inquiry"]),
                on_done=self._show_detail,
                on_error=lambda _error: None,
            )

    def open_inquiry(self, ref: str) -> None:
        """Show one inquiry (by id or ticket number) with what can be done next."""
        self.worker.read(lambda s: load_view(s, ref), on_done=self._show_detail)

    def _show_detail(self, view: InquiryView) -> None:
        if self.detail is not None:
            self.detail.close()
            self.detail.deleteLater()
        self.detail = InquiryDetail(self.worker, view, self.form.handler_id, self.window())
        reopening, self.reopening = self.reopening, None
        if reopening is not None and reopening.get("inquiry") == view.inquiry.id:
            self.detail.restore_draft(reopening)
        self.detail.open()

    def _saved(self, inquiry: Inquiry) -> None:
        self.last_saved = inquiry

    def _open_last_saved(self) -> None:
        if self.last_saved is not None:
            self.open_inquiry(self.last_saved.id)

    def _print_last_saved(self) -> None:
        if self.last_saved is not None:
            self.preview = show_slip(self.worker, "inquiry", self.last_saved.ticket_no, self)

    def _refresh(self) -> None:
        # Any write may change today's list; a check-in elsewhere changes who is on duty.
        self.list.reload()
        self.form.load_on_duty()
