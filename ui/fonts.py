"""Choosing a font that has Chinese in it, by name, rather than trusting Qt's fallback."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

# TrueType CJK families, most preferred first: Linux packages, then Windows' own.
PREFERRED = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "Microsoft YaHei UI",
    "SimHei",
    "SimSun",
)
ENV_VAR = "REDPOST_FONT"
BUNDLED_FONT = "fonts/wqy-microhei.ttc"
BASE_POINT_SIZE = 15


def find_cjk_family(wanted: str | None = None) -> str | None:
    """The family to use: `wanted` (or $REDPOST_FONT) if installed, else the first preferred."""
    families = set(QFontDatabase.families())
    for name in (wanted, os.environ.get(ENV_VAR), *PREFERRED):
        if name and name in families:
            return name
    # Any installed family that claims Simplified Chinese will do better than boxes.
    for name in sorted(families):
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(name):
            return name
    return bundled_family()


def bundled_family() -> str | None:
    """The font shipped inside an installed bundle (PyInstaller), loaded into Qt's font list."""
    base = getattr(sys, "_MEIPASS", None)
    if base is None:
        return None
    loaded = QFontDatabase.addApplicationFont(str(Path(base) / BUNDLED_FONT))
    families = QFontDatabase.applicationFontFamilies(loaded) if loaded >= 0 else []
    return families[0] if families else None


def app_font(family: str | None) -> QFont:
    font = QFont(family) if family else QFont()
    font.setPointSize(BASE_POINT_SIZE)
    return font
