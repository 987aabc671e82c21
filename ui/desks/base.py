"""What every desk offers the shell: a title, a refresh when shown, and unsaved-changes care."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ui.i18n import Retranslatable
from ui.worker import Worker


class Desk(Retranslatable, QWidget):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker

    def title(self) -> str:
        """The desk's name on its navigation button."""
        raise NotImplementedError

    def activate(self) -> None:
        """Called each time the desk is shown: load what it displays."""

    def has_unsaved_changes(self) -> bool:
        return False

    def discard_changes(self) -> None:
        """Forget what was typed and not saved (after the person agreed)."""

    def screenshot_views(self) -> list[tuple[str, Callable[[], None]]]:
        """Named states worth a screenshot each (sub-pages); "" is the desk as it opens."""
        return [("", lambda: None)]
