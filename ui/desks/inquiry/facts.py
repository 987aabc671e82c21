"""The facts of one inquiry on a card, and its follow-up history underneath."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from station.vocab import INQUIRY_CATEGORIES, label
from ui import i18n
from ui.desks.inquiry.common import local_time
from ui.desks.inquiry.data import InquiryView, meeting
from ui.i18n import Retranslatable

FACTS = ("time", "category", "question", "answer", "visitor", "handler", "referral", "escalation")
ALWAYS_SHOWN = ("question", "answer")


class InquiryFacts(Retranslatable, QWidget):
    def __init__(self, view: InquiryView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.fact_names = {key: QLabel() for key in FACTS}
        self.fact_values = {key: QLabel() for key in FACTS}
        self.history_label = QLabel()
        self.history_label.setStyleSheet("font-weight: bold;")
        self.history = QListWidget()
        self.history.setWordWrap(True)
        self.history.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        card = QFrame()
        card.setProperty("card", True)
        grid = QGridLayout(card)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setHorizontalSpacing(14)
        grid.setColumnStretch(1, 1)
        for line, key in enumerate(FACTS):
            name, value = self.fact_names[key], self.fact_values[key]
            name.setProperty("role", "hint")
            name.setAlignment(Qt.AlignmentFlag.AlignTop)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, line, 0)
            grid.addWidget(value, line, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(card)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history, 1)
        self.retranslate()

    def show_view(self, view: InquiryView) -> None:
        self.view = view
        self.retranslate()

    def retranslate(self) -> None:
        names = {
            "time": self.tr("Logged"),
            "category": self.tr("About"),
            "question": self.tr("Question"),
            "answer": self.tr("Answer"),
            "visitor": self.tr("Visitor"),
            "handler": self.tr("Handled by"),
            "referral": self.tr("Referred to"),
            "escalation": self.tr("Escalated to"),
        }
        values = self._values()
        for key in FACTS:
            self.fact_names[key].setText(names[key])
            self.fact_values[key].setText(values[key] or "—")
            # Facts that do not apply yet (no referral, no visitor contact) stay out of the way.
            shown = bool(values[key]) or key in ALWAYS_SHOWN
            self.fact_names[key].setVisible(shown)
            self.fact_values[key].setVisible(shown)
        self.history_label.setText(self.tr("Follow-up history"))
        self.history.clear()
        for note in self.view.notes:
            when = local_time(note.when, "%m-%d %H:%M")
            who = f"  {note.writer}" if note.writer else ""
            self.history.addItem(f"{when}{who}\n{note.text}")
        if not self.view.notes:
            self.history.addItem(self.tr("No follow-ups yet."))
        self.history.scrollToBottom()

    def _values(self) -> dict[str, str]:
        inquiry = self.view.inquiry
        handler = inquiry.handler.name if inquiry.handler else ""
        if inquiry.post is not None:
            handler = f"{handler} · {inquiry.post.name}" if handler else inquiry.post.name
        referral = inquiry.referral_unit or ""
        if referral and inquiry.referral_contact:
            referral = f"{referral} · {inquiry.referral_contact}"
        logged = local_time(inquiry.created_at, "%Y-%m-%d %H:%M")
        if inquiry.closed_at is not None:
            logged = self.tr("{logged}, resolved {closed}").format(
                logged=logged, closed=local_time(inquiry.closed_at, "%m-%d %H:%M")
            )
        return {
            "time": logged,
            "category": label(INQUIRY_CATEGORIES, inquiry.category, i18n.current()),
            "question": inquiry.question,
            "answer": inquiry.answer or "",
            "visitor": self.view.visitor,
            "handler": handler,
            "referral": referral,
            "escalation": meeting(inquiry.escalation_level) if inquiry.escalation_level else "",
        }
