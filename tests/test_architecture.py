"""The core runs without Qt: importing every station module must not load PySide6."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import station

CORE = Path(station.__file__).parent


def test_no_core_module_imports_qt_in_its_source() -> None:
    offenders = []
    for source in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"} for n in names):
                offenders.append(str(source.relative_to(CORE.parent)))
    assert offenders == []


def test_importing_the_whole_core_loads_no_qt() -> None:
    script = (
        "import pkgutil, importlib, sys, station\n"
        "for m in pkgutil.walk_packages(station.__path__, 'station.'):\n"
        "    if '.migrations.' in m.name and m.name.endswith('env'): continue\n"
        "    importlib.import_module(m.name)\n"
        "loaded = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
