"""The volunteer desk (志愿者签到): on-duty board, check-in by scan or search, hours, new people."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from station.errors import InvalidInput, NotFound, StationError
from station.models import Shift, Volunteer
from station.services import shifts
from station.services import station as station_service
from ui import i18n
from ui.banner import Banner
from ui.desks.base import Desk
from ui.desks.volunteer.board import OnDutyBoard
from ui.desks.volunteer.checkin import CheckInPanel, Post
from ui.desks.volunteer.common import local_time
from ui.desks.volunteer.form import NewVolunteerForm
from ui.desks.volunteer.hours import HoursPanel
from ui.desks.volunteer.models import hours_text
from ui.desks.volunteer.scanner import BadgeScanner
from ui.widgets import ChoiceRow
from ui.worker import Worker

PAGES = ("board", "hours", "new")


@dataclass(frozen=True)
class BoardData:
    posts: list[Post]
    on_duty: list[Shift]


def load_board(session: Session) -> BoardData:
    posts = [(post.id, post.name) for post in station_service.posts(session)]
    return BoardData(posts=posts, on_duty=shifts.on_duty(session))


def check_in_if_badge(session: Session, text: str, post: str) -> Shift | None:
    """Check in the volunteer whose badge code `text` is; None when it is no badge code."""
    try:
        return shifts.check_in_by_badge(session, badge=text, post=post)
    except (NotFound, InvalidInput) as exc:
        # Only the lookup of the badge itself is forgiven: the text was a name to search for.
        if exc.field == "badge_code":
            return None
        raise


class VolunteerDesk(Desk):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        # The post a scanned badge checks in at; kept for as long as the app runs.
        self.current_post: str | None = None
        self.posts: list[Post] = []
        self.heading = QLabel(self)
        self.heading.setProperty("role", "title")
        self.pages = ChoiceRow(columns=len(PAGES), parent=self)
        self.pages.set_options(
            [
                ("board", lambda: self.tr("Check in and out")),
                ("hours", lambda: self.tr("Today's hours")),
                ("new", lambda: self.tr("New volunteer")),
            ]
        )
        self.pages.set_value("board")
        self.pages.chosen.connect(self.show_page)
        self.banner = Banner(self)

        self.board = OnDutyBoard(lambda shift: self.check_out(shift.volunteer_id), self)
        self.checkin = CheckInPanel(worker, self)
        self.checkin.check_in.connect(self.check_in)
        self.checkin.check_out.connect(self.check_out)
        self.checkin.search_entered.connect(self.search_entered)
        self.checkin.post_chosen.connect(self.choose_post)
        self.hours = HoursPanel(worker, self)
        self.form = NewVolunteerForm(worker, self)
        self.form.saved.connect(self._added)

        board_page = QWidget(self)
        board_layout = QHBoxLayout(board_page)
        board_layout.setContentsMargins(0, 0, 0, 0)
        board_layout.setSpacing(24)
        board_layout.addWidget(self.board, 1)
        board_layout.addWidget(self.checkin, 1)
        self.stack = QStackedWidget(self)
        for page in (board_page, self.hours, self.form):
            self.stack.addWidget(page)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.pages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)

        self.scanner = BadgeScanner(self)
        self.scanner.scanned.connect(self.scan)
        worker.changed.connect(self._changed)
        # "since 09:12 · 2 h 15 min" keeps counting while the board is on screen.
        self._minute = QTimer(self)
        self._minute.setInterval(60_000)
        self._minute.timeout.connect(self.board.retranslate)
        self.retranslate()

    # -- the shell's side ---------------------------------------------------------------

    def activate(self) -> None:
        self.refresh()

    def has_unsaved_changes(self) -> bool:
        return self.form.has_input()

    def discard_changes(self) -> None:
        self.form.clear()

    def draft(self) -> dict[str, Any] | None:
        return self.form.draft() if self.form.has_input() else None

    def restore_draft(self, fields: dict[str, Any]) -> None:
        self.form.restore(fields)
        self.show_page("new")

    def refresh(self) -> None:
        self.worker.read(load_board, on_done=self._show_board)
        self.checkin.run_search()
        self.hours.refresh()

    def show_page(self, page: str) -> None:
        self.pages.set_value(page)
        self.stack.setCurrentIndex(PAGES.index(page))
        if page == "hours":
            self.hours.refresh()

    def choose_post(self, post_id: str) -> None:
        self.current_post = post_id

    # -- actions --------------------------------------------------------------------------

    def scan(self, code: str) -> None:
        """A badge came through the scanner: check its owner in at the current post."""
        post = self._post_for_scan()
        if post is None:
            return
        self.worker.write(
            lambda s: shifts.check_in_by_badge(s, badge=code, post=post),
            on_done=self._checked_in,
            on_error=lambda error: self._check_in_refused(error, code),
        )

    def search_entered(self, text: str) -> None:
        """Enter in the search box: a badge code checks in; anything else is searched for."""
        text = text.strip()
        post = self.current_post
        if not text or post is None:
            self.checkin.run_search()
            return
        self.worker.write(
            lambda s: check_in_if_badge(s, text, post),
            on_done=self._search_checked_in,
            on_error=lambda error: self._check_in_refused(error, text),
        )

    def check_in(self, volunteer_id: str, post_id: str) -> None:
        self.worker.write(
            lambda s: shifts.check_in(s, volunteer=volunteer_id, post=post_id),
            on_done=self._checked_in,
            on_error=lambda error: self._check_in_refused(error, volunteer_id),
        )

    def check_out(self, volunteer: str) -> None:
        """Check out by volunteer id or badge code."""
        self.worker.write(
            lambda s: shifts.check_out(s, volunteer=volunteer),
            on_done=self._checked_out,
            on_error=self._refused,
        )

    # -- results --------------------------------------------------------------------------

    def _show_board(self, data: BoardData) -> None:
        self.posts = data.posts
        ids = [post_id for post_id, _name in data.posts]
        if self.current_post not in ids:
            self.current_post = ids[0] if ids else None
        self.checkin.set_posts(data.posts, self.current_post)
        self.checkin.set_on_duty(data.on_duty)
        self.board.show_shifts(data.on_duty)
        if self.isVisible():
            self._minute.start()

    def _checked_in(self, shift: Shift) -> None:
        name, post, time = shift.volunteer.name, shift.post.name, local_time(shift.check_in_at)
        self.banner.done(
            lambda: self.tr("{name} checked in at {post}, {time}").format(
                name=name, post=post, time=time
            )
        )

    def _search_checked_in(self, shift: Shift | None) -> None:
        if shift is None:
            self.checkin.run_search()
            return
        self._checked_in(shift)
        self.checkin.reset()

    def _checked_out(self, shift: Shift) -> None:
        name, post = shift.volunteer.name, shift.post.name
        assert shift.check_out_at is not None
        time, hours = local_time(shift.check_out_at), hours_text(shift.hours or 0.0)
        self.banner.done(
            lambda: self.tr("{name} checked out at {time}, after {hours} h at {post}").format(
                name=name, time=time, hours=hours, post=post
            )
        )

    def _check_in_refused(self, error: StationError, volunteer: str) -> None:
        if error.code != "already_checked_in":
            self._refused(error)
            return
        # Already on duty: say so, and offer the check-out they probably came for.
        name = str(error.params.get("name", ""))
        self.banner.refused(
            lambda: error.message(i18n.current()),
            (
                lambda: self.tr("Check out {name}").format(name=name),
                lambda: self.check_out(volunteer),
            ),
        )

    def _refused(self, error: StationError) -> None:
        self.banner.refused(lambda: error.message(i18n.current()))

    def _added(self, volunteer: Volunteer) -> None:
        name, badge, post = volunteer.name, volunteer.badge_code, self.current_post
        post_name = dict(self.posts).get(post or "", "")
        action = None
        if post is not None:
            action = (
                lambda: self.tr("Check in at {post}").format(post=post_name),
                lambda: self.check_in(volunteer.id, post),
            )
        self.banner.done(
            lambda: self.tr("{name} (badge {badge}) is on the roster now.").format(
                name=name, badge=badge
            ),
            action,
        )

    def _post_for_scan(self) -> str | None:
        if self.current_post is None:
            self.banner.refused(
                lambda: self.tr(
                    "This station has no posts yet, so nobody can check in. Ask the station lead."
                )
            )
        return self.current_post

    def _changed(self) -> None:
        if self.isVisible():
            self.refresh()

    # -- Qt -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.scanner)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
        self.scanner.reset()
        self._minute.stop()
        super().hideEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Volunteer check-in"))
        self.pages.retranslate()
        self.banner.retranslate()
        self.board.retranslate()
        self.checkin.retranslate()
        self.hours.retranslate()
        self.form.retranslate()
