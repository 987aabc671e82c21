"""The lead's list of what syncs could not settle: one row per problem and record, kept
current (a later sync that settles it removes it)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select, tuple_
from sqlalchemy.orm import Session

from station import clock
from station.models import SyncIssue

PARKED = "parked"
CONFLICT = "conflict"
CLASH = "clash"
COUNT = "count"


@dataclass(frozen=True)
class Issue:
    problem: str
    kind: str
    record_id: str
    version: int | None
    reason: str


def note(session: Session, issue: Issue) -> None:
    """Record or refresh an issue."""
    row = session.scalars(
        select(SyncIssue).where(
            SyncIssue.problem == issue.problem,
            SyncIssue.record_kind == issue.kind,
            SyncIssue.record_id == issue.record_id,
        )
    ).first()
    if row is None:
        row = SyncIssue(problem=issue.problem, record_kind=issue.kind, record_id=issue.record_id)
        session.add(row)
    row.version = issue.version
    row.reason = issue.reason
    row.seen_at = clock.now()


def settle(session: Session, problems: tuple[str, ...], keys: list[tuple[str, str]]) -> None:
    """Forget issues of these problems for these (kind, record id) pairs."""
    for start in range(0, len(keys), 400):
        chunk = keys[start : start + 400]
        session.execute(
            delete(SyncIssue).where(
                SyncIssue.problem.in_(problems),
                tuple_(SyncIssue.record_kind, SyncIssue.record_id).in_(chunk),
            )
        )


def current(session: Session) -> list[Issue]:
    """Every open issue, oldest first."""
    return [
        Issue(r.problem, r.record_kind, r.record_id, r.version, r.reason)
        for r in session.scalars(select(SyncIssue).order_by(SyncIssue.pk))
    ]
