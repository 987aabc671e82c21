"""One worker thread for all database work of the UI; results come back on the UI thread.

Widgets say what to run and what to do with the result, nothing else (as Anki's
CollectionOp): `worker.write(lambda s: inquiries.create(s, ...), on_done=..., on_error=...)`.
A write runs in one store transaction and a read in one snapshot, so a failed action leaves
nothing behind. Errors a person caused (StationError) go to `on_error`; anything else is
logged with its traceback and reported through the `unexpected` signal.

The store may still be opening when the worker is made (`Opening`): the window starts before
the data layer has loaded (issue 8). It opens on the worker's thread, ahead of every job.
"""

from __future__ import annotations

import contextvars
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from PySide6.QtCore import QObject, Signal

from station.errors import StationError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from station.access import Actor
    from station.store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")
Job = Callable[["Session"], T]


# Records here are named tuples, not dataclasses, which take longer to define: this module
# loads before the locked window shows (issue 8).
class Opening(NamedTuple):
    """A store still to be opened, on the worker's thread, for nobody (the kiosk locked)."""

    folder: Path
    open: Callable[[], Store]


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
    # an Opening's outcome, on the UI thread: the Store, or the exception that stopped it
    opened = Signal(object)

    def __init__(self, store: Store | Opening, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = store.folder
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="redpost-db")
        self._store: Future[Store]
        self._owns_store = isinstance(store, Opening)
        # An Opening waits for `begin_opening`, first in the queue, ahead of every job.
        self._may_open = threading.Event()
        self._cancelled = False
        self._pending = 0
        self._ticket = 0
        self._tickets: dict[int, _Ticket] = {}
        self._finished.connect(self._deliver)
        # Whether the UI thread has heard the opening's outcome (a store handed over: yes).
        self._heard = not isinstance(store, Opening)
        self.opened.connect(self._hear)  # first, before any slot the window connects
        if isinstance(store, Opening):
            self._store = self._pool.submit(self._open, store)
            self._store.add_done_callback(self._announce)
        else:
            self._store = Future()
            self._store.set_result(store)

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

    def begin_opening(self) -> None:
        """Let an Opening open the store. Call it once the window shows: opening loads the
        data layer, which would share the interpreter with the window's building."""
        self._may_open.set()

    @property
    def store(self) -> Store:
        """The open store; on the UI thread, only once a job has come back (it may wait)."""
        return self._store.result()

    def is_open(self) -> bool:
        """Whether the store has opened (or failed to), as the UI thread has heard by now:
        the slots of `opened` have run."""
        return self._heard

    def actor(self) -> Actor | None:
        """Who the store acts for now, without waiting: nobody while it is opening."""
        return self.store.actor if self._heard and self._store.exception() is None else None

    def is_idle(self) -> bool:
        return self._pending == 0

    def shutdown(self) -> None:
        """Wait for the jobs queued; then close the store if the worker opened it (a store
        handed to it stays its owner's to close)."""
        self._cancelled = not self._may_open.is_set()
        self._may_open.set()
        self._pool.shutdown(wait=True)
        if self._owns_store and self._store.exception() is None:
            self._store.result().close()

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

    def _open(self, opening: Opening) -> Store:
        self._may_open.wait()
        if self._cancelled:
            raise StoreNotOpened("the worker shut down before it began opening the store")
        return opening.open()

    def _announce(self, opening: Future[Store]) -> None:
        """Tell the UI thread how the opening ended (on the worker's thread, once it has)."""
        failure = opening.exception()
        if not isinstance(failure, StoreNotOpened):
            self.opened.emit(opening.result() if failure is None else failure)

    def _hear(self, _outcome: object) -> None:
        self._heard = True

    def _opening_error(self) -> BaseException | None:
        return self._store.exception() if self._store.done() else None

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
        except Exception as exc:
            if exc is not self._opening_error():  # that one was told through `opened`
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


class StoreNotOpened(Exception):
    """The worker was shut down before its Opening began."""


class _Ticket(NamedTuple):
    job: Callable[[Any], Any]  # a Session, or None for `call`
    on_done: Callable[[Any], None] | None
    on_error: Callable[[StationError], None] | None
    write: bool | None


class _Result(NamedTuple):
    value: object


_FAILED = object()
