"""The `redpost` command line: station set-up, demo data, counts, listings and the self-check.

Errors a person can cause print one line on stderr and exit 1; anything else is logged with
its traceback in the data folder's logs/ and reported as one line. No traceback reaches the
terminal.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from station import paths
from station.errors import InvalidInput, StationError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

KINDS = ("volunteers", "inquiries", "shifts", "found_items", "lost_reports", "returns")

log = logging.getLogger("redpost")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value}")
    return value


def _kind(text: str) -> str:
    kind = text.replace("-", "_")
    if kind not in KINDS:
        raise argparse.ArgumentTypeError(f"unknown kind {text!r}; choose from {', '.join(KINDS)}")
    return kind


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="redpost", description="红驿站 Red Post Station kiosk.")
    _window_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    init = commands.add_parser("init", help="set up this kiosk's station (once)")
    init.add_argument("--station", required=True, help="station code, e.g. YF01")
    init.add_argument("--name", required=True, help="station name, e.g. 恩江古城红驿站")
    init.add_argument("--post", action="append", default=[], help="a post (点位); repeatable")
    init.add_argument("--hotline", help="the station's phone number for slips")
    init.add_argument("--lead-name", required=True, help="the first station lead's name")
    init.add_argument("--lead-badge", help="their badge code (default: <station>-LEAD)")

    demo = commands.add_parser("demo", help="fill realistic demo data ending today")
    demo.add_argument("--days", type=_positive, default=7, help="how many days (default 7)")
    demo.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")

    stats = commands.add_parser("stats", help="count the records of each kind")
    stats.add_argument("--json", action="store_true", help="print one JSON object")

    listing = commands.add_parser("list", help="list records of one kind, newest first")
    listing.add_argument("kind", type=_kind, metavar="KIND", help=", ".join(KINDS))
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.add_argument("--limit", type=_positive, default=0, help="at most N records (0: all)")
    listing.add_argument("--search", metavar="TEXT", help="only records containing TEXT")

    commands.add_parser("check", help="check the store's integrity; exit 0 when sound")

    connect = commands.add_parser("connect", help="check and save the link to central")
    connect.add_argument("--central", required=True, metavar="URL", help="PostgreSQL URL or file")
    connect.add_argument("--sslmode", help="TLS: disable … verify-full (PostgreSQL)")
    connect.add_argument("--sslrootcert", metavar="FILE", help="TLS: the root certificate")
    connect.add_argument(
        "--password-stdin", action="store_true", help="read central's password from stdin"
    )

    sync = commands.add_parser("sync", help="end-of-day sync with central (push, pull, check)")
    sync.add_argument("--json", action="store_true", help="print one JSON object")

    slip = commands.add_parser("slip", help="write a help slip or receipt as PDF")
    _slip_arguments(slip)
    slip.add_argument("--out", required=True, type=Path, help="the PDF file to write")

    printing = commands.add_parser("print", help="print a help slip or receipt")
    _slip_arguments(printing)
    printing.add_argument("--printer", help="printer name (default: the system's default)")

    audit = commands.add_parser("audit", help="the audit trail")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True, metavar="COMMAND")
    audit_commands.add_parser("verify", help="check the trail's hash chain; exit 0 when intact")

    _privacy_commands(commands)
    _report_commands(commands)
    _set_pin_command(commands)

    commands.add_parser("backup", help="back up the store now and print where")
    restore = commands.add_parser(
        "restore", help="restore the newest good backup, setting the current file aside"
    )
    restore.add_argument("--from", dest="source", type=Path, metavar="FILE", help="this backup")

    shots = commands.add_parser("screenshots", help="save a PNG of every screen (works offscreen)")
    shots.add_argument("--out", required=True, type=Path, help="folder for the PNG files")
    _add_to_subcommands(commands)
    return parser


def _window_options(parser: argparse.ArgumentParser) -> None:
    """The options given before a command, or alone to open the window."""
    parser.add_argument(
        "--data-dir", help=f"data folder (default: ${paths.ENV_VAR} or the user data folder)"
    )
    parser.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        help="language (default: $REDPOST_LANG, else the GUI's remembered choice, else zh_CN)",
    )
    parser.add_argument("--kiosk", action="store_true", help="GUI: full screen, no window frame")
    parser.add_argument(
        "--smoke-test", action="store_true", help="GUI: open the window, visit every desk, exit"
    )
    _lead_arguments(parser, top=True)


class _NotTheWindows(Exception):
    """The window's parser cannot read this command line: the full parser will."""


