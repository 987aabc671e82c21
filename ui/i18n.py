"""Languages of the UI: Qt translators for our strings, and the core's language code.

Source strings are English; `resources/translations/redpost_zh_CN.ts` holds the Chinese.
Switching installs the other translator, then calls every `Retranslatable` widget's
`retranslate()`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

LANGUAGES = ("zh_CN", "en")
TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"

_state: dict[str, object] = {"lang": "zh_CN", "translators": []}


def qm_path(lang: str) -> Path:
    return TRANSLATIONS / f"redpost_{lang}.qm"


def current() -> str:
    """The language code the core's messages and labels take (zh_CN or en)."""
    return str(_state["lang"])


def switch(lang: str) -> bool:
    """Make `lang` the UI language; False when its compiled translation is missing."""
    app = QCoreApplication.instance()
    if app is None or lang not in LANGUAGES:
        return False
    translators = _state["translators"]
    assert isinstance(translators, list)
    for old in translators:
        app.removeTranslator(old)
    translators.clear()
    ok = True
    if lang != "en":
        ours = QTranslator(app)
        ok = ours.load(str(qm_path(lang)))
        if ok:
            app.installTranslator(ours)
            translators.append(ours)
        qt_own = QTranslator(app)
        if qt_own.load(
            QLocale(lang),
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            app.installTranslator(qt_own)
            translators.append(qt_own)
    _state["lang"] = lang
    QLocale.setDefault(QLocale(lang))
    _announcer.changed.emit()
    return ok


class _Announcer(QObject):
    changed = Signal()  # the language, after `switch`


_announcer = _Announcer()


class Retranslatable:
    """Mixin for widgets whose texts follow the language: implement `retranslate()`, which
    `switch` calls on each one alive, parents before children.

    Qt's own LanguageChange event would do the same through `changeEvent`, but a widget
    that overrides that receives every change event (enabled, font, style...) in Python,
    and the first one it receives loads PySide6's 43 event classes: 3 ms of the kiosk's
    start, before its window shows (issue 8)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Qt drops the connection when the widget is deleted.
        _announcer.changed.connect(self.retranslate)

    def retranslate(self) -> None:
        raise NotImplementedError
