"""Exports as tables (inquiries, shifts with hours, lost and found, volunteer hours), ready
for `sheets.write` as XLSX or CSV.

Exporting is a lead's task and goes into the audit trail. Personal data (visitors' and
claimants' names and phones, ID digits) is masked unless the caller asks for whole values,
which only a lead may.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station import access, audit, clock
from station.models import FoundItem, Inquiry, ItemReturn, LostReport, Shift, SyncRecord
from station.privacy import Shown
from station.reports.figures import shift_seconds
from station.reports.period import Period
from station.rows import local_time
from station.services import station as station_service
from station.vocab import (
    EXPORT_KINDS,
    FOUND_ITEM_STATUSES,
    ID_TYPES,
    INQUIRY_CATEGORIES,
    INQUIRY_STATUSES,
    ITEM_CATEGORIES,
    LOST_REPORT_STATUSES,
    label,
)

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    key: str  # stable name: the CSV file's suffix when an export has several tables
    name: str  # the sheet's name, in the export's language
    header: tuple[str, ...]
    rows: list[tuple[Cell, ...]]


@dataclass(frozen=True)
class Export:
    kind: str
    station_code: str
    period: Period
    tables: list[Table]

    @property
    def row_count(self) -> int:
        return sum(len(t.rows) for t in self.tables)


# (zh, en) header of each column, then how its value is made from a record.
Column = tuple[tuple[str, str], Callable[[Any, Shown, str, datetime], Cell]]


def _yes(flag: bool, lang: str) -> str:
    if not flag:
        return ""
    return "是" if lang.startswith("zh") else "yes"


def _hours_of(shift: Shift, now: datetime) -> float:
    return round(shift_seconds(shift, now) / 3600, 2)


INQUIRY_COLUMNS: tuple[Column, ...] = (
    (("单号", "Ticket"), lambda i, s, lang, now: i.ticket_no),
    (("登记时间", "Logged at"), lambda i, s, lang, now: local_time(i.created_at)),
    (("类别", "Category"), lambda i, s, lang, now: label(INQUIRY_CATEGORIES, i.category, lang)),
    (("状态", "Status"), lambda i, s, lang, now: label(INQUIRY_STATUSES, i.status, lang)),
    (("问题", "Question"), lambda i, s, lang, now: i.question),
    (("答复", "Answer"), lambda i, s, lang, now: i.answer or ""),
    (("经办志愿者", "Handled by"), lambda i, s, lang, now: i.handler.name if i.handler else ""),
    (("点位", "Post"), lambda i, s, lang, now: i.post.name if i.post else ""),
    (("访客姓名", "Visitor"), lambda i, s, lang, now: s.name(i.visitor_name)),
    (("访客电话", "Visitor phone"), lambda i, s, lang, now: s.phone(i.visitor_phone)),
    (("转办单位", "Referred to"), lambda i, s, lang, now: i.referral_unit or ""),
    (("上报级别", "Escalation level"), lambda i, s, lang, now: i.escalation_level),
    (("办结时间", "Closed at"), lambda i, s, lang, now: local_time(i.closed_at)),
    (
        ("办结用时（分钟）", "Minutes to resolve"),
        lambda i, s, lang, now: (
            None if i.resolve_seconds is None else round(i.resolve_seconds / 60, 1)
        ),
    ),
)

SHIFT_COLUMNS: tuple[Column, ...] = (
    (("签到时间", "Check-in"), lambda r, s, lang, now: local_time(r.check_in_at)),
    (("签退时间", "Check-out"), lambda r, s, lang, now: local_time(r.check_out_at)),
    (("时长（小时）", "Hours"), lambda r, s, lang, now: _hours_of(r, now)),
    (("胸卡编号", "Badge"), lambda r, s, lang, now: r.volunteer.badge_code),
    (("志愿者", "Volunteer"), lambda r, s, lang, now: r.volunteer.name),
    (("所属队伍", "Team"), lambda r, s, lang, now: r.volunteer.team or ""),
    (("点位", "Post"), lambda r, s, lang, now: r.post.name),
    (("自动签退", "Closed by the day close"), lambda r, s, lang, now: _yes(r.auto_closed, lang)),
)

FOUND_COLUMNS: tuple[Column, ...] = (
    (("物品编号", "Item no."), lambda f, s, lang, now: f.item_no),
    (("拾获时间", "Found at"), lambda f, s, lang, now: local_time(f.found_at)),
    (("类别", "Category"), lambda f, s, lang, now: label(ITEM_CATEGORIES, f.category, lang)),
    (("物品描述", "Description"), lambda f, s, lang, now: f.description),
    (("颜色", "Colour"), lambda f, s, lang, now: f.colour or ""),
    (("拾获地点", "Found place"), lambda f, s, lang, now: f.found_place),
    (("存放位置", "Stored at"), lambda f, s, lang, now: f.storage_place or ""),
    (("状态", "Status"), lambda f, s, lang, now: label(FOUND_ITEM_STATUSES, f.status, lang)),
    (("拾获人", "Finder"), lambda f, s, lang, now: s.name(f.finder_name)),
    (("拾获人电话", "Finder phone"), lambda f, s, lang, now: s.phone(f.finder_phone)),
)

LOST_COLUMNS: tuple[Column, ...] = (
    (("登记编号", "Report no."), lambda r, s, lang, now: r.report_no),
    (("丢失时间", "Lost at"), lambda r, s, lang, now: local_time(r.lost_at)),
    (("类别", "Category"), lambda r, s, lang, now: label(ITEM_CATEGORIES, r.category, lang)),
    (("物品描述", "Description"), lambda r, s, lang, now: r.description),
    (("颜色", "Colour"), lambda r, s, lang, now: r.colour or ""),
    (("丢失地点", "Lost place"), lambda r, s, lang, now: r.lost_place),
    (("联系人", "Contact"), lambda r, s, lang, now: s.name(r.contact_name)),
    (("联系电话", "Contact phone"), lambda r, s, lang, now: s.phone(r.contact_phone)),
    (("状态", "Status"), lambda r, s, lang, now: label(LOST_REPORT_STATUSES, r.status, lang)),
)

RETURN_COLUMNS: tuple[Column, ...] = (
    (("物品编号", "Item no."), lambda r, s, lang, now: r.found_item.item_no),
    (("归还时间", "Returned at"), lambda r, s, lang, now: local_time(r.returned_at)),
    (("物品描述", "Description"), lambda r, s, lang, now: r.found_item.description),
    (("领取人", "Claimant"), lambda r, s, lang, now: s.name(r.claimant_name)),
    (("证件类型", "ID type"), lambda r, s, lang, now: label(ID_TYPES, r.id_type, lang)),
    (
        ("证件后四位", "ID last 4"),
        lambda r, s, lang, now: r.id_last4 if s.whole else "****",
    ),
    (("经办志愿者", "Handed over by"), lambda r, s, lang, now: r.handler.name if r.handler else ""),
)

HOURS_HEADER = (
    ("日期", "Date"),
    ("胸卡编号", "Badge"),
    ("志愿者", "Volunteer"),
    ("所属队伍", "Team"),
    ("点位", "Posts"),
    ("班次", "Shifts"),
    ("时长（小时）", "Hours"),
    ("站点", "Station"),
)

SHEET_NAMES: dict[str, tuple[str, str]] = {
    "inquiries": ("咨询求助", "Inquiries"),
    "shifts": ("签到记录", "Shifts"),
    "found_items": ("拾获物品", "Found items"),
    "lost_reports": ("失物登记", "Lost reports"),
    "returns": ("归还记录", "Returns"),
    "volunteer_hours": ("志愿服务时长", "Volunteer hours"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang.startswith("zh") else pair[1]


def export(
    session: Session, kind: str, period: Period, *, whole: bool = False, lang: str = "zh_CN"
) -> Export:
    """This station's records of `kind` over `period`, oldest first, as tables.

    A lead's task, recorded in the audit trail. `whole` gives personal data unmasked.
    """
    access.require_lead(session, "export")
    if kind not in EXPORT_KINDS:
        raise ValueError(f"unknown export kind {kind}")
    station = station_service.current(session)
    start, end = period.bounds()
    now = clock.now()
    shown = Shown(whole=whole)

    def own(model: type[SyncRecord], moment: Any) -> list[Any]:
        query = (
            select(model)
            .where(
                model.station_code == station.code,
                model.deleted_at.is_(None),
                moment >= start,
                moment < end,
            )
            .order_by(moment, model.pk)
        )
        return list(session.scalars(query))

    def table(name: str, columns: Sequence[Column], moment: Any) -> Table:
        records = own(moment.class_, moment)
        return Table(
            key=name,
            name=_pick(SHEET_NAMES[name], lang),
            header=tuple(_pick(head, lang) for head, _ in columns),
            rows=[tuple(make(r, shown, lang, now) for _, make in columns) for r in records],
        )

    if kind == "inquiries":
        tables = [table("inquiries", INQUIRY_COLUMNS, Inquiry.created_at)]
    elif kind == "shifts":
        tables = [table("shifts", SHIFT_COLUMNS, Shift.check_in_at)]
    elif kind == "lost-and-found":
        tables = [
            table("found_items", FOUND_COLUMNS, FoundItem.created_at),
            table("lost_reports", LOST_COLUMNS, LostReport.created_at),
            table("returns", RETURN_COLUMNS, ItemReturn.returned_at),
        ]
    else:
        tables = [_hours_table(own(Shift, Shift.check_in_at), station.code, lang, now)]
    made = Export(kind=kind, station_code=station.code, period=period, tables=tables)
    audit.record(
        session,
        "export",
        {
            "what": kind,
            "from": period.first.isoformat(),
            "to": period.last.isoformat(),
            "rows": made.row_count,
            "whole": whole,
        },
    )
    return made


def _hours_table(shifts: Sequence[Shift], station_code: str, lang: str, now: datetime) -> Table:
    """One row per volunteer per local day: their posts, shifts and hours."""
    days: dict[tuple[str, str], list[Shift]] = {}
    for shift in shifts:
        key = (clock.local_date(shift.check_in_at).isoformat(), shift.volunteer_id)
        days.setdefault(key, []).append(shift)
    rows: list[tuple[Cell, ...]] = []
    for (day, _), own in sorted(
        days.items(), key=lambda item: (item[0][0], item[1][0].volunteer.name)
    ):
        person = own[0].volunteer
        posts = "、".join(sorted({s.post.name for s in own}))
        hours = round(sum(shift_seconds(s, now) for s in own) / 3600, 2)
        rows.append(
            (
                day,
                person.badge_code,
                person.name,
                person.team or "",
                posts,
                len(own),
                hours,
                station_code,
            )
        )
    return Table(
        key="volunteer_hours",
        name=_pick(SHEET_NAMES["volunteer_hours"], lang),
        header=tuple(_pick(head, lang) for head in HOURS_HEADER),
        rows=rows,
    )
