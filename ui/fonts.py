"""Choosing a font that has Chinese in it, by name, rather than trusting Qt's fallback."""

from __future__ import annotations

import os

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
    return None


def app_font(family: str | None) -> QFont:
    font = QFont(family) if family else QFont()
    font.setPointSize(BASE_POINT_SIZE)
    return font
