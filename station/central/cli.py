"""The `redpost-central` command line of the county office.

Errors a person can cause print one line on stderr and exit 1, usage errors exit 2;
anything else is logged with its traceback (in $REDPOST_CENTRAL_LOG, else the user log
folder) and reported as one line.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from station.central import admin, database, roster
from station.central.schema import SCHEMA_HEAD
from station.errors import StationError
from station.messages import render

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
URL_ENV = "REDPOST_CENTRAL_URL"
LOG_ENV = "REDPOST_CENTRAL_LOG"

log = logging.getLogger("redpost.central")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="redpost-central", description="红驿站 central database (county office).")
    parser.add_argument(
        "--url", help=f"PostgreSQL URL (postgresql://user@host:5432/db) or SQLite file; ${URL_ENV}"
    )
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language (default: $REDPOST_LANG)")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, required=True
    )
    commands.add_parser("init", help="create or upgrade the schema; set the epoch (idempotent)")
    station = commands.add_parser("add-station", help="register a station and its login role")
    station.add_argument("code", metavar="CODE", help="station code, e.g. YF01")
    station.add_argument("--name", required=True, help="station name")
    station.add_argument("--hotline", help="the station's phone number")
    volunteers = commands.add_parser("import-volunteers", help="publish the roster from a CSV file")
    volunteers.add_argument("file", type=Path, metavar="FILE.csv")
    faq = commands.add_parser("add-faq", help="publish a quick answer to every station")
    faq.add_argument("--question", required=True)
    faq.add_argument("--answer", required=True)
    faq.add_argument("--category", default="other", help="inquiry category (default: other)")
    status = commands.add_parser("status", help="per station: last sync and counts")
    status.add_argument("--json", action="store_true", help="print JSON")
    problems = commands.add_parser("conflicts", help="parked and conflicting records")
    problems.add_argument("--json", action="store_true", help="print JSON")
    commands.add_parser(
        "new-epoch", help="after restoring central from a backup: make every kiosk push all again"
    )
    report = commands.add_parser(
        "report", help="the county's monthly report: every station and the total (XLSX or PDF)"
    )
    report.add_argument("--month", required=True, metavar="YYYY-MM")
    report.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="FILE.xlsx or FILE.pdf"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.lang = args.lang or os.environ.get("REDPOST_LANG") or "zh_CN"
    url = args.url or os.environ.get(URL_ENV)
    if not url:
        parser.error(f"--url or ${URL_ENV} is required")
    _log_to()
    try:
        engine = database.make_engine(url)
        try:
            return COMMANDS[args.command](args, engine)
        finally:
            engine.dispose()
    except StationError as exc:
        _fail(exc.message(args.lang))
    except DBAPIError as exc:
        log.exception("redpost-central %s failed", args.command)
        _fail(database.connection_error(exc).message(args.lang))
    except KeyboardInterrupt:
        _fail(render("interrupted", args.lang))
    except Exception:
        log.exception("redpost-central %s failed", args.command)
        _fail(render("internal", args.lang, log=_log_path()))
    return EXIT_ERROR


def _fail(message: str) -> None:
    print(f"redpost-central: {' '.join(message.split())}", file=sys.stderr)


def _log_path() -> Path:
    configured = os.environ.get(LOG_ENV)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_log_dir("redpost")) / "redpost-central.log"


def _log_to() -> None:
    path = _log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)


@contextmanager
def _admin(engine: Engine) -> Iterator[Connection]:
    """A transaction on central, once its schema is checked to be the one this program knows."""
    with engine.begin() as conn:
        database.check_revision(conn)
        yield conn


def _init(args: argparse.Namespace, engine: Engine) -> int:
    epoch = database.upgrade(engine)
    print(render("central_init_done", args.lang, revision=SCHEMA_HEAD, epoch=epoch))
    return EXIT_OK


def _add_station(args: argparse.Namespace, engine: Engine) -> int:
    with _admin(engine) as conn:
        login = admin.add_station(conn, args.code, args.name, args.hotline)
        code = args.code.strip().upper()
    print(render("central_station_added", args.lang, station=code, name=args.name.strip()))
    if login is not None:
        role, password = login
        url = engine.url.set(drivername="postgresql", username=role, password=password)
        station_url = url.render_as_string(hide_password=False)
        print(
            render(
                "central_station_login", args.lang, url=station_url, role=role, password=password
            )
        )
    return EXIT_OK


def _import(args: argparse.Namespace, engine: Engine) -> int:
    with _admin(engine) as conn:
        done = roster.import_volunteers(conn, args.file)
    print(
        render(
            "central_imported", args.lang, added=done.added, changed=done.changed, same=done.same
        )
    )
    return EXIT_OK


def _add_faq(args: argparse.Namespace, engine: Engine) -> int:
    with _admin(engine) as conn:
        question = admin.add_faq(conn, args.question, args.answer, args.category)
    print(render("central_faq_added", args.lang, question=question))
    return EXIT_OK


def _status(args: argparse.Namespace, engine: Engine) -> int:
    with _admin(engine) as conn:
        report = admin.status(conn)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return EXIT_OK
    never = render("central_never_synced", args.lang)
    for s in report:
        held = ", ".join(f"{k} {n}" for k, n in sorted(s["records"].items())) or "-"
        run = s["last_run"] or {}
        last = " ".join(f"{k}={v}" for k, v in run.items())
        print(f"{s['code']}\t{s['name']}\t{s['last_sync'] or never}\t{last}\t{held}")
    return EXIT_OK


def _conflicts(args: argparse.Namespace, engine: Engine) -> int:
    with _admin(engine) as conn:
        found = admin.problems(conn)
    for problem in found:
        problem["reason_text"] = render(f"reason_{problem['reason']}", args.lang)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
    elif not found:
        print(render("central_no_conflicts", args.lang))
    for p in [] if args.json else found:
        print(
            f"{p['type']}\t{p['station_code']}\t{p['kind']}\t{p['record_id']}\tv{p['version']}\t"
            f"{p['reason_text']} ({p['detail']})"
        )
    return EXIT_OK


def _new_epoch(args: argparse.Namespace, engine: Engine) -> int:
    with _admin(engine) as conn:
        epoch = database.renew_epoch(conn)
    print(render("central_new_epoch", args.lang, epoch=epoch))
    return EXIT_OK


def _report(args: argparse.Namespace, engine: Engine) -> int:
    from station.errors import InvalidInput
    from station.reports import county, county_pdf, period

    month = period.month(args.month)
    suffix = args.out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise InvalidInput("bad_report_file", "out")
    with _admin(engine) as conn:
        report = county.county_month(conn, month)
    if suffix == ".xlsx":
        county.write_xlsx(report, args.out)
    else:
        try:
            args.out.write_bytes(county_pdf.county_pdf(report))
        except OSError as exc:
            raise InvalidInput("cannot_write", "out", path=args.out, reason=exc.strerror) from exc
    print(
        render(
            "county_saved",
            args.lang,
            month=month.label,
            stations=len(report.stations),
            path=args.out,
        )
    )
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, Engine], int]] = {
    "init": _init,
    "add-station": _add_station,
    "import-volunteers": _import,
    "add-faq": _add_faq,
    "status": _status,
    "conflicts": _conflicts,
    "new-epoch": _new_epoch,
    "report": _report,
}


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
