"""Start-up: from process start to the kiosk's idle main window (the sign-in screen), on a
year of demo data, against a bare PySide6 QMainWindow process; both offscreen.

Each repetition starts both processes (`idle_window.py`), alternating which goes first, and
times from just before the process is made to the idle moment it prints. One untimed start
of each comes first: it fills the OS file cache and takes the day's backup, which the kiosk
does once a day, not at every start.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import demo_data
from measure import Entry, Stopwatch, Target, entry

NAME = "start-up to an idle main window, 365 days of demo data"
TARGET = Target(max_ratio=1.5)
CHILD = Path(__file__).with_name("idle_window.py")


def run(quick: bool, scratch: Path) -> Entry:
    repetitions = 2 if quick else 10
    data = demo_data.data_dir(scratch, quick)
    app = [str(CHILD), "app", str(data)]
    bare = [str(CHILD), "bare"]
    operation, floor = Stopwatch(), Stopwatch()
    start(app)
    start(bare)
    for repetition in range(repetitions):
        pairs = [(app, operation), (bare, floor)]
        for argv, watch in pairs if repetition % 2 == 0 else reversed(pairs):
            watch.samples.append(start(argv))
    name = NAME if not quick else f"{NAME} (quick: {demo_data.QUICK_DAYS} days)"
    return entry(name, TARGET, operation.samples, floor.samples)


def start(argv: list[str]) -> float:
    """Seconds from starting `idle_window.py argv` to its idle window."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    began = time.monotonic()
    done = subprocess.run(  # noqa: S603  (our own script)
        [sys.executable, *argv], env=env, capture_output=True, text=True, check=False, timeout=120
    )
    lines = done.stdout.splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(
            f"{' '.join(argv)} did not reach an idle window (exit {done.returncode}): "
            f"{done.stderr[-500:]}"
        )
    return float(lines[-1].split()[0]) - began
