"""The lock screen, where a volunteer signs in: tap your name (or scan your badge), then the
PIN on a large keypad. A refusal is said beside the PIN; with nobody able to sign in yet, the
screen says how the county's IT person sets the first lead."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from station import locked
from station.access.actor import LEAD, Signer
from station.errors import StationError
from ui import i18n
from ui.i18n import Retranslatable
from ui.widgets import big_button, line_edit
from ui.worker import Worker

if TYPE_CHECKING:
    from station.access.credentials import SignIn

NAME_COLUMNS = 3
KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back")


class SignInScreen(Retranslatable, QWidget):
    signed_in = Signal(object)  # the Actor
    language_asked = Signal()

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signIn")
        self.worker = worker
        self.signers: list[Signer] = []
        self._refusal: StationError | None = None
        self._checking = False

        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.language_button = big_button(parent=self)
        self.language_button.clicked.connect(self.language_asked)
        self.pages = QStackedWidget(self)
        # Each widget is made in its final parent: one moved into a styled window later has
        # its style worked out again, which took a tenth of the window's start.
        self.pages.addWidget(self._sign_in_page(self.pages))
        self.pages.addWidget(self._first_lead_page(self.pages))

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.language_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 16, 40, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self.retranslate()

    # Building ---------------------------------------------------------------------------------
    def _sign_in_page(self, parent: QWidget) -> QWidget:
        page = QWidget(parent)
        self.names_hint = QLabel(page)
        self.names_hint.setObjectName("signInStep")
        self.names = QButtonGroup(self)
        self.names.buttonClicked.connect(self._name_tapped)
        scroll = QScrollArea(page)
        scroll.setObjectName("signInNames")  # no sideways scrolling: style.qss
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.names_box = QWidget(scroll)
        self.names_grid = QGridLayout()
        self.names_grid.setSpacing(12)
        names_column = QVBoxLayout(self.names_box)  # the names at the top
        names_column.addLayout(self.names_grid)
        names_column.addStretch(1)
        scroll.setWidget(self.names_box)
        scroll.setWidgetResizable(True)
        self.badge_label = QLabel(page)
        self.badge = line_edit(parent=page)
        self.badge.setMaxLength(40)
        self.badge.setObjectName("signInBadge")
        self.badge.textEdited.connect(self._badge_typed)
        self.badge.returnPressed.connect(self._badge_entered)
        self.badge_label.setBuddy(self.badge)
        columns = QHBoxLayout(page)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(40)
        left = QVBoxLayout()
        left.setSpacing(10)
        columns.addLayout(left, 1)
        left.addWidget(self.names_hint)
        left.addWidget(scroll, 1)
        left.addWidget(self.badge_label)
        left.addWidget(self.badge)
        columns.addWidget(self._pin_column(page))
        return page

    def _pin_column(self, parent: QWidget) -> QWidget:
        right_box = QWidget(parent)
        right_box.setFixedWidth(400)
        self.pin_hint = QLabel(right_box)
        self.pin_hint.setObjectName("signInStep")
        self.pin_hint.setWordWrap(True)
        self.pin = QLineEdit(right_box)
        self.pin.setObjectName("signInPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(6)
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,6}")))
        self.pin.returnPressed.connect(self.submit)
        self.refusal = QLabel(right_box)
        self.refusal.setProperty("role", "error")
        self.refusal.setObjectName("signInRefusal")
        self.refusal.setWordWrap(True)
        self._keypad(right_box)
        self.sign_in_button = big_button(primary=True, parent=right_box)
        self.sign_in_button.setObjectName("signInGo")
        self.sign_in_button.clicked.connect(self.submit)
        right = QVBoxLayout(right_box)
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(8)
        right.addWidget(self.pin_hint)
        right.addWidget(self.pin)
        right.addWidget(self.refusal)
        right.addWidget(self.keypad)
        right.addWidget(self.sign_in_button)
        right.addStretch(1)
        return right_box

    def _keypad(self, parent: QWidget) -> None:
        self.keypad = QWidget(parent)
        keys = QGridLayout(self.keypad)
        keys.setSpacing(10)
        keys.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, QPushButton] = {}
        for index, key in enumerate(KEYS):
            button = QPushButton(self.keypad)
            button.setProperty("key", True)  # takes no focus from the PIN: style.qss
            button.clicked.connect(lambda _checked=False, key=key: self.press(key))
            keys.addWidget(button, index // 3, index % 3)
            self.keys[key] = button

    def _first_lead_page(self, parent: QWidget) -> QWidget:
        page = QWidget(parent)
        self.first_lead = QLabel(page)
        self.first_lead.setObjectName("signInStep")
        self.first_lead.setWordWrap(True)
        self.command = QLabel(page)
        self.command.setObjectName("signInCommand")  # selectable: style.qss
        self.command.setWordWrap(True)
        self.then = QLabel(page)
        self.then.setWordWrap(True)
        self.check_again = big_button(primary=True, parent=page)
        self.check_again.clicked.connect(self.reload)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 24, 0, 0)
        layout.setSpacing(18)
        for widget in (self.first_lead, self.command, self.then):
            layout.addWidget(widget)
        button_row = QHBoxLayout()
        layout.addLayout(button_row)
        button_row.addWidget(self.check_again)
        button_row.addStretch(1)
        layout.addStretch(1)
        return page

    # Who can sign in ------------------------------------------------------------------------
    def reload(self) -> None:
        """Fetch who can sign in, and start afresh (called each time the kiosk locks)."""
        self.reset()
        self.worker.read(locked.signers, on_done=self.show_signers)

    def reset(self) -> None:
        self._checking = False
        self.sign_in_button.setEnabled(True)
        self._choose(None)
        self.badge.clear()
        self.pin.clear()
        self._say(None)

    def show_signers(self, found: list[Signer]) -> None:
        self.signers = found
        for button in self.names.buttons():
            self.names.removeButton(button)
            button.deleteLater()
        for index in range(len(found)):
            button = QPushButton(self.names_box)
            button.setCheckable(True)
            button.setProperty("signer", True)  # takes no focus from the badge: style.qss
            self.names.addButton(button, index)
            self.names_grid.addWidget(button, index // NAME_COLUMNS, index % NAME_COLUMNS)
        self.pages.setCurrentIndex(0 if found else 1)
        self.retranslate()
        if found:
            self.badge.setFocus()

    def chosen(self) -> Signer | None:
        index = self.names.checkedId()
        return self.signers[index] if 0 <= index < len(self.signers) else None

    def _choose(self, signer: Signer | None) -> None:
        self.names.setExclusive(False)
        for index, each in enumerate(self.signers):
            self.names.button(index).setChecked(each is signer)
        self.names.setExclusive(True)
        self._show_pin_hint()

    def _name_tapped(self, _button: QAbstractButton) -> None:
        self.badge.clear()
        self.pin.clear()
        self._say(None)
        self._show_pin_hint()
        self.pin.setFocus()  # the PIN is next, from the keypad or a keyboard

    def _badge_typed(self, _text: str) -> None:
        self._choose(None)
        self._say(None)

    def _badge_entered(self) -> None:
        code = self.badge.text().strip().upper()
        self._choose(next((s for s in self.signers if s.badge_code.upper() == code), None))
        self.pin.setFocus()

    # The PIN ----------------------------------------------------------------------------------
    def press(self, key: str) -> None:
        """A keypad key: a digit, 清除 (clear) or 退格 (backspace)."""
        if key == "clear":
            self.pin.clear()
        elif key == "back":
            self.pin.backspace()
        elif len(self.pin.text()) < self.pin.maxLength():
            self.pin.setText(self.pin.text() + key)

    def submit(self) -> None:
        if self._checking:
            return
        signer = self.chosen()
        who = signer.badge_code if signer is not None else self.badge.text().strip()
        pin = self.pin.text()
        self.pin.clear()
        self._checking = True
        self.sign_in_button.setEnabled(False)
        # A write: a wrong PIN counts towards the lockout, and that count must be kept.
        self.worker.write(
            lambda s: locked.sign_in(s, who, pin), on_done=self._checked, on_error=self._refused
        )

    def _checked(self, outcome: SignIn) -> None:
        if outcome.actor is None:
            self._refused(outcome.refusal)
            return
        self.reset()
        self.signed_in.emit(outcome.actor)

    def _refused(self, error: StationError | None) -> None:
        self._checking = False
        self.sign_in_button.setEnabled(True)
        self._say(error)
        self.pin.setFocus()

    def _say(self, error: StationError | None) -> None:
        self._refusal = error
        self.refusal.setText("" if error is None else error.message(i18n.current()))
        self.refusal.setVisible(error is not None)

    def _show_pin_hint(self) -> None:
        signer = self.chosen()
        self.pin_hint.setText(
            self.tr("2. Type your PIN, then tap Sign in")
            if signer is None
            else self.tr("2. {name}: your PIN, then Sign in").format(name=signer.name)
        )

    def retranslate(self) -> None:
        self.title.setText(self.tr("Red Post Station: please sign in"))
        self.language_button.setText("English" if i18n.current() == "zh_CN" else "中文")
        self.names_hint.setText(self.tr("1. Tap your name"))
        self.badge_label.setText(self.tr("Or scan your badge (or type the badge code)"))
        self._show_pin_hint()
        lead = self.tr("Station lead")
        for index, signer in enumerate(self.signers):
            text = f"{signer.name}\n{lead}" if signer.role == LEAD else signer.name
            self.names.button(index).setText(text)
        self.keys["clear"].setText(self.tr("Clear"))
        self.keys["back"].setText(self.tr("Back"))
        for digit in "0123456789":
            self.keys[digit].setText(digit)
        self.sign_in_button.setText(self.tr("Sign in"))
        self.first_lead.setText(
            self.tr(
                "Nobody can sign in at this kiosk yet. The county's IT person sets the first "
                "station lead at this computer, in a terminal:"
            )
        )
        self.command.setText(f'redpost --data-dir "{self.worker.folder}" set-pin BADGE --role lead')
        self.then.setText(
            self.tr(
                "BADGE is the lead's badge code on the roster; the command asks for the new PIN "
                "twice. Then tap Check again, and the lead can sign in here."
            )
        )
        self.check_again.setText(self.tr("Check again"))
        self._say(self._refusal)
