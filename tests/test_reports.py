"""Reports (issue 7): a station's figures on a hand-built day, the records behind each, the
PDFs read back as text, and the exports read back (XLSX with openpyxl, CSV as Excel would)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from station import access, reports
from station.errors import Denied, InvalidInput
from station.models import AuditEntry
from station.reports import documents, sheets, statement, tables
from station.store import Store
from tests.report_data import DAY, EXPECTED, fill


@pytest.fixture
def day_store(store: Store) -> tuple[Store, dict[str, str]]:
    return store, fill(store)


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_day_s_figures_are_the_ones_worked_out_by_hand(
    day_store: tuple[Store, dict[str, str]],
) -> None:
    store, _ = day_store
    with store.reading() as session:
        f = reports.figures(session, reports.day("2026-11-30"))
    got = {
        "inquiries": f.inquiries.value,
        "by_category": {k: v.value for k, v in f.by_category.items()},
        "by_status": {k: v.value for k, v in f.by_status.items()},
        "resolved_on_spot": f.resolved_on_spot.value,
        "on_spot_share": f.on_spot_share,
        "median_resolve_minutes": f.median_resolve_minutes,
        "open_escalations": f.open_escalations.value,
        "volunteers": len(f.volunteers),
        "shifts": f.shifts.value,
        "hours": f.hours.value,
        "hours_by_post": {k: v.value for k, v in f.hours_by_post.items()},
        "person_hours": {v.name: v.hours.value for v in f.volunteers},
        "found_registered": f.found_registered.value,
        "found_returned": f.found_returned.value,
        "return_rate": f.return_rate,
        "returns": f.returns.value,
        "lost_registered": f.lost_registered.value,
        "due_for_handover": f.due_for_handover.value,
    }
    assert got == EXPECTED
    assert f.volunteers[0].by_post == {
        "古戏台广场": reports.Hours(4.0, f.volunteers[0].by_post["古戏台广场"].trace),
        "驼背桥": reports.Hours(1.5, f.volunteers[0].by_post["驼背桥"].trace),
    }


def test_each_figure_opens_the_records_behind_it(day_store: tuple[Store, dict[str, str]]) -> None:
    store, ids = day_store
    with store.reading() as session:
        f = reports.figures(session, reports.day(DAY))
        escalations = reports.trace_rows(session, f.open_escalations.trace, "zh_CN")
        complaints = reports.trace_rows(session, f.by_category["complaint"].trace, "zh_CN")
        on_spot = reports.trace_records(session, f.resolved_on_spot.trace)
        due = reports.trace_rows(session, f.due_for_handover.trace, "zh_CN")
        returned = reports.trace_rows(session, f.returns.trace, "zh_CN")
    assert [r["id"] for r in escalations] == [ids["i5"], ids["i7"]]  # newest first, as listed
    assert {r["status"] for r in escalations} == {"escalated"}
    assert [r["id"] for r in complaints] == [ids["i5"], ids["i4"]]
    assert [r.id for r in on_spot] == [ids["i1"]]
    assert [r["id"] for r in due] == [ids["f0"]]
    assert [r["id"] for r in returned] == [ids["r1"]]
    assert set(f.hours_by_post["驼背桥"].trace.ids) <= set(f.shifts.trace.ids)


def test_a_month_spans_its_days(day_store: tuple[Store, dict[str, str]]) -> None:
    store, _ = day_store
    with store.reading() as session:
        f = reports.figures(session, reports.month("2026-11"))
    assert len(f.inquiries_by_day) == 30
    assert f.inquiries.value == 7  # yesterday's escalated one too
    assert f.inquiries_by_day[DAY].value == 6
    assert f.hours_by_day[DAY] == 7.75
    assert f.hours.value == 10.75  # with yesterday's 3 hours
    assert f.found_registered.value == 3


@pytest.mark.parametrize(
    ("make", "value", "code"),
    [
        (reports.month, "2026-13", "not_month"),
        (reports.month, "November", "not_month"),
        (reports.day, "2026-11-31", "not_date"),
    ],
)
def test_a_bad_day_or_month_is_refused(make: object, value: str, code: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        make(value)  # type: ignore[operator]
    assert refused.value.code == code


def test_a_span_runs_forward_and_a_year_at_most() -> None:
    with pytest.raises(InvalidInput):
        reports.span("2026-11-30", "2026-11-01")
    with pytest.raises(InvalidInput):
        reports.span("2025-01-01", "2026-11-30")
    assert reports.span("2026-11-01", "2026-11-30") == reports.month("2026-11")


def test_the_daily_report_prints_the_day_s_figures(
    day_store: tuple[Store, dict[str, str]], tmp_path: Path
) -> None:
    store, _ = day_store
    with store.reading() as session:
        made = documents.daily_report(session, reports.day(DAY))
    text = pdf_text(made.pdf)
    for expected in (
        "YF01 红驿站",
        "日报",
        "2026-11-30",
        "咨询求助",
        "6 件",
        "1 件（16.7%）",
        "30 分钟",
        "7.75 小时",
        "张三",
        "5.5",
        "归还率 50.0%",
        "站长签字",
    ):
        assert expected in text, expected
    path = tmp_path / "daily.pdf"
    path.write_bytes(made.pdf)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    # Only the CJK font, embedded: no Helvetica from a chart's labels.
    assert rows
    assert all(" yes yes " in row for row in rows), fonts.stdout


def test_the_monthly_report_and_the_hours_statement(
    day_store: tuple[Store, dict[str, str]],
) -> None:
    store, _ = day_store
    with store.reading() as session:
        monthly = pdf_text(documents.monthly_report(session, reports.month("2026-11")).pdf)
        hours = statement.hours_statement(
            session, "YF01-0101", reports.span("2026-11-01", "2026-11-30")
        )
    assert "月报" in monthly
    assert "每日咨询求助" in monthly
    assert "10.75 小时" in monthly
    text = pdf_text(hours.pdf)
    for expected in ("志愿服务时长证明", "张三", "YF01-0101", "党员先锋队", "2026-11-30", "5.5"):
        assert expected in text, expected
    assert "服务时长共计 5.5 小时" in text
    assert "站长签字" in text


def _csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_exports_neutralise_formulas_and_mask_personal_data(
    day_store: tuple[Store, dict[str, str]], tmp_path: Path
) -> None:
    store, _ = day_store
    with store.transaction() as session:
        made = tables.export(session, "lost-and-found", reports.day(DAY))
        xlsx = sheets.write(tmp_path / "lf.xlsx", made.tables, "xlsx")
        written = sheets.write(tmp_path / "lf.csv", made.tables, "csv")
        asked = tables.export(session, "inquiries", reports.day(DAY))
        sheets.write(tmp_path / "inq.csv", asked.tables, "csv")
    assert xlsx == [tmp_path / "lf.xlsx"]
    assert [p.name for p in written] == [
        "lf-found_items.csv",
        "lf-lost_reports.csv",
        "lf-returns.csv",
    ]
    book = load_workbook(tmp_path / "lf.xlsx")
    assert book.sheetnames == ["拾获物品", "失物登记", "归还记录"]
    found = list(book["拾获物品"].iter_rows(values_only=True))
    assert found[0][:4] == ("物品编号", "拾获时间", "类别", "物品描述")
    described = {row[3] for row in found[1:]}
    assert "'=1+1 白色手机" in described  # text, not a formula
    assert all(book["拾获物品"].cell(r, 4).data_type == "s" for r in range(2, len(found) + 1))
    phones = [row[9] for row in found[1:] if row[9]]
    assert phones == ["139****5678"]
    claimants = [row[3] for row in book["归还记录"].iter_rows(min_row=2, values_only=True)]
    assert claimants == ["'@**"]  # masked to the first character, and quoted

    rows = _csv(tmp_path / "lf-found_items.csv")
    assert "'=1+1 白色手机" in {r[3] for r in rows[1:]}
    answers = {r[5] for r in _csv(tmp_path / "inq.csv")[1:]}
    assert '\'=HYPERLINK("x")' in answers
    assert len(_csv(tmp_path / "inq.csv")) == 1 + EXPECTED["inquiries"]


def test_whole_values_only_when_asked(
    day_store: tuple[Store, dict[str, str]], tmp_path: Path
) -> None:
    store, _ = day_store
    with store.transaction() as session:
        made = tables.export(session, "lost-and-found", reports.day(DAY), whole=True)
    returns = made.tables[2].rows
    assert returns[0][3] == "@赵六"
    assert returns[0][5] == "1234"
    sheets.write(tmp_path / "r.xlsx", made.tables, "xlsx")
    cell = load_workbook(tmp_path / "r.xlsx")["归还记录"]["D2"].value
    assert cell == "'@赵六"


def test_an_export_is_a_lead_s_task_and_is_audited(
    day_store: tuple[Store, dict[str, str]],
) -> None:
    store, ids = day_store
    store.actor = access.Actor(access.VOLUNTEER, "李四", ids["b"])
    with pytest.raises(Denied), store.transaction() as session:
        tables.export(session, "shifts", reports.day(DAY))
    store.actor = access.Actor(access.LEAD, "张三", ids["a"])
    with store.transaction() as session:
        made = tables.export(session, "volunteer-hours", reports.day(DAY))
    with store.reading() as session:
        entry = session.query(AuditEntry).filter_by(action="export").one()
        detail = json.loads(entry.detail)
    assert entry.actor == ids["a"]
    assert detail["what"] == "volunteer-hours"
    assert detail["rows"] == 2
    assert made.tables[0].rows == [
        ("2026-11-30", "YF01-0101", "张三", "党员先锋队", "古戏台广场、驼背桥", 2, 5.5, "YF01"),
        ("2026-11-30", "YF01-0102", "李四", "", "驼背桥", 1, 2.25, "YF01"),
    ]


def test_shifts_export_has_hours(day_store: tuple[Store, dict[str, str]]) -> None:
    store, _ = day_store
    with store.transaction() as session:
        made = tables.export(session, "shifts", reports.day(DAY), lang="en")
    header, rows = made.tables[0].header, made.tables[0].rows
    assert header[:3] == ("Check-in", "Check-out", "Hours")
    assert [r[2] for r in rows] == [4.0, 2.25, 1.5]
    assert sum(r[2] for r in rows) == EXPECTED["hours"]  # type: ignore[misc]
