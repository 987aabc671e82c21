"""The county-wide monthly report from central (`redpost-central report`): every station's
figures from the `records` table, public fields only, one sheet or section per station and
a total. The same rules as a station's own figures (`figures.figures`): inquiries by the
day they were logged, shifts by check-in, an open shift counted to the end of its day."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from station import clock
from station.central.schema import records, stations
from station.reports.period import Period
from station.sync.codec import parse_time
from station.sync.wire import CENTRAL_CODE
from station.vocab import INQUIRY_CATEGORIES, INQUIRY_STATUSES, label

TOTAL_CODE = "合计"


@dataclass(frozen=True)
class Served:
    name: str
    badge_code: str
    shifts: int
    hours: float


@dataclass(frozen=True)
class StationMonth:
    code: str
    name: str
    inquiries: int
    by_category: dict[str, int]
    by_status: dict[str, int]
    resolved_on_spot: int
    median_resolve_minutes: float | None
    open_escalations: int
    volunteers: int
    shifts: int
    hours: float
    found_registered: int
    found_returned: int
    returns: int
    lost_registered: int
    people: list[Served]

    @property
    def on_spot_share(self) -> float | None:
        return None if not self.inquiries else round(self.resolved_on_spot / self.inquiries, 4)

    @property
    def return_rate(self) -> float | None:
        if not self.found_registered:
            return None
        return round(self.found_returned / self.found_registered, 4)


@dataclass(frozen=True)
class CountyMonth:
    period: Period
    stations: list[StationMonth]
    total: StationMonth
    made_at: datetime


@dataclass
class _Rows:
    """One station's public rows that count for the month."""

    inquiries: list[dict[str, Any]]
    escalated: list[dict[str, Any]]
    shifts: list[dict[str, Any]]
    found: list[dict[str, Any]]
    lost: list[dict[str, Any]]
    returns: list[dict[str, Any]]


def _in(moment: object, start: datetime, end: datetime) -> bool:
    try:
        parsed = parse_time(moment)
    except ValueError:
        return False
    return parsed is not None and start <= parsed < end


def county_month(conn: Connection, period: Period) -> CountyMonth:
    """Every registered station's figures for `period`, and their total."""
    start, end = period.bounds()
    now = clock.now()
    public = records.c.public
    live = and_(records.c.deleted_at.is_(None), records.c.station_code != CENTRAL_CODE)
    in_month = and_(records.c.created_at >= start, records.c.created_at < end)
    query = select(records.c.kind, records.c.station_code, records.c.created_at, public).where(
        live,
        or_(
            and_(records.c.kind.in_(("inquiries", "found_items", "lost_reports")), in_month),
            and_(
                records.c.kind == "inquiries",
                records.c.created_at < end,
                public["status"].as_string() == "escalated",
            ),
            # Times inside `public` are ISO strings in UTC: filtered again below, exactly.
            records.c.kind.in_(("shifts", "item_returns")),
        ),
    )
    names: dict[str, str] = {
        code: name for code, name in conn.execute(select(stations.c.code, stations.c.name))
    }
    rows: dict[str, _Rows] = {code: _Rows([], [], [], [], [], []) for code in names}
    for kind, code, created, fields in conn.execute(query):
        own = rows.setdefault(code, _Rows([], [], [], [], [], []))
        logged = start <= created < end
        if kind == "inquiries":
            if logged:
                own.inquiries.append(fields)
            if fields.get("status") == "escalated":
                own.escalated.append(fields)
        elif kind == "found_items":
            own.found.append(fields)
        elif kind == "lost_reports":
            own.lost.append(fields)
        elif kind == "shifts" and _in(fields.get("check_in_at"), start, end):
            own.shifts.append(fields)
        elif kind == "item_returns" and _in(fields.get("returned_at"), start, end):
            own.returns.append(fields)
    people = _people(conn)
    months = [
        _summary(code, names.get(code, code), own, people, now)
        for code, own in sorted(rows.items())
    ]
    every = _Rows(
        *(
            [row for own in rows.values() for row in getattr(own, part)]
            for part in ("inquiries", "escalated", "shifts", "found", "lost", "returns")
        )
    )
    total = _summary(TOTAL_CODE, "全县", every, people, now)
    return CountyMonth(period=period, stations=months, total=total, made_at=now)


def _people(conn: Connection) -> dict[str, tuple[str, str]]:
    """Volunteer id -> (name, badge code), from the roster's public fields."""
    found = conn.execute(
        select(records.c.id, records.c.public).where(records.c.kind == "volunteers")
    )
    return {
        rid: (str(fields.get("name") or ""), str(fields.get("badge_code") or ""))
        for rid, fields in found
    }


