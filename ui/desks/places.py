"""The desks' places in the main window, each holding its desk once it has been built.

The kiosk opens on its sign-in screen. Building its six desks there, and importing what they
use (charts, ReportLab, the sync with its keyring and PostgreSQL dialect), took over a second
of every start before anyone had signed in. A place knows its desk's name, title and
whether only a lead may use it, and builds the desk the first time it is shown or handed a
draft.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.desks.base import Desk
from ui.worker import Worker


class DeskPlace(QWidget):
    def __init__(
        self, key: str, title: Callable[[], str], make: Callable[[], Desk], lead_only: bool = False
    ) -> None:
        super().__init__()
        self.key = key  # the desk's class name, which its drafts are kept under
        self.title = title
        self.lead_only = lead_only
        self._make = make
        self._desk: Desk | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> Desk | None:
        """The desk, if it has been built; nothing typed or shown in it otherwise."""
        return self._desk

    def desk(self) -> Desk:
        """The desk, built now if this is its first use."""
        if self._desk is None:
            self._desk = self._make()
            self._desk.setParent(self)
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self._desk)
        return self._desk


# Each desk is imported inside its maker, so that importing this module imports none.
def _inquiries(worker: Worker) -> Desk:
    from ui.desks.inquiry import InquiryDesk

    return InquiryDesk(worker)


def _volunteers(worker: Worker) -> Desk:
    from ui.desks.volunteer import VolunteerDesk

    return VolunteerDesk(worker)


def _lost_and_found(worker: Worker) -> Desk:
    from ui.desks.lostfound import LostFoundDesk

    return LostFoundDesk(worker)


def _today(worker: Worker) -> Desk:
    from ui.desks.today import TodayDesk

    return TodayDesk(worker)


def _sync(worker: Worker) -> Desk:
    from ui.desks.sync import SyncDesk

    return SyncDesk(worker)


def _lead(worker: Worker) -> Desk:
    from ui.desks.lead import LeadDesk

    return LeadDesk(worker)


class _Kind(NamedTuple):  # not a dataclass, which takes longer to define (issue 8)
    name: str
    title: Callable[[], str]  # in the context of the desk's class, as its own strings are
    make: Callable[[Worker], Desk]
    lead_only: bool = False


# Each title is written out as a translate() call, for lupdate to find.
KINDS = (
    _Kind(
        "InquiryDesk",
        lambda: QCoreApplication.translate("InquiryDesk", "Visitor inquiries"),
        _inquiries,
    ),
    _Kind(
        "VolunteerDesk",
        # Short: "Volunteer check-in", the desk's heading, is cut off in the navigation.
        lambda: QCoreApplication.translate("VolunteerDesk", "Check-in"),
        _volunteers,
    ),
    _Kind(
        "LostFoundDesk",
        lambda: QCoreApplication.translate("LostFoundDesk", "Lost and found"),
        _lost_and_found,
    ),
    _Kind("TodayDesk", lambda: QCoreApplication.translate("TodayDesk", "Today"), _today),
    _Kind(
        "SyncDesk",
        lambda: QCoreApplication.translate("SyncDesk", "End-of-day sync"),
        _sync,
        lead_only=True,
    ),
    _Kind(
        "LeadDesk",
        lambda: QCoreApplication.translate("LeadDesk", "Lead"),
        _lead,
        lead_only=True,
    ),
)


def place(name: str, worker: Worker) -> DeskPlace:
    """The place of the kiosk's desk called `name` (its class name), not yet built."""
    kind = next(k for k in KINDS if k.name == name)
    return DeskPlace(kind.name, kind.title, lambda: kind.make(worker), kind.lead_only)


def kiosk_places(worker: Worker) -> list[DeskPlace]:
    """The kiosk's desks in the order of its navigation, none built yet."""
    return [place(kind.name, worker) for kind in KINDS]
