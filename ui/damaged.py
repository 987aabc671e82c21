"""The screen shown instead of the desks when the data file is damaged.

Nothing can be written to a damaged store, so the lead sees what is wrong, which backup can
be restored and from when, and what central already holds (the last sync), and restores with
one big button, after a lead's PIN. The PIN is checked against the backup being restored (the
live file is the damaged one), else the live file for a backup older than sign-in. Restoring
touches no open store: the screen comes before the store is opened.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from station import backup, clock, paths
from station.access import lead
from station.errors import StationError
from ui import i18n
from ui.i18n import Retranslatable
from ui.widgets import big_button

log = logging.getLogger(__name__)


def _local(moment: datetime) -> str:
    return f"{moment.astimezone(clock.LOCAL_TZ):%Y-%m-%d %H:%M}"


def _enlarge(widget: QWidget, factor: float) -> None:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    widget.setFont(font)


# How often the screen looks whether the restore has finished.
POLL_MS = 100


class DamagedScreen(Retranslatable, QDialog):
    """Accepted once a backup has been restored (then `restored` says which)."""

    def __init__(
        self,
        data_dir: Path,
        damage: backup.Damage,
        parent: QWidget | None = None,
        *,
        full_screen: bool = False,
    ) -> None:
        """`full_screen` on a kiosk, as its window would be."""
        super().__init__(parent)
        if full_screen:
            self.setWindowState(Qt.WindowState.WindowFullScreen)
        self.data_dir = data_dir
        self.damage = damage
        self.restored: backup.Restored | None = None
        # The restore runs on a thread of its own that touches no Qt object; the screen
        # looks for its outcome on a timer.
        self.restoring: Future[backup.Restored] | None = None
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._look)
        self.title = QLabel(self)
        self.title.setProperty("role", "title")
        self.intro = QLabel(self)
        self.problem = QLabel(self)
        self.problem.setProperty("role", "hint")
        self.card = QFrame(self)
        self.card.setProperty("card", True)
        self.backup_line = QLabel(self.card)
        self.sync_line = QLabel(self.card)
        self.lost_line = QLabel(self.card)
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(20, 16, 20, 16)
        card_layout.setSpacing(12)
        for label in (self.backup_line, self.sync_line, self.lost_line):
            card_layout.addWidget(label)
        good = damage.newest_good
        # The leads who may restore: from the backup, else (an older backup) the live file.
        self.leads = (
            (lead.leads_in_file(good.path) or lead.leads_in_file(paths.database(data_dir)))
            if good is not None
            else []
        )
        self.pin_label = QLabel(self)
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(6)
        self.pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.pin.returnPressed.connect(self.restore)
        self.pin_label.setVisible(bool(self.leads))
        self.pin.setVisible(bool(self.leads))
        self.error = QLabel(self)
        self.error.setProperty("role", "error")
        self.restore_button = big_button(primary=True, parent=self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(damage.newest_good is not None)
        self.restore_button.clicked.connect(self.restore)
        self._lay_out()
        self.setMinimumSize(820, 600)
        self.retranslate()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(16)
        shown: tuple[QWidget, ...] = (
            self.title,
            self.intro,
            self.problem,
            self.card,
            self.pin_label,
            self.pin,
            self.error,
        )
        for widget in shown:
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.restore_button)
        for label in (self.intro, self.problem, self.backup_line, self.sync_line, self.lost_line):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setWordWrap(True)
        # Read from a step away, by someone who has never seen this screen: larger than the desks.
        _enlarge(self.restore_button, 1.6)
        self.restore_button.setStyleSheet("min-height: 80px;")  # the app sheet says 48px
        for label in (self.intro, self.backup_line, self.sync_line, self.lost_line, self.error):
            _enlarge(label, 1.25)

    def retranslate(self) -> None:
        good = self.damage.newest_good
        self.setWindowTitle(self.tr("Red Post Station: the data file is damaged"))
        self.title.setText(self.tr("The data file is damaged"))
        self.intro.setText(
            self.tr(
                "To protect the records, this kiosk writes nothing until a backup is restored. The damaged file is kept aside, not deleted."  # noqa: E501
            )
        )
        self.problem.setText(self.tr("What SQLite reports: %1").replace("%1", self.damage.problem))
        if good is None:
            self.backup_line.setText(
                self.tr("No good backup was found. Call the county office for help.")
            )
        else:
            self.backup_line.setText(
                self.tr("Newest good backup: taken %1").replace("%1", _local(good.taken_at))
            )
        self.sync_line.setText(self._sync_text())
        self.lost_line.setText(
            self.tr(
                "Records entered after the backup and not synced are not in it. After restoring, run the end-of-day sync: it checks central again."  # noqa: E501
            )
        )
        self.restore_button.setText(
            self.tr("Restoring… please wait")
            if self.restoring is not None
            else self.tr("Restore from backup")
        )
        self.pin_label.setText(self.tr("A station lead's PIN, to restore"))

    def _sync_text(self) -> str:
        if self.damage.last_sync is None:
            return self.tr("Central holds nothing from this kiosk yet: it has never synced.")
        when = _local(datetime.fromisoformat(self.damage.last_sync))
        if self.damage.last_sync_from_backup:
            text = self.tr("Central holds this kiosk's records at least up to the sync of %1.")
        else:
            text = self.tr("Central holds this kiosk's records up to the last sync, at %1.")
        return text.replace("%1", when)

    def restore(self) -> None:
        if self.leads:
            try:
                lead.lead_among(self.leads, None, self.pin.text())
            except StationError as exc:
                self.error.setText(exc.message(i18n.current()))
                self.pin.clear()
                return
        # Copying and checking a year's file takes seconds on a kiosk's disk: off the screen's
        # thread, so the screen keeps answering and says what it is doing.
        self.error.clear()
        self.restore_button.setEnabled(False)
        self.pin.setEnabled(False)
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="restore")
        self.restoring = pool.submit(backup.restore, self.data_dir)
        pool.shutdown(wait=False)  # the thread ends with the restore
        self.retranslate()
        self.poll.start()

    def _look(self) -> None:
        if self.restoring is None or not self.restoring.done():
            return
        self.poll.stop()
        restoring, self.restoring = self.restoring, None
        self.retranslate()
        try:
            self.restored = restoring.result()
        except StationError as exc:
            self.error.setText(exc.message(i18n.current()))
        except Exception as exc:  # a full disk, SQLite's own errors, …: said, not swallowed
            log.exception("restore failed")
            self.error.setText(
                self.tr("The backup could not be restored: %1").replace("%1", str(exc))
            )
        else:
            log.info("restored %s from %s", self.data_dir, self.restored.source)
            self.accept()
            return
        self.restore_button.setEnabled(True)
        self.pin.setEnabled(True)

    def reject(self) -> None:
        if self.restoring is None:  # a restore half done is never walked away from
            super().reject()
