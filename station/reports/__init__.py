"""Reports, statistics and exports (issue 7): a station's figures with the records behind
each, the daily and monthly reports and the service-hours statement as PDF, exports as XLSX
or CSV, and (in `county`) the county-wide report from central. No Qt: the desks call these
through their worker and get plain dataclasses back."""

import importlib
from typing import TYPE_CHECKING

from station.reports.figures import (
    Count,
    Figures,
    Hours,
    Trace,
    VolunteerServed,
    figures,
    trace_records,
    trace_rows,
)
from station.reports.period import Period, day, month, span

if TYPE_CHECKING:
    from station.reports.documents import Report, daily_report, monthly_report
    from station.reports.sheets import FORMATS, write
    from station.reports.statement import ServiceDay, ServiceHours, hours_statement, service_hours
    from station.reports.tables import KINDS, Export, Table, export

# The documents and spreadsheets load ReportLab and openpyxl: they are imported when first
# asked for, so a desk that shows figures opens without them.
_LATER = {
    "Report": "documents",
    "daily_report": "documents",
    "monthly_report": "documents",
    "FORMATS": "sheets",
    "write": "sheets",
    "ServiceDay": "statement",
    "ServiceHours": "statement",
    "hours_statement": "statement",
    "service_hours": "statement",
    "KINDS": "tables",
    "Export": "tables",
    "Table": "tables",
    "export": "tables",
}


def __getattr__(name: str) -> object:
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "FORMATS",
    "KINDS",
    "Count",
    "Export",
    "Figures",
    "Hours",
    "Period",
    "Report",
    "ServiceDay",
    "ServiceHours",
    "Table",
    "Trace",
    "VolunteerServed",
    "daily_report",
    "day",
    "export",
    "figures",
    "hours_statement",
    "month",
    "monthly_report",
    "service_hours",
    "span",
    "trace_records",
    "trace_rows",
    "write",
]
