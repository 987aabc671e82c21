"""Starting `idle_window.py` from a benchmark: offscreen, with the kiosk compiled as installed.

Kept apart from the child itself, so the child (the floor's bare window too) imports nothing
the parent needs.
"""

from __future__ import annotations

import compileall
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

CHILD = Path(__file__).with_name("idle_window.py")
# The kiosk's own packages. An installed kiosk runs them from bytecode: pip compiles them when
# it installs the wheel, and the bundle holds them compiled. A checkout run with
# PYTHONDONTWRITEBYTECODE set (as on this project's machines) compiled 45 of their modules
# from source at every start, 0.1 s that no installed kiosk spends.
PACKAGES = ("station", "ui")


def compile_kiosk() -> None:
    """Bring the bytecode of the kiosk's packages up to date, as installing them does."""
    for package in PACKAGES:
        spec = importlib.util.find_spec(package)  # found, not imported: `ui` would load Qt
        if spec is None or not spec.submodule_search_locations:
            raise RuntimeError(f"the kiosk's package {package!r} is not importable")
        for folder in spec.submodule_search_locations:
            if not compileall.compile_dir(folder, quiet=1):
                raise RuntimeError(f"{folder} did not compile")


def launch(argv: list[str], timeout: float) -> list[str]:
    """Run `idle_window.py argv`, offscreen; the lines it printed. Fails if it failed."""
    done = subprocess.run(  # noqa: S603  (our own script)
        [sys.executable, str(CHILD), *argv],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
    lines = done.stdout.splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(
            f"idle_window.py {' '.join(argv)} failed (exit {done.returncode}): {done.stderr[-500:]}"
        )
    return lines
