"""One worker thread for all database work of the UI; results come back on the UI thread.

Widgets say what to run and what to do with the result, nothing else (as Anki's
CollectionOp): `worker.write(lambda s: inquiries.create(s, ...), on_done=..., on_error=...)`.
A write runs in one store transaction and a read in one snapshot, so a failed action leaves
nothing behind. Errors a person caused (StationError) go to `on_error`; anything else is
logged with its traceback and reported through the `unexpected` signal.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from station.errors import StationError
from station.store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")
Job = Callable[[Session], T]


class Worker(QObject):
    # ticket, outcome: delivered on the UI thread by a queued connection
    _finished = Signal(int, object)
    # emitted after every successful write, so views showing counts can refresh
    changed = Signal()
    # an error nobody could have caused by typing: the message to apologise with
    unexpected = Signal(str)
    # a refusal (bad input, wrong state) that the caller left to the window to show
    refused = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="redpost-db")
        self._pending = 0
        self._ticket = 0
        self._tickets: dict[int, _Ticket] = {}
        self._finished.connect(self._deliver)

    def read(
        self,
        job: Job[T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[StationError], None] | None = None,
    ) -> Future[bool]:
        return self._submit(job, on_done, on_error, write=False)

    def write(
        self,
        job: Job[T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[StationError], None] | None = None,
    ) -> Future[bool]:
        return self._submit(job, on_done, on_error, write=True)

    def call(
        self,
        job: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[StationError], None] | None = None,
    ) -> Future[bool]:
        """Run work that needs no session (a slow file, a report, the sync) off the UI thread."""
        return self._submit(lambda _session: job(), on_done, on_error, write=None)

    def is_idle(self) -> bool:
        return self._pending == 0

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)

    def _submit(
        self,
        job: Job[Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[StationError], None] | None,
        *,
        write: bool | None,
    ) -> Future[bool]:
        # The job and callbacks usually hold widgets. They stay in this table until the UI
        # thread delivers the result, so their last reference is always dropped on the UI
        # thread: a Qt wrapper freed on the database thread can crash the process.
        self._ticket += 1
        ticket = self._ticket
        self._tickets[ticket] = _Ticket(job, on_done, on_error, write)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        # In the caller's context: a clock frozen around the call (tests) holds for the job.
        return self._pool.submit(contextvars.copy_context().run, self._run, ticket)

    def _run(self, ticket: int) -> bool:
        """Run a job; whether it succeeded (its result is then on its way to the UI thread)."""
        entry = self._tickets[ticket]
        try:
            if entry.write is None:
                value = entry.job(None)
            elif entry.write:
                with self.store.transaction() as session:
                    value = entry.job(session)
            else:
                with self.store.reading() as session:
                    value = entry.job(session)
        except StationError as exc:
            self._finished.emit(ticket, exc)
            return False
        except Exception:
            log.exception("a database job failed")
            self._finished.emit(ticket, _FAILED)
            return False
        finally:
            del entry
        self._finished.emit(ticket, _Result(value))
        return True

    def _deliver(self, ticket: int, outcome: object) -> None:
        entry = self._tickets.pop(ticket)
        self._pending -= 1
        try:
            if isinstance(outcome, _Result):
                if entry.on_done is not None:
                    entry.on_done(outcome.value)
                if entry.write:
                    self.changed.emit()
            elif isinstance(outcome, StationError):
                if entry.on_error is None:
                    self.refused.emit(outcome)
                else:
                    entry.on_error(outcome)
            else:
                self.unexpected.emit("job")
        except Exception:
            log.exception("showing the result of a database job failed")
            self.unexpected.emit("display")
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)


class ProgressRelay(QObject):
    """Carries a core progress callback's calls (stage, done, total) to the UI thread.

    Pass `relay.report` as the Qt-free callback of long work run by the worker; `moved` is
    emitted on the worker's thread, and Qt queues it to slots of objects on the UI thread.
    """

    moved = Signal(str, int, int)

    def report(self, stage: str, done: int, total: int) -> None:
        self.moved.emit(stage, done, total)


@dataclass
class _Ticket:
    job: Callable[[Any], Any]  # a Session, or None for `call`
    on_done: Callable[[Any], None] | None
    on_error: Callable[[StationError], None] | None
    write: bool | None


@dataclass(frozen=True)
class _Result:
    value: object


_FAILED = object()
