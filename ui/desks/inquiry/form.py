"""The new-inquiry form: category, a quick answer, resolved — three taps and no typing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from station.models import Faq, Inquiry
from station.services import faq, inquiries
from station.vocab import INQUIRY_CATEGORIES, label
from ui import i18n
from ui.desks.inquiry.common import NARROW, Banner, ClearableChoice, two_lines
from ui.desks.inquiry.data import OnDuty, on_duty
from ui.i18n import Retranslatable
from ui.widgets import ChoiceRow, Field, FormErrors, big_button, line_edit, row, text_box
from ui.worker import Worker

QUICK_ROWS = 3  # quick answers visible without scrolling


def _category_label(code: str) -> Callable[[], str]:
    return lambda: two_lines(label(INQUIRY_CATEGORIES, code, i18n.current()))


def _fixed(text: str) -> Callable[[], str]:
    """A label that is the same in every language (a person's name)."""
    return lambda: text


class InquiryForm(Retranslatable, QWidget):
    """Emits `saved` with the stored inquiry; errors appear under their fields."""

    saved = Signal(object)

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.duty: list[OnDuty] = []
        self.quick: list[Faq] = []
        self._error: StationError | None = None
        self._saving = False
        self._saved_ticket = ""

        self.heading = QLabel(self)
        self.heading.setProperty("role", "title")
        self._build_choices()
        self._build_texts()
        self._build_actions()
        self._layout()
        self.retranslate()

    def _build_choices(self) -> None:
        self.category_row = ChoiceRow(columns=4)
        self.category_row.setProperty(NARROW, True)
        self.category_row.set_options((code, _category_label(code)) for code in INQUIRY_CATEGORIES)
        self.category_row.chosen.connect(self._category_chosen)
        self.category = Field(self.category_row)

        self.quick_list = QListWidget()
        self.quick_list.setWordWrap(True)
        self.quick_list.setFixedHeight(QUICK_ROWS * 52 + 6)
        self.quick_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.quick_list.itemClicked.connect(self._quick_chosen)
        self.quick_hint = QLabel()
        self.quick_hint.setProperty("role", "hint")
        self.quick_hint.setWordWrap(True)
        self.quick_hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.quick_stack = QStackedWidget()
        self.quick_stack.addWidget(self.quick_hint)
        self.quick_stack.addWidget(self.quick_list)
        self.quick_stack.setFixedHeight(self.quick_list.height())
        self.quick_label = QLabel()
        self.handler_row = ClearableChoice(columns=3)
        self.handler_row.setProperty(NARROW, True)
        self.nobody = QLabel()
        self.nobody.setProperty("role", "hint")
        self.handler_box = QStackedWidget()
        self.handler_box.addWidget(self.nobody)
        self.handler_box.addWidget(self.handler_row)
        self.handler = Field(self.handler_box)

    def _build_texts(self) -> None:
        self.question_edit = line_edit()
        self.question_edit.setMaxLength(inquiries.QUESTION_MAX)
        self.question = Field(self.question_edit)
        self.answer_edit = text_box(lines=2)
        self.answer = Field(self.answer_edit)
        self.name_edit = line_edit()
        self.name_edit.setMaxLength(inquiries.NAME_MAX)
        self.visitor_name = Field(self.name_edit)
        self.phone_edit = line_edit()
        self.phone_edit.setMaxLength(32)
        self.visitor_phone = Field(self.phone_edit)
        self.phone_edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.contact_why = QLabel()
        self.contact_why.setProperty("role", "hint")
        self.contact_why.setWordWrap(True)
        for edit in (self.question_edit, self.name_edit, self.phone_edit):
            edit.textEdited.connect(self._typed)
        self.answer_edit.textChanged.connect(self._typed)

    def _build_actions(self) -> None:
        self.general = QLabel(self)
        self.errors = FormErrors(
            {
                "category": self.category,
                "question": self.question,
                "answer": self.answer,
                "visitor_name": self.visitor_name,
                "visitor_phone": self.visitor_phone,
                "handled_by": self.handler,
            },
            self.general,
        )
        self.resolve_button = big_button(primary=True, parent=self)
        self.resolve_button.clicked.connect(lambda: self.submit(resolved=True))
        self.open_button = big_button(parent=self)
        self.open_button.clicked.connect(lambda: self.submit(resolved=False))
        self.clear_button = big_button(parent=self)
        self.clear_button.clicked.connect(self.clear)
        self.banner = Banner(self)
        self.print_button = big_button(parent=self.banner)
        self.banner.layout().addWidget(self.print_button)  # type: ignore[union-attr]

    def _layout(self) -> None:
        body = QWidget()
        form = QVBoxLayout(body)
        form.setContentsMargins(0, 0, 12, 0)
        form.setSpacing(10)
        quick = QWidget()
        quick_layout = QVBoxLayout(quick)
        quick_layout.setContentsMargins(0, 0, 0, 0)
        quick_layout.setSpacing(2)
        quick_layout.addWidget(self.quick_label)
        quick_layout.addWidget(self.quick_stack)
        contact = QWidget()
        contact_layout = QVBoxLayout(contact)
        contact_layout.setContentsMargins(0, 0, 0, 0)
        contact_layout.setSpacing(2)
        pair = QHBoxLayout()
        pair.setSpacing(12)
        for field in (self.visitor_name, self.visitor_phone):
            # Top-aligned, half each: an error under one field must not move the other.
            pair.addWidget(field, 1, Qt.AlignmentFlag.AlignTop)
        contact_layout.addLayout(pair)
        contact_layout.addWidget(self.contact_why)
        for widget in (self.category, quick, self.question, self.answer, contact, self.handler):
            form.addWidget(widget)
        form.addStretch(1)
        self.scroll_area = scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general)
        layout.addWidget(row(self.resolve_button, self.open_button, self.clear_button))
        layout.addWidget(self.banner)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("New inquiry"))
        self.category.label.setText(self.tr("What is it about?"))
        self.category_row.retranslate()
        self.quick_label.setText(self.tr("Quick answers: one tap fills in question and answer"))
        self._show_quick_hint()
        self.question.label.setText(self.tr("Question"))
        self.question_edit.setPlaceholderText(self.tr("What the visitor asked, in a few words"))
        self.answer.label.setText(self.tr("Answer or help given"))
        self.visitor_name.label.setText(self.tr("Visitor's name (optional)"))
        self.visitor_phone.label.setText(self.tr("Visitor's phone (optional)"))
        self.contact_why.setText(
            self.tr(
                "Only so we can call the visitor back about this matter. Leave empty if not needed."
            )
        )
        self.handler.label.setText(self.tr("Handled by (optional; tap again to clear)"))
        self.nobody.setText(self.tr("Nobody is checked in right now."))
        self.resolve_button.setText(self.tr("Resolved on the spot"))
        self.open_button.setText(self.tr("Save, follow up later"))
        self.clear_button.setText(self.tr("Clear"))
        self.banner.text.setText(self.tr("Saved {ticket}").format(ticket=self._saved_ticket))
        self.banner.action.setText(self.tr("Open"))
        self.print_button.setText(self.tr("Print slip"))
        if self._error is not None:
            self.errors.show(self._error)

    # Data from the worker ---------------------------------------------------------------------
    def load_on_duty(self) -> None:
        self.worker.read(on_duty, on_done=self._show_on_duty)

    def _show_on_duty(self, duty: list[OnDuty]) -> None:
        chosen = self.handler_row.value()
        self.duty = duty
        self.handler_row.set_options((d.volunteer_id, _fixed(d.name)) for d in duty)
        ids = [d.volunteer_id for d in duty]
        # Keep who was chosen while they are still on duty; with one person, it is them.
        self.handler_row.set_value(chosen if chosen in ids else (ids[0] if len(ids) == 1 else None))
        self.handler_box.setCurrentIndex(1 if duty else 0)

    def _category_chosen(self, code: str) -> None:
        self.banner.hide()
        self.quick = []
        self.quick_list.clear()
        self._show_quick_hint(loading=True)
        self.worker.read(
            lambda s: faq.find(s, category=code),
            on_done=lambda found: self._show_quick(code, found),
        )

    def _show_quick(self, code: str, found: list[Faq]) -> None:
        if code != self.category_row.value():
            return  # another category was tapped meanwhile
        self.quick = found
        self.quick_list.clear()
        for entry in found:
            item = QListWidgetItem(entry.question)
            item.setToolTip(entry.answer)
            self.quick_list.addItem(item)
        self._show_quick_hint()

    def _show_quick_hint(self, loading: bool = False) -> None:
        if self.quick:
            self.quick_stack.setCurrentIndex(1)
            return
        self.quick_stack.setCurrentIndex(0)
        if loading:
            self.quick_hint.setText("")
        elif self.category_row.value() is None:
            self.quick_hint.setText(self.tr("Choose what it is about to see the quick answers."))
        else:
            self.quick_hint.setText(
                self.tr("No quick answers for this yet: type the question and answer.")
            )

    def _quick_chosen(self, item: QListWidgetItem) -> None:
        entry = self.quick[self.quick_list.row(item)]
        self.question_edit.setText(entry.question)
        self.answer_edit.setPlainText(entry.answer)
        self.banner.hide()

    def _typed(self) -> None:
        if self.has_input():
            self.banner.hide()

    # Saving -----------------------------------------------------------------------------------
    def handler_id(self) -> str | None:
        return self.handler_row.value()

    def submit(self, *, resolved: bool) -> None:
        if self._saving:
            return
        self._error = None
        self.errors.clear()
        self._set_saving(True)
        handler = self.handler_id()
        post = next((d.post for d in self.duty if d.volunteer_id == handler), None)
        values = {
            "category": self.category_row.value() or "",
            "question": self.question_edit.text(),
            "answer": self.answer_edit.toPlainText(),
            "visitor_name": self.name_edit.text(),
            "visitor_phone": self.phone_edit.text(),
            "handled_by": handler,
            "post": post,
        }
        self.worker.write(
            lambda s: inquiries.create(s, **values, resolved=resolved),
            on_done=self._saved,
            on_error=self._refused,
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for button in (self.resolve_button, self.open_button, self.clear_button):
            button.setEnabled(not saving)

    def _saved(self, inquiry: Inquiry) -> None:
        self._set_saving(False)
        self.clear()
        self._saved_ticket = inquiry.ticket_no
        self.banner.say(
            self.tr("Saved {ticket}").format(ticket=inquiry.ticket_no), with_action=True
        )
        self.saved.emit(inquiry)

    def _refused(self, error: StationError) -> None:
        self._set_saving(False)
        self._error = error
        self.errors.show(error)
        field = self.errors.fields.get(error.field or "")
        if field is not None:
            # After the error line has taken its place in the layout.
            QTimer.singleShot(0, self, lambda: self.scroll_area.ensureWidgetVisible(field, 0, 24))

    # Unsaved input ----------------------------------------------------------------------------
    def has_input(self) -> bool:
        texts = (
            self.question_edit.text(),
            self.answer_edit.toPlainText(),
            self.name_edit.text(),
            self.phone_edit.text(),
        )
        return self.category_row.value() is not None or any(t.strip() for t in texts)

    def draft(self) -> dict[str, Any]:
        """What is typed, to keep while the kiosk is locked (see `restore`)."""
        return {
            "category": self.category_row.value(),
            "question": self.question_edit.text(),
            "answer": self.answer_edit.toPlainText(),
            "visitor_name": self.name_edit.text(),
            "visitor_phone": self.phone_edit.text(),
            "handled_by": self.handler_id(),
        }

    def restore(self, fields: dict[str, Any]) -> None:
        self.clear()
        code = fields.get("category")
        if code in INQUIRY_CATEGORIES:
            self.category_row.set_value(code)
            self._category_chosen(code)
        self.question_edit.setText(str(fields.get("question") or ""))
        self.answer_edit.setPlainText(str(fields.get("answer") or ""))
        self.name_edit.setText(str(fields.get("visitor_name") or ""))
        self.phone_edit.setText(str(fields.get("visitor_phone") or ""))
        handler = fields.get("handled_by")
        if handler in [d.volunteer_id for d in self.duty]:
            self.handler_row.set_value(handler)

    def clear(self) -> None:
        """Empty the form for the next visitor; who handles them stays chosen."""
        self._error = None
        self.errors.clear()
        self.category_row.set_value(None)
        self.quick = []
        self.quick_list.clear()
        self._show_quick_hint()
        for edit in (self.question_edit, self.name_edit, self.phone_edit):
            edit.clear()
        self.answer_edit.clear()
        self.banner.hide()
