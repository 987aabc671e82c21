"""Saving an inquiry, as the desk's Save does it, against raw sqlite3 writing the same rows.

Both write into their own copy of a station holding demo data. The operation is one
`store.transaction()` around `inquiries.create`: validation, the day's next ticket number,
the insert with its outbox entry and audit entry (hash-chained), written as the flush hook
writes them, and the commit with synchronous=FULL. The floor is the same work done the
fastest way with sqlite3, under the store's pragmas (WAL, synchronous=FULL, foreign keys on):
BEGIN IMMEDIATE; the day's counter counted on (`UPDATE … RETURNING`); the inquiry row (its
full-text trigger fires too); its audit entry, chained to the one before (kept in memory)
and hashed with hashlib; the two outbox entries (the inquiry and the audit entry, both
pushed at the next sync); COMMIT.

Until 2026-11-30 the floor wrote the inquiry row alone, and the commit of one row in place
of four (and a counter) was most of the difference: that figure is still measured, in the
same repetitions, and noted beside the entry (`row_only_median_s`, `row_only_ratio`).
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sqlite3
import statistics
import uuid
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

import demo_data
from measure import Entry, Stopwatch, Target, entry

from station import clock
from station.services import inquiries, volunteers
from station.services import station as station_service
from station.store import Store, open_store
from station.vocab import INQUIRY_CATEGORIES

NAME = "save an inquiry (service, outbox, audit, commit with synchronous=FULL)"
TARGET = Target(max_ratio=3, max_p95_seconds=0.020)
QUESTION = "请问古戏台怎么走？下午几点有演出？"
ANSWER = "往前两百米左转，演出下午三点开始。"
INSERT = """
INSERT INTO inquiries (ticket_no, post_id, category, question, answer, handled_by, status,
    closed_at, resolve_seconds, id, station_code, created_at, updated_at, version)
VALUES (?, ?, ?, ?, ?, ?, 'resolved', ?, 0, ?, ?, ?, ?, 1)
"""
COUNT_ON = "UPDATE number_counters SET last = last + 1 WHERE day = ? RETURNING last"
FIRST_OF_DAY = "INSERT INTO number_counters (day, last) VALUES (?, 1)"
AUDIT = """
INSERT INTO audit_entries (seq, prev_hash, entry_hash, moment, actor, action, record_kind,
    record_id, detail, id, station_code, created_at, updated_at, version)
VALUES (?, ?, ?, ?, ?, 'create', 'inquiries', ?, ?, ?, ?, ?, ?, 1)
"""
OUTBOX = """
INSERT INTO outbox (record_kind, record_id, version, op, queued_at) VALUES (?, ?, 1, 'create', ?)
"""
HEAD = "SELECT seq, entry_hash FROM audit_entries ORDER BY seq DESC LIMIT 1"


@dataclass(frozen=True)
class Desk:
    """Who saves, where: the station's code, a post and a volunteer."""

    code: str
    post: str
    handler: str


def run(quick: bool, scratch: Path) -> Entry:
    repetitions = 30 if quick else 300
    source = demo_data.data_dir(scratch, quick)
    for copy in ("app", "raw", "row-only"):
        shutil.copytree(source, scratch / copy)
    before = {copy: _written(scratch / copy) for copy in ("app", "raw")}
    store = open_store(scratch / "app")
    try:
        with store.reading() as session:
            desk = Desk(
                station_service.current(session).code,
                station_service.posts(session)[0].id,
                volunteers.find(session)[0].id,
            )
        with (
            closing(_raw(scratch / "raw" / "redpost.db")) as raw,
            closing(_raw(scratch / "row-only" / "redpost.db")) as row_raw,
        ):
            rng = random.Random(1)
            operation, floor, row_only = Stopwatch(), Stopwatch(), Stopwatch()
            chain = Chain(*raw.execute(HEAD).fetchone())
            for repetition in range(repetitions):
                category = rng.choice(list(INQUIRY_CATEGORIES))
                runs = [
                    partial(_save, store, operation, desk, category),
                    partial(_write_same_rows, raw, floor, desk, category, chain),
                    partial(_insert, row_raw, row_only, desk, category, repetition),
                ]
                for one in runs if repetition % 2 == 0 else reversed(runs):
                    one()
    finally:
        store.close()
    app, raw_rows = (_written(scratch / copy) - before[copy] for copy in ("app", "raw"))
    if app.audit != raw_rows.audit or app.outbox != raw_rows.outbox:
        raise RuntimeError(f"the save and the floor wrote different rows: {app} against {raw_rows}")
    row_only_median = statistics.median(row_only.samples)
    notes = {
        "saved": repetitions,
        "row_only_median_s": round(row_only_median, 6),
        "row_only_ratio": round(statistics.median(operation.samples) / row_only_median, 3),
    }
    return entry(NAME, TARGET, operation.samples, floor.samples, notes)


