"""One end-of-day sync of the kiosk in argv[1], run as its own process, for the SIGKILL test.

argv[2] and argv[3] are the push batch and pull page sizes: small ones give a small day
many batches and pages, so many moments to be killed between and within them. It prints
"ready" once the store is open, then every progress call ("push 8 35"), so the test can
kill it at a random moment of the sync proper and tell where it was.

argv[4], when not 0, makes the process SIGKILL itself at that database step of the sync:
the n-th statement or commit, on central or the local store alike. Drawn at random, it
lands between any two steps, such as after central committed a batch and before the
kiosk recorded that. The last line tells how many steps a whole sync took.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from station.store import open_store
from station.sync import pull, push
from station.sync.run import sync


def _say(stage: str, done: int, total: int) -> None:
    print(stage, done, total, flush=True)


class Steps:
    """Counts statements and commits on every engine of this process while open; kills the
    process at step `fatal` (0: never)."""

    def __init__(self, fatal: int = 0) -> None:
        self.fatal = fatal
        self.count = 0

    def __enter__(self) -> Steps:
        event.listen(Engine, "before_cursor_execute", self.step)
        event.listen(Engine, "commit", self.step)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(Engine, "before_cursor_execute", self.step)
        event.remove(Engine, "commit", self.step)

    def step(self, *args: Any) -> None:
        self.count += 1
        if self.count == self.fatal:
            os.kill(os.getpid(), signal.SIGKILL)


def main(folder: str, batch_size: str, page_size: str, kill_at: str) -> int:
    push.BATCH_SIZE = int(batch_size)
    pull.PAGE_SIZE = int(page_size)
    with open_store(Path(folder)) as store:
        print("ready", flush=True)
        with Steps(int(kill_at)) as steps:
            sync(store, _say)
    print("done", steps.count, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
