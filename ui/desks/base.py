"""What every desk offers the shell: a refresh when shown, unsaved-changes care and the draft
it leaves at the idle lock. Its title, and whether only a station lead may use it, are known
before it is built (ui.desks.places)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from ui.i18n import Retranslatable
from ui.worker import Worker


class Desk(Retranslatable, QWidget):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker

    def activate(self) -> None:
        """Called each time the desk is shown: load what it displays."""

    def has_unsaved_changes(self) -> bool:
        return False

    def discard_changes(self) -> None:
        """Forget what was typed and not saved (after the person agreed, or at a lock)."""

    def draft(self) -> dict[str, Any] | None:
        """What was typed and not saved, as JSON values to keep while the kiosk is locked;
        None when there is nothing to keep."""
        return None

    def restore_draft(self, fields: dict[str, Any]) -> None:
        """Put back what `draft` gave, when the same person signs in again."""

    def screenshot_views(self) -> list[tuple[str, Callable[[], None]]]:
        """Named states worth a screenshot each (sub-pages); "" is the desk as it opens."""
        return [("", lambda: None)]
