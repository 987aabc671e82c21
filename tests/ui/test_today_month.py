"""今日概况 / 本月 (issue 7): the hand-built day of tests/report_data.py on the desk, every
number and bar opening a list as long as the number, the month, masking for a volunteer,
the lead's report preview, and the daily report offered after the end-of-day sync."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCharts import QAbstractBarSeries
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from station import clock
from station.access import LEAD, VOLUNTEER, Actor
from station.store import Store
from station.sync import connect
from tests.report_data import DAY, EXPECTED, at, fill
from tests.sync.conftest import Central, _sqlite_central
from tests.ui.conftest import wait_idle
from ui.desks.sync import SyncDesk
from ui.desks.today import TodayDesk
from ui.desks.today.charts import BarChart
from ui.worker import Worker


@pytest.fixture
def day_worker(store: Store, qtbot: QtBot) -> Iterator[Worker]:
    """A worker on the hand-built day; the UI thread's clock stands at 20:00 that day."""
    fill(store)
    made = Worker(store)
    with clock.frozen_at(at(20, 0)):
        yield made
    qtbot.waitUntil(made.is_idle, timeout=10_000)
    made.shutdown()


@pytest.fixture
def desk(day_worker: Worker, qtbot: QtBot) -> TodayDesk:
    made = TodayDesk(day_worker)
    qtbot.addWidget(made)
    made.resize(1050, 720)
    made.show()
    qtbot.waitExposed(made)
    made.activate()
    wait_idle(qtbot, day_worker)
    return made


def shown(desk: TodayDesk) -> dict[str, str]:
    return {key: card.figure.text() for key, card in desk.cards.items()}


def open_list(qtbot: QtBot, desk: TodayDesk, key: str) -> int:
    """Tap a figure; the number of rows the list behind it shows."""
    QTest.mouseClick(desk.cards[key], Qt.MouseButton.LeftButton)
    return _rows_of(qtbot, desk)


def _rows_of(qtbot: QtBot, desk: TodayDesk) -> int:
    wait_idle(qtbot, desk.worker)
    records = desk.records
    assert records is not None
    assert records.rows is not None
    count = records.row_count()
    records.close()
    return count


def tap_bar(chart: BarChart, index: int) -> None:
    """A tap in the middle of bar `index` (in the order the bars were given)."""
    [series] = chart.chart().series()
    assert isinstance(series, QAbstractBarSeries)
    value = chart.values[index]
    if chart.across:  # drawn bottom up
        point = QPointF(value / 2, len(chart.values) - 1 - index)
    else:
        point = QPointF(index, value / 2)
    scene = chart.chart().mapToPosition(point, series)
    QTest.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.mapFromScene(scene))


def test_the_day_shows_the_figures_worked_out_by_hand(desk: TodayDesk) -> None:
    figure = shown(desk)
    assert figure["inquiries"] == str(EXPECTED["inquiries"])
    assert figure["resolved_on_spot"] == "1"
    assert desk.cards["resolved_on_spot"].caption.text() == "当场解决（16.7%）"
    assert figure["median"] == "30 分钟"
    assert figure["open_escalations"] == "2"
    for code, count in EXPECTED["by_status"].items():
        assert figure[f"status_{code}"] == str(count)
    assert figure["volunteers"] == "2"
    assert figure["shifts"] == "3"
    assert figure["hours"] == "7.75"
    assert figure["found_registered"] == "2"
    assert figure["found_returned"] == "1"
    assert figure["return_rate"] == "50.0%"
    assert figure["returns"] == "1"
    assert figure["lost_registered"] == "1"
    assert figure["due_for_handover"] == "1"
    assert desk.category_chart.values == [float(v) for v in EXPECTED["by_category"].values()]
    assert desk.category_chart.labels[:2] == ["问路/景点", "交通"]
    people = [
        (desk.people.model().index(r, 0).data(), desk.people.model().index(r, 3).data())
        for r in range(desk.people.rowCount())
    ]
    assert people == [("张三", "5.5"), ("李四", "2.25")]
    assert desk.post_chart.labels == list(EXPECTED["hours_by_post"])
    assert desk.post_chart.values == list(EXPECTED["hours_by_post"].values())
    assert "2026年11月30日" in desk.period_label.text()
    assert not desk.next_button.isEnabled()  # no figures of tomorrow


def test_every_number_opens_a_list_as_long_as_the_number(desk: TodayDesk, qtbot: QtBot) -> None:
    counted = {
        key: int(text)
        for key, text in shown(desk).items()
        if text.isdigit()  # the hours, the median and the rate open their base below
    }
    assert len(counted) == 14
    for key, number in counted.items():
        assert open_list(qtbot, desk, key) == number, key
    assert open_list(qtbot, desk, "hours") == 3  # the shifts the hours add up
    assert open_list(qtbot, desk, "median") == 3  # the resolved inquiries it is taken over
    assert open_list(qtbot, desk, "return_rate") == 2  # the items handed in


