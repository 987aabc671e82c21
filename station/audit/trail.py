"""Browsing the trail for a station lead: newest first, filtered by day, actor, kind, action.

Plain data for the screen that will show it (not built yet) and for the CLI.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station import clock
from station.models import AuditEntry

PAGE = 200


@dataclass(frozen=True)
class TrailEntry:
    seq: int
    moment: datetime
    actor: str | None
    action: str
    kind: str | None
    record_id: str | None
    detail: dict[str, Any]


def browse(
    session: Session,
    *,
    day: date | None = None,
    actor: str | None = None,
    kind: str | None = None,
    action: str | None = None,
    before_seq: int | None = None,
    limit: int = PAGE,
) -> list[TrailEntry]:
    """Entries matching every filter given, newest first; page on with `before_seq`."""
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
    if day is not None:
        start, end = clock.day_bounds(day)
        query = query.where(AuditEntry.moment >= start, AuditEntry.moment < end)
    if actor is not None:
        query = query.where(AuditEntry.actor == actor)
    if kind is not None:
        query = query.where(AuditEntry.record_kind == kind)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    if before_seq is not None:
        query = query.where(AuditEntry.seq < before_seq)
    return [
        TrailEntry(
            seq=e.seq,
            moment=e.moment,
            actor=e.actor,
            action=e.action,
            kind=e.record_kind,
            record_id=e.record_id,
            detail=json.loads(e.detail),
        )
        for e in session.scalars(query)
    ]


def choices(session: Session) -> dict[str, list[str]]:
    """The actors, kinds and actions the trail holds, for the filter lists."""
    found: dict[str, list[str]] = {}
    for name, column in (
        ("actor", AuditEntry.actor),
        ("kind", AuditEntry.record_kind),
        ("action", AuditEntry.action),
    ):
        values = session.scalars(select(column).where(column.is_not(None)).distinct())
        found[name] = sorted(v for v in values if v is not None)
    return found