class _WindowParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotTheWindows(message)


def parse_command_line(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line, as `build_parser` reads it. The window's (options, no command) is
    read without building the commands' parsers first, which took 6 ms of every start.
    Anything else, or anything the small parser trips over (a command's own abbreviated
    option, say), goes to the full parser, which reads it and reports any error."""
    argv = sys.argv[1:] if argv is None else list(argv)
    window = _WindowParser(prog="redpost", add_help=False)
    _window_options(window)
    try:
        args, rest = window.parse_known_args(argv)
    except _NotTheWindows:
        rest = argv
    if rest:  # a command, --help, an unknown option or an error
        return build_parser().parse_args(argv)
    args.command = None
    return args


def _add_to_subcommands(commands: Any) -> None:
    for sub in commands.choices.values():
        _lead_arguments(sub)
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                _add_to_subcommands(action)


def _report_commands(commands: Any) -> None:
    """`report` (daily, monthly, hours: PDF) and `export` (XLSX, CSV): station/report_cli.py,
    imported only by the commands, not by the window's start."""
    from station import report_cli

    report_cli.add_commands(commands)


def _report(args: argparse.Namespace, folder: Path) -> int:
    from station import report_cli

    return report_cli.report(args, folder)


def _export(args: argparse.Namespace, folder: Path) -> int:
    from station import report_cli

    return report_cli.export(args, folder)


def _set_pin_command(commands: Any) -> None:
    set_pin = commands.add_parser(
        "set-pin", help="give a volunteer a PIN and role (the first lead needs no PIN)"
    )
    set_pin.add_argument("badge", metavar="BADGE", help="the volunteer's badge code")
    set_pin.add_argument("--role", choices=("volunteer", "lead"), help="default: volunteer")


def _lead_arguments(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """--pin-stdin and --lead, accepted before or after the command (documented once)."""
    if top:
        parser.add_argument(
            "--pin-stdin",
            action="store_true",
            help="read the lead's PIN from stdin's first line (for scripts)",
        )
        parser.add_argument("--lead", metavar="WHO", help="which lead, by badge or name")
        return
    parser.add_argument(
        "--pin-stdin", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    parser.add_argument("--lead", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def _slip_arguments(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--inquiry", metavar="TICKET", help="help slip of an inquiry")
    which.add_argument("--found", metavar="ITEM_NO", help="tag of a found item")
    which.add_argument("--lost", metavar="REPORT_NO", help="receipt of a lost report")
    which.add_argument("--return", dest="returned", metavar="ITEM_NO", help="return receipt")
    which.add_argument("--handover", metavar="NUMBER", help="police hand-over list")
    parser.add_argument(
        "--paper", choices=("58mm", "80mm", "a5", "a4"), help="paper (default: the station's)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_command_line(argv)
    # Asked for explicitly (flag or environment), or None: the GUI then uses its remembered one.
    args.asked_lang = args.lang or os.environ.get("REDPOST_LANG")
    args.lang = args.asked_lang or "zh_CN"
    folder = paths.data_dir(args.data_dir)
    _log_to(folder)
    args.first_look = None
    if args.command is None and not args.smoke_test:
        from station import glance

        # The window's first look at the store is read while the program loads.
        args.first_look = glance.started(folder)
    handler = COMMANDS.get(args.command or "gui")
    assert handler is not None
    try:
        if args.command in GUARDED:
            from station import backup

            backup.guard(folder)  # a damaged store is refused; today's backup is taken
        args.actor = _actor(args, folder)
        code = handler(args, folder)
        if args.command is not None:  # the window shows the upgrade note itself
            _tell_upgrade(folder, args.lang)
        return code
    except StationError as exc:
        _fail(exc.message(args.lang))
    except KeyboardInterrupt:
        _fail(render("interrupted", args.lang))
    except Exception:
        log.exception("redpost %s failed", args.command)
        _fail(render("internal", args.lang, log=paths.logs(folder) / "redpost.log"))
    return EXIT_ERROR


def _actor(args: argparse.Namespace, folder: Path) -> Any:
    """Who the command acts as: a reader for the open commands, the program itself for a
    first set-up, else a lead signed in with their PIN."""
    from station import access

    if args.command in OPEN or args.command is None:
        return access.Actor(access.VOLUNTEER, "cli")
    if args.command in ("init", "restore") or not _has_lead(folder):
        return access.SYSTEM
    from station.access import lead
    from station.store import open_store

    with open_store(folder, actor=None) as store:
        return lead.sign_in(store, args.lead, lead.read_pin(args.pin_stdin))


def _has_lead(folder: Path) -> bool:
    """Whether the store names a lead (read-only: a damaged file is left to the command)."""
    from station.access import lead

    return bool(lead.leads_in_file(paths.database(folder)))


def _open(args: argparse.Namespace, folder: Path) -> Any:
    from station.store import open_store

    return open_store(folder, actor=args.actor)


def _tell_upgrade(folder: Path, lang: str) -> None:
    """What the last upgrade changed, once, on stderr (stdout may be JSON for a script)."""
    from station import upgrade_note

    note = upgrade_note.take(folder, "cli")
    if note is not None:
        print(note.message(lang), file=sys.stderr)


def render(key: str, lang: str, *args: Any, **values: Any) -> str:
    """`station.messages.render`, imported when a message is first said: the window's start
    says none."""
    from station import messages

    return messages.render(key, lang, *args, **values)


def _print_json(value: Any, **options: Any) -> None:
    """One JSON document on stdout for a script (json is not loaded by the window's start)."""
    import json

    print(json.dumps(value, **options))


def _fail(message: str) -> None:
    # One line, whatever the message holds (SQLite's reports span many).
    print(f"redpost: {' '.join(message.split())}", file=sys.stderr)


def _log_to(folder: Path) -> None:
    try:
        paths.logs(folder).mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(
            paths.logs(folder) / "redpost.log", encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()  # an unwritable folder is reported by the command itself
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)


def _gui(args: argparse.Namespace, folder: Path) -> int:
    try:
        from ui.app import run
    except ImportError as exc:  # Qt or its system libraries are missing
        log.error("the GUI cannot start: %s", exc)
        _fail(render("no_gui", args.lang, reason=exc))
        return EXIT_USAGE
    return run(
        data_dir=folder,
        kiosk=args.kiosk,
        lang=args.asked_lang,
        smoke_test=args.smoke_test,
        first_look=args.first_look,
    )


def _screenshots(args: argparse.Namespace, folder: Path) -> int:
    try:
        from ui.screenshots import take
    except ImportError as exc:
        _fail(render("no_gui", args.lang, reason=exc))
        return EXIT_USAGE
    saved = take(folder, args.out, args.lang, args.actor)
    print(render("screenshots_done", args.lang, count=len(saved), folder=args.out))
    return EXIT_OK


def _init(args: argparse.Namespace, folder: Path) -> int:
    from station.access import credentials
    from station.services import roster
    from station.services import station as station_service

    pin = _new_pin(args)
    with _open(args, folder) as store, store.transaction() as session:
        made = station_service.init(
            session, code=args.station, name=args.name, posts=args.post, hotline=args.hotline
        )
        lead = credentials.first_lead(
            session, name=args.lead_name, pin=pin, badge_code=args.lead_badge
        )
        badge = roster.get(session, lead.volunteer_id).badge_code
        posts = "、".join(p.name for p in station_service.posts(session)) or "-"
        code, name = made.code, made.name
    print(render("init_done", args.lang, station=code, name=name, posts=posts, folder=folder))
    print(render("init_lead", args.lang, name=lead.name, badge=badge))
    return EXIT_OK


def _new_pin(args: argparse.Namespace) -> str:
    """A new PIN: the next line of stdin with --pin-stdin, else typed twice at a terminal."""
    from station.access import lead, pins

    if args.pin_stdin or not sys.stdin.isatty():
        return pins.clean("new_pin", lead.read_pin(True))
    first = pins.clean("new_pin", lead.read_pin(False, render("new_pin_prompt", args.lang)))
    if lead.read_pin(False, render("new_pin_again", args.lang)) != first:
        raise InvalidInput("pins_differ", "new_pin")
    return first


def _set_pin(args: argparse.Namespace, folder: Path) -> int:
    from station.access import credentials
    from station.services import roster

    pin = _new_pin(args)
    first = args.actor.role == "system"
    role = "lead" if first else args.role
    with _open(args, folder) as store, store.transaction() as session:
        person = roster.get(session, args.badge)
        credentials.set_pin(session, person.id, pin, role=role)
        name = person.name
    print(render("pin_set_done", args.lang, name=name, role=role or "volunteer"))
    return EXIT_OK


def _demo(args: argparse.Namespace, folder: Path) -> int:
    from station import demo
    from station.services import stats

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    if args.days < 1:
        _fail(render("out_of_range", args.lang, "days", low=1, high=3650))
        return EXIT_ERROR
    with _open(args, folder) as store:
        demo.fill(store, days=args.days, seed=args.seed, progress=progress)
        with store.reading() as session:
            counts = stats.counts(session)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(render("demo_done", args.lang, days=args.days, **counts))
    return EXIT_OK


def _stats(args: argparse.Namespace, folder: Path) -> int:
    from station.services import stats

    with _open(args, folder) as store, store.reading() as session:
        counts = stats.counts(session)
    if args.json:
        _print_json(counts)
    else:
        for key, value in counts.items():
            print(f"{key}\t{value}")
    return EXIT_OK


def _list(args: argparse.Namespace, folder: Path) -> int:
    from station import listing, rows

    with _open(args, folder) as store, store.reading() as session:
        records = listing.records(session, args.kind, text=args.search, limit=args.limit or None)
        made = [rows.ROW_MAKERS[args.kind](record, args.lang) for record in records]
    if args.json:
        _print_json(made, ensure_ascii=False, indent=1)
    else:
        _print_table(made, rows.TEXT_COLUMNS[args.kind])
    return EXIT_OK


def _check(args: argparse.Namespace, folder: Path) -> int:
    from station import integrity

    found = integrity.problems(paths.database(folder))
    if found:
        _fail(render("integrity", args.lang, reason="; ".join(found)))
        return EXIT_ERROR
    print(render("check_ok", args.lang, path=paths.database(folder)))
    return EXIT_OK


def _backup(args: argparse.Namespace, folder: Path) -> int:
    from station import backup

    print(render("backup_done", args.lang, path=backup.take(folder)))
    return EXIT_OK


def _restore(args: argparse.Namespace, folder: Path) -> int:
    from station import backup

    _lead_for_restore(args, folder)
    done = backup.restore(folder, args.source)
    taken = "-" if done.taken_at is None else f"{done.taken_at:%Y-%m-%d %H:%M}"
    kept = done.damaged_kept_at or "-"
    print(render("restore_done", args.lang, source=done.source, taken=taken, kept=kept))
    return EXIT_OK


def _lead_for_restore(args: argparse.Namespace, folder: Path) -> None:
    """A restore needs a lead's PIN, checked against the backup it restores (the live file
    may be the damaged one), else against the live file for a backup older than sign-in.
    A station that has never had a lead restores without one."""
    from station import backup
    from station.access import lead

    source = args.source
    if source is None:
        newest = backup.newest_good(folder)
        source = None if newest is None else newest.path
    if source is None:
        return  # backup.restore says there is nothing to restore
    leads = lead.leads_in_file(Path(source)) or lead.leads_in_file(paths.database(folder))
    if leads:
        lead.lead_among(leads, args.lead, lead.read_pin(args.pin_stdin))


def _make_slip(args: argparse.Namespace, folder: Path) -> Any:
    from station.slips import make_slip

    kind, number = next(
        (kind, value)
        for kind, value in (
            ("inquiry", args.inquiry),
            ("found", args.found),
            ("lost", args.lost),
            ("return", args.returned),
            ("handover", args.handover),
        )
        if value is not None
    )
    with _open(args, folder) as store, store.reading() as session:
        return make_slip(session, kind, number, args.paper)


def _slip(args: argparse.Namespace, folder: Path) -> int:
    slip = _make_slip(args, folder)
    try:
        args.out.write_bytes(slip.pdf)
    except OSError as exc:
        _fail(render("cannot_write", args.lang, path=args.out, reason=exc.strerror))
        return EXIT_ERROR
    _record_slip(args, folder, slip, "pdf")
    print(render("slip_saved", args.lang, path=args.out))
    return EXIT_OK


def _print(args: argparse.Namespace, folder: Path) -> int:
    slip = _make_slip(args, folder)
    try:
        from ui.printing import print_from_cli
    except ImportError as exc:
        _fail(render("no_gui", args.lang, reason=exc))
        return EXIT_USAGE
    printer = print_from_cli(slip, args.printer)
    _record_slip(args, folder, slip, printer)
    print(render("slip_printed", args.lang, title=slip.title, printer=printer))
    return EXIT_OK


def _connect(args: argparse.Namespace, folder: Path) -> int:
    from station.sync import connect, secret

    password = (sys.stdin.readline().rstrip("\r\n") or None) if args.password_stdin else None
    done = connect.connect(
        folder, args.central, args.sslmode, args.sslrootcert, password, actor=args.actor
    )
    print(render("connect_done", args.lang, url=done.url, station=done.station, epoch=done.epoch))
    if done.password_in == secret.FILE:
        print(render("password_in_file", args.lang, path=done.sealed_path))
    elif done.password_in == secret.KEYRING:
        print(render("password_in_keyring", args.lang))
    return EXIT_OK


def _sync(args: argparse.Namespace, folder: Path) -> int:
    from station.sync.run import sync

    def progress(stage: str, done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{stage} {done}/{total or '?'}  ", end="", file=sys.stderr, flush=True)

    with _open(args, folder) as store:
        report = sync(store, progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        _print_json(report.summary())
        return EXIT_OK
    print(render("sync_done", args.lang, **report.summary()))
    for kind, kiosk, central in report.mismatches:
        print(render("sync_mismatch", args.lang, kind=kind, kiosk=kiosk, central=central))
    return EXIT_OK


def _record_slip(args: argparse.Namespace, folder: Path, slip: Any, output: str) -> None:
    """The print (or PDF) of a slip goes into the audit trail, by the command line."""
    from station.slips.printed import record_print

    with _open(args, folder) as store, store.transaction() as session:
        record_print(session, slip.kind, slip.number, output)


def _audit(args: argparse.Namespace, folder: Path) -> int:
    from sqlalchemy import func, select

    from station import audit
    from station.models import AuditEntry

    with _open(args, folder) as store, store.reading() as session:
        bad = audit.verify(session)
        count = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    if bad is not None:
        _fail(render(bad.message_code, args.lang, seq=bad.seq))
        return EXIT_ERROR
    print(render("audit_ok", args.lang, count=count))
    return EXIT_OK


def _privacy_commands(commands: Any) -> None:
    """`retention` and `personal`: the lead's privacy tools (PIN check to come with sign-in)."""
    keep = commands.add_parser(
        "retention", help="erase personal details past their retention period"
    )
    keep.add_argument("--dry-run", action="store_true", help="only count what would be erased")
    keep.add_argument("--json", action="store_true", help="print one JSON object")
    keep.add_argument(
        "--contact-days", type=_positive, metavar="N", help="first set: keep contacts N days"
    )
    keep.add_argument(
        "--return-days", type=_positive, metavar="N", help="first set: keep claimants N days"
    )

    personal = commands.add_parser("personal", help="everything stored about a phone number")
    actions = personal.add_subparsers(dest="personal_command", required=True, metavar="COMMAND")
    find = actions.add_parser("find", help="show it (unmasked)")
    find.add_argument("phone", metavar="PHONE")
    find.add_argument("--json", action="store_true", help="print a JSON array")
    export = actions.add_parser("export", help="write it to a JSON file")
    export.add_argument("phone", metavar="PHONE")
    export.add_argument("--out", required=True, type=Path, help="the JSON file to write")
    erase = actions.add_parser("erase", help="erase it from this station's records")
    erase.add_argument("phone", metavar="PHONE")
    erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def _retention(args: argparse.Namespace, folder: Path) -> int:
    from dataclasses import asdict

    from station.services import retention

    with _open(args, folder) as store, store.transaction() as session:
        periods = retention.set_days(
            session, contact_days=args.contact_days, return_days=args.return_days
        )
        counts = retention.run(session, dry_run=args.dry_run)
    if args.json:
        _print_json({**counts.as_dict(), **asdict(periods), "dry_run": args.dry_run})
        return EXIT_OK
    print(render("retention_periods", args.lang, **asdict(periods)))
    done = "retention_dry_run" if args.dry_run else "retention_done"
    print(render(done, args.lang, **counts.as_dict()))
    return EXIT_OK


def _personal(args: argparse.Namespace, folder: Path) -> int:
    from station.services import personal

    phone = personal.normalised(args.phone)
    with _open(args, folder) as store, store.transaction() as session:
        if args.personal_command == "find":
            found = personal.find(session, phone)
        elif args.personal_command == "export":
            found = personal.export(session, phone, args.out)
        else:
            return _erase_personal(args, session, phone)
    if args.personal_command == "export":
        print(render("personal_exported", args.lang, count=len(found), path=args.out))
    elif args.json:
        _print_json(found, ensure_ascii=False, indent=1)
    elif not found:
        print(render("personal_none", args.lang, phone=phone))
    else:
        for record in found:  # whole values: a table would cut them
            print(f"{record['kind']}  {record['number']}  {(record['date'] or '')[:10]}")
            for name, value in record["fields"].items():
                if value not in (None, ""):
                    print(f"  {name}: {' '.join(str(value).split())}")
    return EXIT_OK


def _erase_personal(args: argparse.Namespace, session: Any, phone: str) -> int:
    """Asks first on a terminal; a script must say --yes (nothing is read from a pipe)."""
    from station.services import personal, station

    if not args.yes:
        if not sys.stdin.isatty():
            _fail(render("personal_needs_yes", args.lang))
            return EXIT_USAGE
        own = station.code(session)
        count = sum(1 for f in personal.find(session, phone) if f["station"] == own)
        if count == 0:
            print(render("personal_none", args.lang, phone=phone))
            return EXIT_OK
        answer = input(render("personal_confirm", args.lang, count=count, phone=phone))
        if answer.strip().lower() not in ("yes", "y", "是"):
            print(render("personal_not_confirmed", args.lang))
            return EXIT_ERROR
    counts = personal.erase(session, phone)
    print(render("personal_erased", args.lang, **counts.as_dict()))
    return EXIT_OK


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _print_table(records: list[dict[str, Any]], columns: Sequence[str]) -> None:
    cells = [
        [("" if r[c] is None else str(r[c])).replace("\n", " ")[:40] for c in columns]
        for r in records
    ]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(columns)]
    for row in [list(columns), *cells]:
        print(
            "  ".join(
                cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)
            ).rstrip()
        )


COMMANDS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "gui": _gui,
    "init": _init,
    "demo": _demo,
    "stats": _stats,
    "list": _list,
    "check": _check,
    "connect": _connect,
    "sync": _sync,
    "screenshots": _screenshots,
    "backup": _backup,
    "restore": _restore,
    "slip": _slip,
    "print": _print,
    "audit": _audit,
    "retention": _retention,
    "personal": _personal,
    "set-pin": _set_pin,
    "report": _report,
    "export": _export,
}

# Commands that change nothing and show only masked data: no PIN.
OPEN = frozenset({"gui", "stats", "list", "check", "audit"})


# Commands that open the store: each first refuses a damaged file (the GUI has its own screen).
GUARDED = frozenset(
    {"init", "demo", "stats", "list", "connect", "sync", "slip", "print", "audit"}
    | {"retention", "personal", "report", "export"}
)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