def test_each_bar_and_each_person_opens_their_records(desk: TodayDesk, qtbot: QtBot) -> None:
    for index, count in enumerate(EXPECTED["by_category"].values()):
        if count == 0:
            continue  # no bar to tap
        tap_bar(desk.category_chart, index)
        assert desk.records is not None
        assert desk.records.heading.text().startswith(desk.category_chart.labels[index])
        assert _rows_of(qtbot, desk) == count
    tap_bar(desk.post_chart, 1)  # 驼背桥: 张三 1.5 h, 李四 2.25 h
    assert _rows_of(qtbot, desk) == 2
    desk.people.cellClicked.emit(0, 0)  # 张三: two shifts
    wait_idle(qtbot, desk.worker)
    assert desk.records is not None
    assert [desk.records.cell(r, 0) for r in range(desk.records.row_count())] == ["张三"] * 2


def test_the_month_and_stepping_through_months_and_days(desk: TodayDesk, qtbot: QtBot) -> None:
    QTest.mouseClick(desk.month_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, desk.worker)
    assert desk.day_chart.isVisible()
    assert desk.period_label.text() == "2026年11月"
    assert shown(desk)["inquiries"] == "7"  # with the day before's escalated one
    assert shown(desk)["hours"] == "10.75"
    assert desk.report_button.text() == "月报 PDF"
    assert len(desk.day_chart.values) == 30
    tap_bar(desk.day_chart, DAY.day - 1)
    assert _rows_of(qtbot, desk) == 6
    tap_bar(desk.day_chart, DAY.day - 2)
    assert _rows_of(qtbot, desk) == 1

    QTest.mouseClick(desk.previous_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, desk.worker)
    assert desk.period_label.text() == "2026年10月"
    assert shown(desk)["inquiries"] == "0"
    assert desk.next_button.isEnabled()
    QTest.mouseClick(desk.next_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, desk.worker)
    assert shown(desk)["inquiries"] == "7"

    QTest.mouseClick(desk.day_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(desk.previous_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, desk.worker)
    assert "2026年11月29日" in desk.period_label.text()
    assert shown(desk)["inquiries"] == "1"
    assert shown(desk)["hours"] == "3"
    assert open_list(qtbot, desk, "open_escalations") == 1


def test_a_volunteer_sees_the_claimant_masked_and_no_report_button(
    desk: TodayDesk, day_worker: Worker, qtbot: QtBot
) -> None:
    for actor, claimant, may_report in (
        (Actor(VOLUNTEER, "李四", None), "@**", False),
        (Actor(LEAD, "张三", None), "@赵六", True),
    ):
        day_worker.store.actor = actor
        desk.activate()
        wait_idle(qtbot, day_worker)
        assert desk.report_button.isVisible() is may_report
        QTest.mouseClick(desk.cards["returns"], Qt.MouseButton.LeftButton)
        wait_idle(qtbot, day_worker)
        assert desk.records is not None
        assert desk.records.cell(0, 3) == claimant
        desk.records.close()


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_lead_previews_the_daily_report_and_saves_it(
    desk: TodayDesk, qtbot: QtBot, tmp_path: Path
) -> None:
    QTest.mouseClick(desk.report_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, desk.worker)
    preview = desk.preview
    assert preview is not None
    assert preview.slip is not None
    assert preview.heading.text() == "YF01 红驿站 日报 2026-11-30"
    assert not preview.paper_row.isVisible()
    assert len(preview.sheet_images()) >= 1
    text = pdf_text(preview.slip.pdf)
    assert "日报" in text
    assert "2026-11-30" in text
    assert "7.75 小时" in text
    preview.choose_file = lambda name: str(tmp_path / "day")
    QTest.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "day.pdf").read_bytes().startswith(b"%PDF")
    preview.close()


@pytest.fixture
def linked(station_store: Store, tmp_path: Path, no_os_keyring: None) -> Iterator[Store]:
    """Station YF01, connected to a SQLite central."""
    central: Central
    for central in _sqlite_central(tmp_path):
        connect.connect(station_store.folder, central.add_station("YF01"))
        yield station_store


def test_the_daily_report_is_offered_after_the_sync(
    linked: Store, worker: Worker, qtbot: QtBot
) -> None:
    sync_desk = SyncDesk(worker)
    qtbot.addWidget(sync_desk)
    sync_desk.resize(1050, 740)
    sync_desk.show()
    sync_desk.activate()
    wait_idle(qtbot, worker)
    assert not sync_desk.banner.action.isVisible()  # nothing offered before a sync
    sync_desk.start_button.click()
    qtbot.waitUntil(lambda: not sync_desk.running, timeout=30_000)
    wait_idle(qtbot, worker)
    assert sync_desk.banner.action.isVisible()
    assert sync_desk.banner.action.text() == "生成今日日报"
    QTest.mouseClick(sync_desk.banner.action, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, worker)
    preview = sync_desk.preview
    assert preview is not None
    assert preview.slip is not None
    today = clock.local_today().isoformat()
    assert preview.slip.title == f"恩江古城红驿站 日报 {today}"
    assert f"日报 {today}" in " ".join(pdf_text(preview.slip.pdf).split())
    preview.close()
