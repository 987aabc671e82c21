"""A record acknowledged as saved survives the process being killed at any moment."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from station import integrity, paths
from station.store import Store

ROUNDS = 50
WRITER = Path(__file__).with_name("durability_writer.py")


def _run_and_kill(folder: Path, rng: random.Random) -> tuple[list[str], int]:
    """Let the writer acknowledge a few records, then kill it a random moment later.

    Waiting for acknowledgements (rather than a fixed time) keeps every round writing, however
    loaded the machine is; the random delay after them lands the kill anywhere in a write.
    """
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])}
    child = subprocess.Popen(
        [sys.executable, str(WRITER), str(folder)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    wanted = rng.randint(1, 6)
    seen = [child.stdout.readline() for _ in range(wanted)]
    time.sleep(rng.uniform(0.0, 0.03))
    child.send_signal(signal.SIGKILL)
    rest, _ = child.communicate()
    assert child.returncode == -signal.SIGKILL
    # A line without its newline was being printed when the kill came: not acknowledged.
    lines = seen + rest.splitlines(keepends=True)
    return [line.strip() for line in lines if line.endswith("\n")], wanted


def test_acknowledged_records_survive_sigkill(station_store: Store) -> None:
    folder = station_store.folder
    station_store.close()
    rng = random.Random(20261130)
    acknowledged: set[str] = set()
    waited_for = 0
    for _ in range(ROUNDS):
        tickets, wanted = _run_and_kill(folder, rng)
        acknowledged.update(tickets)
        waited_for += wanted
    db = paths.database(folder)
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in conn.execute("SELECT ticket_no FROM inquiries")}
    assert len(acknowledged) >= waited_for  # every round really wrote before its kill
    assert acknowledged <= stored
    # at most one record per kill was committed but not yet acknowledged
    assert len(stored - acknowledged) <= ROUNDS
    assert integrity.problems(db) == []
