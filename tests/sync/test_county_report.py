"""`redpost-central report`: two stations' hand-built days synced to central (SQLite and the
real PostgreSQL), summed per station and for the county from public fields only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from station.reports import county, period
from station.sync.run import sync
from tests.report_data import fill
from tests.sync.conftest import Central, KioskFactory

CENTRAL = str(Path(sys.executable).with_name("redpost-central"))

# One station's November, from tests/report_data.py: the day and the day before.
STATION = {
    "inquiries": 7,
    "resolved_on_spot": 1,
    "median_resolve_minutes": 30.0,
    "open_escalations": 2,
    "volunteers": 2,
    "shifts": 4,
    "hours": 10.75,
    "found_registered": 3,
    "found_returned": 1,
    "returns": 1,
    "lost_registered": 1,
}


def _figures(m: county.StationMonth) -> dict[str, object]:
    return {key: getattr(m, key) for key in STATION}


def test_the_county_report_sums_every_station(
    central: Central, kiosk: KioskFactory, tmp_path: Path
) -> None:
    for code in ("YF01", "YF02"):
        store = kiosk(code)
        fill(store, code, set_up=False)
        assert not sync(store).mismatches
    engine = central.admin()
    with engine.connect() as conn:
        report = county.county_month(conn, period.month("2026-11"))
    engine.dispose()
    assert [m.code for m in report.stations] == ["YF01", "YF02"]
    for month in report.stations:
        assert _figures(month) == STATION
        assert month.by_status == {"open": 1, "resolved": 3, "referred": 1, "escalated": 2}
        assert {p.name: p.hours for p in month.people} == {"张三": 5.5, "李四": 5.25}
    total = _figures(report.total)
    assert total == {
        **{k: v * 2 for k, v in STATION.items()},
        "median_resolve_minutes": 30.0,
    }
    assert report.total.by_category["complaint"] == 4
    assert report.total.return_rate == round(2 / 6, 4)

    xlsx, pdf = tmp_path / "county.xlsx", tmp_path / "county.pdf"
    for out in (xlsx, pdf):
        done = subprocess.run(
            [
                CENTRAL,
                "--url",
                central.admin_url,
                "report",
                "--month",
                "2026-11",
                "--out",
                str(out),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    book = load_workbook(xlsx)
    assert book.sheetnames == ["全县合计 2026-11", "YF01 YF01 红驿站", "YF02 YF02 红驿站"]
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert [r[0] for r in rows] == ["站点", "YF01", "YF02", "合计"]
    assert [r[2] for r in rows[1:]] == [7, 7, 14]
    assert [r[9] for r in rows[1:]] == [10.75, 10.75, 21.5]
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "全县月报" in text
    assert "YF02 YF02 红驿站" in text
    assert "21.5 小时" in text
    # Public fields only: no visitor's, finder's or claimant's name or phone.
    for private in ("赵六", "王五", "13812345678", "13912345678"):
        assert private not in text


def test_a_bad_month_or_file_is_one_line(central: Central, tmp_path: Path) -> None:
    for month, name in (("2026-13", "x.xlsx"), ("2026-11", "x.txt")):
        done = subprocess.run(
            [
                CENTRAL,
                "--url",
                central.admin_url,
                "report",
                "--month",
                month,
                "--out",
                str(tmp_path / name),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 1
        assert len(done.stderr.strip().splitlines()) == 1
    assert list(tmp_path.glob("x.*")) == []
