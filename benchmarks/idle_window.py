"""A process that opens a main window and prints, the first time its event loop goes idle
with the window shown, the monotonic clock (seconds) and its peak memory so far (MB); then it
exits at once. Or (`smoke`) runs the kiosk's smoke test and prints its peak memory at the end.

    python benchmarks/idle_window.py bare            # a bare PySide6 QMainWindow
    python benchmarks/idle_window.py app DATA_DIR    # the kiosk, as `redpost --data-dir DATA_DIR`
    python benchmarks/idle_window.py smoke DATA_DIR  # `redpost --data-dir DATA_DIR --smoke-test`

Idle: the event loop is about to block, a main window is visible, and (the kiosk) its worker
has no database work queued or running. The kiosk opens locked, on the sign-in screen: that
is its idle main window. The parent compares the printed time with the moment it started
this process (the monotonic clock is the same for every process of the machine). Peak
memory is the kernel's high-water mark of the resident set (VmHWM, Linux), which, unlike
the rusage a parent reads, does not carry the parent's size over from before exec.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QAbstractEventDispatcher
from PySide6.QtWidgets import QApplication, QMainWindow


def peak_megabytes() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kB
    raise RuntimeError("no VmHWM in /proc/self/status (not Linux?)")


def _idle_window() -> bool:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            worker = getattr(widget, "worker", None)
            return worker is None or bool(worker.is_idle())
    return False


def _report_when_idle() -> None:
    if _idle_window():
        print(f"{time.monotonic():.6f} {peak_megabytes():.1f}", flush=True)
        os._exit(0)  # what follows (shutdown) is not part of start-up


def main(argv: list[str]) -> int:
    app = QApplication(sys.argv[:1])
    if argv[0] == "smoke":
        from station.cli import main as redpost

        code = redpost(["--data-dir", argv[1], "--smoke-test"])
        print(f"{peak_megabytes():.1f}", flush=True)
        return code
    dispatcher = QAbstractEventDispatcher.instance()
    if dispatcher is None:
        raise RuntimeError("Qt made no event dispatcher")
    dispatcher.aboutToBlock.connect(_report_when_idle)
    if argv[0] == "bare":
        window = QMainWindow()
        window.resize(1280, 800)
        window.show()
        return app.exec()
    # The kiosk's own entry point; it finds and reuses the QApplication made here.
    from station.cli import main as redpost

    return redpost(["--data-dir", argv[1]])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
