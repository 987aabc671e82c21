"""A kiosk's sync killed with SIGKILL at random moments, then run again: nothing lost or doubled.

The sync runs in a child process (tests/sync/sync_child.py) against the real PostgreSQL;
the test kills it at a seeded random point: half the time at a random database step (the
child kills itself just before its n-th statement or commit, on either side), half the
time after a random number of its progress lines plus a random delay, which may fall inside
a statement or an fsync. So kills land while batches are saved, sent and settled, between
central's commit and the kiosk's, while pages are applied and while the check runs. Right
after each kill the store must pass the self-check, and the next sync must find central
complete; after a final clean sync, central equals the union of the stations' records, each
once at its latest version, every outbox is empty, and `redpost check` passes on every
kiosk.

REDPOST_KILL_SEED replays another sequence of kills.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from station import integrity, paths
from station.store import Store
from station.sync import pull, push
from station.sync.run import sync
from tests.sync.conftest import Central, KioskFactory
from tests.sync.day import work_day
from tests.sync.rounds import assert_converged, churn, phase
from tests.sync.sync_child import Steps

SEED = int(os.environ.get("REDPOST_KILL_SEED", "9"))
ROUNDS = 12
MIN_KILLS = 15
STATIONS = ("YF01", "YF02")
# Records made per station and round, and batch and page sizes that make several pushes
# and pulls of them.
WORK = 20
BATCH_SIZE = 8
PAGE_SIZE = 10
# A kill in time comes after a random number of progress lines, then up to JITTER_S more.
JITTER_S = 0.1
ROOT = Path(__file__).resolve().parents[2]
REDPOST = str(Path(sys.executable).with_name("redpost"))
# Added to the environment of the moment, which names the test's own config folder.
CHILD_ENV = {
    "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH")))),
    # No OS keyring here: the password is unsealed from the kiosk's folder, as connect left it.
    "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
}


def _start(folder: Path, kill_at: int = 0) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.sync.sync_child",
            str(folder),
            str(BATCH_SIZE),
            str(PAGE_SIZE),
            str(kill_at),
        ],
        cwd=ROOT,
        env={**os.environ, **CHILD_ENV},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "ready\n", child.communicate()[1]
    return child


def _where(child: subprocess.Popen[str], out: str, last: str = "connect 0 1") -> str:
    """The part of the sync the child was in when it died ("finished" if it was not killed)."""
    if child.returncode == 0:
        return "finished"
    assert child.returncode == -signal.SIGKILL, child.communicate()[1]
    stage, *counts = (out.splitlines() or [last])[-1].split()
    if stage == "done":  # killed on its way out
        return "finished"
    return phase(stage, int(counts[0]), int(counts[1]))


def _killed_at_step(folder: Path, step: int) -> str:
    """A child sync that kills itself at database step `step`; where it died."""
    child = _start(folder, kill_at=step)
    out, _ = child.communicate(timeout=120)
    return _where(child, out)


def _killed_in_time(folder: Path, lines: int, rng: random.Random) -> str:
    """A child sync SIGKILLed after `lines` of its progress lines and a random delay, which
    may fall inside a statement or a commit; where it died."""
    child = _start(folder)
    assert child.stdout is not None
    last = "connect 0 1"
    for _ in range(lines):
        line = child.stdout.readline()
        if not line:
            break
        last = line
    time.sleep(rng.uniform(0, JITTER_S))
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate(timeout=120)
    return _where(child, out, last)


def _measured_sync(store: Store) -> tuple[int, int]:
    """Sync in this process; how many database steps and progress calls it took."""
    calls: list[tuple[str, int, int]] = []
    with Steps() as counted:
        report = sync(store, lambda *step: calls.append(step))
    assert (report.parked, report.conflicts, report.mismatches) == (0, 0, []), report
    return counted.count, len(calls)


@pytest.mark.parametrize("central", ["postgresql"], indirect=True)
def test_a_sync_killed_at_random_moments_then_run_again_loses_nothing(
    central: Central, kiosk: KioskFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(push, "BATCH_SIZE", BATCH_SIZE)
    monkeypatch.setattr(pull, "PAGE_SIZE", PAGE_SIZE)
    rng = random.Random(SEED)
    stores = [kiosk(code) for code in STATIONS]
    for store in stores:
        work_day(store)
        steps, lines = _measured_sync(store)

    killed_in: Counter[str] = Counter()
    rounds = 0
    while rounds < ROUNDS or killed_in.total() - killed_in["finished"] < MIN_KILLS:
        rounds += 1
        assert rounds < 4 * ROUNDS, f"the kills hardly land: {killed_in}"
        for store in stores:
            churn(store, rng, f"r{rounds}", size=WORK)
        victim, other = rng.sample(stores, 2)
        if rng.random() < 0.5:
            # Pulled rows take the most steps: one draw in two is in the first half, the push.
            last_step = steps if rng.random() < 0.5 else steps // 2
            killed_in[_killed_at_step(victim.folder, rng.randint(1, last_step))] += 1
        else:
            killed_in[_killed_in_time(victim.folder, rng.randrange(lines), rng)] += 1
        assert integrity.problems(paths.database(victim.folder)) == []
        report = sync(victim)  # run again, to the end
        # Central is complete at once: nothing waits for the next sync to repair it.
        assert (report.parked, report.conflicts, report.mismatches) == (0, 0, []), report
        # The other station's whole sync, as large as the next kill's, tells its length.
        steps, lines = _measured_sync(other)

    for store in stores:
        report = sync(store)
        assert (report.parked, report.conflicts, report.mismatches) == (0, 0, [])
    assert_converged(central, dict(zip(STATIONS, stores, strict=True)))
    for store in stores:
        checked = subprocess.run(
            [REDPOST, "--data-dir", str(store.folder), "check"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert checked.returncode == 0, checked.stderr

    print(f"seed {SEED}: {rounds} rounds, killed in {dict(killed_in)}")
    # The kills fell inside the sync's work, not all before or after it.
    assert {"push", "pull"} <= set(killed_in), killed_in
