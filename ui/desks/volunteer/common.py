"""Small helpers shared by the parts of the volunteer desk."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QWidget

from station import clock

# Labels lie on a white card, not on the page's colour; a post's name is in red.
CARD_STYLE = """
QLabel, QWidget#postGrid { background: transparent; }
QLabel[role="post"] { color: #b71c1c; }
"""


def heading(parent: QWidget | None = None, size: int = 17) -> QLabel:
    """A bold section heading, smaller than the desk's title."""
    label = QLabel(parent)
    font = label.font()
    font.setPointSize(size)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def hint(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def local_time(moment: datetime) -> str:
    """09:12 for a moment of today, 11-29 09:12 for an earlier day (a shift left open)."""
    local = moment.astimezone(clock.LOCAL_TZ)
    if local.date() == clock.local_today():
        return f"{local:%H:%M}"
    return f"{local:%m-%d %H:%M}"


def minutes_since(moment: datetime) -> int:
    return max(0, int((clock.now() - moment).total_seconds() // 60))
