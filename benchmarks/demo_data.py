"""A year of a station's demo data (`redpost demo --days 365`), made once per run in the run's
scratch folder and shared by the benchmarks that start the kiosk on it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

YEAR, QUICK_DAYS = 365, 3


def data_dir(scratch: Path, quick: bool) -> Path:
    """The folder of a station holding `YEAR` days of demo data (`QUICK_DAYS` when quick)."""
    days = QUICK_DAYS if quick else YEAR
    folder = scratch.parent / f"demo-{days}"
    if not folder.exists():
        # Made aside and renamed when complete, so a failed run leaves no half a year behind.
        making = folder.with_name(f"{folder.name}.making")
        redpost = Path(sys.executable).with_name("redpost")
        subprocess.run(  # noqa: S603  (our own command, our own arguments)
            [str(redpost), "--data-dir", str(making), "demo", "--days", str(days)],
            check=True,
            capture_output=True,
        )
        making.rename(folder)
    return folder
