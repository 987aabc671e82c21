"""The end-of-day sync, start to finish: connect, push, pull, check.

Entry point for the CLI, the sync screen and the tests:

    report = sync(store, progress=lambda stage, done, total: ...)

`progress` is Qt-free and is called with a stage name ("connect", "push", "pull", "check")
and counts (total 0 when unknown). Every step commits locally as it goes, so a sync cut
short at any moment (network, power, SIGKILL) loses nothing: running it again finishes the
job, sending an interrupted batch again under the same id (rule 2).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from station import access, audit, clock
from station.central import exchange
from station.central.errors import CentralError
from station.services import station as station_service
from station.store import Store
from station.sync import check, issues, link, push, secret, state
from station.sync.codec import MODELS, iso
from station.sync.pull import pull_all

Progress = Callable[[str, int, int], None]
STAGES = ("connect", "push", "pull", "check")


@dataclass
class SyncReport:
    """What one sync did; the lists name (kind, id, version[, reason]) of each record."""

    pushed: int
    pulled: int
    conflicts: int
    parked: int
    duration_s: float
    started_at: str
    finished_at: str
    epoch_changed: bool = False
    pushed_items: list[tuple[str, str, int]] = field(default_factory=list)
    pulled_items: list[tuple[str, str, int]] = field(default_factory=list)
    conflict_items: list[tuple[str, str, int | None, str]] = field(default_factory=list)
    parked_items: list[tuple[str, str, int, str]] = field(default_factory=list)
    # (kind, kiosk count, central count) where the closing check found a difference.
    mismatches: list[tuple[str, int, int]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """The figures `redpost sync --json` prints."""
        return {
            "pushed": self.pushed,
            "pulled": self.pulled,
            "conflicts": self.conflicts,
            "parked": self.parked,
            "duration_s": self.duration_s,
        }

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _quiet(stage: str, done: int, total: int) -> None:
    """No progress wanted."""


def _handshake(store: Store, conn: Connection, own: str) -> bool:
    """Say hello; on a changed epoch (central restored), re-queue everything. True if so."""
    hello = exchange.hello(conn, own)
    conn.rollback()
    with store.transaction() as session:
        known = state.epoch(session)
        changed = known is not None and known != hello.epoch
        if changed:
            push.requeue(session, MODELS, own)
            state.set_watermark(session, 0)
        if known != hello.epoch:
            state.set_epoch(session, hello.epoch)
        # Kinds the last check found short go again in full.
        again = state.repush_kinds(session)
        if again and not changed:
            push.requeue(session, again, own)
        state.set_repush_kinds(session, [])
    return changed


def _open(store: Store) -> tuple[link.CentralLink, str | None, str]:
    with store.reading() as session:
        own = station_service.code(session)
        where = link.load(session)
    return where, secret.load(store.folder, where.account), own


def _record_in_trail(store: Store, conn: Connection, own: str, result: SyncReport) -> None:
    """One audit entry per sync, with its counts, pushed at once: a lead who just synced
    leaves nothing pending. That last push is not counted in the report."""
    with store.transaction() as session:
        audit.record(
            session,
            "sync",
            {
                **{k: v for k, v in result.summary().items() if k != "duration_s"},
                "epoch_changed": result.epoch_changed,
                "mismatches": len(result.mismatches),
            },
        )
    push.push_all(store, conn, own, _quiet)


def sync(store: Store, progress: Progress | None = None) -> SyncReport:
    """Run one end-of-day sync with the saved central settings; CentralError when it fails."""
    access.require_lead_actor(store.actor, "sync")
    report = progress or _quiet
    started = clock.now()
    began = time.perf_counter()
    where, password, own = _open(store)
    report("connect", 0, 1)
    engine = link.engine(where, password)
    try:
        with engine.connect() as conn:
            changed = _handshake(store, conn, own)
            report("connect", 1, 1)
            pushed = push.push_all(store, conn, own, report)
            pulled = pull_all(store, conn, own, report)
            conn.rollback()
            report("check", 0, 1)
            mismatches = check.check(store, conn, own)
            conn.rollback()
            report("check", 1, 1)
            finished = clock.now()
            pull_conflicts = [(p.kind, p.record_id, p.version, p.reason) for p in pulled.problems]
            result = SyncReport(
                pushed=len(pushed.accepted),
                pulled=len(pulled.applied),
                conflicts=len(pushed.conflicts) + len(pull_conflicts),
                parked=len(pushed.parked),
                duration_s=round(time.perf_counter() - began, 3),
                started_at=iso(started) or "",
                finished_at=iso(finished) or "",
                epoch_changed=changed,
                pushed_items=pushed.accepted,
                pulled_items=pulled.applied,
                conflict_items=[*pushed.conflicts, *pull_conflicts],
                parked_items=pushed.parked,
                mismatches=[(m.kind, m.kiosk, m.central) for m in mismatches],
            )
            _record_in_trail(store, conn, own, result)
            exchange.record_run(
                conn,
                own,
                started,
                finished,
                result.pushed,
                result.pulled,
                result.conflicts,
                result.parked,
            )
            conn.commit()
    except DBAPIError as exc:
        raise link.classify(exc) from exc
    finally:
        engine.dispose()
    with store.transaction() as session:
        state.save_run(session, result.finished_at, result.as_dict())
    return result


def open_issues(store: Store) -> list[issues.Issue]:
    """Parked records, conflicts, clashes and count gaps not yet settled, for the sync screen."""
    with store.reading() as session:
        return issues.current(session)


__all__ = ["STAGES", "CentralError", "Progress", "SyncReport", "open_issues", "sync"]
