"""What can be done with an open inquiry, one big button each: resolve, refer, escalate, note."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from station.errors import StationError
from station.services import inquiries
from station.vocab import ESCALATION_LEVELS
from ui.desks.inquiry.common import Banner
from ui.desks.inquiry.data import InquiryView, meeting
from ui.i18n import Retranslatable
from ui.widgets import ChoiceRow, Field, FormErrors, big_button, line_edit, text_box

ACTIONS = ("resolve", "refer", "escalate", "note")
WHILE_OPEN = ("resolve", "refer", "escalate")


class ActionPanel(Retranslatable, QWidget):
    """The buttons and inputs; the dialog that holds the panel does the work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._error: StationError | None = None
        self._busy = False
        self._reached = 0  # escalation level already reached
        self.next_label = QLabel()
        self.next_label.setStyleSheet("font-weight: bold;")
        self.action_row = ChoiceRow(columns=2)
        self.action_row.set_options((code, self._action_label(code)) for code in ACTIONS)
        self.action_row.chosen.connect(self._show_action)
        self.pages = QStackedWidget()
        self.choose_hint = QLabel()
        self.choose_hint.setProperty("role", "hint")
        self.choose_hint.setWordWrap(True)
        self.choose_hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.pages.addWidget(self.choose_hint)
        self._build_pages()
        self.general = QLabel()
        self.errors = FormErrors(
            {
                "answer": self.resolve_answer,
                "referral_unit": self.unit,
                "referral_contact": self.contact,
                "escalation_level": self.escalation,
                "note": self.note,
            },
            self.general,
        )
        self.banner = Banner()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.next_label, self.action_row):
            layout.addWidget(widget)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.general)
        layout.addWidget(self.banner)
        self.retranslate()

    def _build_pages(self) -> None:
        self.resolve_edit = text_box(lines=3)
        self.resolve_answer = Field(self.resolve_edit)
        self.resolve_button = big_button(primary=True)
        self.unit_edit = line_edit()
        self.unit_edit.setMaxLength(inquiries.UNIT_MAX)
        self.unit = Field(self.unit_edit)
        self.contact_edit = line_edit()
        self.contact_edit.setMaxLength(32)
        self.contact = Field(self.contact_edit)
        self.refer_button = big_button(primary=True)
        self.level_buttons = {level: big_button() for level in ESCALATION_LEVELS}
        levels = QWidget()
        levels_layout = QVBoxLayout(levels)
        levels_layout.setContentsMargins(0, 0, 0, 0)
        for button in self.level_buttons.values():
            levels_layout.addWidget(button)
        self.escalation = Field(levels)
        self.escalate_hint = QLabel()
        self.escalate_hint.setProperty("role", "hint")
        self.escalate_hint.setWordWrap(True)
        self.note_edit = text_box(lines=3)
        self.note = Field(self.note_edit)
        self.note_button = big_button(primary=True)
        self.page_of = {
            "resolve": self._page(self.resolve_answer, self.resolve_button),
            "refer": self._page(self.unit, self.contact, self.refer_button),
            "escalate": self._page(self.escalate_hint, self.escalation),
            "note": self._page(self.note, self.note_button),
        }

    def _action_label(self, code: str) -> Callable[[], str]:
        texts: dict[str, Callable[[], str]] = {
            "resolve": lambda: self.tr("Resolve"),
            "refer": lambda: self.tr("Refer to a unit"),
            "escalate": lambda: self.tr("Escalate"),
            "note": lambda: self.tr("Add a note"),
        }
        return texts[code]

    def _page(self, *widgets: QWidget) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)
        self.pages.addWidget(page)
        return page

    def show_for(self, view: InquiryView) -> None:
        """Offer what fits the inquiry's state: a closed one only takes notes."""
        for code in WHILE_OPEN:
            self.action_row.button(code).setVisible(view.is_open)
        if not view.is_open:
            # Notes are all a closed inquiry takes: show that page straight away.
            self.action_row.set_value("note")
            self.pages.setCurrentWidget(self.page_of["note"])
        self._reached = view.inquiry.escalation_level or 0
        self.next_label.setText(
            self.tr("What next?") if view.is_open else self.tr("Closed. You can still add a note.")
        )
        self._enable()

    def retranslate(self) -> None:
        if not self.action_row.button("resolve").isHidden():
            self.next_label.setText(self.tr("What next?"))
        else:
            self.next_label.setText(self.tr("Closed. You can still add a note."))
        self.action_row.retranslate()
        self.choose_hint.setText(self.tr("Tap what you want to do with this inquiry."))
        self.resolve_answer.label.setText(self.tr("What was done (optional; replaces the answer)"))
        self.resolve_button.setText(self.tr("Mark as resolved"))
        self.unit.label.setText(self.tr("Unit it goes to"))
        self.contact.label.setText(self.tr("Unit's phone (optional)"))
        self.refer_button.setText(self.tr("Refer"))
        self.escalation.label.setText(self.tr("Raise it to"))
        self.escalate_hint.setText(
            self.tr(
                "For matters the station cannot settle alone. "
                "The meeting takes it up; the inquiry stays open."
            )
        )
        for level, button in self.level_buttons.items():
            button.setText(meeting(level))
        self.note.label.setText(self.tr("Follow-up note"))
        self.note_button.setText(self.tr("Add note"))
        if self._error is not None:
            self.errors.show(self._error)

    def _show_action(self, code: str) -> None:
        self.clear_messages()
        self.pages.setCurrentWidget(self.page_of[code])

    def typed(self) -> dict[str, str] | None:
        """What is typed on the action pages and which one is open, to keep while the kiosk
        is locked; None when nothing is typed."""
        texts = {
            "answer": self.resolve_edit.toPlainText(),
            "unit": self.unit_edit.text(),
            "contact": self.contact_edit.text(),
            "note": self.note_edit.toPlainText(),
        }
        if not any(text.strip() for text in texts.values()):
            return None
        return {"action": self.action_row.value() or "", **texts}

    def restore_typed(self, typed: dict[str, Any]) -> None:
        """Put back what `typed` gave, on the page it was typed on if this inquiry offers it."""
        self.resolve_edit.setPlainText(str(typed.get("answer") or ""))
        self.unit_edit.setText(str(typed.get("unit") or ""))
        self.contact_edit.setText(str(typed.get("contact") or ""))
        self.note_edit.setPlainText(str(typed.get("note") or ""))
        code = typed.get("action")
        if code in self.page_of and not self.action_row.button(code).isHidden():
            self.action_row.set_value(code)
            self._show_action(code)

    # Around the work --------------------------------------------------------------------------
    def clear_messages(self) -> None:
        self._error = None
        self.errors.clear()
        self.banner.hide()

    @property
    def busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._enable()

    def _enable(self) -> None:
        for button in (self.resolve_button, self.refer_button, self.note_button):
            button.setEnabled(not self._busy)
        for level, button in self.level_buttons.items():
            # Only upwards: a matter already before the alliance does not go back to level 2.
            button.setEnabled(not self._busy and level > self._reached)

    def done(self, message: str) -> None:
        self.resolve_edit.clear()
        self.note_edit.clear()
        self.banner.say(message)

    def refused(self, error: StationError) -> None:
        self._error = error
        self.errors.show(error)

    def level_button(self, level: int) -> QPushButton:
        return self.level_buttons[level]
