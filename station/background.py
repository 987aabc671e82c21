"""Work begun on a thread of its own while the program goes on loading; the caller collects
its answer from the Future. SQLite lets go of the interpreter while it reads a file, so a
check or a count of the store runs beside the imports of Qt and the data layer."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def begun(name: str, work: Callable[..., T], *args: Any) -> Future[T]:
    """`work(*args)`, begun now on a thread called `redpost-{name}`, which ends with it."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"redpost-{name}")
    try:
        return pool.submit(work, *args)
    finally:
        pool.shutdown(wait=False)
