"""Bar charts drawn with ReportLab's own graphics, every label in the embedded CJK font.

(A label left in the default Helvetica would make the PDF name a font it does not embed.)
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

BAR = colors.HexColor("#B22222")
AXIS = colors.HexColor("#555555")


def _drawing(width: float, height: float, font: str) -> Drawing:
    # The renderer sets the drawing's initial font first, Helvetica unless told otherwise.
    return Drawing(width, height, initialFontName=font)


def _nice_top(values: Sequence[float]) -> float:
    """An axis end a little above the largest value, on a round step."""
    top = max([*values, 0.0])
    if top <= 5:
        return 5.0
    step = 10 ** (len(str(int(top))) - 1)
    return float((int(top / step) + 1) * step)


def bars_across(
    labels: Sequence[str], values: Sequence[float], *, width: float, font: str, unit: str = ""
) -> Drawing:
    """Horizontal bars, one per label (categories read best this way), value at each bar."""
    row = 16
    label_width = 90
    height = row * max(len(labels), 1) + 30
    drawing = _drawing(width, height, font)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 18
    chart.width, chart.height = int(width) - label_width - 40, height - 26
    # Top to bottom in the order given.
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    _style(chart, font, values)
    chart.barLabelFormat = f"%g{unit}"
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def bars_up(
    labels: Sequence[str], values: Sequence[float], *, width: float, font: str, height: float = 150
) -> Drawing:
    """Vertical bars over a run of days (labels such as "1" … "31")."""
    drawing = _drawing(width, height, font)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 20
    chart.width, chart.height = int(width) - 40, int(height) - 30
    chart.data = [list(values)]
    chart.categoryAxis.categoryNames = list(labels)
    _style(chart, font, values)
    # Whole numbers: a month's bars are too narrow for decimals.
    chart.barLabelFormat = "%.0f"
    chart.barLabels.boxAnchor = "s"
    chart.barLabels.dy = 2
    drawing.add(chart)
    return drawing


def _style(
    chart: HorizontalBarChart | VerticalBarChart, font: str, values: Sequence[float]
) -> None:
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barSpacing = 2
    chart.groupSpacing = 4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_top(values)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.valueAxis.strokeColor = AXIS
    chart.categoryAxis.strokeColor = AXIS
    for labels in (chart.valueAxis.labels, chart.categoryAxis.labels, chart.barLabels):
        labels.fontName = font
        labels.fontSize = 8
    chart.barLabels.fontSize = 7
