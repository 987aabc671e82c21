"""Saving an inquiry, as the desk's Save does it, against a raw sqlite3 insert and commit.

Both write into their own copy of a station holding demo data. The operation is one
`store.transaction()` around `inquiries.create`: validation, the day's next ticket number,
the insert with its outbox entry and audit entry (hash-chained), written as the flush hook
writes them, and the commit with synchronous=FULL. The floor is the same inquiry row put
into the same table (its full-text trigger fires too) with sqlite3: BEGIN IMMEDIATE,
INSERT, COMMIT, under the store's pragmas (WAL, synchronous=FULL, foreign keys on).
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import uuid
from contextlib import closing
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Desk:
    """Who saves, where: the station's code, a post and a volunteer."""

    code: str
    post: str
    handler: str


def run(quick: bool, scratch: Path) -> Entry:
    repetitions = 30 if quick else 300
    source = demo_data.data_dir(scratch, quick)
    shutil.copytree(source, scratch / "app")
    shutil.copytree(source, scratch / "raw")
    store = open_store(scratch / "app")
    try:
        with store.reading() as session:
            desk = Desk(
                station_service.current(session).code,
                station_service.posts(session)[0].id,
                volunteers.find(session)[0].id,
            )
        with closing(_raw(scratch / "raw" / "redpost.db")) as raw:
            rng = random.Random(1)
            operation, floor = Stopwatch(), Stopwatch()
            for repetition in range(repetitions):
                category = rng.choice(list(INQUIRY_CATEGORIES))
                if repetition % 2 == 0:
                    _save(store, operation, desk, category)
                    _insert(raw, floor, desk, category, repetition)
                else:
                    _insert(raw, floor, desk, category, repetition)
                    _save(store, operation, desk, category)
    finally:
        store.close()
    return entry(NAME, TARGET, operation.samples, floor.samples, {"saved": repetitions})


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


def _insert(
    raw: sqlite3.Connection, watch: Stopwatch, desk: Desk, category: str, number: int
) -> None:
    with watch.timing():
        moment = clock.now()
        stamp = moment.replace(tzinfo=None).isoformat(sep=" ")
        ticket = f"{desk.code}-{moment:%Y%m%d}-R{number:03d}"
        row = (ticket, desk.post, category, QUESTION, ANSWER, desk.handler, stamp)
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(INSERT, (*row, str(uuid.uuid4()), desk.code, stamp, stamp))
        raw.execute("COMMIT")
