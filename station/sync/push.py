"""Push (rules 1, 2, 7, 8): every pending change goes to central as the record's current
state, in batches that are saved before they are sent.

A batch left by a sync cut short is sent again first, with the same id, its records as they
stand now; central answers a batch id it already committed with the stored result, so the
crash costs nothing. Outbox entries are marked pushed only up to the version central
accepted; parked and conflicting records stay pending and are listed for the lead.
"""

from __future__ import annotations

import gc
import json
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    Connection,
    Table,
    bindparam,
    case,
    delete,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.orm import Session

from station import clock
from station.central import exchange
from station.models import OutboxEntry, PushBatch, SyncIssue
from station.store import Store
from station.sync import issues
from station.sync.codec import MODELS, ORDER
from station.sync.wire import WireRow
from station.sync.wire_json import wire_texts

# Records per batch: each batch costs a round trip and two local commits with synchronous=FULL;
# 2,000 brought 50,000 records from 3.22x to 2.83x a COPY (docs/performance.md).
BATCH_SIZE = 2000

Progress = Callable[[str, int, int], None]
Accepted = tuple[str, str, int]
Refused = tuple[str, str, int, str]


@dataclass
class PushOutcome:
    accepted: list[Accepted] = field(default_factory=list)
    parked: list[Refused] = field(default_factory=list)
    conflicts: list[Refused] = field(default_factory=list)


def requeue(session: Session, kinds: Iterable[str], own: str) -> int:
    """Queue every record of this station of these kinds, tombstones included, at its
    current version: after an epoch change or a count mismatch, they all go again."""
    moment = clock.now()
    queued = 0
    for kind in kinds:
        model = MODELS[kind]
        rows = session.execute(
            select(model.id, model.version).where(model.station_code == own)
        ).all()
        if rows:
            session.execute(
                insert(OutboxEntry),
                [
                    {
                        "record_kind": kind,
                        "record_id": rid,
                        "version": version,
                        "op": "resync",
                        "queued_at": moment,
                    }
                    for rid, version in rows
                ],
            )
            queued += len(rows)
    return queued


# Parents' kinds first (push order), then oldest first; kinds no longer synced are left out.
_PENDING_KEYS = (
    select(OutboxEntry.record_kind, OutboxEntry.record_id)
    .where(OutboxEntry.pushed_at.is_(None), OutboxEntry.record_kind.in_(list(MODELS)))
    .group_by(OutboxEntry.record_kind, OutboxEntry.record_id)
    .order_by(case(ORDER, value=OutboxEntry.record_kind), func.min(OutboxEntry.seq))
)


def pending_keys(session: Session) -> list[tuple[str, str]]:
    """(kind, id) of every record with unpushed changes, parents' kinds first, then oldest."""
    # On the connection: the ORM's result rows would cost more than the query.
    return [(kind, rid) for kind, rid in session.connection().execute(_PENDING_KEYS)]


@dataclass(frozen=True)
class _Batch:
    batch_id: str
    rows: list[WireRow]


def _rows(session: Session, keys: Sequence[tuple[str, str]]) -> list[WireRow]:
    """The current wire row of each (kind, id), as SQLite makes it; gone records left out."""
    return cast(list[WireRow], json.loads(f"[{','.join(wire_texts(session.connection(), keys))}]"))


def _save_batch(session: Session, keys: list[tuple[str, str]]) -> _Batch | None:
    """Save a batch's id with its keys, not its rows: the rows are what the records hold, and
    writing them again cost about a tenth of a push (docs/performance.md)."""
    rows = _rows(session, keys)
    if not rows:
        return None
    batch_id = str(uuid.uuid4())
    session.execute(insert(PushBatch).values(batch_id=batch_id, made_at=clock.now(), keys=keys))
    return _Batch(batch_id, rows)


def _saved_keys(saved: list[Any]) -> list[tuple[str, str]]:
    """A saved batch's keys of the kinds still synced (as `pending_keys` leaves the others
    out); a release before 2026-12-01 saved whole wire rows."""
    keys = [(s["kind"], s["id"]) if isinstance(s, dict) else (s[0], s[1]) for s in saved]
    return [(kind, rid) for kind, rid in keys if kind in MODELS]


# The outbox is marked in one statement per kind in a batch: the accepted ids travel as one
# JSON object of id to version, whose members SQLite reads without parsing each, joined to
# the pending entries (through ix_outbox_pending).
_MARK_PUSHED = text(
    "UPDATE outbox SET pushed_at = :moment WHERE pushed_at IS NULL AND seq IN ("
    "SELECT o.seq FROM json_each(:versions) AS a CROSS JOIN outbox AS o "
    "ON o.record_kind = :kind AND o.record_id = a.key "
    "AND o.version <= a.value AND o.pushed_at IS NULL)"
).bindparams(bindparam("moment", type_=cast(Table, OutboxEntry.__table__).c.pushed_at.type))


