"""A signature pad: the owner signs with a finger or the mouse; the strokes export as a PNG."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageWriter,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from ui.i18n import Retranslatable
from ui.widgets import MIN_TARGET

INK = QColor("#111111")
PAPER = QColor("#ffffff")
PEN_WIDTH = 4.0
_TOUCH_EVENTS = {
    QTouchEvent.Type.TouchBegin,
    QTouchEvent.Type.TouchUpdate,
    QTouchEvent.Type.TouchEnd,
    QTouchEvent.Type.TouchCancel,
}

Stroke = list[QPointF]


class SignaturePad(Retranslatable, QWidget):
    """Records strokes from mouse and touch; white paper, dark thick ink, a Clear button."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[Stroke] = []
        self._drawing = False
        self._hint = ""
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setMinimumSize(360, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.clear_button = QPushButton(self)
        self.clear_button.setMinimumHeight(MIN_TARGET)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.clear_button.clicked.connect(self.clear)
        self.retranslate()

    # -- what the form asks -------------------------------------------------------------

    def is_empty(self) -> bool:
        return not any(self._strokes)

    def stroke_count(self) -> int:
        return sum(1 for stroke in self._strokes if stroke)

    def clear(self) -> None:
        had_ink = not self.is_empty()
        self._strokes = []
        self._drawing = False
        self.update()
        if had_ink:
            self.changed.emit()

    def to_image(self) -> QImage:
        """The signature on white, the size of the pad, without the button or the hint."""
        image = QImage(self.size(), QImage.Format.Format_RGB32)
        image.fill(PAPER)
        painter = QPainter(image)
        self._paint_strokes(painter)
        painter.end()
        return image

    def to_png(self) -> bytes | None:
        """The signature as PNG bytes; None when nothing was drawn."""
        if self.is_empty():
            return None
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        QImageWriter(buffer, QByteArray(b"PNG")).write(self.to_image())
        buffer.close()
        return bytes(data.data())

    def retranslate(self) -> None:
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.adjustSize()
        self._place_button()
        self._hint = self.tr("Please sign here with a finger")
        self.setToolTip(self._hint)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 220)

    # -- input ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing:
            self._extend(event.position())
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drawing and event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position())
            self._end()
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def event(self, event: object) -> bool:
        if isinstance(event, QTouchEvent) and event.type() in _TOUCH_EVENTS:
            self._touch(event)
            return True
        return super().event(event)  # type: ignore[arg-type]

    def _touch(self, event: QTouchEvent) -> None:
        points = event.points()
        if event.type() == QTouchEvent.Type.TouchCancel or not points:
            self._end()
            event.accept()
            return
        # One finger signs; a second finger resting on the glass is ignored.
        position = points[0].position()
        if event.type() == QTouchEvent.Type.TouchBegin:
            self._begin(position)
        elif event.type() == QTouchEvent.Type.TouchUpdate:
            if self._drawing:
                self._extend(position)
            else:
                self._begin(position)
        else:
            if self._drawing:
                self._extend(position)
            self._end()
        event.accept()

    def _begin(self, position: QPointF) -> None:
        self._drawing = True
        self._strokes.append([QPointF(position)])
        self.update()

    def _extend(self, position: QPointF) -> None:
        if not self._strokes:
            self._strokes.append([])
        stroke = self._strokes[-1]
        if not stroke or stroke[-1] != position:
            stroke.append(QPointF(position))
            self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    # -- drawing ----------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), PAPER)
        painter.setPen(QPen(QColor("#8d8d8d"), 2))
        painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        # A line to sign on, as on paper.
        baseline = self.height() * 0.75
        painter.setPen(QPen(QColor("#bdbdbd"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(24, baseline), QPointF(self.width() - 24, baseline))
        if self.is_empty():
            painter.setPen(QColor("#9e9e9e"))
            hint = QRectF(24, 0, self.width() - 48, baseline - 8)
            painter.drawText(
                hint, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), self._hint
            )
        self._paint_strokes(painter)
        painter.end()

    def _paint_strokes(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(INK, PEN_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for stroke in self._strokes:
            if len(stroke) == 1:
                painter.drawPoint(stroke[0])
            elif stroke:
                path = QPainterPath(stroke[0])
                for point in stroke[1:]:
                    path.lineTo(point)
                painter.drawPath(path)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_button()

    def _place_button(self) -> None:
        hint = self.clear_button.sizeHint()
        width = max(hint.width(), 96)
        self.clear_button.setGeometry(
            self.width() - width - 8, 8, width, max(hint.height(), MIN_TARGET)
        )