def _shift_seconds(fields: dict[str, Any], now: datetime) -> float:
    begin = parse_time(fields.get("check_in_at"))
    if begin is None:
        return 0.0
    finish = parse_time(fields.get("check_out_at"))
    if finish is None:
        finish = min(now, clock.day_bounds(clock.local_date(begin))[1])
    return max((finish - begin).total_seconds(), 0.0)


def _count(values: Iterable[Any], keys: Iterable[str]) -> dict[str, int]:
    counted = dict.fromkeys(keys, 0)
    for value in values:
        counted[str(value)] = counted.get(str(value), 0) + 1
    return counted


def _summary(
    code: str, name: str, rows: _Rows, people: dict[str, tuple[str, str]], now: datetime
) -> StationMonth:
    spent = [
        int(f["resolve_seconds"]) for f in rows.inquiries if f.get("resolve_seconds") is not None
    ]
    per_person: dict[str, list[float]] = {}
    for shift in rows.shifts:
        per_person.setdefault(str(shift.get("volunteer_id")), []).append(_shift_seconds(shift, now))
    served = [
        Served(
            name=people.get(vid, ("", ""))[0],
            badge_code=people.get(vid, ("", ""))[1],
            shifts=len(seconds),
            hours=round(sum(seconds) / 3600, 2),
        )
        for vid, seconds in per_person.items()
    ]
    return StationMonth(
        code=code,
        name=name,
        inquiries=len(rows.inquiries),
        by_category=_count((f.get("category") for f in rows.inquiries), INQUIRY_CATEGORIES),
        by_status=_count((f.get("status") for f in rows.inquiries), INQUIRY_STATUSES),
        resolved_on_spot=sum(1 for s in spent if s == 0),
        median_resolve_minutes=round(statistics.median(spent) / 60, 1) if spent else None,
        open_escalations=len(rows.escalated),
        volunteers=len(per_person),
        shifts=len(rows.shifts),
        hours=round(sum(_shift_seconds(s, now) for s in rows.shifts) / 3600, 2),
        found_registered=len(rows.found),
        found_returned=sum(1 for f in rows.found if f.get("status") == "returned"),
        returns=len(rows.returns),
        lost_registered=len(rows.lost),
        people=sorted(served, key=lambda p: (-p.hours, p.name, p.badge_code)),
    )


def _percent(share: float | None) -> str:
    return "" if share is None else f"{share * 100:.1f}%"


SUMMARY_HEADER = (
    "站点",
    "名称",
    "咨询求助",
    "当场解决",
    "当场解决率",
    "办结用时中位数（分钟）",
    "未结上报",
    "服务志愿者",
    "班次",
    "服务时长（小时）",
    "拾获登记",
    "已归还（本月拾获）",
    "归还率",
    "本月归还",
    "失物登记",
)


def summary_row(m: StationMonth) -> list[Any]:
    return [
        m.code,
        m.name,
        m.inquiries,
        m.resolved_on_spot,
        _percent(m.on_spot_share),
        m.median_resolve_minutes,
        m.open_escalations,
        m.volunteers,
        m.shifts,
        m.hours,
        m.found_registered,
        m.found_returned,
        _percent(m.return_rate),
        m.returns,
        m.lost_registered,
    ]


def write_xlsx(report: CountyMonth, path: Path) -> None:
    """A total sheet (one row per station and the total), then one sheet per station."""
    from station.reports.sheets import write_xlsx as write_tables
    from station.reports.tables import Table

    tables = [
        Table(
            key="total",
            name=f"全县合计 {report.period.label}",
            header=SUMMARY_HEADER,
            rows=[tuple(summary_row(m)) for m in [*report.stations, report.total]],
        )
    ]
    for m in report.stations:
        rows: list[tuple[Any, ...]] = [
            (head, value) for head, value in zip(SUMMARY_HEADER, summary_row(m), strict=True)
        ]
        rows += [(f"类别：{label(INQUIRY_CATEGORIES, c)}", n) for c, n in m.by_category.items()]
        rows += [(f"结果：{label(INQUIRY_STATUSES, c)}", n) for c, n in m.by_status.items()]
        rows.append(("", None))
        rows.append(("志愿者（姓名 / 胸卡 / 班次 / 小时）", None))
        rows += [(p.name, f"{p.badge_code} / {p.shifts} / {p.hours:g}") for p in m.people]
        tables.append(
            Table(key=m.code, name=f"{m.code} {m.name}", header=("项目", "数值"), rows=rows)
        )
    write_tables(path, tables)
