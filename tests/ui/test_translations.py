"""Every UI string has its Chinese translation, and the shipped .qm is the .ts compiled."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

from ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = i18n.TRANSLATIONS / "redpost_zh_CN.ts"
LUPDATE = str(Path(sys.executable).with_name("pyside6-lupdate"))


def _sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()  # noqa: S314 (our own file)
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _is_translated(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in {"unfinished", "vanished", "obsolete"}:
        return False
    return bool("".join(translation.itertext()).strip())


def test_every_ui_string_has_a_chinese_translation(tmp_path: Path) -> None:
    """lupdate over today's sources adds any new string as unfinished: none may be."""
    current = tmp_path / "current.ts"
    shutil.copy(TS, current)
    subprocess.run(
        [
            LUPDATE,
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *_sources(),
            "-ts",
            str(current),
        ],
        check=True,
    )
    untranslated = [
        key for key, message in _messages(current).items() if not _is_translated(message)
    ]
    assert untranslated == []
    stale = set(_messages(TS)) - set(_messages(current))
    assert stale == set(), "strings no longer in the UI: run `make ts`"


def test_the_compiled_translation_loads_and_translates() -> None:
    translator = QTranslator()
    assert translator.load(str(i18n.qm_path("zh_CN")))
    assert translator.translate("MainWindow", "Red Post Station") == "红驿站"
