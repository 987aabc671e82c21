"""The end-of-day sync screen, against a real SQLite central (and PostgreSQL for a refused
password): what waits, a live window while it runs, the result, plain errors with a retry."""

from __future__ import annotations

import time
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from pytestqt.qtbot import QtBot

from station import clock
from station.models import Faq
from station.services import inquiries, lostfound
from station.services import station as station_service
from station.store import Store, open_store
from station.sync import connect, link, secret, state
from station.sync.run import sync
from tests.sync.conftest import Central, _sqlite_central
from tests.sync.day import unsynced, work_day
from tests.ui.conftest import wait_idle
from ui import i18n
from ui.desks.places import place
from ui.desks.sync import SyncDesk
from ui.header import local_time
from ui.shell import MainWindow
from ui.worker import Worker


@pytest.fixture(autouse=True)
def _no_os_keyring(no_os_keyring: None) -> None:
    """No OS keyring on a test machine: passwords are sealed in the data folder."""


@pytest.fixture
def central(tmp_path: Path) -> Iterator[Central]:
    yield from _sqlite_central(tmp_path)


@pytest.fixture
def linked(station_store: Store, central: Central) -> Store:
    """Station YF01, registered at the SQLite central and connected to it."""
    connect.connect(station_store.folder, central.add_station("YF01"))
    return station_store


@pytest.fixture
def desk(worker: Worker, qtbot: QtBot) -> SyncDesk:
    made = SyncDesk(worker)
    qtbot.addWidget(made)
    made.resize(1050, 740)
    made.show()
    made.activate()
    wait_idle(qtbot, worker)
    return made


def _finish(qtbot: QtBot, desk: SyncDesk) -> None:
    qtbot.waitUntil(lambda: not desk.running, timeout=30_000)
    wait_idle(qtbot, desk.worker)


def _rows(desk: SyncDesk) -> list[tuple[str, ...]]:
    table = desk.result.table
    cells = [
        [table.item(r, c) for c in range(table.columnCount())] for r in range(table.rowCount())
    ]
    return [tuple(cell.text() if cell else "" for cell in row) for row in cells]


def test_an_unlinked_kiosk_says_how_to_connect(desk: SyncDesk) -> None:
    assert not desk.start_button.isEnabled()
    assert "redpost connect --central" in desk.waiting.text()
    assert "从未" in desk.where.text()


def test_a_sync_keeps_the_window_live_and_lists_what_moved(
    linked: Store, central: Central, worker: Worker, qtbot: QtBot, tmp_path: Path
) -> None:
    # Another station shared a found item first; ours has a day's work, a batch of
    # inquiries (so the sync takes a while), and one record central must refuse.
    other = open_store(tmp_path / "yf02")
    with other.transaction() as session:
        station_service.init(session, code="YF02", name="YF02 红驿站", posts=["驼背桥"])
    connect.connect(other.folder, central.add_station("YF02"))
    with other.transaction() as session:
        shared = lostfound.register_found(
            session,
            category="wallet",
            description="棕色钱包",
            found_place="驼背桥",
            found_at=clock.now(),
        ).item_no
    sync(other)
    other.close()
    work_day(linked)
    with linked.transaction() as session:
        for number in range(200):
            inquiries.create(session, category="directions", question=f"第{number}问")
        session.add(Faq(station_code="ZZ99", category="other", question="外站问答", answer="!"))

    desk = SyncDesk(worker)
    qtbot.addWidget(desk)
    desk.show()
    desk.activate()
    wait_idle(qtbot, worker)
    assert "游客咨询 202" in desk.waiting.text()
    assert desk.start_button.isEnabled()

    stages: list[tuple[str, int, int]] = []
    desk.relay.moved.connect(lambda *seen: stages.append(seen))
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()) if desk.running else None)
    timer.start()
    desk.start_button.click()
    assert desk.running
    assert desk.progress.isVisible()
    assert not desk.start_button.isEnabled()
    _finish(qtbot, desk)
    timer.stop()

    # The UI thread kept turning while the worker synced: a frozen one ticks once at most
    # (Qt folds missed timeouts), a live one every 10 ms, bar a busy test machine's hiccup.
    # The sync itself may take well under 0.1 s on a fast machine: a few ticks prove it.
    assert len(ticks) >= 3
    assert max(b - a for a, b in pairwise(ticks)) < 1.0
    assert {s for s, _, _ in stages} == {"connect", "push", "pull", "check"}
    assert not desk.progress.isVisible()

    counts = {key: card.figure.text() for key, card in desk.result.cards.items()}
    with linked.reading() as session:
        assert unsynced(session) == 1  # only the refused record waits
    assert counts["parked"] == "1"
    assert counts["conflict"] == "0"
    # Central also holds the audit entry of this sync, pushed after the count.
    assert int(counts["pushed"]) + 1 == len([r for r in central.rows() if r[2] == "YF01"])
    rows = _rows(desk)
    assert rows[0] == ("暂缓", "常见问题", "外站问答", "记录属于其他站点")
    assert ("已下载", "拾获物品", shared, "") in rows
    assert any(r[:2] == ("已上传", "游客咨询") and r[2].startswith("YF01-") for r in rows)
    assert desk.banner.tone() == "refused"  # a record needs the lead's look
    assert "需要查看" in desk.banner.text()
    assert "游客咨询" not in desk.waiting.text()
    assert "上次成功同步" in desk.where.text()


