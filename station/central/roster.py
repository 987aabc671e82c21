"""The county roster from a CSV file: every line checked first, then all written or none.

A volunteer is a record owned by their home station, matched by badge code, so importing
the same file twice changes nothing and a changed line becomes the record's next version.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from station import clock, validation
from station.central.admin import station_codes, store
from station.central.schema import records
from station.errors import InvalidInput, StationError
from station.messages import render
from station.models import new_id
from station.sync.wire import WireRow

COLUMNS = ("badge_code", "name", "phone", "team", "home_station", "is_party_member")
YES = {"是", "党员", "y", "yes", "true", "1"}
NO = {"否", "", "n", "no", "false", "0"}
MAX_SHOWN = 10


class RosterErrors(StationError):
    """Every bad line of the file, each with its line number."""

    def __init__(self, errors: list[tuple[int, StationError]]) -> None:
        self.errors = errors
        super().__init__("central_csv_line", line=errors[0][0], reason="")

    def message(self, lang: str = "zh_CN") -> str:
        shown = [
            render("central_csv_line", lang, line=line, reason=error.message(lang))
            for line, error in self.errors[:MAX_SHOWN]
        ]
        more = len(self.errors) - MAX_SHOWN
        return " ".join(shown) + (f" (+{more})" if more > 0 else "")


@dataclass(frozen=True)
class Imported:
    added: int
    changed: int
    same: int


def read(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) of every data line; Excel's UTF-8 with BOM is fine."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise InvalidInput("central_csv_columns", columns=",".join(missing))
            return [(reader.line_num, dict(row)) for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InvalidInput("central_csv_unreadable", reason=str(exc)) from exc


def _party(value: str | None) -> bool:
    cleaned = (value or "").strip().lower()
    if cleaned in YES:
        return True
    if cleaned in NO:
        return False
    raise InvalidInput("not_yes_no", "is_party_member")


def _clean(row: dict[str, Any], known: set[str]) -> dict[str, Any]:
    home = validation.station_code(row.get("home_station"))
    if home not in known:
        raise InvalidInput("central_unknown_station", "home_station", station=home)
    return {
        "name": validation.required_text("name", row.get("name"), max_len=40),
        "phone": validation.phone("phone", row.get("phone") or None),
        "team": validation.text("team", row.get("team"), required=False, max_len=40),
        "badge_code": validation.badge_code(row.get("badge_code")),
        "is_party_member": _party(row.get("is_party_member")),
        "home_station": home,
        "active": True,
    }


def validate(conn: Connection, lines: list[tuple[int, dict[str, str]]]) -> list[dict[str, Any]]:
    known = station_codes(conn)
    clean: list[dict[str, Any]] = []
    errors: list[tuple[int, StationError]] = []
    first_line: dict[str, int] = {}
    for line, row in lines:
        try:
            fields = _clean(row, known)
        except StationError as exc:
            errors.append((line, exc))
            continue
        badge = fields["badge_code"]
        if badge in first_line:
            errors.append(
                (line, InvalidInput("central_csv_duplicate", badge=badge, first=first_line[badge]))
            )
        first_line.setdefault(badge, line)
        clean.append(fields)
    if errors:
        raise RosterErrors(errors)
    return clean


def import_volunteers(conn: Connection, path: Path) -> Imported:
    """Check the whole file, then add or update every volunteer in it (caller's transaction)."""
    wanted = validate(conn, read(path))
    by_badge = {
        r.public.get("badge_code"): r
        for r in conn.execute(
            select(records).where(records.c.kind == "volunteers", records.c.deleted_at.is_(None))
        )
    }
    added = changed = 0
    now = clock.now().isoformat()
    for fields in wanted:
        old = by_badge.get(fields["badge_code"])
        if old is None:
            _write(conn, new_id(), 1, created=now, updated=now, fields=fields)
            added += 1
            continue
        merged = {**old.public, **old.private, **fields}
        if merged == {**old.public, **old.private} and old.station_code == fields["home_station"]:
            continue
        _write(
            conn,
            old.id,
            old.version + 1,
            created=old.created_at.isoformat(),
            updated=now,
            fields=merged,
        )
        changed += 1
    return Imported(added, changed, len(wanted) - added - changed)


def _write(
    conn: Connection, rid: str, version: int, *, created: str, updated: str, fields: dict[str, Any]
) -> None:
    store(
        conn,
        WireRow(
            kind="volunteers",
            id=rid,
            station_code=fields["home_station"],
            version=version,
            created_at=created,
            updated_at=updated,
            deleted_at=None,
            fields=fields,
        ),
    )
