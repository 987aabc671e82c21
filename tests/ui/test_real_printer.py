"""A real printer: slips go through the app's Qt print path to CUPS's `PDF` printer (cups-pdf),
and the PDF it writes holds the slip. The print path sends pictures of the pages, so what
reached the paper is read the way a visitor's phone reads it: the QR code, scanned off the
printed page at a thermal printer's 203 dpi, names the ticket and the station.
installer/cups-pdf.sh sets the printer up (.ci/run runs it). Without CUPS these tests skip,
except in CI (env CI set), where they must run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from station.models import Inquiry
from station.slips import Slip, make_slip
from ui.printing import PrintError, available_printers, print_pdf
from ui.worker import Worker

PRINTER = "PDF"
CONF = Path("/etc/cups/cups-pdf.conf")
WAIT_S = 30
PPD = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"


def _why_no_printer() -> str | None:
    if shutil.which("lpstat") is None or not CONF.exists():
        return "CUPS with cups-pdf is not installed (run installer/cups-pdf.sh)"
    if PRINTER not in available_printers():
        return f"CUPS has no printer {PRINTER!r} (run installer/cups-pdf.sh)"
    return None


@pytest.fixture
def cups_pdf(qapp: object) -> None:
    reason = _why_no_printer()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must print for real: {reason}")
        pytest.skip(reason)


def output_folder() -> Path:
    """Where cups-pdf writes, from its `Out` setting (${HOME} is the printing user's home)."""
    folder = "${HOME}/PDF"
    for line in CONF.read_text(encoding="utf-8").splitlines():
        if line.startswith("Out "):
            folder = line.split(None, 1)[1].strip()
    return Path(folder.replace("${HOME}", str(Path.home())).replace("${USER}", _user()))


def _user() -> str:
    return os.environ.get("USER") or Path.home().name


def is_whole_pdf(path: Path) -> bool:
    result = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=False)
    return result.returncode == 0


def scanned(path: Path) -> str:
    """The QR code on the printed page, as a phone camera would read it."""
    if shutil.which("zbarimg") is None:
        pytest.fail("zbarimg (zbar-tools) is missing: installer/debian-deps.sh installs it")
    png = path.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", "203", "-gray", "-singlefile", "-png", str(path), str(png)],
        check=True,
    )
    done = subprocess.run(
        ["zbarimg", "--raw", "-q", str(png) + ".png"], capture_output=True, text=True, check=False
    )
    Path(str(png) + ".png").unlink()
    return done.stdout.strip()


def wait_for_output(tag: str) -> Path:
    """The PDF cups-pdf wrote for the job titled `tag` (its file name carries the title)."""
    folder = output_folder()
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if folder.is_dir():
            for path in folder.glob(f"*{tag}*.pdf"):
                # cups-pdf writes the file in place: wait until it reads as a whole PDF.
                if is_whole_pdf(path):
                    return path
        time.sleep(0.3)
    raise AssertionError(f"no output PDF for job {tag} in {folder} after {WAIT_S} s")


def page_size_mm(path: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    found = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout)
    assert found is not None, info.stdout
    return float(found[1]) * 25.4 / 72, float(found[2]) * 25.4 / 72


def dark_share(path: Path) -> float:
    """Share of dark pixels on the first page: the picture of the slip was printed too."""
    png = path.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", "40", "-gray", "-f", "1", "-l", "1", "-png", str(path), str(png)],
        check=True,
    )
    from PySide6.QtGui import QImage

    made = sorted(png.parent.glob(png.name + "*.png"))
    image = QImage(str(made[0]))
    for extra in made:
        extra.unlink()
    dark = sum(
        image.pixelColor(x, y).lightness() < 128
        for y in range(image.height())
        for x in range(image.width())
    )
    return dark / (image.width() * image.height())


@pytest.fixture
def slip_80mm(demo_worker: Worker) -> Slip:
    with demo_worker.store.reading() as session:
        ticket = session.scalars(select(Inquiry.ticket_no).order_by(Inquiry.ticket_no)).first()
        return make_slip(session, "inquiry", ticket, "80mm")


@pytest.fixture
def printed_files() -> Iterator[list[Path]]:
    made: list[Path] = []
    yield made
    for path in made:
        path.unlink(missing_ok=True)


def test_a_slip_prints_on_the_cups_pdf_printer(
    cups_pdf: None, slip_80mm: Slip, printed_files: list[Path]
) -> None:
    tag = f"redpost-test-{uuid.uuid4().hex[:10]}"
    used = print_pdf(slip_80mm.pdf, slip_80mm.width_mm, slip_80mm.height_mm, PRINTER, title=tag)
    assert used == PRINTER
    output = wait_for_output(tag)
    printed_files.append(output)
    assert scanned(output) == f"REDPOST:YF01:{slip_80mm.number}"
    width, height = page_size_mm(output)
    assert width == pytest.approx(80, abs=0.5)  # the roll's own size, not A4 or Letter
    assert height == pytest.approx(slip_80mm.height_mm, abs=0.5)
    assert dark_share(output) > 0.02


def test_the_cli_print_path_works_without_a_window(
    cups_pdf: None, demo_worker: Worker, printed_files: list[Path], tmp_path: Path
) -> None:
    """`print_from_cli` makes its own Qt application, in a process that has none."""
    tag = f"redpost-cli-{uuid.uuid4().hex[:10]}"
    with demo_worker.store.reading() as session:
        ticket = session.scalars(select(Inquiry.ticket_no)).first()
        slip = make_slip(session, "inquiry", ticket, "a4")
    source = tmp_path / "slip.pdf"
    source.write_bytes(slip.pdf)
    script = (
        "import sys; from pathlib import Path; from station.slips import Slip; "
        "from ui.printing import print_from_cli; "
        "pdf = Path(sys.argv[1]).read_bytes(); "
        "print(print_from_cli(Slip('inquiry', 'x', 'a4', 210, 297, pdf, sys.argv[2]), 'PDF'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(source), tag],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == PRINTER
    output = wait_for_output(tag)
    printed_files.append(output)
    assert scanned(output) == f"REDPOST:YF01:{slip.number}"
    width, height = page_size_mm(output)
    assert width == pytest.approx(210, abs=0.5)
    assert height == pytest.approx(297, abs=0.5)


def test_a_printer_that_is_not_there_is_named(cups_pdf: None, slip_80mm: Slip) -> None:
    with pytest.raises(PrintError) as raised:
        print_pdf(slip_80mm.pdf, 80, slip_80mm.height_mm, "No-such-printer", title="x")
    assert raised.value.code == "printer_missing"
    assert "No-such-printer" in raised.value.message("zh_CN")


@pytest.fixture
def paused_printer(cups_pdf: None) -> Iterator[str]:
    """A second cups-pdf queue, stopped, as a printer that is switched off or jammed."""
    name = f"redpost-paused-{uuid.uuid4().hex[:8]}"
    subprocess.run(
        ["lpadmin", "-p", name, "-v", "cups-pdf:/", "-E", "-P", PPD],
        check=True,
        capture_output=True,
    )
    try:
        subprocess.run(["cupsdisable", name], check=True, capture_output=True)
        yield name
    finally:
        subprocess.run(["lpadmin", "-x", name], check=False, capture_output=True)


def test_a_stopped_printer_is_refused_before_printing(paused_printer: str, slip_80mm: Slip) -> None:
    with pytest.raises(PrintError) as raised:
        print_pdf(slip_80mm.pdf, 80, slip_80mm.height_mm, paused_printer, title="x")
    assert raised.value.code == "printer_offline"
    assert "记录已保存" in raised.value.message("zh_CN")
