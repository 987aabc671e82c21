"""Push (rules 1, 2, 7, 8): every pending change goes to central as the record's current
state, in batches that are saved before they are sent.

A batch left by a sync cut short is sent again first, with the same id and the same rows;
central answers a batch id it already committed with the stored result, so the crash costs
nothing. Outbox entries are marked pushed only up to the version central accepted; parked
and conflicting records stay pending and are listed for the lead.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from station import clock
from station.central import exchange
from station.models import OutboxEntry, PushBatch, SyncIssue
from station.store import Store
from station.sync import issues
from station.sync.codec import MODELS, ORDER, wire_maker
from station.sync.wire import WireRow

BATCH_SIZE = 500
# Keys per statement when settling (well under SQLite's limit of bound parameters).
_CHUNK = 500

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


def pending_keys(session: Session) -> list[tuple[str, str]]:
    """(kind, id) of every record with unpushed changes, parents' kinds first, then oldest."""
    query = (
        select(OutboxEntry.record_kind, OutboxEntry.record_id, func.min(OutboxEntry.seq))
        .where(OutboxEntry.pushed_at.is_(None))
        .group_by(OutboxEntry.record_kind, OutboxEntry.record_id)
    )
    rows = sorted(session.execute(query).all(), key=lambda r: (ORDER.get(r[0], len(ORDER)), r[2]))
    return [(kind, rid) for kind, rid, _ in rows if kind in MODELS]


def _current_rows(session: Session, keys: list[tuple[str, str]]) -> list[WireRow]:
    by_kind: dict[str, list[str]] = {}
    for kind, rid in keys:
        by_kind.setdefault(kind, []).append(rid)
    made: dict[tuple[str, str], WireRow] = {}
    connection = session.connection()
    for kind, ids in by_kind.items():
        model = MODELS[kind]
        # Plain column tuples, one query per kind: the wire row needs no ORM object (no
        # identity map, no relationships), and building it from tuples is what to_wire does.
        columns, make = wire_maker(model)
        for values in connection.execute(select(*columns).where(model.id.in_(ids))):
            row = make(values)
            made[(kind, row["id"])] = row
    return [made[key] for key in keys if key in made]


def _save_batch(store: Store, keys: list[tuple[str, str]]) -> PushBatch | None:
    with store.transaction() as session:
        rows = _current_rows(session, keys)
        if not rows:
            return None
        batch = PushBatch(batch_id=str(uuid.uuid4()), made_at=clock.now(), rows=rows)
        session.add(batch)
    return batch


# Core: the outbox is marked in a few set-based statements per batch, not one per row.
_OUTBOX = cast(Table, OutboxEntry.__table__)


def _mark_pushed(session: Session, accepted: list[Accepted], moment: datetime) -> None:
    """Mark pushed the unpushed outbox entries of each accepted (kind, id) up to the version
    central accepted; later changes stay pending."""
    upto: dict[tuple[str, str], int] = {}
    for kind, rid, version in accepted:
        upto[(kind, rid)] = max(version, upto.get((kind, rid), version))
    connection = session.connection()
    for start in range(0, len(accepted), _CHUNK):
        chunk = accepted[start : start + _CHUNK]
        pending = connection.execute(
            select(
                _OUTBOX.c.seq, _OUTBOX.c.record_kind, _OUTBOX.c.record_id, _OUTBOX.c.version
            ).where(
                _OUTBOX.c.record_kind.in_({k for k, _, _ in chunk}),
                _OUTBOX.c.record_id.in_({i for _, i, _ in chunk}),
                _OUTBOX.c.pushed_at.is_(None),
            )
        )
        done = [
            seq
            for seq, kind, rid, version in pending
            if (kind, rid) in upto and version <= upto[(kind, rid)]
        ]
        if done:
            connection.execute(
                update(_OUTBOX)
                .where(_OUTBOX.c.seq.in_(done), _OUTBOX.c.pushed_at.is_(None))
                .values(pushed_at=moment)
            )


def _has_issues(session: Session, problems: tuple[str, ...]) -> bool:
    found = session.execute(select(SyncIssue.pk).where(SyncIssue.problem.in_(problems)).limit(1))
    return found.first() is not None


def _settle_batch(store: Store, batch_id: str, result: exchange.PushResult) -> None:
    """Apply central's answer to one batch, and forget the batch, in one local transaction."""
    with store.transaction() as session:
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


def _send(
    store: Store, conn: Connection, own: str, batch: tuple[str, list[Any]], outcome: PushOutcome
) -> None:
    batch_id, rows = batch
    result = exchange.push(conn, own, batch_id, rows)
    _settle_batch(store, batch_id, result)
    outcome.accepted.extend(result.accepted)
    outcome.parked.extend(result.parked)
    outcome.conflicts.extend(result.conflicts)


def push_all(store: Store, conn: Connection, own: str, progress: Progress) -> PushOutcome:
    """Send what a cut-short sync left, then every pending record once, in batches."""
    outcome = PushOutcome()
    with store.reading() as session:
        leftovers = [
            (b.batch_id, b.rows)
            for b in session.scalars(select(PushBatch).order_by(PushBatch.made_at))
        ]
    for batch_id, rows in leftovers:
        _send(store, conn, own, (batch_id, rows), outcome)
    with store.reading() as session:
        keys = pending_keys(session)
    # Keys are taken once: a parked record is sent once per sync, not over and over.
    progress("push", 0, len(keys))
    for start in range(0, len(keys), BATCH_SIZE):
        batch = _save_batch(store, keys[start : start + BATCH_SIZE])
        if batch is not None:
            _send(store, conn, own, (batch.batch_id, batch.rows), outcome)
        progress("push", min(start + BATCH_SIZE, len(keys)), len(keys))
    return outcome
