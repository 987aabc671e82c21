"""The signature pad: strokes from mouse and touch, PNG export, Clear."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ui.signature import SignaturePad

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _pad(qtbot: QtBot) -> SignaturePad:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 200)
    pad.show()
    qtbot.waitExposed(pad)
    return pad


def sign(pad: SignaturePad, points: list[QPoint]) -> None:
    """Draw one stroke with the mouse through `points` (QTest's typed calls, as qtbot's)."""
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(pad, left, none, points[0])
    for point in points[1:]:
        QTest.mouseMove(pad, point)
    QTest.mouseRelease(pad, left, none, points[-1])


def _dark_pixels(image: QImage) -> int:
    return sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if QColor(image.pixel(x, y)).lightness() < 100
    )


def test_a_new_pad_is_empty_and_exports_nothing(qtbot: QtBot) -> None:
    pad = _pad(qtbot)

    assert pad.is_empty()
    assert pad.to_png() is None


def test_mouse_strokes_export_as_a_png_and_clear_empties_the_pad(qtbot: QtBot) -> None:
    pad = _pad(qtbot)

    with qtbot.waitSignal(pad.changed):
        sign(pad, [QPoint(30, 120), QPoint(120, 60), QPoint(200, 140), QPoint(330, 80)])

    assert not pad.is_empty()
    assert pad.stroke_count() == 1
    png = pad.to_png()
    assert png is not None
    assert png.startswith(PNG_MAGIC)
    image = QImage.fromData(png)
    assert image.size() == pad.size()
    # White paper, dark ink, and no Clear button or hint painted into the export.
    assert QColor(image.pixel(2, 2)) == QColor("#ffffff")
    assert QColor(image.pixel(image.width() - 20, 20)) == QColor("#ffffff")
    assert _dark_pixels(image) > 20

    with qtbot.waitSignal(pad.changed):
        QTest.mouseClick(pad.clear_button, Qt.MouseButton.LeftButton)

    assert pad.is_empty()
    assert pad.to_png() is None


def test_touch_strokes_are_recorded(qtbot: QtBot) -> None:
    pad = _pad(qtbot)
    device = QTest.createTouchDevice()

    QTest.touchEvent(pad, device).press(0, QPoint(40, 100)).commit()
    QTest.touchEvent(pad, device).move(0, QPoint(150, 60)).commit()
    QTest.touchEvent(pad, device).move(0, QPoint(260, 130)).commit()
    QTest.touchEvent(pad, device).release(0, QPoint(300, 100)).commit()

    assert pad.stroke_count() == 1
    png = pad.to_png()
    assert png is not None
    assert _dark_pixels(QImage.fromData(png)) > 20


def test_each_stroke_is_kept_until_cleared(qtbot: QtBot) -> None:
    pad = _pad(qtbot)

    sign(pad, [QPoint(20, 50), QPoint(100, 50)])
    sign(pad, [QPoint(20, 150), QPoint(100, 150)])

    assert pad.stroke_count() == 2
    pad.clear()
    assert pad.stroke_count() == 0
