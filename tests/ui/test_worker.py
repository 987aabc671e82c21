"""The one database worker: results on the UI thread, errors routed, the window never frozen."""

from __future__ import annotations

import itertools
import threading
import time

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from station.errors import InvalidInput, StationError
from station.services import station as station_service
from ui.worker import Worker


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
