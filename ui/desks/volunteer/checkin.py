"""Check-in: the post for scanned badges, a roster search with big rows, then the post."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station.models import Shift, Volunteer
from station.services.search import MAX_QUERY_LENGTH
from ui.desks.volunteer.common import CARD_STYLE, heading, hint, local_time
from ui.desks.volunteer.models import RosterModel
from ui.widgets import MIN_TARGET, ChoiceRow, big_button, line_edit
from ui.worker import Worker

SEARCH_DELAY_MS = 300
ROW_HEIGHT = MIN_TARGET + 14

Post = tuple[str, str]  # id, name


def _constant(text: str) -> Callable[[], str]:
    """Post names are data, not UI text: the same in every language."""
    return lambda: text


class PickPost(QFrame):
    """After a name was tapped: one big button per post, or Check out if already on duty."""

    check_in = Signal(str, str)  # volunteer id, post id
    check_out = Signal(str)  # volunteer id
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.setStyleSheet(CARD_STYLE)
        self.volunteer: Volunteer | None = None
        self.shift: Shift | None = None
        self.posts: list[Post] = []
        self.post_buttons: dict[str, QPushButton] = {}
        self.name = heading(self, size=19)
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.grid_holder = QWidget(self)
        self.grid_holder.setObjectName("postGrid")
        self.grid = QGridLayout(self.grid_holder)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(10)
        self.check_out_button = big_button(primary=True, parent=self)
        self.check_out_button.clicked.connect(self._check_out)
        self.back_button = big_button(parent=self)
        self.back_button.clicked.connect(self.back)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(10)
        for widget in (self.name, self.prompt, self.grid_holder, self.check_out_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.back_button)

    def set_posts(self, posts: list[Post]) -> None:
        if posts == self.posts:
            return
        self.posts = list(posts)
        for button in self.post_buttons.values():
            self.grid.removeWidget(button)
            button.deleteLater()
        self.post_buttons = {}
        for index, (post_id, name) in enumerate(self.posts):
            button = big_button(name, primary=True, parent=self.grid_holder)
            button.setMinimumHeight(MIN_TARGET + 20)
            button.clicked.connect(lambda _=False, p=post_id: self._check_in(p))
            self.grid.addWidget(button, index // 2, index % 2)
            self.post_buttons[name] = button

    def open(self, volunteer: Volunteer, shift: Shift | None) -> None:
        self.volunteer, self.shift = volunteer, shift
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Back to the list"))
        self.check_out_button.setText(self.tr("Check out"))
        if self.volunteer is None:
            return
        self.name.setText(f"{self.volunteer.name}  ({self.volunteer.badge_code})")
        on_duty = self.shift is not None
        self.grid_holder.setVisible(not on_duty)
        self.check_out_button.setVisible(on_duty)
        if self.shift is not None:
            self.prompt.setText(
                self.tr("On duty at {post} since {time}.").format(
                    post=self.shift.post.name, time=local_time(self.shift.check_in_at)
                )
            )
        elif self.posts:
            self.prompt.setText(self.tr("Tap the post to check in at:"))
        else:
            self.prompt.setText(self.tr("This station has no posts yet. Ask the station lead."))

    def _check_in(self, post_id: str) -> None:
        if self.volunteer is not None:
            self.check_in.emit(self.volunteer.id, post_id)

    def _check_out(self) -> None:
        if self.volunteer is not None:
            self.check_out.emit(self.volunteer.id)


class CheckInPanel(QWidget):
    """The right half of the board page. Emits what the person asked for; the desk does it."""

    check_in = Signal(str, str)  # volunteer id, post id
    check_out = Signal(str)  # volunteer id
    search_entered = Signal(str)  # Enter in the search box: a badge code, or a name to find
    post_chosen = Signal(str)  # the post for scanned badges

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_duty: dict[str, Shift] = {}  # volunteer id -> open shift
        self.posts: list[Post] = []
        self.heading = heading(self)
        self.post_label = QLabel(self)
        self.post_choice = ChoiceRow(columns=3, parent=self)
        self.post_choice.chosen.connect(self.post_chosen)
        self.hint = hint(self)
        self.search = line_edit(parent=self)
        self.search.setMaxLength(MAX_QUERY_LENGTH)
        self.search.textEdited.connect(self._text_edited)
        self.search.returnPressed.connect(self._entered)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SEARCH_DELAY_MS)
        self._delay.timeout.connect(self.run_search)

        self.model = RosterModel(worker)
        self.results = QTableView(self)
        self.results.setModel(self.model)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.verticalHeader().hide()
        self.results.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.results.setWordWrap(False)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.results.clicked.connect(self._picked)
        self.pick = PickPost(self)
        self.pick.check_in.connect(self.check_in)
        self.pick.check_out.connect(self.check_out)
        self.pick.back.connect(self.show_results)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.results)
        self.stack.addWidget(self.pick)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for widget in (self.heading, self.post_label, self.post_choice, self.hint, self.search):
            layout.addWidget(widget)
        layout.addWidget(self.stack, 1)
        self.retranslate()

    def set_posts(self, posts: list[Post], current: str | None) -> None:
        if posts != self.posts:
            self.posts = list(posts)
            self.post_choice.set_options([(pid, _constant(name)) for pid, name in posts])
        self.post_choice.set_value(current)
        self.pick.set_posts(posts)

    def set_on_duty(self, shifts: list[Shift]) -> None:
        self.on_duty = {shift.volunteer_id: shift for shift in shifts}
        self.model.set_on_duty({vid: shift.post.name for vid, shift in self.on_duty.items()})
        if self.pick.volunteer is not None:
            self.pick.open(self.pick.volunteer, self.on_duty.get(self.pick.volunteer.id))

    def run_search(self) -> None:
        self._delay.stop()
        self.show_results()
        self.model.search(self.search.text())

    def show_results(self) -> None:
        self._show_scan_part(True)
        self.stack.setCurrentWidget(self.results)
        self.results.clearSelection()

    def _show_scan_part(self, visible: bool) -> None:
        # While a post is being picked for someone, the scan post and its hint make room.
        for widget in (self.post_label, self.post_choice, self.hint):
            widget.setVisible(visible)

    def reset(self) -> None:
        """Back to the whole roster with an empty search box."""
        self.search.clear()
        self.run_search()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Check in"))
        self.post_label.setText(self.tr("Post for scanned badges:"))
        self.hint.setText(
            self.tr("Scan a badge to check in at this post, or find a name below and tap it.")
        )
        self.search.setPlaceholderText(self.tr("Name or badge code"))
        self.post_choice.retranslate()
        self.model.retranslate()
        self.pick.retranslate()

    def _entered(self) -> None:
        self.search_entered.emit(self.search.text())

    def _text_edited(self, _text: str) -> None:
        self._delay.start()

    def _picked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        volunteer = self.model.record(index.row())
        self.pick.open(volunteer, self.on_duty.get(volunteer.id))
        self._show_scan_part(False)
        self.stack.setCurrentWidget(self.pick)
