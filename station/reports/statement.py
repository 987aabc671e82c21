"""A volunteer's service-hours statement (志愿服务时长证明) over a period, as an A4 PDF:
who (name, badge, team), where (the station), each day's posts and hours, the total, and a
line for the lead's signature and the station's seal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from station import clock
from station.models import Shift
from station.reports.documents import A4, Report, number
from station.reports.figures import shift_seconds
from station.reports.period import Period
from station.services import roster
from station.services import station as station_service
from station.slips import blocks, font, render


@dataclass(frozen=True)
class ServiceDay:
    day: date
    posts: tuple[str, ...]
    shifts: int
    hours: float


@dataclass(frozen=True)
class ServiceHours:
    """One volunteer's hours at this station over a period, day by day."""

    volunteer_id: str
    name: str
    badge_code: str
    team: str
    station_code: str
    station_name: str
    period: Period
    days: list[ServiceDay]
    hours: float  # rounded once from the whole, not a sum of the rounded days
    shift_ids: tuple[str, ...]


def service_hours(session: Session, volunteer: object, period: Period) -> ServiceHours:
    """The volunteer's shifts at this station checked in during `period`, by day."""
    person = roster.get(session, volunteer)
    station = station_service.current(session)
    start, end = period.bounds()
    shifts = list(
        session.scalars(
            select(Shift)
            .where(
                Shift.station_code == station.code,
                Shift.deleted_at.is_(None),
                Shift.volunteer_id == person.id,
                Shift.check_in_at >= start,
                Shift.check_in_at < end,
            )
            .order_by(Shift.check_in_at, Shift.pk)
        )
    )
    now = clock.now()
    by_day: dict[date, list[Shift]] = {}
    for shift in shifts:
        by_day.setdefault(clock.local_date(shift.check_in_at), []).append(shift)
    days = [
        ServiceDay(
            day=day,
            posts=tuple(dict.fromkeys(s.post.name for s in own)),
            shifts=len(own),
            hours=round(sum(shift_seconds(s, now) for s in own) / 3600, 2),
        )
        for day, own in by_day.items()
    ]
    return ServiceHours(
        volunteer_id=person.id,
        name=person.name,
        badge_code=person.badge_code,
        team=person.team or "",
        station_code=station.code,
        station_name=station.name,
        period=period,
        days=days,
        hours=round(sum(shift_seconds(s, now) for s in shifts) / 3600, 2),
        shift_ids=tuple(s.id for s in shifts),
    )


def hours_statement(session: Session, volunteer: object, period: Period) -> Report:
    data = service_hours(session, volunteer, period)
    name = font.register()
    s = blocks.styles(A4, name)
    team = f"，{data.team}" if data.team else ""
    body = (
        f"兹证明 {data.name}（胸卡编号 {data.badge_code}{team}）于 {data.period.first} 至 "
        f"{data.period.last} 期间在{data.station_name}（站点 {data.station_code}）参加志愿服务，"
        f"累计服务 {len(data.days)} 天、{sum(d.shifts for d in data.days)} 班次，"
        f"服务时长共计 {number(data.hours)} 小时。"
    )
    rows = [[f"{d.day}", "、".join(d.posts), str(d.shifts), number(d.hours)] for d in data.days]
    rows.append(["合计", "", str(sum(d.shifts for d in data.days)), number(data.hours)])
    flowables: list[Flowable] = [
        *blocks.heading(s, data.station_name, "志愿服务时长证明", data.period.label),
        blocks.facts(
            s,
            [
                ("姓名", data.name),
                ("胸卡编号", data.badge_code),
                ("所属队伍", data.team),
                ("服务站点", f"{data.station_name}（{data.station_code}）"),
                ("服务期间", f"{data.period.first} 至 {data.period.last}"),
                ("服务时长合计", f"{number(data.hours)} 小时"),
            ],
        ),
        Spacer(0, 10),
        blocks.text(body, s.body),
        blocks.text("特此证明。", s.body),
        Spacer(0, 10),
        blocks.grid(s, ["日期", "服务点位", "班次", "时长（小时）"], rows, [0.2, 0.5, 0.12, 0.18]),
        Spacer(0, 6),
        blocks.text("时长按签到、签退时间计算；未签退的班次计至签到当日结束。", s.small),
        *blocks.signature_line(s, "站长签字"),
        *blocks.signature_line(s, "出具日期"),
        Spacer(0, 6),
        blocks.text(f"{data.station_name}（盖章）", s.body),
    ]
    title = f"志愿服务时长证明 {data.name} {data.period.label}"
    pdf, _ = render.pdf(A4, flowables, title=title, author=data.station_name, font=name)
    return Report(kind="hours", title=title, pdf=pdf)
