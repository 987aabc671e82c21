"""Peak memory with a year of data after visiting every desk: the kiosk's smoke test (the
window opens on the store, shows each desk in turn, then quits) against the bare PySide6
window, both offscreen, both run by `idle_window.py`, which reports the process's own
high-water mark of resident memory, in megabytes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import demo_data
from measure import Entry, Target, entry

NAME = "peak memory with a year of data, every desk visited"
TARGET = Target(max_megabytes=300)
CHILD = Path(__file__).with_name("idle_window.py")


def run(quick: bool, scratch: Path) -> Entry:
    repetitions = 1 if quick else 5
    data = demo_data.data_dir(scratch, quick)
    app, bare = [], []
    for _ in range(repetitions):
        app.append(peak_megabytes(["smoke", str(data)]))
        bare.append(peak_megabytes(["bare"]))
    name = NAME if not quick else f"{NAME} (quick: {demo_data.QUICK_DAYS} days)"
    return entry(name, TARGET, app, bare)


def peak_megabytes(argv: list[str]) -> float:
    """The peak resident memory `idle_window.py argv` reports (its last figure)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(  # noqa: S603  (our own script)
        [sys.executable, str(CHILD), *argv],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    lines = done.stdout.splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"idle_window.py {' '.join(argv)} failed: {done.stderr[-500:]}")
    return float(lines[-1].split()[-1])
