"""The CJK TrueType font every slip embeds (as a subset), found and registered once per process.

ReportLab embeds only TrueType outlines: WenQuanYi Micro Hei (.ttc) on Linux, Microsoft YaHei or
SimHei on Windows. STSong-Light is never used: it is not embedded and prints blank on machines
without the viewer's Asian font pack.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from station.errors import StateError

FONT_NAME = "RedPostCJK"
ENV_VAR = "REDPOST_CJK_FONT"

# (file, index of the face inside a .ttc collection)
_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
)

_lock = threading.Lock()


def _bundled() -> list[tuple[str, int]]:
    """The font shipped inside an installed bundle (PyInstaller), when there is one."""
    base = getattr(sys, "_MEIPASS", None)
    return [(str(Path(base) / "fonts" / "wqy-microhei.ttc"), 0)] if base else []


def _candidates() -> list[tuple[str, int]]:
    chosen = os.environ.get(ENV_VAR)
    return [*([(chosen, 0)] if chosen else []), *_CANDIDATES, *_bundled()]


def register() -> str:
    """Register the CJK font (once per process) and return its ReportLab name."""
    with _lock:
        if FONT_NAME in pdfmetrics.getRegisteredFontNames():
            return FONT_NAME
        for path, index in _candidates():
            if not Path(path).is_file():
                continue
            try:
                pdfmetrics.registerFont(TTFont(FONT_NAME, path, subfontIndex=index))
            except TTFError:
                continue  # e.g. CFF outlines (Noto CJK .otf): ReportLab cannot embed those
            return FONT_NAME
    raise StateError("no_cjk_font", "paper", env=ENV_VAR)
