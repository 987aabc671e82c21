"""`redpost slip`: a slip of any record written as PDF from the command line."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.test_cli import PIN, assert_one_line_error, redpost


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    assert redpost(folder, "demo", "--days", "3", "--seed", "3").returncode == 0
    return folder


def first_number(folder: Path, kind: str, column: str) -> str:
    listed = redpost(folder, "list", kind, "--json", "--limit", "1")
    assert listed.returncode == 0, listed.stderr
    number: str = json.loads(listed.stdout)[0][column]
    return number


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()


@pytest.mark.parametrize(
    "case",
    [
        ("--inquiry", "inquiries", "ticket_no", "单"),
        ("--found", "found_items", "item_no", "拾获物品标签"),
        ("--lost", "lost_reports", "report_no", "失物登记回执"),
        ("--return", "returns", "item_no", "物品归还回执"),
    ],
)
def test_slip_writes_the_pdf_of_each_kind(
    demo_dir: Path, tmp_path: Path, case: tuple[str, str, str, str]
) -> None:
    flag, kind, column, title = case
    number = first_number(demo_dir, kind, column)
    out = tmp_path / "slip.pdf"
    result = redpost(demo_dir, "slip", flag, number, "--out", str(out), "--paper", "58mm", pin=PIN)
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    text = pdf_text(out)
    assert number in text
    assert title in text


def test_slip_errors_are_one_line_and_change_nothing(demo_dir: Path, tmp_path: Path) -> None:
    before = redpost(demo_dir, "stats", "--json").stdout
    missing = redpost(
        demo_dir,
        "slip",
        "--inquiry",
        "YF01-20000101-0001",
        "--out",
        str(tmp_path / "a.pdf"),
        pin=PIN,
    )
    assert_one_line_error(missing)
    assert "YF01-20000101-0001" in missing.stderr
    assert not (tmp_path / "a.pdf").exists()
    number = first_number(demo_dir, "inquiries", "ticket_no")
    unwritable = redpost(
        demo_dir, "slip", "--inquiry", number, "--out", str(tmp_path / "no" / "a.pdf"), pin=PIN
    )
    assert_one_line_error(unwritable)
    bad_paper = redpost(demo_dir, "slip", "--inquiry", number, "--out", "x.pdf", "--paper", "b5")
    assert bad_paper.returncode == 2
    two_kinds = redpost(demo_dir, "slip", "--inquiry", number, "--found", number, "--out", "x.pdf")
    assert two_kinds.returncode == 2
    assert redpost(demo_dir, "stats", "--json").stdout == before
