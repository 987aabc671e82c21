"""The main window: header, big navigation between the desks, language switch, error care."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from station.errors import StationError
from ui import i18n
from ui.desks.base import Desk
from ui.header import Header
from ui.worker import Worker


class MainWindow(i18n.Retranslatable, QMainWindow):
    def __init__(self, worker: Worker, desks: list[Desk], settings: QSettings) -> None:
        super().__init__()
        self.worker = worker
        self.settings = settings
        self.desks = desks
        self.header = Header(worker, self)
        self.stack = QStackedWidget(self)
        self.nav_group = QButtonGroup(self)
        self.nav_buttons: list[QPushButton] = []

        nav = QFrame(self)
        nav.setObjectName("nav")
        nav.setFixedWidth(230)
        nav_layout = QVBoxLayout(nav)
        nav_layout.setContentsMargins(0, 12, 0, 12)
        nav_layout.setSpacing(2)
        for index, desk in enumerate(desks):
            button = QPushButton(nav)
            button.setCheckable(True)
            button.setProperty("nav", True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.nav_group.addButton(button, index)
            self.nav_buttons.append(button)
            nav_layout.addWidget(button)
            self.stack.addWidget(desk)
        nav_layout.addStretch(1)
        self.language_button = QPushButton(nav)
        self.language_button.setProperty("nav", True)
        self.language_button.clicked.connect(self.toggle_language)
        nav_layout.addWidget(self.language_button)
        self.nav_group.idClicked.connect(self.show_desk)

        body = QWidget(self)
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        body_layout.addWidget(nav)
        body_layout.addWidget(self.stack, 1)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(body, 1)
        self.setCentralWidget(central)

        worker.unexpected.connect(self.apologise)
        worker.refused.connect(self.explain)
        self.retranslate()
        self.header.refresh()
        last = settings.value("ui/desk", 0, type=int)
        self.show_desk(last if isinstance(last, int) and 0 <= last < len(desks) else 0, ask=False)

    def current_desk(self) -> Desk:
        return self.desks[self.stack.currentIndex()]

    def show_desk(self, index: int, ask: bool = True) -> None:
        current = self.current_desk()
        if ask and index != self.stack.currentIndex() and not self._may_leave(current):
            self.nav_buttons[self.stack.currentIndex()].setChecked(True)
            return
        self.stack.setCurrentIndex(index)
        self.nav_buttons[index].setChecked(True)
        self.settings.setValue("ui/desk", index)
        self.desks[index].activate()

    def _may_leave(self, desk: Desk) -> bool:
        if not desk.has_unsaved_changes():
            return True
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
        QMessageBox.warning(
            self,
            self.tr("Sorry"),
            self.tr(
                "Something went wrong and the action was not completed. Nothing was lost. "
                "Please try again; if it happens again, tell the station lead."
            ),
        )

    def explain(self, error: StationError) -> None:
        QMessageBox.information(self, self.tr("Cannot do that"), error.message(i18n.current()))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Red Post Station"))
        for button, desk in zip(self.nav_buttons, self.desks, strict=True):
            button.setText(desk.title())
        # The button names the language it switches to, in that language.
        self.language_button.setText("English" if i18n.current() == "zh_CN" else "中文")

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_leave(self.current_desk()):
            event.ignore()
            return
        self.settings.setValue("ui/geometry", self.saveGeometry())
        event.accept()
