"""PySide6's import hook still tells modules using PySide6 from the others, without keeping
their sources in memory."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

from ui import pyside_imports


def test_the_hook_tells_the_same_apart_and_keeps_no_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert pyside_imports.read_sources_lightly()  # the hook is there in our PySide6
    (tmp_path / "rp_qt_user.py").write_text("# uses PySide6 widgets\nVALUE = 1\n")
    (tmp_path / "rp_qt_free.py").write_text("VALUE = 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))

    for name in ("rp_qt_user", "rp_qt_free"):
        __import__(name)  # an import statement's way, which PySide6 hooks (import_module is not)

    feature = sys.modules["shibokensupport.feature"]
    assert feature.pyside_feature_dict["rp_qt_user"] == 0  # switchable, as PySide6 decides
    assert feature.pyside_feature_dict["rp_qt_free"] == -1  # ignored
    assert not [f for f in linecache.cache if str(f).startswith(str(tmp_path))]
    assert pyside_imports.read_sources_lightly()  # a second call changes nothing
    for name in ("rp_qt_user", "rp_qt_free"):
        del sys.modules[name]
