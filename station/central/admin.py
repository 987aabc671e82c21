"""What the county office does at central: register stations, publish quick answers, and
look at every station's syncs, parked rows and conflicts. Runs as the admin role."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from station import clock, validation
from station.central import roles
from station.central.errors import CentralError
from station.central.exchange import row_values
from station.central.schema import conflicts, parked, records, stations, sync_runs
from station.models import new_id
from station.sync.wire import CENTRAL_CODE, WireRow
from station.vocab import INQUIRY_CATEGORIES, code_of

QUESTION_MAX = 200
ANSWER_MAX = 1000


def add_station(
    conn: Connection, code: object, name: object, hotline: object = None
) -> tuple[str, str] | None:
    """Register a station; on PostgreSQL also its login role: (role, password), else None."""
    clean_code = validation.station_code(code)
    clean_name = validation.required_text("station_name", name, max_len=60)
    clean_hotline = validation.phone("phone", hotline, service=True)
    if conn.scalar(select(stations.c.code).where(stations.c.code == clean_code)) is not None:
        raise CentralError("central_station_exists", station=clean_code)
    login: tuple[str, str] | None = None
    if conn.dialect.name == "postgresql":
        role = roles.station_role(conn, clean_code)
        if roles.role_exists(conn, role):
            raise CentralError("central_role_exists", role=role)
        login = roles.create_station_role(conn, clean_code)
    conn.execute(
        insert(stations).values(
            code=clean_code,
            name=clean_name,
            hotline=clean_hotline,
            role_name=None if login is None else login[0],
            registered_at=clock.now(),
        )
    )
    return login


def station_codes(conn: Connection) -> set[str]:
    return set(conn.scalars(select(stations.c.code)))


def store(conn: Connection, row: WireRow) -> None:
    """Write a record made at central (new, or a newer version of one already there)."""
    values = row_values(row)
    exists = conn.scalar(select(records.c.id).where(records.c.id == row["id"]))
    if exists is None:
        conn.execute(insert(records).values(values))
    else:
        conn.execute(update(records).where(records.c.id == row["id"]).values(values))


def add_faq(conn: Connection, question: object, answer: object, category: object = "other") -> str:
    """A quick answer owned by central, which every station pulls; returns the question."""
    clean_question = validation.required_text("question", question, max_len=QUESTION_MAX)
    clean_answer = validation.required_text("answer", answer, max_len=ANSWER_MAX, multiline=True)
    clean_category = code_of("category", category, INQUIRY_CATEGORIES)
    now = clock.now().isoformat()
    store(
        conn,
        WireRow(
            kind="faqs",
            id=new_id(),
            station_code=CENTRAL_CODE,
            version=1,
            created_at=now,
            updated_at=now,
            deleted_at=None,
            fields={
                "category": clean_category,
                "question": clean_question,
                "answer": clean_answer,
                "sort_order": 0,
            },
        ),
    )
    return clean_question


def status(conn: Connection) -> list[dict[str, Any]]:
    """Per station: its last sync and what central holds of it."""
    held: dict[str, dict[str, int]] = {}
    for code, kind, n in conn.execute(
        select(records.c.station_code, records.c.kind, func.count()).group_by(
            records.c.station_code, records.c.kind
        )
    ):
        held.setdefault(code, {})[kind] = int(n)
    report = []
    for station in conn.execute(select(stations).order_by(stations.c.code)):
        last = conn.execute(
            select(sync_runs)
            .where(sync_runs.c.station_code == station.code)
            .order_by(sync_runs.c.finished_at.desc())
            .limit(1)
        ).first()
        report.append(
            {
                "code": station.code,
                "name": station.name,
                "hotline": station.hotline,
                "last_sync": None if last is None else last.finished_at.isoformat(),
                "last_run": None
                if last is None
                else {
                    "pushed": last.pushed,
                    "pulled": last.pulled,
                    "conflicts": last.conflicts,
                    "parked": last.parked,
                },
                "records": held.get(station.code, {}),
                "parked": _count(conn, parked, station.code),
                "conflicts": _count(conn, conflicts, station.code),
            }
        )
    return report


def _count(conn: Connection, table: Any, code: str) -> int:
    return int(
        conn.scalar(select(func.count()).select_from(table).where(table.c.station_code == code))
        or 0
    )


def problems(conn: Connection) -> list[dict[str, Any]]:
    """Parked and conflicting records of every station, newest first, with their reasons."""
    found: list[dict[str, Any]] = [
        {
            "type": "parked",
            "station_code": r.station_code,
            "kind": r.kind,
            "record_id": r.record_id,
            "version": r.version,
            "reason": r.reason,
            "detail": r.detail,
            "at": r.parked_at.isoformat(),
        }
        for r in conn.execute(select(parked))
    ]
    found += [
        {
            "type": "conflict",
            "station_code": r.station_code,
            "kind": r.kind,
            "record_id": r.record_id,
            "version": r.incoming_version,
            "central_version": r.central_version,
            "reason": r.reason,
            "detail": f"incoming version {r.incoming_version}, central {r.central_version}",
            "at": r.detected_at.isoformat(),
        }
        for r in conn.execute(select(conflicts))
    ]
    return sorted(found, key=lambda p: p["at"], reverse=True)
