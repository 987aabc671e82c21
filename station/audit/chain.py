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

from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.orm import Session, SessionTransaction

from station import clock
from station.audit import redact
from station.models import AuditEntry, Station, new_id
from station.sync.codec import iso

GENESIS = "0" * 64
# Actions the session hook writes; explicit events (print, export, sync, sign_in, …) use others.
CHANGE_ACTIONS = ("create", "update", "delete")
_ACTION = re.compile(r"[a-z_]{1,16}")
# session.info keys: who is acting (filled by sign-in later), the station's code, which
# never changes once `init` has set it (the store hands it to its sessions once it knows it),
# and the head its last transaction left, which the store hands on as a guess (see `write`).
ACTOR_KEY = "actor"
CODE_KEY = "station_code"
GUESS_KEY = "audit_head_guess"
_HEAD_KEY = "audit_head"


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


# (seq, prev_hash, moment as ISO 8601 UTC, actor, action, record kind, record id, detail)
Hashed = tuple[int, str, str, str | None, str, str | None, str | None, str]


def entry_hash(fields: Hashed) -> str:
    """The hash an entry with these fields must carry."""
    return hashlib.sha256(canonical(list(fields)).encode()).hexdigest()


_NEWEST = select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
_STATION_CODE = select(Station.code)
_INSERT = insert(AuditEntry)
# The columns `append_row` gives (all but the row number, and deleted_at: entries are never
# deleted), inserted only while the newest entry is the one the row follows: the number
# before its own and the hash its prev_hash names.
_WRITTEN = [c for c in AuditEntry.__table__.columns if c.key not in ("pk", "deleted_at")]
_GIVEN = {c.key: bindparam(c.key, type_=c.type) for c in _WRITTEN}
_NEWEST_SEQ = _NEWEST.with_only_columns(AuditEntry.seq)
_NEWEST_HASH = _NEWEST.with_only_columns(AuditEntry.entry_hash)
_INSERT_ON_HEAD = insert(AuditEntry).from_select(
    list(_GIVEN),
    select(*_GIVEN.values()).where(
        func.coalesce(_NEWEST_SEQ.scalar_subquery(), 0) + 1 == _GIVEN["seq"],
        func.coalesce(_NEWEST_HASH.scalar_subquery(), GENESIS) == _GIVEN["prev_hash"],
    ),
)


def _innermost(session: Session) -> SessionTransaction | None:
    return session.get_nested_transaction() or session.get_transaction()


def _head(session: Session, *, guess: bool = False) -> tuple[int, str]:
    """(seq, hash) of the newest entry, those appended in this transaction included.

    Entries appended as objects wait in `session.new` until the flush; the flush hook's rows
    are written after it. The newest appended is remembered, which spares a query per flush;
    it is trusted only in the same transaction and savepoint (one rolled back or released, or
    a new transaction, reads the table again; under BEGIN IMMEDIATE nobody else appends).
    With `guess`, for rows that `write` inserts, the head the store's last transaction left
    stands in for reading the table: `write` checks it.
    """
    newest = [(obj.seq, obj.entry_hash) for obj in session.new if isinstance(obj, AuditEntry)]
    remembered = session.info.get(_HEAD_KEY)
    if remembered is not None:
        transaction, head = remembered
        current = _innermost(session)
        if current is not None and transaction is current and current.is_active:
            newest.append(head)
    if newest:
        return max(newest)
    guessed: tuple[int, str] | None = session.info.get(GUESS_KEY) if guess else None
    if guessed is not None:
        return guessed
    return _read_head(session)


def _read_head(session: Session) -> tuple[int, str]:
    # On the connection, not through the ORM: a plain row needs no autoflush or identity map.
    row = session.connection().execute(_NEWEST).first()
    return (row.seq, row.entry_hash) if row is not None else (0, GENESIS)


def last_head(session: Session) -> tuple[int, str] | None:
    """The head of the newest entry this session appended, if any: the store's guess at the
    head for its next transaction."""
    remembered = session.info.get(_HEAD_KEY)
    return None if remembered is None else remembered[1]


def forget_head(session: Session) -> None:
    """Read the head from the table next time: entries made since were never written."""
    session.info.pop(_HEAD_KEY, None)


def _station_code(session: Session, fallback: str) -> str:
    code = session.info.get(CODE_KEY)
    if code is None:
        code = session.connection().execute(_STATION_CODE).scalar()
        if code is None:  # `init` adds the station and its first records in one flush
            code = next((o.code for o in session.new if isinstance(o, Station)), None)
        if code is None:
            return fallback
        session.info[CODE_KEY] = code
    return str(code)


def append_row(
    session: Session,
    action: str,
    detail: dict[str, Any],
    *,
    kind: str | None,
    record_id: str | None,
    owner: str,
    guess: bool = False,
) -> dict[str, Any]:
    """The column values of the next entry of the chain, which becomes the remembered head.

    The flush hook `write`s these rows itself, after the flush's own (skipping the unit of
    work, which cost a change about as much as the change itself: issue 8); `append` makes
    an object of them. With `guess`, the head may be the one the store's last transaction
    left, which only `write` checks.
    """
    seq, prev = _head(session, guess=guess)
    moment = clock.now()
    actor = session.info.get(ACTOR_KEY)
    actor = None if actor is None else str(actor)[:40]
    text = canonical(detail)
    values = {
        "id": new_id(),
        "station_code": _station_code(session, owner),
        "created_at": moment,
        "updated_at": moment,
        "version": 1,
        "seq": seq + 1,
        "prev_hash": prev,
        "moment": moment,
        "actor": actor,
        "action": action,
        "record_kind": kind,
        "record_id": record_id,
        "detail": text,
    }
    values["entry_hash"] = _row_hash(values)
    session.info[_HEAD_KEY] = (_innermost(session), (seq + 1, values["entry_hash"]))
    return values


def _row_hash(row: dict[str, Any]) -> str:
    """The entry hash of an audit row made by `append_row`."""
    return entry_hash(
        (
            row["seq"],
            row["prev_hash"],
            iso(row["moment"]) or "",
            row["actor"],
            row["action"],
            row["record_kind"],
            row["record_id"],
            row["detail"],
        )
    )


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
    # The head read or known, never guessed: the unit of work inserts the object unchecked.
    values = append_row(session, action, detail, kind=kind, record_id=record_id, owner=owner)
    entry = AuditEntry(**values)
    session.add(entry)
    return entry


def write(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert rows made by `append_row`, in the transaction (and savepoint) of the flush.

    The first may follow a guessed head (the one the store's last transaction left), which
    spares a save reading the table (issue 8). Each row goes in only if the newest entry is
    the one its prev_hash names; when the guess was wrong (another program or store wrote
    since, or a savepoint was rolled back), those left out are numbered and hashed again
    from the head read from the table, and inserted.
    """
    if not rows:
        return
    connection = session.connection()
    written = connection.execute(_INSERT_ON_HEAD, rows).rowcount
    rest = rows[written:]
    if not rest:
        return
    seq, prev = _read_head(session)
    for row in rest:
        seq += 1
        row["seq"], row["prev_hash"] = seq, prev
        row["entry_hash"] = prev = _row_hash(row)
    connection.execute(_INSERT, rest)
    session.info[_HEAD_KEY] = (_innermost(session), (seq, prev))


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
