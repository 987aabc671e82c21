"""What a kiosk's sync calls on central, over a SQLAlchemy Connection made with the station's role.

Every function is one central transaction. On PostgreSQL the database itself confines the
role to its own rows (row-level security, column grants); the checks here give the kiosk
a reason per row instead of a refused batch, and are all a SQLite central has.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Connection,
    String,
    any_,
    bindparam,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError

from station import clock
from station.central import database
from station.central.errors import CentralError
from station.central.schema import (
    KINDS,
    batches,
    conflicts,
    parked,
    records,
    shared_records,
    stations,
    sync_runs,
)
from station.sync.wire import PRIVATE_FIELDS, WireRow, split_private

__all__ = [
    "CentralError",
    "Hello",
    "Prepared",
    "Pulled",
    "PushResult",
    "counts",
    "directory",
    "hello",
    "prepare",
    "pull",
    "push",
    "record_run",
    "send",
]

MAX_VERSION = 2**31 - 1
# The columns a push writes into `records` (`seq` is the trigger's).
_INSERTED = ", ".join(c.name for c in records.c if c.name != "seq")
# Reasons a row is parked or in conflict (messages: "reason_<code>").
WRONG_STATION = "wrong_station"
UNKNOWN_KIND = "unknown_kind"
MALFORMED = "malformed"
ID_TAKEN = "id_taken"
STALE_VERSION = "stale_version"
VERSION_DIFFERS = "version_differs"
_USUAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass(frozen=True)
class Hello:
    epoch: str
    station_code: str
    schema_revision: str


@dataclass(frozen=True)
class PushResult:
    accepted: list[tuple[str, str, int]] = field(default_factory=list)
    parked: list[tuple[str, str, int, str]] = field(default_factory=list)
    conflicts: list[tuple[str, str, int, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"accepted": self.accepted, "parked": self.parked, "conflicts": self.conflicts}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PushResult:
        return cls(
            accepted=[(k, i, int(v)) for k, i, v in data["accepted"]],
            parked=[(k, i, int(v), r) for k, i, v, r in data["parked"]],
            conflicts=[(k, i, int(v), r) for k, i, v, r in data["conflicts"]],
        )


@dataclass(frozen=True)
class Pulled:
    seq: int
    row: WireRow  # row["fields"] holds public fields only


@contextmanager
def _transaction(conn: Connection) -> Iterator[None]:
    """Commit on success; on a driver error roll back and raise what a lead can act on."""
    if not conn.in_transaction():
        conn.begin()
    try:
        yield
    except DBAPIError as exc:
        _quiet_rollback(conn)
        converted = _as_central(exc)
        if converted is exc:
            raise
        raise converted from exc
    except BaseException:
        _quiet_rollback(conn)
        raise
    conn.commit()


def _quiet_rollback(conn: Connection) -> None:
    # When the connection is gone, the server has rolled back already.
    with suppress(DBAPIError):
        conn.rollback()


def _as_central(exc: DBAPIError) -> Exception:
    if isinstance(exc, OperationalError | InterfaceError) or exc.connection_invalidated:
        return database.connection_error(exc)
    if getattr(exc.orig, "sqlstate", None) == "42501":  # insufficient privilege, RLS refusal
        return CentralError("central_refused", reason=str(exc.orig).splitlines()[0])
    return exc


def hello(conn: Connection, station_code: str) -> Hello:
    """Check central fits this program and knows this station; returns its epoch."""
    with _transaction(conn):
        revision = database.check_revision(conn)
        if conn.dialect.name == "postgresql":
            own = conn.scalar(text("SELECT current_station()"))
        else:
            own = conn.scalar(select(stations.c.code).where(stations.c.code == station_code))
        if own is None:
            raise CentralError("central_not_registered", station=station_code)
        if own != station_code:
            raise CentralError("central_wrong_station", station=station_code, role_station=own)
        return Hello(database.epoch(conn), station_code, revision)


def push(conn: Connection, station_code: str, batch_id: str, rows: Sequence[WireRow]) -> PushResult:
    """Store one batch in one transaction; the same batch id again returns the stored result."""
    return send(conn, prepare(conn.dialect.name, station_code, batch_id, rows))


def send(conn: Connection, batch: Prepared) -> PushResult:
    """`push` of a prepared batch."""
    station_code, batch_id = batch.station_code, batch.batch_id
    try:
        with _transaction(conn):
            if conn.dialect.name == "postgresql":
                # Whole pushes in turn: stamping order is commit order, and no deadlocks.
                conn.execute(text("SELECT take_push_turn()"))
            stored = _stored_result(conn, batch_id)
            if stored is not None:
                return stored
            result = _apply(conn, batch)
            conn.execute(
                insert(batches).values(
                    batch_id=batch_id,
                    station_code=station_code,
                    received_at=clock.now(),
                    result=result.to_json(),
                )
            )
            return result
    except IntegrityError:  # the batch id was taken meanwhile (another connection)
        with _transaction(conn):
            stored = _stored_result(conn, batch_id)
        if stored is None:
            raise
        return stored


def _check_batch_id(batch_id: str) -> None:
    try:
        uuid.UUID(batch_id)
    except (TypeError, ValueError, AttributeError):
        raise CentralError("central_bad_batch", batch=str(batch_id)[:40]) from None


def _stored_result(conn: Connection, batch_id: str) -> PushResult | None:
    found = conn.scalar(select(batches.c.result).where(batches.c.batch_id == batch_id))
    return None if found is None else PushResult.from_json(found)


@dataclass(slots=True)
class _Row:
    """A validated wire row, ready for the records table."""

    kind: str
    id: str
    version: int
    digest: str
    row: WireRow
    # The digest's encoding (see _digest_encoding), when made: it holds every field.
    content: str | None
    # Whether its times are exactly as kiosks send them (`_WIRE_TIME`), checked already.
    wire_times: bool = False

    def values(self, station_code: str) -> dict[str, Any]:
        public, private = split_private(self.row)
        deleted = self.row["deleted_at"]
        return {
            "id": self.id,
            "kind": self.kind,
            "station_code": station_code,
            "version": self.version,
            "digest": self.digest,
            "created_at": _moment(self.row["created_at"]),
            "updated_at": _moment(self.row["updated_at"]),
            "deleted_at": None if deleted is None else _moment(deleted),
            "public": public,
            "private": private,
        }


@dataclass(frozen=True)
class Prepared:
    """A batch checked, digested and encoded: the part of a push that needs no connection,
    so a kiosk can make it while central stores the batch before."""

    station_code: str
    batch_id: str
    rows: Sequence[WireRow]
    problems: list[tuple[str, str] | None]
    # The rows to write: each well-formed id at its highest version in the batch.
    latest: list[_Row]
    # On PostgreSQL, `latest` as _PG_INSERT's JSON array.
    payload: str | None


def prepare(dialect: str, station_code: str, batch_id: str, rows: Sequence[WireRow]) -> Prepared:
    """Check and encode a batch for a central of this dialect ("postgresql", "sqlite")."""
    _check_batch_id(batch_id)
    latest: dict[str, _Row] = {}
    encodings: dict[int, str] = {}
    sound: set[int] = set()
    problems = _problems(rows, station_code, encodings, sound)
    for index, (row, problem) in enumerate(zip(rows, problems, strict=True)):
        if problem is None:
            clean = _clean(row, encodings.get(index))
            clean.wire_times = index in sound
            if clean.id not in latest or latest[clean.id].version < clean.version:
                latest[clean.id] = clean
    chosen = list(latest.values())
    payload = None
    if dialect == "postgresql":
        payload = f"[{','.join(_pg_row(r) for r in chosen)}]"
    return Prepared(station_code, batch_id, rows, problems, chosen, payload)


def _apply(conn: Connection, batch: Prepared) -> PushResult:
    station_code, batch_id = batch.station_code, batch.batch_id
    result = PushResult()
    parked_rows: list[dict[str, Any]] = []
    for row, problem in zip(batch.rows, batch.problems, strict=True):
        if problem is not None:
            reason, detail = problem
            kind, rid, version = _names(row)
            result.parked.append((kind, rid, version, reason))
            parked_rows.append(_parked_values(station_code, batch_id, row, reason, detail))
    outcome = _write(conn, batch, parked_rows)
    for row, problem in zip(batch.rows, batch.problems, strict=True):
        if problem is None:
            kind, rid, version = row["kind"], row["id"], row["version"]
            status, reason = outcome[rid]
            if status == "accepted":
                result.accepted.append((kind, rid, version))
            elif status == "parked":
                result.parked.append((kind, rid, version, reason))
            else:
                result.conflicts.append((kind, rid, version, reason))
    if parked_rows:
        conn.execute(insert(parked), parked_rows)
    return result


def _write(
    conn: Connection, batch: Prepared, parked_rows: list[dict[str, Any]]
) -> dict[str, tuple[str, str]]:
    """Insert new rows, update newer versions, record conflicts: {id: (status, reason)}."""
    # New ids first, in one statement. When it inserted every row (the usual case), nothing
    # else is asked. Otherwise every row is looked up: one this statement inserted is found
    # as sent and accepted, like any version central already holds as sent; this station's
    # other rows are updated or compared; an id this role cannot see is another station's.
    station_code, batch_id, rows = batch.station_code, batch.batch_id, batch.latest
    if _insert_new(conn, station_code, rows, batch.payload) == len(rows):
        return {row.id: ("accepted", "") for row in rows}
    existing = _existing(conn, [r.id for r in rows])
    outcome: dict[str, tuple[str, str]] = {}
    newer: list[_Row] = []
    conflict_rows: list[dict[str, Any]] = []
    now = clock.now()
    for row in rows:
        if row.id not in existing:  # another station's id, invisible to this role
            outcome[row.id] = ("parked", ID_TAKEN)
            parked_rows.append(_taken(station_code, batch_id, row, now))
            continue
        owner, kind, version, digest = existing[row.id]
        if owner != station_code or kind != row.kind:
            outcome[row.id] = ("parked", ID_TAKEN)
            parked_rows.append(_taken(station_code, batch_id, row, now))
        elif row.version > version:
            newer.append(row)
        elif row.version == version and row.digest == digest:
            outcome[row.id] = ("accepted", "")
        else:
            reason = STALE_VERSION if row.version < version else VERSION_DIFFERS
            outcome[row.id] = ("conflict", reason)
            conflict_rows.append(
                {
                    "station_code": station_code,
                    "kind": row.kind,
                    "record_id": row.id,
                    "incoming_version": row.version,
                    "central_version": version,
                    "reason": reason,
                    "detected_at": now,
                }
            )
    _update_newer(conn, station_code, newer)
    outcome.update({row.id: ("accepted", "") for row in newer})
    if conflict_rows:
        stmt = _dialect_insert(conn, conflicts).on_conflict_do_nothing()
        conn.execute(stmt, conflict_rows)
    return outcome


def _existing(conn: Connection, ids: list[str]) -> dict[str, tuple[str, str, int, str]]:
    if not ids:
        return {}
    if conn.dialect.name == "postgresql":
        # One array parameter, not one placeholder per id: see _PG_INSERT.
        wanted = records.c.id == any_(bindparam("ids", ids, type_=postgresql.ARRAY(String)))
    else:
        wanted = records.c.id.in_(ids)
    query = select(
        records.c.id, records.c.station_code, records.c.kind, records.c.version, records.c.digest
    ).where(wanted)
    return {r.id: (r.station_code, r.kind, r.version, r.digest) for r in conn.execute(query)}


# On PostgreSQL a batch travels as one JSON parameter. A multi-row VALUES statement has ten
# placeholders per row, and psycopg parses such a long query in Python for every batch
# (it caches short queries only): that cost more than the insert itself. Each row carries
# the digest's encoding of its content as it stands (`content`): PostgreSQL takes the public
# fields from it by dropping the envelope's times and the private names (`drop`), so no
# row is encoded twice. A row without it carries `public` itself.
_PG_INSERT = text(
    f"INSERT INTO records ({_INSERTED}) "  # noqa: S608 (schema's columns)
    "SELECT r.id, r.kind, :station, r.version, r.digest, r.created_at, r.updated_at, "
    "r.deleted_at, coalesce(r.public, r.content - r.drop), r.private "
    "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id varchar, kind varchar, "
    "version integer, digest varchar, created_at timestamptz, updated_at timestamptz, "
    "deleted_at timestamptz, content jsonb, drop text[], public jsonb, private jsonb) "
    "ON CONFLICT (id) DO NOTHING"
)
# A time exactly as kiosks send it, which PostgreSQL reads as it stands; any other form
# Python accepts is sent as Python reads it.
_WIRE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00")
# What to drop from a row's content to leave its public fields, per kind, as JSON.
_DROP = {
    kind: json.dumps(["created_at", "deleted_at", *sorted(PRIVATE_FIELDS.get(kind, ()))])
    for kind in KINDS
}


def _insert_new(conn: Connection, station_code: str, rows: list[_Row], payload: str | None) -> int:
    """Insert the rows whose id central does not hold yet; returns how many it inserted."""
    if not rows:
        return 0
    if conn.dialect.name == "postgresql":
        if payload is None:  # prepared for another dialect
            payload = f"[{','.join(_pg_row(r) for r in rows)}]"
        return conn.execute(_PG_INSERT, {"rows": payload, "station": station_code}).rowcount
    stmt = _dialect_insert(conn, records).on_conflict_do_nothing(index_elements=["id"])
    return conn.execute(stmt, [r.values(station_code) for r in rows]).rowcount


def _pg_row(r: _Row) -> str:
    """The row as an element of _PG_INSERT's JSON array. Every value spliced in as text was
    validated to hold nothing JSON would escape (a usual-form UUID, a known kind, a
    number, a hex digest, a time) or is JSON already."""
    row = r.row
    fields = row["fields"]
    names = PRIVATE_FIELDS.get(r.kind)
    private = _PLAIN_ENCODER.encode({k: fields[k] for k in names if k in fields}) if names else "{}"
    created, updated, deleted = row["created_at"], row["updated_at"], row["deleted_at"]
    if not r.wire_times:
        created, updated = _pg_time(created), _pg_time(updated)
        deleted = None if deleted is None else _pg_time(deleted)
    gone = "null" if deleted is None else f'"{deleted}"'
    head = (
        f'{{"id":"{r.id}","kind":"{r.kind}","version":{r.version},"digest":"{r.digest}",'
        f'"created_at":"{created}","updated_at":"{updated}","deleted_at":{gone},'
        f'"private":{private},'
    )
    # The content would hide a field named like an envelope time: such a row sends its own.
    if r.content is None or "created_at" in fields or "deleted_at" in fields:
        public, _ = split_private(r.row)
        return f'{head}"public":{json.dumps(public, ensure_ascii=False)}}}'
    return f'{head}"drop":{_DROP[r.kind]},"content":{r.content}}}'


def _pg_time(value: str) -> str:
    if _WIRE_TIME.fullmatch(value):
        return value
    moment = _moment(value)
    assert moment is not None  # validated
    return moment.isoformat()


def _update_newer(conn: Connection, station_code: str, rows: list[_Row]) -> None:
    if not rows:
        return
    changing = ("version", "digest", "created_at", "updated_at", "deleted_at", "public", "private")
    stmt = (
        update(records)
        .where(records.c.id == bindparam("b_id"))
        .values({name: bindparam(f"b_{name}") for name in changing})
    )
    conn.execute(
        stmt,
        [
            {f"b_{k}": v for k, v in r.values(station_code).items() if k in (*changing, "id")}
            for r in rows
        ],
    )


def _dialect_insert(conn: Connection, table: Any) -> Any:
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def _names(row: Any) -> tuple[str, str, int]:
    """(kind, id, version) of any row, however malformed, for reporting it."""
    if not isinstance(row, dict):
        return "", "", 0
    version = row.get("version")
    return (
        str(row.get("kind", ""))[:32],
        str(row.get("id", ""))[:36],
        version if isinstance(version, int) and not isinstance(version, bool) else 0,
    )


def _problems(
    rows: Sequence[WireRow],
    station_code: str,
    encodings: dict[int, str] | None = None,
    sound: set[int] | None = None,
) -> list[tuple[str, str] | None]:
    """Each row's problem; an id that comes again under another kind in the same batch is
    taken by the first (only one record can hold an id). `encodings` gets, by index, the
    digest's encoding of each row the check made one for; `sound`, the index of each row
    in the form kiosks send (see `_sound_content`)."""
    found: dict[int, str] = {} if encodings is None else encodings
    usual: set[int] = set() if sound is None else sound
    problems: list[tuple[str, str] | None] = []
    for index, row in enumerate(rows):
        content = _sound_content(row, station_code)
        if content is None:
            problems.append(_problem(row, station_code, found, index))
        else:
            found[index] = content
            usual.add(index)
            problems.append(None)
    kinds: dict[str, str] = {}
    for index, row in enumerate(rows):
        if problems[index] is None and kinds.setdefault(row["id"], row["kind"]) != row["kind"]:
            problems[index] = (ID_TAKEN, f"id already sent as {kinds[row['id']]} in this batch")
    return problems


def _sound_content(row: Any, station_code: str) -> str | None:
    """The digest's encoding of a row as kiosks send it, checked in one pass; None when
    any check fails or the row is in another form (`_problem` then looks at it closely).
    A row given an encoding here is one `_problem` finds nothing wrong with."""
    if type(row) is not dict:
        return None
    kind, rid, version, fields = (
        row.get("kind"),
        row.get("id"),
        row.get("version"),
        row.get("fields"),
    )
    created, updated, deleted = row.get("created_at"), row.get("updated_at"), row.get("deleted_at")
    if not (
        type(kind) is str
        and kind in KINDS
        and type(rid) is str
        and _USUAL_UUID.fullmatch(rid)
        and type(row.get("station_code")) is str
        and row["station_code"] == station_code
        and type(fields) is dict
        and type(version) is int
        and 1 <= version <= MAX_VERSION
        and type(created) is str
        and _WIRE_TIME.fullmatch(created)
        and type(updated) is str
        and _WIRE_TIME.fullmatch(updated)
        and (deleted is None or (type(deleted) is str and _WIRE_TIME.fullmatch(deleted)))
    ):
        return None
    try:
        # Real dates and times.
        datetime.fromisoformat(created)
        datetime.fromisoformat(updated)
        if deleted is not None:
            datetime.fromisoformat(deleted)
        content = _DIGEST_ENCODER.encode({"created_at": created, "deleted_at": deleted, **fields})
    except (TypeError, ValueError):
        return None
    return None if "\\u0000" in content else content


def _problem(
    row: Any, station_code: str, encodings: dict[int, str], index: int
) -> tuple[str, str] | None:
    """Why the row cannot be accepted at all, as (reason, detail), or None."""
    detail = _malformed(row, encodings, index)
    if detail is not None:
        return MALFORMED, detail
    if row["kind"] not in KINDS:
        return UNKNOWN_KIND, f"kind {row['kind']!r} is not known to central"
    if row["station_code"] != station_code:
        return WRONG_STATION, f"row of {row['station_code']!r} pushed by {station_code!r}"
    return None


def _malformed(row: Any, encodings: dict[int, str], index: int) -> str | None:
    if not isinstance(row, dict):
        return "not an object"
    for name, kind in (("kind", str), ("id", str), ("station_code", str), ("fields", dict)):
        if not isinstance(row.get(name), kind):
            return f"{name} is missing or not {kind.__name__}"
    version = row.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= MAX_VERSION:
        return "version is not a whole number from 1"
    return _malformed_values(row, encodings, index)


def _malformed_values(row: dict[str, Any], encodings: dict[int, str], index: int) -> str | None:
    # The usual form is exactly what str(uuid.UUID(...)) gives; anything else is told apart.
    if _USUAL_UUID.fullmatch(row["id"]) is None:
        try:
            uuid.UUID(row["id"])
        except ValueError:
            return "id is not a UUID"
        return "id is not a UUID in its usual form"  # braces, urn:uuid:, capitals
    for name in ("created_at", "updated_at", "deleted_at"):
        value = row.get(name)
        if (value is not None or name != "deleted_at") and _moment(value) is None:
            return f"{name} is not an ISO 8601 time with offset"
    return _fields_problem(row, encodings, index)


def _fields_problem(row: dict[str, Any], encodings: dict[int, str], index: int) -> str | None:
    # The digest's encoding of the row holds every field: when it can be made without NaN
    # and has no escaped NUL, the fields are plain JSON without NUL, and it is kept for the
    # digest. Otherwise the fields alone decide, as below.
    try:
        content = _digest_encoding(row, allow_nan=False)
    except (TypeError, ValueError):
        pass
    else:
        if "\\u0000" not in content:
            encodings[index] = content
            return None
    try:
        encoded = json.dumps(row["fields"], allow_nan=False)
    except (TypeError, ValueError):
        return "fields are not plain JSON"
    if "\\u0000" in encoded:  # PostgreSQL's jsonb cannot hold a NUL character
        return "fields hold a NUL character"
    return None


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def content_digest(row: WireRow, encoded: str | None = None) -> str:
    """What two copies of one version must share to be the same record (`encoded`: the
    row's digest encoding, when already made)."""
    if encoded is None:
        encoded = _digest_encoding(row)
    return hashlib.sha256(encoded.encode()).hexdigest()


def _digest_encoding(row: WireRow | dict[str, Any], *, allow_nan: bool = True) -> str:
    content = {"created_at": row["created_at"], "deleted_at": row["deleted_at"], **row["fields"]}
    return json.dumps(
        content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=allow_nan
    )


# The same encoding, without NaN, made once (json.dumps makes an encoder per call).
_DIGEST_ENCODER = json.JSONEncoder(
    sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
)
_PLAIN_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _clean(row: WireRow, encoded: str | None = None) -> _Row:
    return _Row(
        kind=row["kind"],
        id=row["id"],
        version=row["version"],
        digest=content_digest(row, encoded),
        row=row,
        content=encoded,
    )


def row_values(row: WireRow) -> dict[str, Any]:
    """The records-table values of a well-formed row (admin writes: roster, quick answers)."""
    return _clean(row).values(row["station_code"])


def _parked_values(
    station_code: str, batch_id: str, row: Any, reason: str, detail: str
) -> dict[str, Any]:
    kind, rid, version = _names(row)
    return {
        "station_code": station_code,
        "batch_id": batch_id,
        "kind": kind,
        "record_id": rid,
        "version": version,
        "reason": reason,
        "detail": detail,
        "parked_at": clock.now(),
    }


def _taken(station_code: str, batch_id: str, row: _Row, now: datetime) -> dict[str, Any]:
    return {
        "station_code": station_code,
        "batch_id": batch_id,
        "kind": row.kind,
        "record_id": row.id,
        "version": row.version,
        "reason": ID_TAKEN,
        "detail": "the id belongs to a record of another station or kind",
        "parked_at": now,
    }


def pull(conn: Connection, station_code: str, after_seq: int, limit: int) -> list[Pulled]:
    """Shared rows (public fields) stamped after `after_seq`, in stamping order."""
    query = (
        select(shared_records)
        .where(shared_records.c.seq > after_seq)
        .order_by(shared_records.c.seq)
        .limit(limit)
    )
    with _transaction(conn):
        found = conn.execute(query).all()
    return [Pulled(r.seq, _wire(r)) for r in found]


def fetch(conn: Connection, station_code: str, ids: Sequence[str]) -> list[Pulled]:
    """Shared rows (public fields) by id: those a kiosk held back once and tries again, as
    its watermark has passed them."""
    if not ids:
        return []
    query = (
        select(shared_records)
        .where(shared_records.c.id.in_(list(ids)))
        .order_by(shared_records.c.seq)
    )
    with _transaction(conn):
        found = conn.execute(query).all()
    return [Pulled(r.seq, _wire(r)) for r in found]


def _wire(r: Any) -> WireRow:
    return WireRow(
        kind=r.kind,
        id=r.id,
        station_code=r.station_code,
        version=r.version,
        created_at=r.created_at.isoformat(),
        updated_at=r.updated_at.isoformat(),
        deleted_at=None if r.deleted_at is None else r.deleted_at.isoformat(),
        fields=dict(r.public),
    )


def directory(conn: Connection) -> list[tuple[str, str, str | None]]:
    """(code, name, hotline) of every registered station."""
    query = select(stations.c.code, stations.c.name, stations.c.hotline).order_by(stations.c.code)
    with _transaction(conn):
        return [(r.code, r.name, r.hotline) for r in conn.execute(query)]


def counts(conn: Connection, station_code: str) -> dict[str, int]:
    """Rows central holds per kind for the station, tombstones included (rule 6)."""
    query = (
        select(records.c.kind, func.count())
        .where(records.c.station_code == station_code)
        .group_by(records.c.kind)
    )
    with _transaction(conn):
        return {kind: int(n) for kind, n in conn.execute(query)}


def record_run(  # noqa: PLR0917 (the sync's figures, in the order it reports them)
    conn: Connection,
    station_code: str,
    started_at: datetime,
    finished_at: datetime,
    pushed: int,
    pulled: int,
    conflicts: int,
    parked: int,
) -> None:
    """Note a finished sync, for `redpost-central status`."""
    with _transaction(conn):
        conn.execute(
            insert(sync_runs).values(
                station_code=station_code,
                started_at=started_at,
                finished_at=finished_at,
                pushed=pushed,
                pulled=pulled,
                conflicts=conflicts,
                parked=parked,
            )
        )
