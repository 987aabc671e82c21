"""Start-up: from process start to the kiosk's idle main window (the sign-in screen), on a
year of demo data, against a bare PySide6 QMainWindow process; both offscreen.

Each repetition starts both processes (`idle_window.py`), alternating which goes first, and
times from just before the process is made to the idle moment it prints. The kiosk's own
modules are compiled first, as installing it compiles them. One untimed start of each comes
first: it fills the OS file cache and takes the day's backup, which the kiosk does once a
day, not at every start.

The kiosk's idle window is its sign-in screen, filled from a glance at the file, with the
store opening behind it (`ui.app`). When that is done, a sign-in is answered at once: that
moment is noted beside the figures (`ready_median_s`, `ready_ratio`), as the kiosk's whole
start.

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
    operation, floor, stacked, ready = Stopwatch(), Stopwatch(), Stopwatch(), Stopwatch()
    for argv in (app, bare, stack):
        start(argv)
    for repetition in range(repetitions):
        runs = [(app, operation), (bare, floor), (stack, stacked)]
        for argv, watch in runs if repetition % 2 == 0 else reversed(runs):
            moments = start(argv)
            watch.samples.append(moments[0])
            if argv is app:
                ready.samples.append(moments[-1])
    name = NAME if not quick else f"{NAME} (quick: {demo_data.QUICK_DAYS} days)"
    floor_median = statistics.median(floor.samples)
    notes = {}
    for label, watch in (("ready", ready), ("stack", stacked)):
        median = statistics.median(watch.samples)
        notes[f"{label}_median_s"] = round(median, 6)
        notes[f"{label}_ratio"] = round(median / floor_median, 3)
    return entry(name, TARGET, operation.samples, floor.samples, notes)


def start(argv: list[str]) -> list[float]:
    """Seconds from starting `idle_window.py argv` to each moment it printed: its idle
    window, then (the kiosk) its store open too."""
    began = time.monotonic()
    lines = child_window.launch(argv, timeout=120)
    return [float(line.split()[0]) - began for line in lines]
