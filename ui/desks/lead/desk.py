"""站长管理: the lead's desk — the audit trail, privacy tools, people and PINs, settings.

Only a lead sees this desk; the services it calls refuse anyone else all the same.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ui.desks.base import Desk
from ui.desks.lead.people import PeoplePage
from ui.desks.lead.privacy import PrivacyPage
from ui.desks.lead.settings import SettingsPage
from ui.desks.lead.trail import TrailPage
from ui.widgets import ChoiceRow
from ui.worker import Worker

TABS = ("trail", "privacy", "people", "settings")


class LeadDesk(Desk):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.tabs = ChoiceRow(columns=len(TABS))
        self.tabs.set_options(
            [
                ("trail", lambda: self.tr("Audit trail")),
                ("privacy", lambda: self.tr("Personal data")),
                ("people", lambda: self.tr("People and PINs")),
                ("settings", lambda: self.tr("Settings")),
            ]
        )
        self.trail = TrailPage(worker)
        self.privacy = PrivacyPage(worker)
        self.people = PeoplePage(worker)
        self.settings = SettingsPage(worker)
        self.pages = QStackedWidget()
        self.page_of: dict[str, TrailPage | PrivacyPage | PeoplePage | SettingsPage] = {
            "trail": self.trail,
            "privacy": self.privacy,
            "people": self.people,
            "settings": self.settings,
        }
        for page in self.page_of.values():
            self.pages.addWidget(page)
        self.tabs.chosen.connect(self.show_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(self.tabs)
        layout.addWidget(self.pages, 1)
        self.tabs.set_value("trail")
        self.retranslate()

    def current_tab(self) -> str:
        return TABS[self.pages.currentIndex()]

    def show_tab(self, code: str) -> None:
        self.tabs.set_value(code)
        self.pages.setCurrentIndex(TABS.index(code))
        self.page_of[code].activate()

    def activate(self) -> None:
        self.show_tab(self.current_tab())

    def screenshot_views(self) -> list[tuple[str, Callable[[], None]]]:
        return [(code, partial(self.show_tab, code)) for code in TABS]

    def retranslate(self) -> None:
        self.tabs.retranslate()
