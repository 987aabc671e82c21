"""The hash chain: appending entries and computing the hash each one must carry.

Each entry stores its seq (1, 2, 3, … with no gaps), the previous entry's hash (GENESIS for
the first) and its own hash, sha256 over a canonical JSON array of the fields below. An
edit, a deletion or a swap of entries therefore breaks the chain at that entry, which
`station.audit.verify` finds. Someone who rewrites every later hash as well is caught only
by comparing with central's copy (the trail is a synced kind).
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from station import clock
from station.audit import redact
from station.models import AuditEntry, Station, new_id
from station.sync.codec import iso

GENESIS = "0" * 64
# Actions the session hook writes; explicit events (print, export, sync, sign_in, …) use others.
CHANGE_ACTIONS = ("create", "update", "delete")
_ACTION = re.compile(r"[a-z_]{1,16}")
# session.info keys: who is acting (filled by sign-in later), and a cache of the station code.
ACTOR_KEY = "actor"
_CODE_KEY = "audit_station_code"
_HEAD_KEY = "audit_head"


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


# (seq, prev_hash, moment as ISO 8601 UTC, actor, action, record kind, record id, detail)
Hashed = tuple[int, str, str, str | None, str, str | None, str | None, str]


def entry_hash(fields: Hashed) -> str:
    """The hash an entry with these fields must carry."""
    return hashlib.sha256(canonical(list(fields)).encode()).hexdigest()


def _head(session: Session) -> tuple[int, str]:
    """(seq, hash) of the newest entry, pending ones of this session included.

    The entry this transaction appended last is remembered, which spares a query per flush;
    it is trusted only while still pending or stored (a rolled-back savepoint makes it
    transient) and only in the same transaction (under BEGIN IMMEDIATE nobody else appends).
    """
    pending = [obj for obj in session.new if isinstance(obj, AuditEntry)]
    if pending:
        newest = max(pending, key=lambda entry: entry.seq)
        return newest.seq, newest.entry_hash
    remembered = session.info.get(_HEAD_KEY)
    if remembered is not None:
        transaction, entry = remembered
        state = inspect(entry)
        if transaction is session.get_transaction() and (state.pending or state.persistent):
            return entry.seq, entry.entry_hash
    with session.no_autoflush:
        row = session.execute(
            select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
        ).first()
    return (row.seq, row.entry_hash) if row is not None else (0, GENESIS)


def _station_code(session: Session, fallback: str) -> str:
    code = session.info.get(_CODE_KEY)
    if code is None:
        with session.no_autoflush:
            code = session.scalar(select(Station.code))
        if code is None:  # `init` adds the station and its first records in one flush
            code = next((o.code for o in session.new if isinstance(o, Station)), None)
        if code is None:
            return fallback
        session.info[_CODE_KEY] = code
    return str(code)


def append(
    session: Session,
    action: str,
    detail: dict[str, Any],
    *,
    kind: str | None = None,
    record_id: str | None = None,
    owner: str = "",
) -> AuditEntry:
    """Add the next entry of the chain to `session` (written at its next flush).

    `detail` must be redacted already. The actor is `session.info["actor"]`: a volunteer's
    id or badge once sign-in exists, "cli" from the command line, None when unknown.
    """
    seq, prev = _head(session)
    moment = clock.now()
    actor = session.info.get(ACTOR_KEY)
    actor = None if actor is None else str(actor)[:40]
    text = canonical(detail)
    entry = AuditEntry(
        id=new_id(),
        station_code=_station_code(session, owner),
        created_at=moment,
        updated_at=moment,
        version=1,
        seq=seq + 1,
        prev_hash=prev,
        moment=moment,
        actor=actor,
        action=action,
        record_kind=kind,
        record_id=record_id,
        detail=text,
    )
    entry.entry_hash = entry_hash(
        (seq + 1, prev, iso(moment) or "", actor, action, kind, record_id, text)
    )
    session.add(entry)
    session.info[_HEAD_KEY] = (session.get_transaction(), entry)
    return entry


def record(
    session: Session,
    action: str,
    detail: dict[str, Any] | None = None,
    *,
    kind: str | None = None,
    record_id: str | None = None,
) -> AuditEntry:
    """Record an event that is not a record change: print, export, sync, sign_in, …

    Phone- and ID-like numbers in `detail` are masked. Pending changes are flushed first,
    so their entries come before this one.
    """
    if not _ACTION.fullmatch(action) or action in CHANGE_ACTIONS:
        raise ValueError(f"not an event action: {action!r}")
    session.flush()
    return append(session, action, redact.plain(detail or {}), kind=kind, record_id=record_id)
