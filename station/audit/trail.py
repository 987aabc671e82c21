"""Browsing the trail for a station lead: newest first, filtered by day, actor, kind, action.

Plain data for the lead's desk (操作记录) and for the CLI. An entry's actor is what the trail
stores (a volunteer's id, or a name such as "system"); `actor_name` is the person's name
from the roster when there is one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station import access, clock
from station.models import AuditEntry, Volunteer

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
    actor_name: str | None = None


def browse(
    session: Session,
    *,
    day: date | None = None,
    actor: str | None = None,
    kind: str | None = None,
    action: str | None = None,
    before_seq: int | None = None,
    offset: int = 0,
    limit: int = PAGE,
) -> list[TrailEntry]:
    """Entries matching every filter given, newest first; page on with `before_seq` (or
    with `offset` below a fixed `before_seq`, so entries added meanwhile shift nothing)."""
    access.require_lead(session, "audit")
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).offset(offset).limit(limit)
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
    found = list(session.scalars(query))
    names = actor_names(session, {e.actor for e in found})
    return [
        TrailEntry(
            seq=e.seq,
            moment=e.moment,
            actor=e.actor,
            action=e.action,
            kind=e.record_kind,
            record_id=e.record_id,
            detail=json.loads(e.detail),
            actor_name=names.get(e.actor or "", e.actor),
        )
        for e in found
    ]


def actor_names(session: Session, actors: Iterable[str | None]) -> dict[str, str]:
    """{actor: the volunteer's name} for each actor that is a volunteer's id."""
    wanted = {actor for actor in actors if actor}
    if not wanted:
        return {}
    rows = session.execute(select(Volunteer.id, Volunteer.name).where(Volunteer.id.in_(wanted)))
    return {volunteer_id: name for volunteer_id, name in rows}


def newest_seq(session: Session) -> int:
    """The seq of the newest entry (0 for an empty trail): where a browse starts."""
    return int(session.scalar(select(func.max(AuditEntry.seq))) or 0)


def size(session: Session) -> int:
    """How many entries the trail holds."""
    return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def days(session: Session, limit: int = 120) -> list[date]:
    """The local days that have entries, newest first (at most `limit`), for the day filter."""
    offset = clock.LOCAL_TZ.utcoffset(None)
    shift = f"{int(offset.total_seconds())} seconds"
    local_day = func.date(AuditEntry.moment, shift)
    values = session.scalars(select(local_day).distinct().order_by(local_day.desc()).limit(limit))
    return [date.fromisoformat(value) for value in values if value]


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
