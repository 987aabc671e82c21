"""The county-wide monthly report as an A4 PDF: the total first, a table of every station,
then a section per station with its figures and a chart of inquiries by category."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from station import clock
from station.reports import charts
from station.reports.county import TOTAL_CODE, CountyMonth, StationMonth
from station.reports.documents import A4, number, percent, side_by_side
from station.slips import blocks, font, render
from station.vocab import INQUIRY_CATEGORIES, INQUIRY_STATUSES, label

PEOPLE_SHOWN = 30


def county_pdf(report: CountyMonth) -> bytes:
    name = font.register()
    s = blocks.styles(A4, name)
    made = report.made_at.astimezone(clock.LOCAL_TZ)
    flowables: list[Flowable] = [
        *blocks.heading(s, "红驿站", "全县月报", report.period.label),
        blocks.text(f"{len(report.stations)} 个站点　生成于 {made:%Y-%m-%d %H:%M}", s.small),
        *_station(s, report.total, name),
        Spacer(0, 8),
        blocks.text("各站点", s.label),
        blocks.rule(s),
        blocks.grid(
            s,
            ["站点", "咨询", "当场解决率", "未结上报", "志愿者", "时长（小时）", "拾获", "归还率"],
            [
                [
                    f"{m.code} {m.name}",
                    str(m.inquiries),
                    percent(m.on_spot_share),
                    str(m.open_escalations),
                    str(m.volunteers),
                    number(m.hours),
                    str(m.found_registered),
                    percent(m.return_rate),
                ]
                for m in [*report.stations, report.total]
            ],
            [0.24, 0.09, 0.11, 0.1, 0.09, 0.13, 0.09, 0.15],
        ),
    ]
    for m in report.stations:
        flowables += [PageBreak(), *_station(s, m, name), *_people(s, m)]
    title = f"全县月报 {report.period.label}"
    pdf, _ = render.pdf(A4, flowables, title=title, author="红驿站", font=name)
    return pdf


def _station(s: blocks.Styles, m: StationMonth, name: str) -> list[Flowable]:
    median = "-" if m.median_resolve_minutes is None else f"{number(m.median_resolve_minutes)} 分钟"
    pairs = [
        ("咨询求助", f"{m.inquiries} 件"),
        ("当场解决", f"{m.resolved_on_spot} 件（{percent(m.on_spot_share)}）"),
        ("办结用时中位数", median),
        ("未结上报事项", f"{m.open_escalations} 件"),
        ("服务志愿者", f"{m.volunteers} 人，{m.shifts} 班次"),
        ("服务时长", f"{number(m.hours)} 小时"),
        ("拾获登记", f"{m.found_registered} 件"),
        ("已归还（本月拾获）", f"{m.found_returned} 件（归还率 {percent(m.return_rate)}）"),
        ("本月归还", f"{m.returns} 件"),
        ("失物登记", f"{m.lost_registered} 件"),
    ]
    rows = side_by_side(pairs)
    statuses = "；".join(f"{label(INQUIRY_STATUSES, c)} {n}" for c, n in m.by_status.items())
    return [
        Spacer(0, 8),
        blocks.text(f"{m.code} {m.name}" if m.code != TOTAL_CODE else "全县合计", s.label),
        blocks.rule(s),
        blocks.grid(s, ["项目", "数值", "项目", "数值"], rows, [0.2, 0.3, 0.2, 0.3]),
        Spacer(0, 6),
        blocks.text(f"咨询求助按类别（件）　按处理结果：{statuses}", s.small),
        charts.bars_across(
            [label(INQUIRY_CATEGORIES, c) for c in m.by_category],
            [float(n) for n in m.by_category.values()],
            width=A4.frame_width,
            font=name,
            unit=" 件",
        ),
    ]


def _people(s: blocks.Styles, m: StationMonth) -> list[Flowable]:
    if not m.people:
        return []
    shown = m.people[:PEOPLE_SHOWN]
    more = len(m.people) - len(shown)
    rows = [[p.name, p.badge_code, str(p.shifts), number(p.hours)] for p in shown]
    note = [blocks.text(f"另有 {more} 人，见 XLSX。", s.small)] if more > 0 else []
    return [
        Spacer(0, 6),
        blocks.text(f"志愿者服务时长（{m.volunteers} 人）", s.label),
        blocks.grid(s, ["姓名", "胸卡编号", "班次", "时长（小时）"], rows, [0.3, 0.3, 0.2, 0.2]),
        *note,
    ]
