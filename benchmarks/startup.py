"""Start-up: from process start to the kiosk's idle main window (the sign-in screen), on a
year of demo data, against a bare PySide6 QMainWindow process; both offscreen.

Each repetition starts both processes (`idle_window.py`), alternating which goes first, and
times from just before the process is made to the idle moment it prints. The kiosk's own
modules are compiled first, as installing it compiles them. One untimed start of each comes
first: it fills the OS file cache and takes the day's backup, which the kiosk does once a
day, not at every start.

A third process in each repetition, noted beside the figures but not the floor, shows what
the requested stack alone costs: the bare window after importing SQLAlchemy's ORM, before
a model is mapped or a file opened (`stack_median_s`, `stack_ratio`).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import child_window
import demo_data
from measure import Entry, Stopwatch, Target, entry

NAME = "start-up to an idle main window, 365 days of demo data"
TARGET = Target(max_ratio=1.5)


def run(quick: bool, scratch: Path) -> Entry:
    repetitions = 2 if quick else 10
    data = demo_data.data_dir(scratch, quick)
    app, bare, stack = ["app", str(data)], ["bare"], ["stack"]
    child_window.compile_kiosk()
    operation, floor, stacked = Stopwatch(), Stopwatch(), Stopwatch()
    for argv in (app, bare, stack):
        start(argv)
    for repetition in range(repetitions):
        runs = [(app, operation), (bare, floor), (stack, stacked)]
        for argv, watch in runs if repetition % 2 == 0 else reversed(runs):
            watch.samples.append(start(argv))
    name = NAME if not quick else f"{NAME} (quick: {demo_data.QUICK_DAYS} days)"
    stack_median = statistics.median(stacked.samples)
    notes = {
        "stack_median_s": round(stack_median, 6),
        "stack_ratio": round(stack_median / statistics.median(floor.samples), 3),
    }
    return entry(name, TARGET, operation.samples, floor.samples, notes)


def start(argv: list[str]) -> float:
    """Seconds from starting `idle_window.py argv` to its idle window."""
    began = time.monotonic()
    lines = child_window.launch(argv, timeout=120)
    return float(lines[-1].split()[0]) - began
