"""Peak memory with a year of data after visiting every desk: the kiosk's smoke test (the
window opens on the store, shows each desk in turn, then quits) against the bare PySide6
window, both offscreen, both run by `idle_window.py` (the kiosk compiled, as installed),
which reports the process's own high-water mark of resident memory, in megabytes.
"""

from __future__ import annotations

from pathlib import Path

import child_window
import demo_data
from measure import Entry, Target, entry

NAME = "peak memory with a year of data, every desk visited"
TARGET = Target(max_megabytes=300)


def run(quick: bool, scratch: Path) -> Entry:
    repetitions = 1 if quick else 5
    data = demo_data.data_dir(scratch, quick)
    child_window.compile_kiosk()
    app, bare = [], []
    for _ in range(repetitions):
        app.append(peak_megabytes(["smoke", str(data)]))
        bare.append(peak_megabytes(["bare"]))
    name = NAME if not quick else f"{NAME} (quick: {demo_data.QUICK_DAYS} days)"
    return entry(name, TARGET, app, bare)


def peak_megabytes(argv: list[str]) -> float:
    """The peak resident memory `idle_window.py argv` reports (its last figure)."""
    return float(child_window.launch(argv, timeout=300)[-1].split()[-1])