def _mark_pushed(session: Session, accepted: list[Accepted], moment: datetime) -> None:
    """Mark pushed the unpushed outbox entries of each accepted (kind, id) up to the version
    central accepted; later changes stay pending."""
    versions: dict[str, dict[str, int]] = {}
    for kind, rid, version in accepted:
        ids = versions.setdefault(kind, {})
        ids[rid] = max(version, ids.get(rid, version))
    for kind, ids in versions.items():
        session.execute(_MARK_PUSHED, {"moment": moment, "kind": kind, "versions": json.dumps(ids)})


def _has_issues(session: Session, problems: tuple[str, ...]) -> bool:
    found = session.execute(select(SyncIssue.pk).where(SyncIssue.problem.in_(problems)).limit(1))
    return found.first() is not None


def _settle_batch(session: Session, sent: tuple[str, exchange.PushResult]) -> None:
    """Apply central's answer to one batch, and forget the batch."""
    batch_id, result = sent
    moment = clock.now()
    if result.accepted:
        _mark_pushed(session, result.accepted, moment)
        settled = (issues.PARKED, issues.CONFLICT)
        # Nothing to forget when no such issue is open (the usual case): skip the delete.
        if _has_issues(session, settled):
            issues.settle(session, settled, [(k, i) for k, i, _ in result.accepted])
    for problem, refused in (
        (issues.PARKED, result.parked),
        (issues.CONFLICT, result.conflicts),
    ):
        for kind, rid, version, reason in refused:
            issues.note(session, issues.Issue(problem, kind, rid, version, reason))
    session.execute(delete(PushBatch).where(PushBatch.batch_id == batch_id))


def _answer(result: exchange.PushResult, outcome: PushOutcome) -> exchange.PushResult:
    outcome.accepted.extend(result.accepted)
    outcome.parked.extend(result.parked)
    outcome.conflicts.extend(result.conflicts)
    return result


def _answered(
    sending: tuple[int, str, Future[exchange.PushResult]], outcome: PushOutcome
) -> tuple[str, exchange.PushResult]:
    """Wait for central's answer to a batch sent (its error, if any, is raised here)."""
    _, batch_id, future = sending
    return batch_id, _answer(future.result(), outcome)


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Python's cycle collector paused, then back as it was. A push makes several dicts and
    lists per record, none of them in a cycle, so each collection the allocations set off
    scans the heap and frees nothing: 7% of a 50,000-record push (docs/performance.md).
    The pause is the whole process's, the UI thread's too, for as long as the push lasts;
    nothing is freed late but cycles, which the UI makes few of."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@_cycle_collector_paused()
def push_all(store: Store, conn: Connection, own: str, progress: Progress) -> PushOutcome:
    """Send what a cut-short sync left, then every pending record once, in batches.

    Central stores one batch (in a thread of its own, which mostly waits on the server)
    while the kiosk saves and prepares the next; one local transaction applies central's
    answer to a batch and saves the batch after next. A crash at any point leaves every
    batch not yet settled saved, and sending it again costs nothing (central returns the
    result it stored).
    """
    outcome = PushOutcome()
    with store.reading() as session:
        # A batch goes again under its id, as its records stand now: if central stored it,
        # central answers with the stored result and takes nothing new; if not, it takes
        # these rows, each at a version at least the one the batch first held.
        leftovers = [
            (b.batch_id, _rows(session, _saved_keys(b.keys)))
            for b in session.scalars(select(PushBatch).order_by(PushBatch.made_at))
        ]
    for batch_id, rows in leftovers:
        result = _answer(exchange.push(conn, own, batch_id, rows), outcome)
        with store.transaction() as session:
            _settle_batch(session, (batch_id, result))
    with store.reading() as session:
        keys = pending_keys(session)
    # Keys are taken once: a parked record is sent once per sync, not over and over.
    progress("push", 0, len(keys))
    total = len(keys)
    answered: list[tuple[str, exchange.PushResult]] = []  # sent, not yet settled
    # (keys done once it is answered, batch id, central's answer to come)
    sending: tuple[int, str, Future[exchange.PushResult]] | None = None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="push") as central:
        for start in range(0, total, BATCH_SIZE):
            with store.transaction() as session:
                for sent in answered:
                    _settle_batch(session, sent)
                batch = _save_batch(session, keys[start : start + BATCH_SIZE])
            answered = []
            prepared = None
            if batch is not None:
                prepared = exchange.prepare(conn.dialect.name, own, batch.batch_id, batch.rows)
            if sending is not None:
                answered.append(_answered(sending, outcome))
                progress("push", sending[0], total)
                sending = None
            if prepared is not None:
                end = min(start + BATCH_SIZE, total)
                future = central.submit(exchange.send, conn, prepared)
                sending = (end, prepared.batch_id, future)
        if sending is not None:
            answered.append(_answered(sending, outcome))
    if answered:
        with store.transaction() as session:
            for sent in answered:
                _settle_batch(session, sent)
    # Reported complete only once settled: the pull comes next.
    progress("push", total, total)
    return outcome
