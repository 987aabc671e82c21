"""Photos of found items: choosing one from a file, and small previews made off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QWidget

from ui.i18n import Retranslatable
from ui.widgets import big_button
from ui.worker import Worker

PREVIEW = 140
FORM_PREVIEW = 48


def thumbnail(path: Path | str, size: int = PREVIEW) -> QImage | None:
    """The image scaled to fit `size`; None when unreadable. Safe to run on the worker."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid() and (full.width() > size or full.height() > size):
        reader.setScaledSize(full.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


class PhotoPreview(QLabel):
    """A fixed box that shows a preview, or a word when there is none."""

    def __init__(self, parent: QWidget | None = None, size: int = PREVIEW) -> None:
        super().__init__(parent)
        self.setFixedSize(size + 8, size + 8)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setProperty("role", "hint")
        self.setStyleSheet("border: 1px solid #d7ccc8; background: #ffffff;")

    def show_image(self, image: QImage | None, empty_text: str = "") -> None:
        if image is None:
            self.setPixmap(QPixmap())
            self.setText(empty_text)
        else:
            self.setText("")
            self.setPixmap(QPixmap.fromImage(image))


class PhotoPicker(Retranslatable, QWidget):
    """One photo from a file, small enough for a footer; the service copies it on save."""

    edited = Signal()

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._path: str | None = None
        self.preview = PhotoPreview(self, FORM_PREVIEW)
        self.choose_button = big_button(parent=self)
        self.remove_button = big_button(parent=self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.remove_button)
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.clear)
        self.retranslate()

    def path(self) -> str | None:
        return self._path

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a photo of the item"),
            "",
            self.tr("Images (*.jpg *.jpeg *.png *.bmp)"),
        )
        if path:
            self.set_path(path)

    def set_path(self, path: str) -> None:
        self._path = path
        self.preview.setToolTip(Path(path).name)
        self.preview.show_image(None, "…")
        self.retranslate()
        self.edited.emit()
        self.worker.call(
            lambda: thumbnail(path, FORM_PREVIEW), on_done=lambda image: self._loaded(path, image)
        )

    def clear(self) -> None:
        changed = self._path is not None
        self._path = None
        self.preview.setToolTip("")
        self.retranslate()
        if changed:
            self.edited.emit()

    def _loaded(self, path: str, image: QImage | None) -> None:
        if path == self._path:
            self.preview.show_image(image, "?")

    def retranslate(self) -> None:
        if self._path is None:
            self.choose_button.setText(self.tr("Add photo…"))
            self.preview.show_image(None)
        else:
            self.choose_button.setText(self.tr("Change photo…"))
        self.remove_button.setText(self.tr("Remove photo"))
        self.remove_button.setVisible(self._path is not None)
        self.preview.setVisible(self._path is not None)
