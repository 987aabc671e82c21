"""The slip preview: the pages as they will print, a paper choice, then Print or Save as PDF.

The record is saved before this dialog opens, so nothing here can lose it: a missing printer
only leaves a message next to the Print button, which stays ready for another try.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from station.errors import StationError
from station.slips import PAPERS, Slip, default_paper, make_slip, set_default_paper
from station.slips.printed import record_print
from ui import i18n
from ui.i18n import Retranslatable
from ui.printing import PdfPages, PrintError, available_printers, print_pdf
from ui.widgets import ChoiceRow, big_button, refresh_style
from ui.worker import Worker

REMEMBERED_PRINTER = "print/printer"
# On screen a page is at most this many pixels per millimetre (about 1.6 times life size),
# so a narrow roll does not blow up to the width of the window.
MAX_PX_PER_MM = 6.0
PAGE_GAP = 16


def printer_settings(worker: Worker) -> QSettings:
    """The kiosk's ui.ini, where the station printer is remembered beside the data."""
    from ui.app import settings_for  # ui.app builds the desks, which open this dialog

    return settings_for(worker.store.folder)


class PrinterChooser(Retranslatable, QDialog):
    """A plain list of the system's printers (no native print dialog: it cannot be driven
    by touch or by a test); `chosen` carries the name and whether to remember it."""

    chosen = Signal(str, bool)

    def __init__(self, names: list[str], missing: str | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.missing = missing
        self.heading = QLabel(self)
        self.heading.setProperty("role", "title")
        self.note = QLabel(self)
        self.note.setProperty("role", "error")
        self.note.setWordWrap(True)
        self.note.setVisible(missing is not None)
        self.list = QListWidget(self)
        self.list.addItems(names)
        self.list.setCurrentRow(0)
        self.remember = QCheckBox(self)
        self.remember.setChecked(True)
        self.remember.setMinimumHeight(48)
        self.print_button = big_button(primary=True, parent=self)
        self.cancel_button = big_button(parent=self)
        self.print_button.clicked.connect(self._print)
        self.cancel_button.clicked.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self._print())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.remember)
        layout.addLayout(buttons)
        self.resize(560, 420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Choose a printer"))
        self.heading.setText(self.tr("Which printer?"))
        if self.missing is not None:
            self.note.setText(
                self.tr("The station printer '{name}' cannot be found.").format(name=self.missing)
            )
        self.remember.setText(self.tr("Always use this printer at this station"))
        self.print_button.setText(self.tr("Print"))
        self.cancel_button.setText(self.tr("Cancel"))

    def _print(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.accept()
        self.chosen.emit(item.text(), self.remember.isChecked())


class SlipPreview(Retranslatable, QDialog):
    """Preview of one record's slip (`kind`, `number` as for `make_slip`)."""

    def __init__(
        self,
        worker: Worker,
        kind: str,
        number: str,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.kind = kind
        self.number = number
        self.settings = settings if settings is not None else printer_settings(worker)
        self.slip: Slip | None = None
        self.default: str | None = None
        self.pages: PdfPages | None = None
        self.chooser: PrinterChooser | None = None
        # The printer and the file dialog, replaceable (a test has no printer to spare).
        self.list_printers: Callable[[], list[str]] = available_printers
        self.send: Callable[..., str] = print_pdf
        self.choose_file: Callable[[str], str | None] = self._ask_file
        # What the status line says, kept as a function so it follows the language.
        self._status: Callable[[], str] | None = None

        self.heading = QLabel(self)
        self.heading.setProperty("role", "title")
        self.paper_label = QLabel(self)
        self.paper_row = ChoiceRow(columns=len(PAPERS))
        self.paper_row.setStyleSheet('QPushButton[choice="true"] { min-width: 90px; }')
        self.paper_row.set_options((code, self._paper_text(code)) for code in PAPERS)
        self.paper_row.chosen.connect(self.load)
        self.default_button = big_button(parent=self)
        self.default_button.clicked.connect(self.make_default)
        self.sheets = QWidget()
        self.sheets.setObjectName("sheets")
        self.sheet_layout = QVBoxLayout(self.sheets)
        self.sheet_layout.setSpacing(PAGE_GAP)
        self.sheet_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.sheets)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setStyleSheet("QWidget#sheets { background: #8d8d8d; }")
        self._build_buttons()
        self.rerender = QTimer(self)
        self.rerender.setSingleShot(True)
        self.rerender.setInterval(80)
        self.rerender.timeout.connect(self.render_pages)
        self._layout()
        self.setModal(True)
        self.resize(1000, 760)
        self._enable()
        self.retranslate()
        self.load(None)

    def _build_buttons(self) -> None:
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()
        self.print_button = big_button(primary=True, parent=self)
        self.printer_button = big_button(parent=self)
        self.save_button = big_button(parent=self)
        self.close_button = big_button(parent=self)
        self.print_button.clicked.connect(self.print_slip)
        self.printer_button.clicked.connect(lambda: self.choose_printer(None))
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.accept)

    def _layout(self) -> None:
        papers = QHBoxLayout()
        papers.addWidget(self.paper_label)
        papers.addWidget(self.paper_row, 1)
        papers.addWidget(self.default_button)
        buttons = QHBoxLayout()
        for button in (self.close_button, self.save_button, self.printer_button):
            buttons.addWidget(button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.heading)
        layout.addLayout(papers)
        layout.addWidget(self.scroll_area, 1)
        # Above the buttons, full width: a long message must not squeeze them.
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def _paper_text(self, code: str) -> Callable[[], str]:
        texts: dict[str, Callable[[], str]] = {
            "58mm": lambda: self.tr("58 mm"),
            "80mm": lambda: self.tr("80 mm"),
            "a5": lambda: self.tr("A5"),
            "a4": lambda: self.tr("A4"),
        }
        return texts.get(code, lambda: code)

    # The slip -----------------------------------------------------------------------------------
    def make(self, session: Session, paper: str | None) -> tuple[Slip, str]:
        """On the worker: the document on `paper` (None: the station's default), and the
        station's default paper."""
        return make_slip(session, self.kind, self.number, paper), default_paper(session)

    def load(self, paper: str | None) -> None:
        """Make the document on `paper` through the worker, then show it."""
        make = self.make
        self.slip = None
        self._enable()
        self.worker.read(lambda s: make(s, paper), on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result: tuple[Slip, str]) -> None:
        self.slip, self.default = result
        self.pages = PdfPages(self.slip.pdf)
        self.paper_row.set_value(self.slip.paper)
        self._enable()
        self.retranslate()
        self.render_pages()

    def render_pages(self) -> None:
        """Draw each page over white, as wide as the window allows (at most life-size-ish)."""
        while self.sheet_layout.count():
            taken = self.sheet_layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        if self.slip is None or self.pages is None:
            return
        room = self.scroll_area.viewport().width() - 2 * PAGE_GAP
        width = max(120, min(room, round(self.slip.width_mm * MAX_PX_PER_MM)))
        for page in range(self.pages.count()):
            sheet = QLabel(self.sheets)
            sheet.setPixmap(QPixmap.fromImage(self.pages.render(page, width)))
            sheet.setStyleSheet("border: 1px solid #5f5f5f;")
            self.sheet_layout.addWidget(sheet, 0, Qt.AlignmentFlag.AlignHCenter)

    def sheet_images(self) -> list[QPixmap]:
        """What the preview shows, page by page."""
        found = []
        for index in range(self.sheet_layout.count()):
            item = self.sheet_layout.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                found.append(widget.pixmap())
        return found

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.rerender.start()

    def make_default(self) -> None:
        chosen = self.paper_row.value()
        if chosen is None:
            return
        self.worker.write(
            lambda s: set_default_paper(s, chosen),
            on_done=lambda _none: self._default_set(chosen),
            on_error=self._failed,
        )

    def _default_set(self, paper: str) -> None:
        self.default = paper
        self._enable()
        self.say(
            lambda: self.tr("{paper} is now this station's default paper.").format(
                paper=self._paper_text(paper)()
            )
        )

    # Printing and saving --------------------------------------------------------------------------
    def print_slip(self) -> None:
        """Straight to the station printer when one is remembered and present, else ask."""
        remembered = str(self.settings.value(REMEMBERED_PRINTER, "") or "")
        names = self.list_printers()
        if remembered and remembered in names:
            self.print_to(remembered)
        else:
            self.choose_printer(remembered or None, names)

    def choose_printer(self, missing: str | None, names: list[str] | None = None) -> None:
        names = self.list_printers() if names is None else names
        if not names:
            self._failed(PrintError("no_printers"))
            return
        self.chooser = PrinterChooser(names, missing, self)
        self.chooser.chosen.connect(self._printer_chosen)
        self.chooser.open()

    def _printer_chosen(self, name: str, remember: bool) -> None:
        if remember:
            self.settings.setValue(REMEMBERED_PRINTER, name)
            self.settings.sync()
        self.print_to(name)

    def print_to(self, name: str) -> None:
        slip = self.slip
        if slip is None:
            return
        try:
            used = self.send(slip.pdf, slip.width_mm, slip.height_mm, name, title=slip.title)
        except StationError as error:
            self._failed(error)
            return
        self.worker.write(lambda s: record_print(s, slip.kind, slip.number, used))
        self.say(lambda: self.tr("Sent to the printer {name}.").format(name=used))

    def save_pdf(self) -> None:
        slip = self.slip
        if slip is None:
            return
        chosen = self.choose_file(f"{slip.title}.pdf")
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            path.write_bytes(slip.pdf)
        except OSError as error:
            reason = error.strerror or str(error)
            self.say(
                lambda: self.tr("Could not save {path}: {reason}").format(path=path, reason=reason),
                error=True,
            )
            return
        self.worker.write(lambda s: record_print(s, slip.kind, slip.number, str(path)))
        self.say(lambda: self.tr("Saved as {path}.").format(path=path))

    def _ask_file(self, name: str) -> str | None:
        start = str(Path.home() / name)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), start, self.tr("PDF files (*.pdf)")
        )
        return chosen or None

    # Messages ---------------------------------------------------------------------------------
    def _failed(self, error: StationError) -> None:
        self.say(lambda: error.message(i18n.current()), error=True)

    def say(self, text: Callable[[], str], *, error: bool = False) -> None:
        self._status = text
        self.status.setProperty("role", "error" if error else "done")
        refresh_style(self.status)
        self.status.setText(text())
        self.status.show()

    def status_text(self) -> str:
        return self.status.text() if self.status.isVisible() else ""

    def _enable(self) -> None:
        ready = self.slip is not None
        for button in (self.print_button, self.save_button):
            button.setEnabled(ready)
        chosen = self.paper_row.value()
        self.default_button.setEnabled(ready and chosen is not None and chosen != self.default)

    def retranslate(self) -> None:
        title = self.slip.title if self.slip is not None else self.number
        self.setWindowTitle(self.tr("Print preview: {title}").format(title=title))
        self.heading.setText(title)
        self.paper_label.setText(self.tr("Paper:"))
        self.paper_row.retranslate()
        self.default_button.setText(self.tr("Make this the station's default"))
        self.print_button.setText(self.tr("Print"))
        self.printer_button.setText(self.tr("Choose printer…"))
        self.save_button.setText(self.tr("Save as PDF"))
        self.close_button.setText(self.tr("Close"))
        if self._status is not None:
            self.status.setText(self._status())


def show_slip(worker: Worker, kind: str, number: str, parent: QWidget | None) -> SlipPreview:
    """Open the preview of one record's slip over `parent` (not blocking)."""
    preview = SlipPreview(worker, kind, number, parent.window() if parent is not None else None)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
    return preview
