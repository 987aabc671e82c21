"""The daily or monthly report (日报 / 月报) in the print preview: A4, made on the worker,
then printed or saved as PDF like any slip."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from station.reports.period import Period
from station.slips import PAPERS, Slip
from ui.preview import SlipPreview
from ui.worker import Worker

A4 = PAPERS["a4"]


class ReportPreview(SlipPreview):
    """`kind` is "daily" or "monthly"; there is no paper to choose: reports are A4."""

    def __init__(
        self,
        worker: Worker,
        kind: str,
        period: Period,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        # Set first: the preview starts making the report as it is built.
        self.period = period
        super().__init__(worker, kind, period.label, parent, settings=settings)
        for widget in (self.paper_label, self.paper_row, self.default_button):
            widget.hide()

    def make(self, session: Session, paper: str | None) -> tuple[Slip, str]:
        # Imported here, on the worker, when a report is first made: it loads ReportLab.
        from station.reports import documents

        make = documents.daily_report if self.kind == "daily" else documents.monthly_report
        made = make(session, self.period)
        height = A4.height_mm or 297.0
        slip = Slip(made.kind, self.number, A4.code, A4.width_mm, height, made.pdf, made.title)
        return slip, A4.code


def show_report(worker: Worker, kind: str, period: Period, parent: QWidget) -> ReportPreview:
    """Open the preview of a report over `parent`'s window (not blocking)."""
    preview = ReportPreview(worker, kind, period, parent.window())
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
    return preview
