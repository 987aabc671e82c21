"""The slips' CJK font: on a kiosk with none installed, the bundle's own copy is embedded."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from station.errors import StateError
from station.slips import font

SYSTEM_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@pytest.fixture
def no_system_font(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that has registered no font yet, on a machine with no CJK font."""
    monkeypatch.setattr(pdfmetrics, "_fonts", {})
    monkeypatch.setattr(pdfmetrics, "_dynFaceNames", {})
    monkeypatch.setattr(font, "_CANDIDATES", ())
    monkeypatch.delenv(font.ENV_VAR, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)


@pytest.mark.usefixtures("no_system_font")
def test_the_bundled_font_is_the_last_resort(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "wqy-microhei.ttc").symlink_to(SYSTEM_FONT)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)

    assert font.register() == font.FONT_NAME

    registered = pdfmetrics.getFont(font.FONT_NAME)
    assert isinstance(registered, TTFont)
    assert Path(registered.face.filename).parent == tmp_path / "fonts"


@pytest.mark.usefixtures("no_system_font")
def test_with_no_font_anywhere_the_slip_is_refused_with_a_plain_message() -> None:
    with pytest.raises(StateError) as caught:
        font.register()
    assert caught.value.code == "no_cjk_font"
