"""The window's Chinese font: an installed bundle brings its own for kiosks that have none."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ui import fonts

SYSTEM_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def test_the_bundled_font_is_loaded_from_the_bundle_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "fonts").mkdir()
    (tmp_path / fonts.BUNDLED_FONT).symlink_to(SYSTEM_FONT)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert fonts.bundled_family() == "WenQuanYi Micro Hei"


def test_outside_a_bundle_there_is_no_bundled_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert fonts.bundled_family() is None
