"""The daily report (日报) and the monthly report (月报) of a station, as A4 PDFs.

Figures from `figures.figures`, laid out with the slips' blocks in the embedded CJK font:
key figures, a chart of inquiries by category (and, for a month, of each day), the
volunteers' hours, escalations still open and items due for the police. Paper carries no
personal data of visitors: numbers typed into a question are masked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer
from sqlalchemy.orm import Session

from station import clock
from station.audit.redact import scrub
from station.models import FoundItem, Inquiry
from station.reports import charts
from station.reports.figures import Figures, figures, trace_records
from station.reports.period import Period
from station.services.lostfound import due_date
from station.slips import blocks, font, render
from station.slips.paper import PAPERS
from station.vocab import ESCALATION_LEVELS, INQUIRY_CATEGORIES, INQUIRY_STATUSES, ITEM_CATEGORIES

A4 = PAPERS["a4"]
WEEKDAYS = "一二三四五六日"
QUESTION_SHOWN = 60


@dataclass(frozen=True)
class Report:
    kind: str  # "daily", "monthly" or "hours"
    title: str  # e.g. "恩江古城红驿站 日报 2026-11-30": window titles and file names
    pdf: bytes


def percent(share: float | None) -> str:
    return "-" if share is None else f"{share * 100:.1f}%"


def side_by_side(pairs: Sequence[tuple[str, str]]) -> list[list[str]]:
    """(label, value) pairs as a four-column table: the first half left, the rest right."""
    half = (len(pairs) + 1) // 2
    return [
        [*pairs[n], *(pairs[n + half] if n + half < len(pairs) else ("", ""))] for n in range(half)
    ]


def number(value: float) -> str:
    return f"{value:g}"


def daily_report(session: Session, period: Period) -> Report:
    return _report(session, figures(session, period), "daily")


def monthly_report(session: Session, period: Period) -> Report:
    return _report(session, figures(session, period), "monthly")


def _report(session: Session, data: Figures, kind: str) -> Report:
    name = font.register()
    s = blocks.styles(A4, name)
    heading = "日报" if kind == "daily" else "月报"
    when = data.period.label
    if kind == "daily":
        when += f"（星期{WEEKDAYS[data.period.first.weekday()]}）"
    flowables: list[Flowable] = [
        *blocks.heading(s, data.station_name, f"{heading}", when),
        blocks.text(
            f"站点 {data.station_code}　生成于 {clock.local_date(data.made_at)} "
            f"{data.made_at.astimezone(clock.LOCAL_TZ):%H:%M}",
            s.small,
        ),
        Spacer(0, 6),
        *_key_figures(s, data),
        *_inquiries(s, data, name),
    ]
    if kind == "monthly":
        flowables += _by_day(s, data, name)
    flowables += _volunteers(s, data)
    flowables += _escalations(s, session, data)
    flowables += _due(s, session, data)
    flowables += blocks.signature_line(s, "站长签字")
    title = f"{data.station_name} {heading} {data.period.label}"
    pdf, _ = render.pdf(A4, flowables, title=title, author=data.station_name, font=name)
    return Report(kind=kind, title=title, pdf=pdf)


def _section(s: blocks.Styles, title: str) -> list[Flowable]:
    return [CondPageBreak(80), Spacer(0, 8), blocks.text(title, s.label), blocks.rule(s)]


def _key_figures(s: blocks.Styles, d: Figures) -> list[Flowable]:
    median = "-" if d.median_resolve_minutes is None else f"{number(d.median_resolve_minutes)} 分钟"
    pairs = [
        ("咨询求助", f"{d.inquiries.value} 件"),
        ("当场解决", f"{d.resolved_on_spot.value} 件（{percent(d.on_spot_share)}）"),
        ("办结用时中位数", median),
        ("未结上报事项", f"{d.open_escalations.value} 件"),
        ("服务志愿者", f"{len(d.volunteers)} 人，{d.shifts.value} 班次"),
        ("服务时长", f"{number(d.hours.value)} 小时"),
        ("拾获登记", f"{d.found_registered.value} 件"),
        ("已归还（本期拾获）", f"{d.found_returned.value} 件（归还率 {percent(d.return_rate)}）"),
        ("本期归还", f"{d.returns.value} 件"),
        ("失物登记", f"{d.lost_registered.value} 件"),
        ("待移交公安", f"{d.due_for_handover.value} 件"),
    ]
    rows = side_by_side(pairs)
    return [
        *_section(s, "主要数据"),
        blocks.grid(s, ["项目", "数值", "项目", "数值"], rows, [0.2, 0.3, 0.2, 0.3]),
    ]


def _inquiries(s: blocks.Styles, d: Figures, name: str) -> list[Flowable]:
    labels = [INQUIRY_CATEGORIES[c][0] for c in d.by_category]
    values = [float(c.value) for c in d.by_category.values()]
    chart = charts.bars_across(labels, values, width=A4.frame_width, font=name, unit=" 件")
    status_rows = [
        [INQUIRY_STATUSES[code][0], str(count.value), percent(_of(count.value, d.inquiries.value))]
        for code, count in d.by_status.items()
    ]
    return [
        *_section(s, "咨询求助按类别（件）"),
        chart,
        KeepTogether(
            [
                Spacer(0, 6),
                blocks.text("按处理结果", s.label),
                blocks.grid(s, ["处理结果", "件数", "占比"], status_rows, [0.4, 0.3, 0.3]),
            ]
        ),
    ]


def _of(part: int, whole: int) -> float | None:
    return None if whole == 0 else part / whole


def _by_day(s: blocks.Styles, d: Figures, name: str) -> list[Flowable]:
    days = [str(day.day) for day in d.period.days]
    inquiries = [float(c.value) for c in d.inquiries_by_day.values()]
    hours = list(d.hours_by_day.values())
    return [
        *_section(s, "每日咨询求助（件）"),
        charts.bars_up(days, inquiries, width=A4.frame_width, font=name),
        *_section(s, "每日服务时长（小时）"),
        charts.bars_up(days, hours, width=A4.frame_width, font=name),
    ]


def _volunteers(s: blocks.Styles, d: Figures) -> list[Flowable]:
    if not d.volunteers:
        return [*_section(s, "志愿者服务时长"), blocks.text("本期无签到记录。", s.body)]
    people = sorted(d.volunteers, key=lambda v: (-v.hours.value, v.name, v.badge_code))
    rows = [
        [
            v.name,
            v.badge_code,
            v.team,
            str(v.shifts),
            number(v.hours.value),
            "；".join(f"{post} {number(h.value)}" for post, h in v.by_post.items()),
        ]
        for v in people
    ]
    rows.append(["合计", "", "", str(d.shifts.value), number(d.hours.value), ""])
    posts = [[post, number(h.value)] for post, h in d.hours_by_post.items()]
    return [
        *_section(s, f"志愿者服务时长（{len(d.volunteers)} 人）"),
        blocks.grid(
            s,
            ["姓名", "胸卡编号", "队伍", "班次", "时长（小时）", "各点位（小时）"],
            rows,
            [0.12, 0.16, 0.16, 0.07, 0.15, 0.34],
        ),
        Spacer(0, 6),
        blocks.grid(s, ["点位", "时长（小时）"], posts, [0.6, 0.4]),
    ]


def _escalations(s: blocks.Styles, session: Session, d: Figures) -> list[Flowable]:
    title = f"未结上报事项（{d.open_escalations.value} 件）"
    found = trace_records(session, d.open_escalations.trace)
    if not found:
        return [*_section(s, title), blocks.text("无。", s.body)]
    rows: list[Sequence[str]] = []
    for record in found:
        assert isinstance(record, Inquiry)
        level = ESCALATION_LEVELS.get(record.escalation_level or 0, ("", ""))[0]
        question = scrub(" ".join(record.question.split()))
        if len(question) > QUESTION_SHOWN:
            question = question[:QUESTION_SHOWN] + "…"
        rows.append(
            [
                record.ticket_no,
                f"{clock.local_date(record.created_at)}",
                INQUIRY_CATEGORIES.get(record.category, (record.category,))[0],
                level,
                question,
            ]
        )
    return [
        *_section(s, title),
        blocks.grid(
            s, ["单号", "登记日期", "类别", "上报至", "事项"], rows, [0.2, 0.13, 0.12, 0.17, 0.38]
        ),
    ]


def _due(s: blocks.Styles, session: Session, d: Figures) -> list[Flowable]:
    title = f"到期待移交公安的物品（{d.due_for_handover.value} 件，截至 {d.period.last}）"
    found = trace_records(session, d.due_for_handover.trace)
    if not found:
        return [*_section(s, title), blocks.text("无。", s.body)]
    rows: list[Sequence[str]] = []
    for item in found:
        assert isinstance(item, FoundItem)
        rows.append(
            [
                item.item_no,
                f"{clock.local_date(item.found_at)}",
                ITEM_CATEGORIES.get(item.category, (item.category,))[0],
                " ".join(item.description.split())[:QUESTION_SHOWN],
                f"{due_date(item)}",
            ]
        )
    return [
        *_section(s, title),
        blocks.grid(
            s,
            ["物品编号", "拾获日期", "类别", "描述", "到期日"],
            rows,
            [0.22, 0.13, 0.13, 0.39, 0.13],
        ),
    ]