@dataclass(frozen=True)
class Written:
    """How many audit and outbox entries a copy holds."""

    audit: int
    outbox: int

    def __sub__(self, other: Written) -> Written:
        return Written(self.audit - other.audit, self.outbox - other.outbox)


def _written(folder: Path) -> Written:
    with closing(sqlite3.connect(folder / "redpost.db")) as db:
        audit, outbox = db.execute(
            "SELECT (SELECT count(*) FROM audit_entries), (SELECT count(*) FROM outbox)"
        ).fetchone()
    return Written(audit, outbox)


def _raw(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _save(store: Store, watch: Stopwatch, desk: Desk, category: str) -> None:
    with watch.timing(), store.transaction() as session:
        inquiries.create(
            session,
            category=category,
            question=QUESTION,
            answer=ANSWER,
            handled_by=desk.handler,
            post=desk.post,
            resolved=True,
        )


@dataclass
class Chain:
    """The floor's audit chain head: its newest entry's number and hash."""

    seq: int
    hash: str


def _write_same_rows(
    raw: sqlite3.Connection, watch: Stopwatch, desk: Desk, category: str, chain: Chain
) -> None:
    """The rows a save writes (counter, inquiry, audit entry, two outbox entries), raw."""
    with watch.timing():
        moment, stamp = _now()
        day = f"{moment:%Y%m%d}"
        inquiry_id, audit_id = str(uuid.uuid4()), str(uuid.uuid4())
        raw.execute("BEGIN IMMEDIATE")
        counted = raw.execute(COUNT_ON, (day,)).fetchone()
        if counted is None:
            raw.execute(FIRST_OF_DAY, (day,))
        ticket = f"{desk.code}-{day}-{1 if counted is None else counted[0]:04d}"
        row = (ticket, desk.post, category, QUESTION, ANSWER, desk.handler, stamp)
        raw.execute(INSERT, (*row, inquiry_id, desk.code, stamp, stamp))
        # The audit entry's detail: the fields the save set, as the flush hook lists them.
        changes = {
            "answer": ANSWER,
            "category": category,
            "closed_at": moment.isoformat(),
            "handled_by": desk.handler,
            "post_id": desk.post,
            "question": QUESTION,
            "resolve_seconds": 0,
            "status": "resolved",
            "ticket_no": ticket,
        }
        detail = json.dumps(
            {"changes": {name: [None, value] for name, value in changes.items()}},
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )
        seq, moment_text = chain.seq + 1, moment.isoformat()
        hashed = json.dumps(
            [seq, chain.hash, moment_text, "cli", "create", "inquiries", inquiry_id, detail],
            ensure_ascii=False,
            separators=(",", ":"),
        )
        entry_hash = hashlib.sha256(hashed.encode()).hexdigest()
        audit = (seq, chain.hash, entry_hash, stamp, "cli", inquiry_id, detail, audit_id)
        raw.execute(AUDIT, (*audit, desk.code, stamp, stamp))
        queued = [("inquiries", inquiry_id, stamp), ("audit_entries", audit_id, stamp)]
        raw.executemany(OUTBOX, queued)
        raw.execute("COMMIT")
        chain.seq, chain.hash = seq, entry_hash


def _now() -> tuple[datetime, str]:
    """Now, and as the store holds it (naive UTC text, as SQLAlchemy writes it)."""
    moment = clock.now()
    return moment, moment.replace(tzinfo=None).isoformat(sep=" ")


def _insert(
    raw: sqlite3.Connection, watch: Stopwatch, desk: Desk, category: str, number: int
) -> None:
    """The inquiry row alone (the floor until 2026-11-30)."""
    with watch.timing():
        moment, stamp = _now()
        ticket = f"{desk.code}-{moment:%Y%m%d}-R{number:03d}"
        row = (ticket, desk.post, category, QUESTION, ANSWER, desk.handler, stamp)
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(INSERT, (*row, str(uuid.uuid4()), desk.code, stamp, stamp))
        raw.execute("COMMIT")
