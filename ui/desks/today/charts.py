"""Bar charts for the figures (Qt Charts, part of the PySide6 we ship): large labels in the
application's CJK font, the value at each bar, and a tap on a bar reported by its index."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QApplication, QWidget

BAR = QColor("#b71c1c")
LABEL_POINTS = 14


def _font(points: int, *, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSize(points)
    font.setBold(bold)
    return font


def scale_steps(values: Sequence[float]) -> tuple[float, float]:
    """The axis end and its tick step: round numbers (1, 2, 5, 10, 20, 50 …), at most six
    steps, with room past the largest bar for the value written at its end."""
    top = max([*values, 0.0]) * 1.15
    step = 1.0
    while top / step > 6:
        for factor in (2.0, 2.5, 2.0):  # 1 → 2 → 5 → 10
            step *= factor
            if top / step <= 6:
                break
    return max(step * -(-top // step), step), step


class BarChart(QChartView):
    """Horizontal bars top to bottom in the order given, or (`across=False`) vertical bars
    left to right, as over the days of a month. `bar_clicked` carries the bar's index."""

    bar_clicked = Signal(int)

    def __init__(self, *, across: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.across = across
        self.labels: list[str] = []
        self.values: list[float] = []
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(220)
        chart = QChart()
        chart.legend().hide()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(8)
        chart.setMargins(QMargins(4, 4, 12, 4))
        self.setChart(chart)

    def set_bars(self, labels: Sequence[str], values: Sequence[float], unit: str = "") -> None:
        self.labels, self.values = list(labels), list(values)
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        bars = QBarSet("")
        bars.setColor(BAR)
        bars.setBorderColor(BAR)
        bars.setLabelColor(QColor("#1a1a1a"))
        bars.setLabelFont(_font(LABEL_POINTS - (0 if self.across else 4), bold=True))
        # Horizontal bars are drawn bottom up: reversed, the first label sits on top.
        shown = list(reversed(self.values)) if self.across else self.values
        bars.append(shown)
        bars.clicked.connect(self._clicked)
        series: QAbstractBarSeries = QHorizontalBarSeries() if self.across else QBarSeries()
        series.append(bars)
        series.setBarWidth(0.7)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value" + unit)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append(list(reversed(self.labels)) if self.across else self.labels)
        names.setLabelsFont(_font(LABEL_POINTS if self.across else LABEL_POINTS - 4))
        names.setGridLineVisible(False)
        scale = QValueAxis()
        end, step = scale_steps(self.values)
        scale.setRange(0, end)
        scale.setTickType(QValueAxis.TickType.TicksDynamic)
        scale.setTickAnchor(0)
        scale.setTickInterval(step)
        scale.setLabelFormat("%g")
        scale.setLabelsFont(_font(LABEL_POINTS - 3))
        category_side, value_side = (
            (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
            if self.across
            else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
        )
        chart.addAxis(names, category_side)
        chart.addAxis(scale, value_side)
        series.attachAxis(names)
        series.attachAxis(scale)
        if self.across:
            self.setMinimumHeight(60 + 44 * max(len(self.labels), 1))

    def _clicked(self, index: int) -> None:
        self.bar_clicked.emit(len(self.values) - 1 - index if self.across else index)
