"""End-of-day sync (日终同步): what waits, a big Start, the stage as it runs, the result.

The sync runs on the worker (it needs no session of ours: the engine opens its own), and
reports progress through the core's Qt-free callback, which a ProgressRelay carries to the UI
thread; the window stays live throughout. A failure (offline, wrong password, central too old)
shows the error's own plain sentence and a retry button, never a traceback.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from station import clock
from station.errors import StationError
from station.reports import day
from station.sync.codec import ORDER
from station.sync.overview import Outcome, Overview, describe, last_outcome, overview
from station.sync.run import SyncReport, sync
from ui import i18n
from ui.banner import Banner
from ui.desks.base import Desk
from ui.desks.sync.outcome import OutcomeView
from ui.header import local_time
from ui.record_kinds import kind_name
from ui.report_preview import ReportPreview, show_report
from ui.widgets import big_button
from ui.worker import ProgressRelay, Worker


class SyncDesk(Desk):
    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self.overview: Overview | None = None
        self.preview: ReportPreview | None = None
        self.running = False
        self.stage: tuple[str, int, int] | None = None
        self.relay = ProgressRelay(self)
        self.relay.moved.connect(self._moved)
        worker.busy_changed.connect(self._busy)

        self.heading = QLabel(self)
        self.heading.setProperty("role", "title")
        self.where = QLabel(self)
        self.where.setProperty("role", "hint")
        self.where.setWordWrap(True)
        self.waiting = QLabel(self)
        self.waiting.setWordWrap(True)
        self.waiting.setObjectName("syncWaiting")
        self.start_button = big_button(primary=True, parent=self)
        self.start_button.setObjectName("syncStart")
        self.start_button.setMinimumSize(300, 80)
        self.start_button.clicked.connect(self.start)
        self.stage_label = QLabel(self)
        self.stage_label.setObjectName("syncStage")
        self.progress = QProgressBar(self)
        self.progress.setMinimumHeight(40)
        self.progress.setTextVisible(False)
        self.banner = Banner(self)
        self.result = OutcomeView(self)

        top = QHBoxLayout()
        top.setSpacing(24)
        top.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.waiting, 1, Qt.AlignmentFlag.AlignTop)
        # Holds the free space while there is no result, so nothing floats mid-screen.
        self.filler = QWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.where)
        layout.addLayout(top)
        layout.addWidget(self.stage_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.banner)
        layout.addWidget(self.result, 1)
        layout.addWidget(self.filler, 1)
        self._show_stage_widgets(False)
        self._show_result(False)
        self.retranslate()

    def activate(self) -> None:
        if not self.running:
            self.worker.read(overview, on_done=self._show_overview)
            if self.result.outcome is None:
                self.worker.read(last_outcome, on_done=self._show_last)

    def _show_last(self, outcome: Outcome | None) -> None:
        """Before any sync on this screen: what the last one sent, received and left open."""
        if outcome is None or self.running or self.result.outcome is not None:
            return
        self.result.show_outcome(outcome)
        self._show_result(True)
        finished = local_time(outcome.report.finished_at)
        self.banner.done(lambda: self.tr("The last sync, {time}:").format(time=finished))

    def start(self) -> None:
        """Run one sync on the worker; progress and the outcome come back by signal."""
        if self.running:
            return
        self.running = True
        self.stage = None
        self.banner.clear()
        self._show_result(False)
        self._show_stage_widgets(True)
        self.progress.setRange(0, 0)
        store = self.worker.store
        report = self.relay.report
        self.worker.call(lambda: sync(store, progress=report), self._synced, self._failed)
        self.retranslate()

    def _moved(self, stage: str, done: int, total: int) -> None:
        self.stage = (stage, done, total)
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)
        self._say_stage()

    def _synced(self, report: SyncReport) -> None:
        self.worker.read(lambda s: describe(s, report), on_done=self._show_outcome)

    def _show_outcome(self, outcome: Outcome) -> None:
        self.running = False
        self._show_stage_widgets(False)
        self.result.show_outcome(outcome)
        self._show_result(True)
        report = outcome.report
        trouble = report.conflicts or report.parked or report.mismatches
        seconds = f"{report.duration_s:.1f}"
        # The end of the day's sync is when the day's report is due: offered right here.
        offer = (lambda: self.tr("Make today's daily report"), self.open_daily_report)
        if trouble:
            self.banner.refused(
                lambda: self.tr(
                    "Sync finished in {seconds} s. Some records need a look: see the list below."
                ).format(seconds=seconds),
                offer,
            )
        else:
            self.banner.done(
                lambda: self.tr("Sync finished in {seconds} s.").format(seconds=seconds), offer
            )
        # Counts, the header's last sync time and the desks' lists have all changed.
        self.worker.changed.emit()
        self.activate()

    def open_daily_report(self) -> None:
        """Today's 日报 in the print preview, made on the worker."""
        self.preview = show_report(self.worker, "daily", day(clock.local_today()), self)

    def _failed(self, error: StationError) -> None:
        self.running = False
        self._show_stage_widgets(False)
        self.banner.refused(
            lambda: self.tr("The sync did not finish: {reason} Nothing was lost.").format(
                reason=error.message(i18n.current())
            ),
            (lambda: self.tr("Try again"), self.start),
        )
        self.activate()
        self.retranslate()

    def _busy(self, busy: bool) -> None:
        # A failure that is nobody's fault reaches the window's apology, not our callbacks:
        # once the worker is idle, the screen must not keep saying it is syncing.
        if not busy and self.running:
            self.running = False
            self._show_stage_widgets(False)
            self.retranslate()

    def _show_overview(self, seen: Overview) -> None:
        self.overview = seen
        self.retranslate()

    def _show_result(self, visible: bool) -> None:
        self.result.setVisible(visible)
        self.filler.setVisible(not visible)

    def _show_stage_widgets(self, visible: bool) -> None:
        self.stage_label.setVisible(visible)
        self.progress.setVisible(visible)

    def _say_stage(self) -> None:
        if self.stage is None:
            self.stage_label.setText(self.tr("Starting…"))
            return
        stage, done, total = self.stage
        names = {
            "connect": self.tr("Connecting to central"),
            "push": self.tr("Sending this station's records"),
            "pull": self.tr("Receiving shared records"),
            "check": self.tr("Checking the counts"),
        }
        name = names.get(stage, stage)
        if total > 0 and stage in ("push", "pull"):
            name = self.tr("{stage}: {done} of {total}").format(stage=name, done=done, total=total)
        else:
            name += "…"
        self.stage_label.setText(name)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("End-of-day sync"))
        self.start_button.setText(self.tr("Syncing…") if self.running else self.tr("Start sync"))
        self._say_stage()
        seen = self.overview
        linked = seen is not None and seen.central_url is not None
        self.start_button.setEnabled(linked and not self.running)
        if seen is None:
            self.where.clear()
            self.waiting.clear()
            return
        last = local_time(seen.last_success) if seen.last_success else self.tr("never")
        if seen.central_url is None:
            self.where.setText(self.tr("Last successful sync: {time}").format(time=last))
            self.waiting.setText(
                self.tr(
                    "This kiosk is not linked to central yet. The station lead links it once, "
                    "with the address the county office gave when it registered the station:\n"
                    "redpost connect --central ADDRESS"
                )
            )
            return
        self.where.setText(
            self.tr("Central: {url}    Last successful sync: {time}").format(
                url=seen.central_url, time=last
            )
        )
        total = sum(seen.pending.values())
        if total == 0:
            waiting = self.tr("Everything is sent; a sync brings what the others shared.")
        else:
            kinds = sorted(seen.pending, key=lambda kind: ORDER.get(kind, len(ORDER)))
            parts = self.tr(", ").join(f"{kind_name(k)} {seen.pending[k]}" for k in kinds)
            waiting = self.tr("Records waiting to be sent: %n — ", "", total) + parts
        if seen.open_issues:
            waiting += "\n" + self.tr(
                "Records from earlier syncs that need a look: %n.", "", seen.open_issues
            )
        self.waiting.setText(waiting)
