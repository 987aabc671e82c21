"""失物招领: the lost-and-found desk, four parts behind big tabs."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from station.models import LostReport
from station.services import lostfound
from station.services import station as station_service
from ui.desks.base import Desk
from ui.desks.lostfound.form_base import COMPACT_CHOICES
from ui.desks.lostfound.found_form import FoundItemForm
from ui.desks.lostfound.handover import HandoverPage
from ui.desks.lostfound.lost_form import LostReportForm
from ui.desks.lostfound.search import SearchPage
from ui.widgets import ChoiceRow
from ui.worker import Worker

TABS = ("found", "lost", "search", "handover")


def _context(session: Session) -> tuple[str, list[str], int]:
    """This station's code, its post names and how many items are due for the police."""
    code = station_service.current(session).code
    posts = [post.name for post in station_service.posts(session)]
    return code, posts, len(lostfound.due_for_handover(session))


class LostFoundDesk(Desk):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.due_count: int | None = None
        self.tabs = ChoiceRow(columns=len(TABS))
        self.tabs.setStyleSheet(COMPACT_CHOICES)
        self.tabs.set_options(
            [
                ("found", lambda: self.tr("Register found item")),
                ("lost", lambda: self.tr("Report lost item")),
                ("search", lambda: self.tr("Search and match")),
                ("handover", self._handover_tab_text),
            ]
        )
        self.found_form = FoundItemForm(worker)
        self.lost_form = LostReportForm(worker)
        self.search = SearchPage(worker)
        self.handover = HandoverPage(worker)
        self.pages = QStackedWidget()
        for page in (self.found_form, self.lost_form, self.search, self.handover):
            self.pages.addWidget(page)
        self.tabs.chosen.connect(self.show_tab)
        self.lost_form.show_matches.connect(self.show_matches_for)
        worker.changed.connect(self._data_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.tabs.layout().setContentsMargins(12, 8, 12, 4)  # type: ignore[union-attr]
        layout.addWidget(self.tabs)
        layout.addWidget(self.pages, 1)
        self.show_tab("found")
        self.retranslate()

    def current_tab(self) -> str:
        return TABS[self.pages.currentIndex()]

    def show_tab(self, code: str) -> None:
        self.tabs.set_value(code)
        self.pages.setCurrentIndex(TABS.index(code))
        if code == "search":
            self.search.reload()
        elif code == "handover":
            self.handover.reload()

    def show_matches_for(self, report: LostReport) -> None:
        self.tabs.set_value("search")
        self.pages.setCurrentIndex(TABS.index("search"))
        self.search.show_report(report)

    def activate(self) -> None:
        self.worker.read(_context, on_done=self._context_loaded)
        if self.current_tab() in ("search", "handover"):
            self.show_tab(self.current_tab())

    def _context_loaded(self, context: tuple[str, list[str], int]) -> None:
        code, posts, due = context
        self.found_form.set_posts(posts)
        self.lost_form.set_posts(posts)
        self.search.set_own_station(code)
        self.due_count = due
        self.tabs.retranslate()

    def _data_changed(self) -> None:
        if self.isVisible():
            self.worker.read(lambda s: len(lostfound.due_for_handover(s)), on_done=self._due_loaded)

    def _due_loaded(self, count: int) -> None:
        self.due_count = count
        self.tabs.retranslate()

    def _handover_tab_text(self) -> str:
        if self.due_count:
            return self.tr("Due for police ({count})").format(count=self.due_count)
        return self.tr("Due for police")

    def has_unsaved_changes(self) -> bool:
        return (
            self.found_form.has_unsaved_changes()
            or self.lost_form.has_unsaved_changes()
            or self.search.has_unsaved_changes()
            or self.handover.has_unsaved_changes()
        )

    def discard_changes(self) -> None:
        self.found_form.clear()
        self.lost_form.clear()
        self.search.discard_changes()
        self.handover.discard_changes()

    def draft(self) -> dict[str, Any] | None:
        # Only the two registration forms: a half-done return is checked again face to face.
        forms = {"found": self.found_form.draft(), "lost": self.lost_form.draft()}
        kept = {tab: fields for tab, fields in forms.items() if fields is not None}
        return {**kept, "tab": self.current_tab()} if kept else None

    def restore_draft(self, fields: dict[str, Any]) -> None:
        if "found" in fields:
            self.found_form.restore(fields["found"])
        if "lost" in fields:
            self.lost_form.restore(fields["lost"])
        if fields.get("tab") in ("found", "lost"):
            self.show_tab(fields["tab"])

    def retranslate(self) -> None:
        self.tabs.retranslate()
