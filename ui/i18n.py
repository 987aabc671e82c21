"""Languages of the UI: Qt translators for our strings, and the core's language code.

Source strings are English; `resources/translations/redpost_zh_CN.ts` holds the Chinese.
Switching installs the other translator, and Qt sends every widget a LanguageChange event,
on which it calls its `retranslate()`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

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
    # Installing or removing a translator makes Qt send LanguageChange to every widget.
    _state["lang"] = lang
    QLocale.setDefault(QLocale(lang))
    return ok


class Retranslatable:
    """Mixin for widgets whose texts follow the language: implement `retranslate()`."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
