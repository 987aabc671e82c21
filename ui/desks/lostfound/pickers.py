"""Tap-first inputs the lost-and-found forms share: category, colour, place and time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import QDateTime, QTimeZone, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDateTimeEdit, QLabel, QVBoxLayout, QWidget

from station import clock
from station.vocab import ITEM_CATEGORIES, label
from ui import i18n
from ui.i18n import Retranslatable
from ui.widgets import ChoiceRow, line_edit


def category_options() -> list[tuple[str, Callable[[], str]]]:
    return [(code, _vocab_label(code)) for code in ITEM_CATEGORIES]


def _vocab_label(code: str) -> Callable[[], str]:
    return lambda: label(ITEM_CATEGORIES, code, i18n.current())


def local_minute(moment: datetime) -> str:
    return moment.astimezone(clock.LOCAL_TZ).strftime("%Y-%m-%d %H:%M")


def short_time(moment: datetime) -> str:
    """For a table: month, day and time this year (the year is in the number), else the date."""
    local = moment.astimezone(clock.LOCAL_TZ)
    if local.year == clock.local_today().year:
        return local.strftime("%m-%d %H:%M")
    return local.strftime("%Y-%m-%d")


def _column(parent: QWidget, *widgets: QWidget) -> None:
    layout = QVBoxLayout(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    for widget in widgets:
        layout.addWidget(widget)


class ColourPicker(Retranslatable, QWidget):
    """Big buttons for common colours, or a colour typed in; the Chinese name is stored,
    so a report typed in English still matches an item registered in Chinese."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = ChoiceRow(columns=6, parent=self)
        self.choices.set_options(
            [
                ("黑色", lambda: self.tr("Black")),
                ("白色", lambda: self.tr("White")),
                ("红色", lambda: self.tr("Red")),
                ("蓝色", lambda: self.tr("Blue")),
                ("绿色", lambda: self.tr("Green")),
                ("黄色", lambda: self.tr("Yellow")),
                ("灰色", lambda: self.tr("Grey")),
                ("棕色", lambda: self.tr("Brown")),
                ("粉色", lambda: self.tr("Pink")),
                ("紫色", lambda: self.tr("Purple")),
                ("银色", lambda: self.tr("Silver")),
                ("金色", lambda: self.tr("Gold")),
            ]
        )
        # Colour names are short: six narrow buttons to a row keep the form in two columns.
        self.choices.setStyleSheet(
            'QPushButton[choice="true"] { min-width: 56px; padding: 6px 4px; }'
        )
        self.other = line_edit(parent=self)
        self.other.setMaxLength(20)
        _column(self, self.choices, self.other)
        self.choices.chosen.connect(self._chosen)
        self.other.textEdited.connect(self._typed)
        self.retranslate()

    def value(self) -> str | None:
        typed = self.other.text().strip()
        return typed or self.choices.value()

    def set_value(self, colour: str | None) -> None:
        """Show `colour` (a value this picker gave) as its button, or typed when it has none."""
        self.choices.set_value(colour)
        self.other.setText("" if self.choices.value() == colour else colour or "")

    def clear(self) -> None:
        self.choices.set_value(None)
        self.other.clear()

    def _chosen(self, _code: str) -> None:
        self.other.clear()
        self.edited.emit()

    def _typed(self, text: str) -> None:
        if text.strip():
            self.choices.set_value(None)
        self.edited.emit()

    def retranslate(self) -> None:
        self.choices.retranslate()
        self.other.setPlaceholderText(self.tr("Another colour: type it here"))


