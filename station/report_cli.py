"""`redpost report …` and `redpost export …`: the lead's reports as PDF and the exports as
XLSX or CSV. Both need the lead's PIN (the command line asks for it, as for every command
that is not open). Bad input is one line on stderr and nothing is written."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from station.messages import render
from station.vocab import EXPORT_KINDS


def add_commands(commands: Any) -> None:
    report = commands.add_parser(
        "report", help="write the daily or monthly report, or an hours statement (PDF)"
    )
    which = report.add_subparsers(dest="report_command", required=True, metavar="REPORT")
    daily = which.add_parser("daily", help="日报: one day")
    daily.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    monthly = which.add_parser("monthly", help="月报: one month")
    monthly.add_argument("--month", required=True, metavar="YYYY-MM")
    hours = which.add_parser("hours", help="志愿服务时长证明: one volunteer over a period")
    hours.add_argument("--volunteer", required=True, metavar="BADGE")
    hours.add_argument("--from", dest="first", required=True, metavar="YYYY-MM-DD")
    hours.add_argument("--to", dest="last", required=True, metavar="YYYY-MM-DD")
    for sub in (daily, monthly, hours):
        sub.add_argument("--out", required=True, type=Path, help="the PDF file to write")

    export = commands.add_parser("export", help="export records as XLSX or CSV (UTF-8 with BOM)")
    export.add_argument("kind", choices=EXPORT_KINDS, metavar="KIND", help=", ".join(EXPORT_KINDS))
    export.add_argument("--format", dest="fmt", required=True, choices=("csv", "xlsx"))
    export.add_argument("--from", dest="first", required=True, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="last", required=True, metavar="YYYY-MM-DD")
    export.add_argument(
        "--out", required=True, type=Path, help="the file (lost-and-found as CSV: one per table)"
    )
    export.add_argument(
        "--whole", action="store_true", help="personal data unmasked (default: masked)"
    )


def _open(args: argparse.Namespace, folder: Path) -> Any:
    from station.store import open_store

    return open_store(folder, actor=args.actor)


def report(args: argparse.Namespace, folder: Path) -> int:
    from station import reports
    from station.errors import InvalidInput
    from station.reports import documents, statement

    # Checked before the store is opened: a typo costs nothing.
    if args.report_command == "daily":
        period = reports.day(args.date)
    elif args.report_command == "monthly":
        period = reports.month(args.month)
    else:
        period = reports.span(args.first, args.last)
    from station.slips.printed import record_print

    with _open(args, folder) as store, store.transaction() as session:
        if args.report_command == "daily":
            made = documents.daily_report(session, period)
        elif args.report_command == "monthly":
            made = documents.monthly_report(session, period)
        else:
            made = statement.hours_statement(session, args.volunteer, period)
        # Written inside the transaction: a file that cannot be written leaves no audit entry.
        try:
            args.out.write_bytes(made.pdf)
        except OSError as exc:
            raise InvalidInput("cannot_write", "out", path=args.out, reason=exc.strerror) from exc
        badge = args.volunteer.strip().upper() if made.kind == "hours" else ""
        number = f"{badge} {period.label}".strip()
        record_print(session, made.kind, number, str(args.out))
    print(render("report_saved", args.lang, title=made.title, path=args.out))
    return 0


def export(args: argparse.Namespace, folder: Path) -> int:
    from station import reports
    from station.reports import sheets, tables

    period = reports.span(args.first, args.last)
    with _open(args, folder) as store, store.transaction() as session:
        made = tables.export(session, args.kind, period, whole=args.whole, lang=args.lang)
        # Written inside the transaction: a file that cannot be written leaves no audit entry.
        paths = sheets.write(args.out, made.tables, args.fmt)
    shown = ", ".join(str(p) for p in paths)
    print(render("export_saved", args.lang, rows=made.row_count, paths=shown))
    return 0