def test_an_unreachable_central_is_said_plainly_and_retried(
    linked: Store, central: Central, desk: SyncDesk, qtbot: QtBot
) -> None:
    work_day(linked)
    file = Path(central.admin_url.removeprefix("sqlite:///"))
    away = file.with_suffix(".away")
    file.rename(away)
    desk.start_button.click()
    _finish(qtbot, desk)
    assert desk.banner.tone() == "refused"
    assert "无法连接中心数据库" in desk.banner.text()
    assert "Traceback" not in desk.banner.text()
    assert desk.banner.action.isVisible()
    assert desk.banner.action.text() == "重试"
    assert not desk.result.isVisible()

    away.rename(file)
    desk.banner.action.click()
    _finish(qtbot, desk)
    assert desk.banner.tone() == "done"
    assert desk.result.isVisible()
    assert int(desk.result.cards["pushed"].figure.text()) > 0


def test_the_last_sync_is_shown_when_the_desk_opens_again(
    linked: Store, worker: Worker, qtbot: QtBot
) -> None:
    """A lead who comes back after a restart sees what the last sync did and left open."""
    work_day(linked)
    with linked.transaction() as session:
        session.add(Faq(station_code="ZZ99", category="other", question="外站问答", answer="!"))
    report = sync(linked)
    assert report.parked == 1

    later = SyncDesk(worker)
    qtbot.addWidget(later)
    later.show()
    later.activate()
    wait_idle(qtbot, worker)
    assert later.result.isVisible()
    assert "上次同步" in later.banner.text()
    assert later.result.cards["pushed"].figure.text() == str(report.pushed)
    assert later.result.cards["parked"].figure.text() == "1"
    assert any(row[0] == "暂缓" and row[1] == "常见问题" for row in _rows(later))


def test_a_wrong_password_is_said_plainly(
    station_store: Store,
    worker: Worker,
    qtbot: QtBot,
    refusing_server: int,
) -> None:
    # Linked earlier; the server now refuses the saved password (the test server's look-alike).
    where, _password = link.parse(f"postgresql://st:old@127.0.0.1:{refusing_server}/central")
    with station_store.transaction() as session:
        link.save(session, where)
    secret.save(station_store.folder, where.account, "not-the-password")
    desk = SyncDesk(worker)
    qtbot.addWidget(desk)
    desk.show()
    desk.activate()
    wait_idle(qtbot, worker)
    desk.start_button.click()
    _finish(qtbot, desk)
    assert desk.banner.tone() == "refused"
    assert "用户名或密码不对" in desk.banner.text()
    assert desk.banner.action.text() == "重试"


def test_the_header_shows_the_last_sync_and_the_desk_follows_the_language(
    linked: Store, worker: Worker, qtbot: QtBot, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(worker, [place("SyncDesk", worker)], settings)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, worker)
    assert window.header.last_sync.text() == "从未同步"
    desk = window.current_desk()
    assert isinstance(desk, SyncDesk)
    assert desk.start_button.text() == "开始同步"
    desk.start_button.click()
    _finish(qtbot, desk)
    qtbot.waitUntil(lambda: window.header.last_sync.text().startswith("上次同步"))
    with linked.reading() as session:
        finished = state.last_success(session)
    assert finished is not None
    assert local_time(finished, "%m-%d %H:%M") in window.header.last_sync.text()

    i18n.switch("en")
    qtbot.waitUntil(lambda: desk.start_button.text() == "Start sync")
    assert desk.heading.text() == "End-of-day sync"
    assert window.header.last_sync.text().startswith("Last sync")
    assert desk.result.cards["pushed"].caption.text() == "sent to central"
