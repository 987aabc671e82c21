"""The one database worker: results on the UI thread, errors routed, the window never frozen."""

from __future__ import annotations

import itertools
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from station.errors import InvalidInput, StationError, StoreError
from station.services import station as station_service
from station.store import Store
from ui.worker import Opening, Worker


def test_results_arrive_on_the_ui_thread(worker: Worker, qtbot: QtBot) -> None:
    seen: list[tuple[list[str], bool]] = []
    worker.read(
        lambda s: [p.name for p in station_service.posts(s)],
        on_done=lambda names: seen.append(
            (names, threading.current_thread() is threading.main_thread())
        ),
    )
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(["古戏台广场", "驼背桥"], True)]


def test_a_refused_write_reaches_on_error_and_stores_nothing(worker: Worker, qtbot: QtBot) -> None:
    errors: list[StationError] = []
    worker.write(lambda s: station_service.add_post(s, name="  "), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], InvalidInput)
    assert errors[0].field == "post_name"
    with worker.store.reading() as session:
        assert len(station_service.posts(session)) == 2


def test_a_refusal_nobody_handles_goes_to_the_window(worker: Worker, qtbot: QtBot) -> None:
    with qtbot.waitSignal(worker.refused) as caught:
        worker.write(lambda s: station_service.add_post(s, name="驼背桥"))
    assert caught.args is not None
    assert caught.args[0].code == "duplicate"


def test_an_unexpected_failure_is_logged_and_reported(
    worker: Worker, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(_session: object) -> None:
        raise ZeroDivisionError("a bug")

    with qtbot.waitSignal(worker.unexpected):
        worker.read(broken)
    assert "ZeroDivisionError" in caplog.text


def test_writes_announce_a_change_and_reads_do_not(worker: Worker, qtbot: QtBot) -> None:
    with qtbot.waitSignal(worker.changed):
        worker.write(lambda s: station_service.add_post(s, name="六一桥"))
    with qtbot.assertNotEmitted(worker.changed, wait=200):
        worker.read(station_service.posts)
        qtbot.waitUntil(worker.is_idle)


def test_a_slow_job_leaves_the_window_responsive(worker: Worker, qtbot: QtBot) -> None:
    """While the worker is busy for a second, the UI thread keeps handling its timer."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    finished: list[bool] = []
    worker.read(lambda _s: time.sleep(1.0), on_done=lambda _v: finished.append(True))
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    timer.stop()
    assert len(ticks) >= 20  # about 50 expected; a frozen UI thread would have none
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < 0.5


def test_a_store_opening_behind_waits_for_its_start_then_goes_ahead_of_every_job(
    station_store: Store, qtbot: QtBot
) -> None:
    opened: list[str] = []

    def open_it() -> Store:
        opened.append(threading.current_thread().name)
        return station_store

    made = Worker(Opening(station_store.folder, open_it))
    names: list[list[str]] = []
    made.read(lambda s: [p.name for p in station_service.posts(s)], on_done=names.append)
    qtbot.wait(200)
    assert (opened, names, made.is_open()) == ([], [], False)

    with qtbot.waitSignal(made.opened) as outcome:
        made.begin_opening()
    qtbot.waitUntil(lambda: bool(names))
    assert outcome.args == [station_store]
    assert opened[0].startswith("redpost-db")
    assert names == [["古戏台广场", "驼背桥"]]
    made.shutdown()


def test_a_worker_shut_down_before_its_store_began_opening_never_opens_it(
    station_store: Store,
) -> None:
    opened: list[bool] = []

    def open_it() -> Store:
        opened.append(True)
        return station_store

    made = Worker(Opening(station_store.folder, open_it))
    made.shutdown()
    assert opened == []


def test_a_store_that_fails_to_open_says_so_and_refuses_its_jobs(
    tmp_path: Path, qtbot: QtBot
) -> None:
    def broken() -> Store:
        raise StoreError("store_unreadable", "data_dir", reason="disk gone")

    made = Worker(Opening(tmp_path, broken))
    errors: list[StationError] = []
    made.read(station_service.posts, on_error=errors.append)
    with qtbot.waitSignal(made.opened) as outcome:
        made.begin_opening()
    qtbot.waitUntil(lambda: bool(errors))
    assert outcome.args is not None
    assert isinstance(outcome.args[0], StoreError)
    assert errors[0].code == "store_unreadable"
    assert made.actor() is None
    made.shutdown()
