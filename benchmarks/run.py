"""The performance suite (issue 8): every benchmark times an operation and its floor in the
same run, on the same data, and reports median, p95 and the ratio against its target.

    python benchmarks/run.py [--quick] [--json FILE] [--only TEXT] [--keep DIR]

`--quick` uses small sizes, so CI can prove every benchmark still runs; its timings gate
nothing. To add a benchmark, write a module with `NAME` and `run(quick, scratch)`, which
returns its Entry (or one per case, as a list), and list it in BENCHMARKS. `scratch` is the
benchmark's own folder; its parent is the run's, where data several benchmarks use (the
year of demo data) is made once.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import found_search
import help_slip
import inquiry_list
import peak_memory
import save_inquiry
import startup
import sync_day
import sync_push
from measure import Entry

BENCHMARKS: list[tuple[str, Callable[[bool, Path], Entry | list[Entry]]]] = [
    (startup.NAME, startup.run),
    (save_inquiry.NAME, save_inquiry.run),
    (found_search.NAME, found_search.run),
    (inquiry_list.NAME, inquiry_list.run),
    (sync_push.NAME, sync_push.run),
    (sync_day.NAME, sync_day.run),
    (help_slip.NAME, help_slip.run),
    (peak_memory.NAME, peak_memory.run),
]


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, few repetitions")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the entries here")
    parser.add_argument("--only", metavar="TEXT", help="run the benchmarks whose name holds TEXT")
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="make the shared data (demo year, big stores) here and keep it for the next run",
    )
    return parser.parse_args(argv)


def _table(entries: list[Entry]) -> str:
    head = ("operation", "median", "p95", "floor med", "floor p95", "ratio", "target", "met")
    lines = [head]
    for e in entries:
        lines.append(
            (
                e.name,
                _figure(e.median_s, e.unit),
                _figure(e.p95_s, e.unit),
                _figure(e.floor_median_s, e.unit),
                _figure(e.floor_p95_s, e.unit),
                f"{e.ratio:.2f}",
                e.target,
                "yes" if e.met else "NO",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines
    )


def _figure(value: float, unit: str) -> str:
    return f"{value:.1f} MB" if unit == "MB" else f"{value * 1000:.1f} ms"


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    # Stopped by a signal, still drop the databases made so far (the `finally` blocks run).
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    chosen = [(n, b) for n, b in BENCHMARKS if args.only is None or args.only in n]
    entries: list[Entry] = []
    failed = 0
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="redpost-bench-") as scratch:
        # A benchmark finds the shared data beside its own folder, which goes with the run.
        shared = Path(scratch) if args.keep is None else args.keep
        for number, (name, benchmark) in enumerate(chosen, 1):
            print(f"[{number}/{len(chosen)}] {name} …", file=sys.stderr, flush=True)
            folder = Path(tempfile.mkdtemp(prefix=f"b{number}-", dir=shared))
            try:
                result = benchmark(args.quick, folder)
                entries.extend(result if isinstance(result, list) else [result])
            except Exception as exc:  # one broken benchmark must not hide the others' figures
                failed += 1
                print(f"{name}: failed: {exc}", file=sys.stderr)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
    print(_table(entries))
    if args.json is not None:
        args.json.write_text(
            json.dumps([e.as_json() for e in entries], indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
