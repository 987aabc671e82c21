"""The print preview and the desks' print buttons: what a volunteer sees and what gets printed.

The printer itself is replaced here by a recorder (a real CUPS printer is used in
test_real_printer.py); the store, the slips and the rendering are real.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from station.models import AuditEntry, FoundItem, Inquiry
from station.slips import default_paper
from ui import i18n
from ui.desks.inquiry import InquiryDesk
from ui.desks.lostfound import LostFoundDesk
from ui.preview import REMEMBERED_PRINTER, SlipPreview
from ui.printing import PrintError, print_pdf
from ui.worker import Worker


class Recorder:
    """Stands in for the printer: remembers each job."""

    def __init__(self) -> None:
        self.jobs: list[dict[str, Any]] = []

    def __call__(self, pdf: bytes, width: float, height: float, name: str, **kw: Any) -> str:
        self.jobs.append({"pdf": pdf, "width": width, "height": height, "name": name, **kw})
        return name


def a_ticket(worker: Worker) -> str:
    with worker.store.reading() as session:
        ticket = session.scalars(select(Inquiry.ticket_no).order_by(Inquiry.ticket_no)).first()
    assert ticket is not None
    return ticket


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def preview(demo_worker: Worker, settings: QSettings, qtbot: QtBot) -> Iterator[SlipPreview]:
    dialog = SlipPreview(demo_worker, "inquiry", a_ticket(demo_worker), settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.slip is not None, timeout=10_000)
    dialog.printer = Recorder()  # type: ignore[attr-defined]
    dialog.send = dialog.printer  # type: ignore[attr-defined]
    yield dialog
    qtbot.waitUntil(demo_worker.is_idle, timeout=10_000)


def ink(image: QImage) -> int:
    """How many sampled pixels are dark: a blank (or transparent-on-black) page has none."""
    dark = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            if image.pixelColor(x, y).lightness() < 100:
                dark += 1
    return dark


def test_preview_shows_the_slip_pages_over_white(preview: SlipPreview) -> None:
    assert preview.slip is not None
    assert preview.slip.paper == "80mm"  # the station default
    assert preview.slip.number in preview.heading.text()
    sheets = preview.sheet_images()
    assert sheets
    image = sheets[0].toImage()
    assert image.pixelColor(2, 2).lightness() > 240  # white paper, not transparent black
    assert ink(image) > 200
    # A roll is shown narrower than the window, an A4 sheet as wide as it allows.
    assert image.width() <= 80 * 6


def test_choosing_a4_remakes_the_slip_and_can_become_the_default(
    preview: SlipPreview, demo_worker: Worker, qtbot: QtBot
) -> None:
    assert not preview.default_button.isEnabled()  # 80 mm already is the default
    QTest.mouseClick(preview.paper_row.button("a4"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: preview.slip is not None and preview.slip.paper == "a4")
    assert preview.slip is not None
    assert (preview.slip.width_mm, preview.slip.height_mm) == (210, 297)
    assert preview.sheet_images()[0].width() > 80 * 6
    assert preview.default_button.isEnabled()
    QTest.mouseClick(preview.default_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "A4" in preview.status_text())
    with demo_worker.store.reading() as session:
        assert default_paper(session) == "a4"
    assert not preview.default_button.isEnabled()


def printed(qtbot: QtBot, worker: Worker) -> list[dict[str, str]]:
    """What the audit trail says was printed or saved, oldest first."""
    qtbot.waitUntil(worker.is_idle, timeout=10_000)
    with worker.store.reading() as session:
        details = session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "print").order_by(AuditEntry.seq)
        )
        return [json.loads(detail) for detail in details]


def test_a_remembered_printer_prints_straight_away(
    preview: SlipPreview, settings: QSettings, qtbot: QtBot
) -> None:
    settings.setValue(REMEMBERED_PRINTER, "Desk printer")
    preview.list_printers = lambda: ["Office", "Desk printer"]
    QTest.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert preview.chooser is None
    jobs = preview.printer.jobs  # type: ignore[attr-defined]
    assert [job["name"] for job in jobs] == ["Desk printer"]
    assert preview.slip is not None
    assert jobs[0]["pdf"] == preview.slip.pdf
    assert (jobs[0]["width"], jobs[0]["height"]) == (80, preview.slip.height_mm)
    assert "Desk printer" in preview.status_text()
    assert printed(qtbot, preview.worker) == [
        {"slip": "inquiry", "number": preview.slip.number, "to": "Desk printer"}
    ]


def test_without_a_remembered_printer_the_chooser_asks_once(
    preview: SlipPreview, settings: QSettings, qtbot: QtBot
) -> None:
    preview.list_printers = lambda: ["Office", "Desk printer"]
    QTest.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    chooser = preview.chooser
    assert chooser is not None
    qtbot.waitUntil(chooser.isVisible)
    assert not chooser.note.isVisible()
    chooser.list.setCurrentRow(1)
    assert chooser.remember.isChecked()
    QTest.mouseClick(chooser.print_button, Qt.MouseButton.LeftButton)
    assert [job["name"] for job in preview.printer.jobs] == ["Desk printer"]  # type: ignore[attr-defined]
    assert settings.value(REMEMBERED_PRINTER) == "Desk printer"
    preview.chooser = None
    QTest.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert preview.chooser is None
    assert len(preview.printer.jobs) == 2  # type: ignore[attr-defined]


def test_a_remembered_printer_that_is_gone_is_named_in_the_chooser(
    preview: SlipPreview, settings: QSettings, qtbot: QtBot
) -> None:
    settings.setValue(REMEMBERED_PRINTER, "Old printer")
    preview.list_printers = lambda: ["Office"]
    QTest.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert preview.chooser is not None
    qtbot.waitUntil(preview.chooser.isVisible)
    assert "Old printer" in preview.chooser.note.text()
    assert not preview.printer.jobs  # type: ignore[attr-defined]


def test_a_missing_printer_says_so_and_the_record_stays_saved(
    preview: SlipPreview, demo_worker: Worker, qtbot: QtBot
) -> None:
    preview.send = print_pdf  # the real print path, to a printer no system has
    preview.print_to("Printer-that-is-not-there")
    text = preview.status_text()
    assert "Printer-that-is-not-there" in text
    assert "记录已保存" in text
    assert preview.status.property("role") == "error"
    assert preview.print_button.isEnabled()  # ready for another try
    assert preview.slip is not None
    with demo_worker.store.reading() as session:
        found = session.scalars(select(Inquiry).where(Inquiry.ticket_no == preview.slip.number))
        assert found.one() is not None
    i18n.switch("en")
    qtbot.waitUntil(lambda: "The record is saved" in preview.status_text())


def test_no_printer_at_all_gives_a_message_instead_of_a_chooser(preview: SlipPreview) -> None:
    preview.list_printers = list
    QTest.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert preview.chooser is None
    assert preview.status_text() == PrintError("no_printers").message("zh_CN")


def test_save_as_pdf_writes_the_slip_with_its_number(
    preview: SlipPreview, tmp_path: Path, qtbot: QtBot
) -> None:
    asked: list[str] = []

    def choose(name: str) -> str:
        asked.append(name)
        return str(tmp_path / "copy")

    preview.choose_file = choose
    QTest.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert preview.slip is not None
    assert asked == [f"{preview.slip.title}.pdf"]
    saved = tmp_path / "copy.pdf"
    text = subprocess.run(
        ["pdftotext", str(saved), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert preview.slip.number in text
    assert str(saved) in preview.status_text()
    assert printed(qtbot, preview.worker) == [
        {"slip": "inquiry", "number": preview.slip.number, "to": str(saved)}
    ]


def test_the_preview_follows_the_language(preview: SlipPreview, qtbot: QtBot) -> None:
    assert preview.print_button.text() == "打印"
    assert preview.paper_row.button("80mm").text() == "80mm 小票"
    i18n.switch("en")
    qtbot.waitUntil(lambda: preview.print_button.text() == "Print")
    assert preview.default_button.text() == "Make this the station's default"


def wait_preview(qtbot: QtBot, holder: Any) -> SlipPreview:
    qtbot.waitUntil(lambda: holder.preview is not None and holder.preview.slip is not None)
    dialog = holder.preview
    assert isinstance(dialog, SlipPreview)
    return dialog


def test_inquiry_desk_prints_after_saving_and_from_the_detail(
    demo_worker: Worker, qtbot: QtBot
) -> None:
    desk = InquiryDesk(demo_worker)
    qtbot.addWidget(desk)
    desk.show()
    desk.activate()
    form = desk.form
    form.category_row.set_value("directions")
    form.question_edit.setText("Where is the bridge?")
    form.answer_edit.setPlainText("Turn left.")
    QTest.mouseClick(form.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.last_saved is not None, timeout=10_000)
    assert form.print_button.isVisible()
    QTest.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    saved = desk.last_saved
    assert saved is not None
    assert wait_preview(qtbot, desk).number == saved.ticket_no
    desk.preview.close()  # type: ignore[union-attr]
    desk.open_inquiry(saved.id)
    qtbot.waitUntil(lambda: desk.detail is not None)
    detail = desk.detail
    assert detail is not None
    QTest.mouseClick(detail.print_button, Qt.MouseButton.LeftButton)
    shown = wait_preview(qtbot, detail)
    assert shown.slip is not None
    assert shown.slip.number == saved.ticket_no
    shown.close()
    detail.close()


def test_lost_and_found_offers_the_tag_and_the_right_reprint(
    demo_worker: Worker, qtbot: QtBot
) -> None:
    desk = LostFoundDesk(demo_worker)
    qtbot.addWidget(desk)
    desk.show()
    desk.activate()
    qtbot.waitUntil(lambda: desk.search.own_station is not None, timeout=10_000)
    desk.show_tab("search")
    with demo_worker.store.reading() as session:
        items = {
            status: session.scalars(
                select(FoundItem).where(
                    FoundItem.status == status, FoundItem.station_code == "YF01"
                )
            ).first()
            for status in ("held", "returned")
        }
    matches = desk.search.matches
    expected = {"held": "found", "returned": "return"}
    for status, item in items.items():
        assert item is not None, f"the demo data has a {status} item"
        matches.show_subject(item)
        assert matches.print_button.isVisible()
        QTest.mouseClick(matches.print_button, Qt.MouseButton.LeftButton)
        shown = wait_preview(qtbot, matches)
        assert (shown.kind, shown.number) == (expected[status], item.item_no)
        shown.close()
        matches.preview = None


def test_a_found_item_form_offers_its_tag_after_saving(demo_worker: Worker, qtbot: QtBot) -> None:
    desk = LostFoundDesk(demo_worker)
    qtbot.addWidget(desk)
    desk.show()
    form = desk.found_form
    assert form.print_button.isHidden()
    form.category.set_value("keys")
    form.description.setPlainText("一串钥匙")
    form.place.set_value("古戏台广场")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.printable is not None, timeout=10_000)
    assert form.print_button.isVisible()
    QTest.mouseClick(form.print_button, Qt.MouseButton.LeftButton)
    shown = wait_preview(qtbot, form)
    assert form.printable is not None
    assert (shown.kind, shown.number) == form.printable
    assert shown.kind == "found"
    shown.close()
