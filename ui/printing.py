"""The Qt print path: a slip's PDF, drawn page by page onto a QPrinter.

ReportLab makes the PDF; the operating system's driver (thermal roll printers included) gets
it through QPrinter, so every printer the system knows works. Each page is rendered with QtPdf
at the printer's resolution and painted over white (QtPdf renders onto a transparent image).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from station.errors import StationError

if TYPE_CHECKING:
    from station.slips import Slip

# Enough for text and QR codes on any printer (thermal heads are 203 dpi), and an A4 page
# stays a 35 MB image instead of 140 MB at a laser printer's 1200 dpi.
MAX_RENDER_DPI = 300
WHITE = QColor("#ffffff")


class PrintError(StationError):
    """The slip could not be printed; the record itself is saved either way."""


def available_printers() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


def _printer_info(printer_name: str | None) -> QPrinterInfo:
    """The printer to use, checked before anything is sent to it."""
    names = available_printers()
    if not names:
        raise PrintError("no_printers")
    if printer_name is None:
        info = QPrinterInfo.defaultPrinter()
        if info.isNull():
            if len(names) > 1:
                raise PrintError("no_default_printer", names="、".join(names))
            info = QPrinterInfo.printerInfo(names[0])
    else:
        info = QPrinterInfo.printerInfo(printer_name)
        if info.isNull():
            raise PrintError("printer_missing", name=printer_name)
    if info.state() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintError("printer_offline", name=info.printerName())
    return info


class PdfPages:
    """A PDF in memory, readable by QtPdf page by page."""

    def __init__(self, pdf: bytes) -> None:
        # QPdfDocument reads from the buffer lazily: both live as long as this object.
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self._buffer)
        self.ok = self.document.status() == QPdfDocument.Status.Ready

    def count(self) -> int:
        return self.document.pageCount() if self.ok else 0

    def size_points(self, page: int) -> QSizeF:
        return self.document.pagePointSize(page)

    def render(self, page: int, width_px: int) -> QImage:
        """Page `page`, `width_px` wide, painted over white (opaque, ready to show or print)."""
        points = self.size_points(page)
        height_px = max(1, round(width_px * points.height() / max(points.width(), 1.0)))
        size = QSize(max(1, width_px), height_px)
        drawn = self.document.render(page, size)
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(WHITE)
        painter = QPainter(image)
        painter.drawImage(0, 0, drawn)
        painter.end()
        return image


def _page_layout(width_mm: float, height_mm: float) -> QPageLayout:
    # A standard size (A4, A5) is matched by name, so a printer picks its tray; a roll gets
    # a custom size of exactly the slip's length.
    size = QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter)
    return QPageLayout(
        size,
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def print_pdf(
    pdf: bytes,
    width_mm: float,
    height_mm: float,
    printer_name: str | None,
    *,
    title: str = "redpost",
) -> str:
    """Print every page of `pdf` on `printer_name` (None: the system's default printer),
    full page with no margins, on paper of the slip's size. Returns the printer used."""
    info = _printer_info(printer_name)
    name = info.printerName()
    pages = PdfPages(pdf)
    if pages.count() == 0:
        raise PrintError("print_failed", name=name)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setPageLayout(_page_layout(width_mm, height_mm))
    printer.setDocName(title)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("print_failed", name=name)
    try:
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        dpi = min(printer.resolution(), MAX_RENDER_DPI)
        for page in range(pages.count()):
            if page > 0 and not printer.newPage():
                raise PrintError("print_failed", name=name)
            width_px = round(pages.size_points(page).width() / 72 * dpi)
            image = pages.render(page, width_px)
            target = _fit(QSizeF(image.size()), paper)
            painter.drawImage(target, image)
    finally:
        painter.end()
    if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintError("print_failed", name=name)
    return name


def _fit(size: QSizeF, area: QRectF) -> QRectF:
    """`size` scaled to the width of `area` (to its height if that is smaller), top-left."""
    scale = min(area.width() / size.width(), area.height() / size.height())
    return QRectF(area.left(), area.top(), size.width() * scale, size.height() * scale)


def print_from_cli(slip: Slip, printer_name: str | None) -> str:
    """`redpost print`: the same path as the app's Print button, with no window."""
    if QGuiApplication.instance() is None:
        # Kept for the process's life: Qt objects made later need it to exist.
        _keep.append(QGuiApplication(sys.argv[:1]))
    return print_pdf(slip.pdf, slip.width_mm, slip.height_mm, printer_name, title=slip.title)


_keep: list[QGuiApplication] = []
