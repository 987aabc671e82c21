"""The 今日概况 / 本月 desk: one day's or one month's figures, stepped with ‹ ›, as cards and
bar charts; a tap on any number or bar lists the records behind it. A lead also gets the
day's or month's report as PDF, in the print preview."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station import clock
from station.reports import Figures, Period, Trace, figures
from station.reports.period import day, month_of
from station.rows import Row
from station.validation import EARLIEST
from station.vocab import INQUIRY_CATEGORIES, INQUIRY_STATUSES, label
from ui import i18n
from ui.desks.base import Desk
from ui.desks.today.cards import FigureCard
from ui.desks.today.charts import BarChart
from ui.desks.today.records import RecordsBehind
from ui.report_preview import ReportPreview, show_report
from ui.tables import read_only_table
from ui.widgets import big_button
from ui.worker import Worker

INQUIRY_CARDS = ("inquiries", "resolved_on_spot", "median", "open_escalations")
VOLUNTEER_CARDS = ("volunteers", "shifts", "hours")
LOSTFOUND_CARDS = (
    "found_registered",
    "found_returned",
    "return_rate",
    "returns",
    "lost_registered",
    "due_for_handover",
)
STATUS_CARDS = tuple(f"status_{code}" for code in INQUIRY_STATUSES)


def number(value: float) -> str:
    return f"{value:g}"


def percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.1f}%"


def _grid(cards: list[FigureCard], columns: int) -> QGridLayout:
    grid = QGridLayout()
    grid.setSpacing(14)
    for index, card in enumerate(cards):
        grid.addWidget(card, index // columns, index % columns)
    return grid


class TodayDesk(Desk):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.figures: Figures | None = None
        self.monthly = False
        self.anchor: date | None = None  # the day shown (or a day of the month); None: today
        self.records: RecordsBehind | None = None
        self.preview: ReportPreview | None = None
        self._build_top()
        self.sections = {
            key: QLabel(self) for key in ("inquiries", "by_day", "volunteers", "lostfound")
        }
        for section in self.sections.values():
            section.setProperty("role", "section")
        self.cards = {
            key: FigureCard(self)
            for key in (*INQUIRY_CARDS, *STATUS_CARDS, *VOLUNTEER_CARDS, *LOSTFOUND_CARDS)
        }
        for key, card in self.cards.items():
            card.clicked.connect(lambda key=key: self.open_card(key))
        self.category_chart = BarChart(across=True, parent=self)
        self.category_chart.bar_clicked.connect(self._category_clicked)
        self.day_chart = BarChart(across=False, parent=self)
        self.day_chart.bar_clicked.connect(self._day_clicked)
        self.post_chart = BarChart(across=True, parent=self)
        self.post_chart.bar_clicked.connect(self._post_clicked)
        self.people = self._people_table()
        self._build_body()
        worker.changed.connect(self._refresh_if_visible)
        self.retranslate()

    # Building ---------------------------------------------------------------------------------
    def _build_top(self) -> None:
        self.day_button = big_button(parent=self)
        self.month_button = big_button(parent=self)
        self.modes = QButtonGroup(self)
        for index, button in enumerate((self.day_button, self.month_button)):
            button.setCheckable(True)
            button.setProperty("mode", True)
            self.modes.addButton(button, index)
        self.day_button.setChecked(True)
        self.modes.idClicked.connect(lambda index: self.show_mode(index == 1))
        self.previous_button = big_button("‹", parent=self)
        self.next_button = big_button("›", parent=self)
        for button in (self.previous_button, self.next_button):
            button.setProperty("step", True)
            button.setFixedWidth(72)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.period_label = QLabel(self)
        self.period_label.setProperty("role", "title")
        self.period_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.period_label.setMinimumWidth(220)
        self.report_button = big_button(primary=True, parent=self)
        self.report_button.clicked.connect(self.open_report)

    def _people_table(self) -> QTableWidget:
        table = read_only_table(5, self)
        table.cellClicked.connect(lambda row, _column: self.open_person(row))
        table.setCursor(Qt.CursorShape.PointingHandCursor)
        return table

    def _build_body(self) -> None:
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.day_button)
        top.addWidget(self.month_button)
        top.addSpacing(20)
        top.addWidget(self.previous_button)
        top.addWidget(self.period_label, 1)
        top.addWidget(self.next_button)
        top.addSpacing(20)
        top.addWidget(self.report_button)

        body = QWidget()
        body.setObjectName("figures")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 12, 12)
        column.setSpacing(12)
        column.addWidget(self.sections["inquiries"])
        column.addLayout(_grid([self.cards[k] for k in INQUIRY_CARDS], len(INQUIRY_CARDS)))
        beside = QHBoxLayout()
        beside.setSpacing(14)
        beside.addWidget(self.category_chart, 3)
        beside.addLayout(_grid([self.cards[k] for k in STATUS_CARDS], 2), 2)
        column.addLayout(beside)
        column.addWidget(self.sections["by_day"])
        column.addWidget(self.day_chart)
        column.addWidget(self.sections["volunteers"])
        column.addLayout(_grid([self.cards[k] for k in VOLUNTEER_CARDS], len(VOLUNTEER_CARDS)))
        served = QHBoxLayout()
        served.setSpacing(14)
        served.addWidget(self.people, 3)
        served.addWidget(self.post_chart, 2)
        column.addLayout(served)
        column.addWidget(self.sections["lostfound"])
        column.addLayout(_grid([self.cards[k] for k in LOSTFOUND_CARDS], 3))
        column.addStretch(1)
        self.pane = QScrollArea(self)
        self.pane.setWidgetResizable(True)
        self.pane.setFrameShape(QFrame.Shape.NoFrame)
        self.pane.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pane.setWidget(body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 16, 16, 8)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.pane, 1)

    # Desk -------------------------------------------------------------------------------------

    def activate(self) -> None:
        actor = self.worker.store.actor
        self.report_button.setVisible(actor is not None and actor.is_lead)
        period = self.period()
        self.worker.read(lambda s: figures(s, period), on_done=self._show)

    def screenshot_views(self) -> list[tuple[str, Callable[[], None]]]:
        return [("", lambda: self.show_mode(False)), ("month", lambda: self.show_mode(True))]

    def _refresh_if_visible(self) -> None:
        if self.isVisible():
            self.activate()

    # The period -------------------------------------------------------------------------------
    def period(self) -> Period:
        shown = self.anchor or clock.local_today()
        return month_of(shown) if self.monthly else day(shown)

    def show_mode(self, monthly: bool) -> None:
        """今日概况 (one day) or 本月 (its month)."""
        self.monthly = monthly
        (self.month_button if monthly else self.day_button).setChecked(True)
        self.activate()

    def step(self, direction: int) -> None:
        """One day (or month) back (-1) or on (+1), never past today."""
        today = clock.local_today()
        shown = self.period()
        if direction < 0:
            moved = shown.first - timedelta(days=1)
            if self.monthly:
                moved = moved.replace(day=1)
        else:
            moved = min(shown.last + timedelta(days=1), today)
        if moved < EARLIEST:
            return
        if moved == today or (self.monthly and month_of(moved) == month_of(today)):
            self.anchor = None  # back at today: it follows the clock again
        else:
            self.anchor = moved
        self.activate()

    def _show(self, seen: Figures) -> None:
        if seen.period != self.period():
            return  # stepped on since: the figures of the period now shown are coming
        self.figures = seen
        self.retranslate()

    # Opening the records behind a figure ------------------------------------------------------
    def _open(self, title: str, trace: Trace | None, rows: list[Row] | None = None) -> None:
        if self.figures is None:
            return
        when = self._period_text(self.figures.period)
        full = self.tr("{what} — {when}").format(what=title, when=when)
        kind = "volunteers" if rows is not None else None
        if self.records is not None:
            self.records.deleteLater()  # the list opened before, closed by now
        self.records = RecordsBehind(
            self.worker, lambda: full, trace, self.window(), rows=rows, kind=kind
        )
        self.records.open()

    def open_card(self, key: str) -> None:
        f = self.figures
        if f is None:
            return
        caption = self.cards[key].caption.text()
        if key == "volunteers":
            self._open(caption, None, [self._person_row(n) for n in range(len(f.volunteers))])
            return
        self._open(caption, self._traces(f)[key])

    def _traces(self, f: Figures) -> dict[str, Trace]:
        traces = {
            "inquiries": f.inquiries.trace,
            "resolved_on_spot": f.resolved_on_spot.trace,
            "median": f.resolved.trace,  # the inquiries the median is taken over
            "open_escalations": f.open_escalations.trace,
            "shifts": f.shifts.trace,
            "hours": f.hours.trace,
            "found_registered": f.found_registered.trace,
            "found_returned": f.found_returned.trace,
            "return_rate": f.found_registered.trace,  # the base, each with its status
            "returns": f.returns.trace,
            "lost_registered": f.lost_registered.trace,
            "due_for_handover": f.due_for_handover.trace,
        }
        for code, count in f.by_status.items():
            traces[f"status_{code}"] = count.trace
        return traces

    def _category_clicked(self, index: int) -> None:
        if self.figures is None:
            return
        code = list(self.figures.by_category)[index]
        self._open(self.category_chart.labels[index], self.figures.by_category[code].trace)

    def _day_clicked(self, index: int) -> None:
        if self.figures is None:
            return
        one = list(self.figures.inquiries_by_day)[index]
        self._open(
            self.tr("Inquiries on {day}").format(day=one.isoformat()),
            self.figures.inquiries_by_day[one].trace,
        )

    def _post_clicked(self, index: int) -> None:
        if self.figures is None:
            return
        post = list(self.figures.hours_by_post)[index]
        self._open(
            self.tr("Shifts at {post}").format(post=post), self.figures.hours_by_post[post].trace
        )

    def open_person(self, row: int) -> None:
        if self.figures is None or row >= len(self.figures.volunteers):
            return
        person = self.figures.volunteers[row]
        self._open(self.tr("Shifts of {name}").format(name=person.name), person.hours.trace)

    def _person_row(self, index: int) -> Row:
        assert self.figures is not None
        person = self.figures.volunteers[index]
        return {
            "name": person.name,
            "badge_code": person.badge_code,
            "team": person.team,
            "shifts": person.shifts,
            "hours": number(person.hours.value),
            "by_post": self.tr("; ").join(
                f"{post} {number(h.value)}" for post, h in person.by_post.items()
            ),
        }

    # The report -------------------------------------------------------------------------------
    def open_report(self) -> None:
        """The day's 日报 or the month's 月报 in the print preview (made on the worker)."""
        kind = "monthly" if self.monthly else "daily"
        self.preview = show_report(self.worker, kind, self.period(), self)

    # Text -------------------------------------------------------------------------------------
    def _period_text(self, period: Period) -> str:
        locale = QLocale(i18n.current())
        first = QDate(period.first.year, period.first.month, period.first.day)
        if period.first != period.last:
            return locale.toString(first, self.tr("MMMM yyyy"))
        return locale.toString(first, self.tr("yyyy-MM-dd dddd"))

    def retranslate(self) -> None:
        lang = i18n.current()
        self.day_button.setText(self.tr("Day overview"))
        self.month_button.setText(self.tr("Month"))
        self.report_button.setText(
            self.tr("Monthly report PDF") if self.monthly else self.tr("Daily report PDF")
        )
        self.previous_button.setToolTip(
            self.tr("Previous month") if self.monthly else self.tr("Previous day")
        )
        self.next_button.setToolTip(self.tr("Next month") if self.monthly else self.tr("Next day"))
        self.sections["inquiries"].setText(self.tr("Visitor inquiries"))
        self.sections["by_day"].setText(self.tr("Inquiries each day"))
        self.sections["volunteers"].setText(self.tr("Volunteers who served"))
        self.sections["lostfound"].setText(self.tr("Lost and found"))
        self.sections["by_day"].setVisible(self.monthly)
        self.day_chart.setVisible(self.monthly)
        self.people.setHorizontalHeaderLabels(
            [
                self.tr("Volunteer"),
                self.tr("Badge"),
                self.tr("Shifts"),
                self.tr("Hours"),
                self.tr("Hours per post"),
            ]
        )
        period = self.period()
        self.period_label.setText(self._period_text(period))
        self.next_button.setEnabled(period.last < clock.local_today())
        self.previous_button.setEnabled(period.first > EARLIEST)
        captions = {
            "inquiries": self.tr("inquiries"),
            "resolved_on_spot": self.tr("resolved on the spot"),
            "median": self.tr("median time to resolve"),
            "open_escalations": self.tr("escalations still open"),
            "volunteers": self.tr("volunteers served"),
            "shifts": self.tr("shifts"),
            "hours": self.tr("hours served"),
            "found_registered": self.tr("items handed in"),
            "found_returned": self.tr("of these, returned to owners"),
            "return_rate": self.tr("return rate"),
            "returns": self.tr("returns made"),
            "lost_registered": self.tr("losses reported"),
            "due_for_handover": self.tr("items due for the police"),
        }
        for code in INQUIRY_STATUSES:
            captions[f"status_{code}"] = label(INQUIRY_STATUSES, code, lang)
        for key, caption in captions.items():
            self.cards[key].caption.setText(caption)
        if self.figures is not None:
            self._fill(self.figures, lang)

    def _fill(self, f: Figures, lang: str) -> None:
        median = f.median_resolve_minutes
        values = {
            "inquiries": str(f.inquiries.value),
            "resolved_on_spot": str(f.resolved_on_spot.value),
            "median": "–" if median is None else self.tr("{n} min").format(n=number(median)),
            "open_escalations": str(f.open_escalations.value),
            "volunteers": str(len(f.volunteers)),
            "shifts": str(f.shifts.value),
            "hours": number(f.hours.value),
            "found_registered": str(f.found_registered.value),
            "found_returned": str(f.found_returned.value),
            "return_rate": percent(f.return_rate),
            "returns": str(f.returns.value),
            "lost_registered": str(f.lost_registered.value),
            "due_for_handover": str(f.due_for_handover.value),
        }
        for code, count in f.by_status.items():
            values[f"status_{code}"] = str(count.value)
        for key, value in values.items():
            self.cards[key].figure.setText(value)
        self.cards["resolved_on_spot"].caption.setText(
            self.tr("resolved on the spot ({share})").format(share=percent(f.on_spot_share))
        )
        self.category_chart.set_bars(
            [label(INQUIRY_CATEGORIES, code, lang) for code in f.by_category],
            [float(c.value) for c in f.by_category.values()],
        )
        self.day_chart.set_bars(
            [str(one.day) for one in f.inquiries_by_day],
            [float(c.value) for c in f.inquiries_by_day.values()],
        )
        self.post_chart.set_bars(list(f.hours_by_post), [h.value for h in f.hours_by_post.values()])
        self.post_chart.chart().setTitle(self.tr("Hours per post"))
        self.people.setRowCount(len(f.volunteers))
        for row in range(len(f.volunteers)):
            cells = self._person_row(row)
            for column, key in enumerate(("name", "badge_code", "shifts", "hours", "by_post")):
                self.people.setItem(row, column, QTableWidgetItem(str(cells[key])))
        # Up to eight people in view; a month's forty scroll inside the table.
        self.people.setFixedHeight(48 + 44 * min(max(len(f.volunteers), 3), 8))
