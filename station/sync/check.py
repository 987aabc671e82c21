"""The closing check (rule 6): per kind, the station's records the kiosk believes central
holds, against what central counts. A kind that differs is re-pushed in full next time."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from station.central import exchange
from station.models import OutboxEntry
from station.store import Store
from station.sync import issues, state
from station.sync.codec import MODELS


@dataclass(frozen=True)
class Mismatch:
    kind: str
    kiosk: int
    central: int


def believed_counts(session: Session, own: str) -> dict[str, int]:
    """This station's records per kind, tombstones included, less those central never
    accepted (every change still pending, none ever pushed: a parked new record)."""
    counts: dict[str, int] = {}
    for kind, model in MODELS.items():
        pushed_once = select(OutboxEntry.record_id).where(
            OutboxEntry.record_kind == kind, OutboxEntry.pushed_at.is_not(None)
        )
        never = (
            select(OutboxEntry.record_id)
            .where(OutboxEntry.record_kind == kind, OutboxEntry.pushed_at.is_(None))
            .except_(pushed_once)
        )
        query = (
            select(func.count())
            .select_from(model)
            .where(model.station_code == own, model.id.not_in(never))
        )
        counts[kind] = session.scalar(query) or 0
    return counts


def check(store: Store, conn: Connection, own: str) -> list[Mismatch]:
    """Compare, note each mismatch for the lead and the next sync, and settle the rest."""
    central = exchange.counts(conn, own)
    with store.transaction() as session:
        kiosk = believed_counts(session, own)
        found = [
            Mismatch(kind, kiosk[kind], central.get(kind, 0))
            for kind in MODELS
            if kiosk[kind] != central.get(kind, 0)
        ]
        for m in found:
            reason = f"kiosk {m.kiosk}, central {m.central}"
            issues.note(session, issues.Issue(issues.COUNT, m.kind, "", None, reason))
        wrong = {m.kind for m in found}
        issues.settle(session, (issues.COUNT,), [(k, "") for k in MODELS if k not in wrong])
        state.set_repush_kinds(session, sorted(wrong))
    return found
