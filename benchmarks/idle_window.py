"""A process that opens a main window and prints, the first time its event loop goes idle
with the window shown, the monotonic clock (seconds) and its peak memory so far (MB); then it
exits at once. The kiosk prints a second line, the clock once its store is open as well and
the daily upkeep queued after it has run (a sign-in is then answered without waiting).
Or (`smoke`) runs the kiosk's smoke test and prints its peak memory at the end.

    python benchmarks/idle_window.py bare            # a bare PySide6 QMainWindow
    python benchmarks/idle_window.py stack           # the same, after importing SQLAlchemy's ORM
    python benchmarks/idle_window.py app DATA_DIR    # the kiosk, as `redpost --data-dir DATA_DIR`
    python benchmarks/idle_window.py smoke DATA_DIR  # `redpost --data-dir DATA_DIR --smoke-test`

Parents start it through `child_window.launch`, which this process never imports: every module
it imports before Qt would count in the floor's time.

Idle: the event loop is about to block, a main window is visible, and (the kiosk) its worker
has no job queued or running. The kiosk opens locked, on the sign-in screen: that is its
idle main window. It is filled from a glance at the file (`station.glance`), and the store
opens behind it from that moment on (`ui.app`): the second line says when that is done and
the worker idle again. A kiosk that took the long way opened its store first: its two
lines are the same moment.
The parent compares the printed time with the moment it started this process (the
monotonic clock is the same for every process of the machine). Peak
memory is the kernel's high-water mark of the resident set (VmHWM, Linux), which, unlike
the rusage a parent reads, does not carry the parent's size over from before exec.

The kiosk (`app`) runs `redpost`'s own entry point from its first line, importing what it
imports in the same order: this process imports no Qt before it. PySide6 hooks every import
that follows its own (its `__feature__` support reads each later module's source), so a
process that imported PySide6 first would pay for work the real program does not do. The
probe goes in where `redpost` makes its QApplication.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any


def peak_megabytes() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kB
    raise RuntimeError("no VmHWM in /proc/self/status (not Linux?)")


def _idle_window() -> Any:
    """The visible main window, if its worker has no job queued or running; else None."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            worker = getattr(widget, "worker", None)
            return widget if worker is None or worker.is_idle() else None
    return None


_idle: list[str] = []  # the first idle moment's line, once it has come


def _report_when_idle() -> None:
    window = _idle_window()
    if window is None:
        return
    if not _idle:
        _idle.append(f"{time.monotonic():.6f} {peak_megabytes():.1f}")
    worker = getattr(window, "worker", None)
    if worker is None:
        print(_idle[0], flush=True)
    elif worker.is_open():
        print(_idle[0], f"{time.monotonic():.6f}", sep="\n", flush=True)
    else:
        return
    os._exit(0)  # what follows (shutdown) is not part of start-up


def _watch_for_idle() -> None:
    from PySide6.QtCore import QAbstractEventDispatcher

    dispatcher = QAbstractEventDispatcher.instance()
    if dispatcher is None:
        raise RuntimeError("Qt made no event dispatcher")
    dispatcher.aboutToBlock.connect(_report_when_idle)


def _bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    _watch_for_idle()
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    return app.exec()


def _kiosk(data_dir: str) -> int:
    """`redpost --data-dir DATA_DIR`, watched from the moment it makes its QApplication."""
    from station import cli

    window_command = cli.COMMANDS["gui"]

    def watched_window(args: Any, folder: Path) -> int:
        from ui import app  # where `redpost` imports it: after reading its command line

        make_application = app.application

        def application() -> Any:
            made = make_application()
            _watch_for_idle()
            return made

        app.application = application  # the probe, nothing else
        return window_command(args, folder)

    cli.COMMANDS["gui"] = watched_window
    return cli.main(["--data-dir", data_dir])


def _smoke(data_dir: str) -> int:
    """`redpost --data-dir DATA_DIR --smoke-test`, which makes its own QApplication, so its
    imports come in its own order here too."""
    from station.cli import main as redpost

    code = redpost(["--data-dir", data_dir, "--smoke-test"])
    print(f"{peak_megabytes():.1f}", flush=True)
    return code


def main(argv: list[str]) -> int:
    if argv[0] == "bare":
        return _bare()
    if argv[0] == "stack":
        # What the requested stack costs before any of the kiosk's own code runs: the ORM,
        # loaded before Qt as `redpost` loads it, then the bare window.
        import sqlalchemy.orm  # noqa: F401

        return _bare()
    if argv[0] == "app":
        return _kiosk(argv[1])
    if argv[0] == "smoke":
        return _smoke(argv[1])
    raise SystemExit(f"unknown mode {argv[0]!r}: bare, stack, app or smoke")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
