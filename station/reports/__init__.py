"""Reports, statistics and exports (issue 7): a station's figures with the records behind
each, the daily and monthly reports and the service-hours statement as PDF, exports as XLSX
or CSV, and (in `county`) the county-wide report from central. No Qt: the desks call these
through their worker and get plain dataclasses back.

The figures and periods are here; the makers of documents (`documents`, `statement`) and of
spreadsheets (`tables`, `sheets`) load ReportLab and openpyxl, and are imported as modules
where they are used, so a desk that only shows figures opens without them."""

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

__all__ = [
    "Count",
    "Figures",
    "Hours",
    "Period",
    "Trace",
    "VolunteerServed",
    "day",
    "figures",
    "month",
    "span",
    "trace_records",
    "trace_rows",
]
