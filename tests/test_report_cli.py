"""`redpost report` and `redpost export`: the lead's PIN, the files written, one-line errors,
and figures that agree with `redpost list`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from station import reports
from station.models import AuditEntry
from station.store import open_store
from tests.report_data import DAY, EXPECTED, fill
from tests.test_cli import LEAD, PIN, assert_one_line_error, redpost
from tests.test_reports import pdf_text


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("reports") / "data"
    made = redpost(
        data,
        "init",
        "--station",
        "YF01",
        "--name",
        "YF01 红驿站",
        "--post",
        "古戏台广场",
        *LEAD,
        pin=PIN,
    )
    assert made.returncode == 0, made.stderr
    with open_store(data) as store:
        fill(store, set_up=False)
    return data


def test_the_figures_agree_with_list(folder: Path) -> None:
    listed = redpost(folder, "list", "inquiries", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    with open_store(folder) as store, store.reading() as session:
        f = reports.figures(session, reports.day(DAY))
    of_day = [r for r in rows if r["created_at"].startswith("2026-11-30")]
    assert [r["id"] for r in of_day] == list(f.inquiries.trace.ids)
    for code, count in f.by_status.items():
        assert count.value == sum(1 for r in of_day if r["status"] == code)
        assert list(count.trace.ids) == [r["id"] for r in of_day if r["status"] == code]
        assert count.value == EXPECTED["by_status"][code]
    on_spot = [r["id"] for r in of_day if r["resolve_seconds"] == 0]
    assert on_spot == list(f.resolved_on_spot.trace.ids)
    shifts = json.loads(redpost(folder, "list", "shifts", "--json").stdout)
    of_day_shifts = [s for s in shifts if s["check_in_at"].startswith("2026-11-30")]
    assert [s["id"] for s in of_day_shifts] == list(f.shifts.trace.ids)
    assert sum(s["hours"] for s in of_day_shifts) == f.hours.value == EXPECTED["hours"]


def test_reports_are_written_with_the_lead_s_pin(folder: Path, tmp_path: Path) -> None:
    daily, monthly, hours = tmp_path / "d.pdf", tmp_path / "m.pdf", tmp_path / "h.pdf"
    done = redpost(folder, "report", "daily", "--date", "2026-11-30", "--out", str(daily), pin=PIN)
    assert done.returncode == 0, done.stderr
    assert str(daily) in done.stdout
    assert "6 件" in pdf_text(daily.read_bytes())
    done = redpost(
        folder, "report", "monthly", "--month", "2026-11", "--out", str(monthly), pin=PIN
    )
    assert done.returncode == 0, done.stderr
    assert "月报" in pdf_text(monthly.read_bytes())
    done = redpost(
        folder,
        "report",
        "hours",
        "--volunteer",
        "yf01-0102",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        str(hours),
        pin=PIN,
    )
    assert done.returncode == 0, done.stderr
    assert "服务时长共计 5.25 小时" in pdf_text(hours.read_bytes())  # 3 + 2.25
    with open_store(folder) as store, store.reading() as session:
        printed = session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "print"))
        assert [json.loads(detail) for detail in printed][-3:] == [
            {"slip": "daily", "number": "2026-11-30", "to": str(daily)},
            {"slip": "monthly", "number": "2026-11", "to": str(monthly)},
            {"slip": "hours", "number": "YF01-0102 2026-11", "to": str(hours)},
        ]


def test_an_export_with_the_pin(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "shifts.xlsx"
    args = ("export", "shifts", "--format", "xlsx", "--from", "2026-11-30", "--to", "2026-11-30")
    done = redpost(folder, *args, "--out", str(out), pin=PIN)
    assert done.returncode == 0, done.stderr
    sheet = load_workbook(out).active
    assert sheet is not None
    assert sheet.max_row == 1 + EXPECTED["shifts"]


@pytest.mark.parametrize(
    "args",
    [
        ("report", "monthly", "--month", "2026-13"),
        ("report", "daily", "--date", "30/11/2026"),
        ("report", "hours", "--volunteer", "NOBODY", "--from", "2026-11-01", "--to", "2026-11-30"),
        ("export", "shifts", "--format", "csv", "--from", "2026-11-30", "--to", "2026-11-01"),
        ("export", "shifts", "--format", "csv", "--from", "2020-01-01", "--to", "2026-11-01"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    folder: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    out = tmp_path / "out.file"
    result = redpost(folder, *args, "--out", str(out), pin=PIN)
    assert_one_line_error(result)
    assert list(tmp_path.iterdir()) == []


def test_without_the_pin_nothing_is_written(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.pdf"
    result = redpost(
        folder, "report", "daily", "--date", "2026-11-30", "--out", str(out), pin="0000"
    )
    assert_one_line_error(result)
    assert not out.exists()
