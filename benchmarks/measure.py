"""Timing and the result entries every benchmark hands back.

Each benchmark times its operation and its floor over the same repetitions, interleaved, so
a machine that slows down mid-run slows both; the entry keeps median and p95 of each.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Target:
    """What the issue asks: a ratio to the floor, a bound on the median or the p95, or some of
    them (None: no bound). A memory benchmark's figures are megabytes, not seconds."""

    max_ratio: float | None = None
    max_seconds: float | None = None
    max_p95_seconds: float | None = None
    max_megabytes: float | None = None

    @property
    def unit(self) -> str:
        return "MB" if self.max_megabytes is not None else "s"

    def describe(self) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"ratio <= {self.max_ratio:g}")
        if self.max_seconds is not None:
            parts.append(f"median < {_duration(self.max_seconds)}")
        if self.max_p95_seconds is not None:
            parts.append(f"p95 < {_duration(self.max_p95_seconds)}")
        if self.max_megabytes is not None:
            parts.append(f"median < {self.max_megabytes:g} MB")
        return ", ".join(parts)

    def met(self, median: float, p95: float, ratio: float) -> bool:
        bounds = (
            (self.max_ratio, ratio),
            (self.max_seconds, median),
            (self.max_p95_seconds, p95),
            (self.max_megabytes, median),
        )
        return all(limit is None or value <= limit for limit, value in bounds)


def _duration(seconds: float) -> str:
    return f"{seconds * 1000:g} ms" if seconds < 1 else f"{seconds:g} s"


@dataclass(frozen=True)
class Entry:
    """One benchmark's result, as `--json` writes it. The figures are seconds, or megabytes
    when `unit` says "MB" (peak memory); the field names stay those the issue asks for."""

    name: str
    median_s: float
    p95_s: float
    floor_median_s: float
    floor_p95_s: float
    ratio: float
    target: str
    met: bool
    repetitions: int
    notes: dict[str, Any] = field(default_factory=dict)
    unit: str = "s"

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def p95(samples: list[float]) -> float:
    """The 95th percentile, interpolated between the nearest ranks."""
    ordered = sorted(samples)
    if len(ordered) == 1:
        return ordered[0]
    rank = 0.95 * (len(ordered) - 1)
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def entry(
    name: str,
    target: Target,
    times: list[float],
    floor_times: list[float],
    notes: dict[str, Any] | None = None,
) -> Entry:
    median = statistics.median(times)
    floor = statistics.median(floor_times)
    ratio = median / floor
    return Entry(
        name=name,
        median_s=round(median, 6),
        p95_s=round(p95(times), 6),
        floor_median_s=round(floor, 6),
        floor_p95_s=round(p95(floor_times), 6),
        ratio=round(ratio, 3),
        target=target.describe(),
        met=target.met(median, p95(times), ratio),
        repetitions=len(times),
        notes=notes or {},
        unit=target.unit,
    )


class Stopwatch:
    """Collects the duration of each `with watch.timing():` block."""

    def __init__(self) -> None:
        self.samples: list[float] = []

    @contextmanager
    def timing(self) -> Iterator[None]:
        began = time.perf_counter()
        yield
        self.samples.append(time.perf_counter() - began)


Benchmark = Callable[[bool], Entry]