class PlacePicker(Retranslatable, QWidget):
    """The station's posts as quick buttons that fill the text, which can then be refined."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = ChoiceRow(columns=3, parent=self)
        self.text = line_edit(parent=self)
        self.text.setMaxLength(60)
        _column(self, self.choices, self.text)
        self.choices.chosen.connect(self._chosen)
        self.text.textEdited.connect(self._typed)
        self.retranslate()

    def set_posts(self, names: list[str]) -> None:
        self.choices.set_options([(name, _fixed(name)) for name in names])
        self.choices.setVisible(bool(names))
        self.choices.set_value(self.text.text().strip() or None)

    def value(self) -> str:
        return self.text.text().strip()

    def set_value(self, text: str) -> None:
        self.text.setText(text)
        self.choices.set_value(text.strip() or None)

    def clear(self) -> None:
        self.set_value("")

    def _chosen(self, code: str) -> None:
        self.text.setText(code)
        self.edited.emit()

    def _typed(self, text: str) -> None:
        self.choices.set_value(text.strip() or None)
        self.edited.emit()

    def retranslate(self) -> None:
        self.text.setPlaceholderText(self.tr("Or type the place"))


def _fixed(text: str) -> Callable[[], str]:
    return lambda: text


class WhenPicker(Retranslatable, QWidget):
    """When it happened: now by default, quick answers, and an exact time only if needed."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = ChoiceRow(columns=4, parent=self)
        self.choices.set_options(
            [
                ("now", lambda: self.tr("Just now")),
                ("hour", lambda: self.tr("1 hour ago")),
                ("morning", lambda: self.tr("This morning")),
                ("other", lambda: self.tr("Other…")),
            ]
        )
        self.choices.setStyleSheet(
            'QPushButton[choice="true"] { min-width: 80px; padding: 6px 6px; }'
        )
        self.exact = QDateTimeEdit(self)
        self.exact.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.exact.setCalendarPopup(True)
        self.exact.setTimeZone(QTimeZone(8 * 3600))
        self.exact.hide()
        self.shown = QLabel(self)
        self.shown.setProperty("role", "hint")
        _column(self, self.choices, self.exact, self.shown)
        self.choices.chosen.connect(self._chosen)
        self.exact.dateTimeChanged.connect(self._exact_changed)
        self.reset()

    def reset(self) -> None:
        self.choices.set_value("now")
        self.exact.hide()
        self.shown.show()
        self._show_time()

    def is_default(self) -> bool:
        return self.choices.value() == "now"

    def state(self) -> dict[str, str]:
        """The choice and the moment it stands for, to keep in a draft (see `restore`)."""
        return {"mode": self.choices.value() or "now", "at": self.value().isoformat()}

    def restore(self, state: dict[str, str]) -> None:
        """Choose as `state` says; "1 hour ago" and "this morning" count from now again."""
        mode = state.get("mode")
        if mode not in ("hour", "morning", "other"):
            self.reset()
            return
        self.choices.set_value(mode)
        self._chosen(mode)
        if mode == "other":
            self.exact.setDateTime(_qt_time(datetime.fromisoformat(state["at"])))

    def value(self) -> datetime:
        """The chosen moment, aware, in local time; "just now" means the moment of asking."""
        now = clock.now().astimezone(clock.LOCAL_TZ).replace(second=0, microsecond=0)
        mode = self.choices.value() or "now"
        if mode == "hour":
            return now - timedelta(hours=1)
        if mode == "morning":
            return min(now, datetime.combine(now.date(), time(9, 0), clock.LOCAL_TZ))
        if mode == "other":
            picked = self.exact.dateTime().toSecsSinceEpoch()
            return datetime.fromtimestamp(picked, clock.LOCAL_TZ)
        return now

    def showEvent(self, event: QShowEvent) -> None:
        # "Just now" is the moment of saving; the shown time should not go stale meanwhile.
        self._show_time()
        super().showEvent(event)

    def _chosen(self, code: str) -> None:
        if code == "other":
            now = clock.now().astimezone(clock.LOCAL_TZ)
            self.exact.setMaximumDateTime(_qt_time(now + timedelta(minutes=5)))
            self.exact.setDateTime(_qt_time(now.replace(second=0, microsecond=0)))
        self.exact.setVisible(code == "other")
        # The exact time shows itself; the line would only repeat it.
        self.shown.setVisible(code != "other")
        self._show_time()
        self.edited.emit()

    def _exact_changed(self, _value: QDateTime) -> None:
        self._show_time()
        self.edited.emit()

    def _show_time(self) -> None:
        self.shown.setText(self.tr("Time recorded: {time}").format(time=local_minute(self.value())))

    def retranslate(self) -> None:
        self.choices.retranslate()
        self._show_time()


def _qt_time(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone(8 * 3600))
