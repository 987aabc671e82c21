"""The main window: header, big navigation between the desks, language switch, error care,
and the lock: the sign-in screen over the desks, with each person's drafts kept across it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from station import locked
from station.access.actor import Actor, Signer
from station.errors import StationError
from station.glance import Glance
from ui import i18n
from ui.desks.base import Desk
from ui.desks.places import DeskPlace
from ui.header import Header
from ui.idle import IdleWatch
from ui.signin import SignInScreen
from ui.worker import Worker

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from station.store import Store

# The draft that says which desk was open, beside the desks' own.
WINDOW_DRAFT = "window"


def remembered_desk(settings: QSettings, count: int) -> int:
    """The desk shown last, if it is one of `count`, else the first. Read as the text the
    file holds: asking Qt for a number with a default took a millisecond of the start."""
    try:
        index = int(str(settings.value("ui/desk")))
    except ValueError:
        return 0
    return index if 0 <= index < count else 0


def _nobody(store: Store) -> None:
    store.actor = None


class MainWindow(i18n.Retranslatable, QMainWindow):
    def __init__(
        self,
        worker: Worker,
        places: list[DeskPlace],
        settings: QSettings,
        glance: Glance | None = None,
    ) -> None:
        """`glance`, when the store is still opening: what the locked window shows until it
        has (see `station.glance`)."""
        super().__init__()
        self.worker = worker
        self.settings = settings
        self.places = places
        self.actor: Actor | None = None
        # Each widget is made in its final parent (see `SignInScreen`).
        central = QWidget(self)
        self.setCentralWidget(central)
        self.header = Header(worker, central)
        self.header.lock_asked.connect(self.lock)
        self.screens = QStackedWidget(central)
        self.body = QWidget(self.screens)  # the desks' page, behind the sign-in screen
        self.sign_in = SignInScreen(worker, self.screens)
        self.sign_in.signed_in.connect(self.welcome)
        self.sign_in.language_asked.connect(self.toggle_language)
        self.idle = IdleWatch(worker, self)
        self.idle.expired.connect(self.lock)
        self.stack = QStackedWidget(self.body)
        for place in places:
            self.stack.addWidget(place)
        nav = self._navigation(self.body)

        body_layout = QHBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        body_layout.addWidget(nav)
        body_layout.addWidget(self.stack, 1)
        # The sign-in screen first: a stack styles the page it shows first at once.
        self.screens.addWidget(self.sign_in)
        self.screens.addWidget(self.body)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.screens, 1)

        worker.unexpected.connect(self.apologise)
        worker.refused.connect(self.explain)
        self.retranslate()
        self.stack.setCurrentIndex(remembered_desk(settings, len(places)))
        if glance is not None:
            self.header.show_figures(glance.figures)
            self._show_lock(glance.signers)
            return
        self.header.refresh()
        # A store opened for someone already (tests, the smoke test, screenshots) skips the lock.
        actor = worker.actor()
        if actor is None:
            self._show_lock()
        else:
            self.admit(actor)

    def _navigation(self, parent: QWidget) -> QFrame:
        """The column of big buttons, one per desk, and the language switch at its foot."""
        nav = QFrame(parent)
        nav.setObjectName("nav")
        nav.setFixedWidth(230)
        nav_layout = QVBoxLayout(nav)
        nav_layout.setContentsMargins(0, 12, 0, 12)
        nav_layout.setSpacing(2)
        self.nav_group = QButtonGroup(self)
        self.nav_buttons: list[QPushButton] = []
        for index in range(len(self.places)):
            button = QPushButton(nav)
            button.setCheckable(True)
            button.setProperty("nav", True)
            self.nav_group.addButton(button, index)
            self.nav_buttons.append(button)
            nav_layout.addWidget(button)
        nav_layout.addStretch(1)
        self.language_button = QPushButton(nav)
        self.language_button.setProperty("nav", True)
        self.language_button.clicked.connect(self.toggle_language)
        nav_layout.addWidget(self.language_button)
        self.nav_group.idClicked.connect(self.show_desk)
        return nav

    def current_place(self) -> DeskPlace:
        return self.places[self.stack.currentIndex()]

    def current_desk(self) -> Desk:
        return self.current_place().desk()

    def built_desks(self) -> list[Desk]:
        """The desks shown at least once: the others hold nothing typed."""
        return [desk for place in self.places if (desk := place.built) is not None]

    def show_desk(self, index: int, ask: bool = True) -> None:
        current = self.current_place().built
        leaving = index != self.stack.currentIndex()
        if ask and leaving and current is not None and not self._may_leave(current):
            self.nav_buttons[self.stack.currentIndex()].setChecked(True)
            return
        desk = self.places[index].desk()
        self.stack.setCurrentIndex(index)
        self.nav_buttons[index].setChecked(True)
        self.settings.setValue("ui/desk", index)
        desk.activate()

    def may_use(self, place: DeskPlace) -> bool:
        return self.actor is not None and (self.actor.is_lead or not place.lead_only)

    # Signing in and locking -------------------------------------------------------------------
    def admit(self, actor: Actor) -> None:
        """Let `actor` in: named in the header, with the desks their role may use."""
        self.actor = actor
        self.worker.store.actor = actor
        self.header.show_person(actor)
        for button, place in zip(self.nav_buttons, self.places, strict=True):
            button.setVisible(self.may_use(place))
        self.screens.setCurrentWidget(self.body)
        index = self.stack.currentIndex()
        if not self.may_use(self.places[index]):
            index = next(i for i, place in enumerate(self.places) if self.may_use(place))
        self.show_desk(index, ask=False)
        if actor.volunteer_id is not None:
            self.worker.read(locked.idle_minutes, on_done=self.idle.start)

    def welcome(self, actor: Actor) -> None:
        """After a sign-in on the lock screen: in, and back to what this person left typed."""
        self.admit(actor)
        self.worker.write(locked.take_drafts, on_done=self._restore)

    def _restore(self, kept: dict[str, dict[str, Any]]) -> None:
        for place in self.places:
            if place.key in kept and self.may_use(place):
                place.desk().restore_draft(kept[place.key])
        opened = kept.get(WINDOW_DRAFT, {}).get("desk")
        for index, place in enumerate(self.places):
            if place.key == opened and self.may_use(place):
                self.show_desk(index, ask=False)

    def lock(self) -> None:
        """Back to the sign-in screen (idle, or 锁屏). What the desks hold typed is kept as the
        person's drafts, and they are cleared for whoever signs in next."""
        actor = self.actor
        if actor is None or actor.volunteer_id is None:
            return  # nobody in, or the program itself, which no one can sign in as again
        self.idle.stop()
        # Drafts first: a desk keeps what is typed in a dialog it has open.
        kept = {
            place.key: fields
            for place in self.places
            if place.built is not None and (fields := place.built.draft()) is not None
        }
        from PySide6.QtWidgets import QDialog  # (see `_may_leave`)

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()  # a detail or question left open must not sit over the lock
        kept[WINDOW_DRAFT] = {"desk": self.current_place().key}
        for desk in self.built_desks():
            desk.discard_changes()
        self.worker.write(lambda s: locked.keep_drafts(s, kept))
        # Queued behind the drafts on the one worker thread, so they are saved as the person.
        store = self.worker.store
        self.worker.call(lambda: _nobody(store))
        self.actor = None
        self.header.show_person(None)
        self._show_lock()

    def _show_lock(self, signers: list[Signer] | None = None) -> None:
        """The sign-in screen, with `signers` when they are known already (a glance)."""
        self.screens.setCurrentWidget(self.sign_in)
        if signers is None:
            self.sign_in.reload()
        else:
            self.sign_in.show_signers(signers)

    def _may_leave(self, desk: Desk) -> bool:
        if not desk.has_unsaved_changes():
            return True
        # Imported when first needed: the locked window is shown without it (issue 8).
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("What you typed here has not been saved. Throw it away?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            desk.discard_changes()
            return True
        return False

    def toggle_language(self) -> None:
        lang = "en" if i18n.current() == "zh_CN" else "zh_CN"
        i18n.switch(lang)
        self.settings.setValue("ui/lang", lang)

    def apologise(self, _where: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # (see `_may_leave`)

        QMessageBox.warning(
            self,
            self.tr("Sorry"),
            self.tr(
                "Something went wrong and the action was not completed. Nothing was lost. "
                "Please try again; if it happens again, tell the station lead."
            ),
        )

    def explain(self, error: StationError) -> None:
        from PySide6.QtWidgets import QMessageBox  # (see `_may_leave`)

        QMessageBox.information(self, self.tr("Cannot do that"), error.message(i18n.current()))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Red Post Station"))
        for button, place in zip(self.nav_buttons, self.places, strict=True):
            button.setText(place.title())
        # The button names the language it switches to, in that language.
        self.language_button.setText("English" if i18n.current() == "zh_CN" else "中文")

    def closeEvent(self, event: QCloseEvent) -> None:
        current = self.current_place().built
        if current is not None and not self._may_leave(current):
            event.ignore()
            return
        self.settings.setValue("ui/geometry", self.saveGeometry())
        event.accept()
