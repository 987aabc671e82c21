"""Starting the kiosk: fonts, style, language, the store, the worker, and the main window.

A kiosk set up before starts the quick way (issue 8): a glance at the file (`station.glance`)
fills the sign-in screen, and the window shows while its worker checks the store, takes the
day's backup and opens the store behind it, loading the data layer. If the glance cannot be
trusted, or the store fails to open (damaged, say), the kiosk starts the long way: the
check, the backup and the opening first, then the window. Nothing here imports the data
layer before the window shows, nor what the locked window does without (message boxes,
dialogs, backups, upgrade notes): each is imported where it is first needed.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractEventDispatcher, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from station import glance
from station.access import SYSTEM
from station.errors import StationError
from ui import fonts, i18n
from ui.desks.places import kiosk_places
from ui.shell import MainWindow
from ui.worker import Opening, Worker

if TYPE_CHECKING:
    from station.store import Store

log = logging.getLogger(__name__)
DAILY_CHECK_MS = 3_600_000
# The quick start's exit code when its store would not open: start again the long way.
THE_LONG_WAY = -2
STYLE = Path(__file__).resolve().parents[1] / "resources" / "style.qss"
# The QApplication's property naming the font family with Chinese it uses ("" for none).
CHINESE_FONT = "chineseFont"


def application() -> QApplication:
    """The one QApplication, set up with a CJK font and the kiosk style."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("redpost")
    family = fonts.find_cjk_family()
    if family is None:
        log.warning("no font with Chinese characters found; Chinese text will show as boxes")
    app.setProperty(CHINESE_FONT, family or "")  # asked again by `run`, without a second search
    app.setFont(fonts.app_font(family))
    app.setStyleSheet(STYLE.read_text(encoding="utf-8"))
    return app


def settings_for(data_dir: Path) -> QSettings:
    """UI preferences (language, last desk, window) live beside the kiosk's data."""
    return QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)


def needs_setup(store: Store) -> bool:
    from station.services import station as station_service

    with store.reading() as session:
        return not station_service.is_initialised(session)


def build_window(store: Store, data_dir: Path) -> MainWindow | None:
    """The main window, after the set-up wizard if the station is new; None if cancelled."""
    from PySide6.QtWidgets import QDialog

    from ui.wizard import SetupWizard

    worker = Worker(store)
    if needs_setup(store) and SetupWizard(worker).exec() != QDialog.DialogCode.Accepted:
        worker.shutdown()
        return None
    return MainWindow(worker, kiosk_places(worker), settings_for(data_dir))


def _install_excepthook(window_holder: list[MainWindow]) -> None:
    def hook(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
        log.error("unexpected error in the UI", exc_info=(kind, value, trace))
        if window_holder:
            window_holder[0].apologise("ui")

    sys.excepthook = hook


def run(
    data_dir: Path,
    kiosk: bool = False,
    lang: str | None = None,
    smoke_test: bool = False,
    first_look: Future[glance.Glance | None] | None = None,
) -> int:
    """The kiosk's window until it closes. `first_look` is the glance at its store, when the
    caller began it already (`glance.started`)."""
    app = application()
    settings = settings_for(data_dir)
    i18n.switch(lang or str(settings.value("ui/lang", "zh_CN")))
    if not app.property(CHINESE_FONT):
        from PySide6.QtWidgets import QMessageBox

        # Said in both languages: without the font, the Chinese half would be boxes.
        QMessageBox.warning(
            None,
            "红驿站 Red Post Station",
            "No font with Chinese characters was found, so Chinese text will show as empty "
            "boxes. Install one (Debian: fonts-wqy-microhei; Windows: Microsoft YaHei) or name "
            f"one in the {fonts.ENV_VAR} environment variable.\n\n"
            "未找到中文字体，中文将显示为方框。请安装中文字体（如 fonts-wqy-microhei）。",
        )
    # The smoke test visits every desk as the program itself, so it opens the store first.
    if smoke_test:
        seen = None
    else:
        seen = glance.read(data_dir) if first_look is None else first_look.result()
    if seen is not None:
        code = _present(app, quick_window(data_dir, settings, seen), data_dir, kiosk)
        if code != THE_LONG_WAY:
            return code
    if not store_is_sound(data_dir, kiosk):
        return 1
    from PySide6.QtWidgets import QMessageBox

    from station.store import open_store

    try:
        # The kiosk starts locked; the smoke test visits every desk as the program itself.
        store = open_store(data_dir, actor=SYSTEM if smoke_test else None)
    except StationError as exc:
        QMessageBox.critical(None, "红驿站 Red Post Station", exc.message(i18n.current()))
        return 1
    window = build_window(store, data_dir)
    if window is None:
        store.close()
        return 0
    window.worker.call(lambda: _daily_upkeep(data_dir))
    code = _present(app, window, data_dir, kiosk, smoke_test)
    store.close()
    return code


def quick_window(data_dir: Path, settings: QSettings, seen: glance.Glance) -> MainWindow:
    """The locked window, filled from `seen`, its store opening behind it. Once open, the
    store's daily upkeep runs and an upgrade's note is shown; if it fails to open, the
    window's loop ends with THE_LONG_WAY."""
    worker = Worker(Opening(data_dir, lambda: open_behind(data_dir)))
    window = MainWindow(worker, kiosk_places(worker), settings, glance=seen)

    def opened(outcome: object) -> None:
        if isinstance(outcome, BaseException):
            # The window goes. A sign-in typed meanwhile failed with the store: no answer
            # of its worker may reach it (an apology over the damaged screen, say).
            worker.blockSignals(True)
            if isinstance(outcome, StoreDamaged | StationError):
                log.warning("the store did not open behind the window: %s", outcome)
            else:
                log.error("the store did not open behind the window", exc_info=outcome)
            window.hide()
            QApplication.exit(THE_LONG_WAY)
        else:
            worker.call(lambda: _daily_upkeep(data_dir))
            tell_upgrade(window, data_dir)

    worker.opened.connect(opened)
    return window


def open_behind(data_dir: Path) -> Store:
    """The store, opened on the worker's thread as the long way opens it before its window:
    after the start-up check, and today's backup. A damaged store raises StoreDamaged."""
    from station import backup

    check = backup.check_started(data_dir)
    # SQLite checks the file without the interpreter, so the data layer loads meanwhile.
    from station.store import open_store

    damage = backup.diagnose(data_dir, check)
    if damage is not None:
        raise StoreDamaged(damage.problem)
    _daily_backup(data_dir)
    return open_store(data_dir, actor=None)


class StoreDamaged(Exception):
    """The start-up check found the store damaged: the long way shows the damaged screen."""


def _present(
    app: QApplication, window: MainWindow, data_dir: Path, kiosk: bool, smoke_test: bool = False
) -> int:
    """Show the window and run it until it closes; the loop's exit code. A window whose
    store is still to open begins opening it once the window waits for its first touch."""
    holder = [window]
    _install_excepthook(holder)
    geometry = window.settings.value("ui/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    if kiosk:
        window.showFullScreen()
    else:
        window.resize(max(window.width(), 1280), max(window.height(), 800))
        window.show()
    _when_idle(window.worker.begin_opening)
    if smoke_test:
        QTimer.singleShot(0, lambda: _visit_every_desk(window, app))
    elif window.worker.is_open():  # else once it is (`quick_window`)
        QTimer.singleShot(0, lambda: tell_upgrade(window, data_dir))
    # A kiosk left running for days still gets its daily backup and retention erasure (on
    # the worker's thread).
    daily = QTimer(window)
    daily.timeout.connect(lambda: window.worker.call(lambda: _daily_upkeep(data_dir)))
    daily.start(DAILY_CHECK_MS)
    code = app.exec()
    holder.clear()  # an error after this window has gone is only logged
    window.worker.shutdown()
    window.deleteLater()
    return code


def _when_idle(do: Callable[[], None]) -> None:
    """Call `do` once, the first time the event loop has nothing left to do."""
    dispatcher = QAbstractEventDispatcher.instance()
    assert dispatcher is not None  # made with the QApplication

    def once() -> None:
        dispatcher.aboutToBlock.disconnect(once)
        do()

    dispatcher.aboutToBlock.connect(once)


def _daily_upkeep(data_dir: Path) -> None:
    from station import upkeep

    upkeep.run_daily(data_dir)


def tell_upgrade(parent: QWidget, data_dir: Path) -> None:
    """After an upgrade, say once what changed and where the old data is kept."""
    from PySide6.QtWidgets import QMessageBox

    from station import upgrade_note

    note = upgrade_note.take(data_dir, "gui")
    if note is not None:
        QMessageBox.information(parent, "红驿站 Red Post Station", note.message(i18n.current()))


def store_is_sound(data_dir: Path, kiosk: bool = False) -> bool:
    """The start-up check: on a damaged store show the damaged screen, and go on only once
    it has restored a backup; on a sound one take today's backup if none exists yet."""
    from station import backup

    damage = backup.diagnose(data_dir)
    if damage is not None:
        from PySide6.QtWidgets import QDialog

        from ui.damaged import DamagedScreen

        log.error("the store in %s is damaged: %s", data_dir, damage.problem)
        screen = DamagedScreen(data_dir, damage, full_screen=kiosk)
        return screen.exec() == QDialog.DialogCode.Accepted
    _daily_backup(data_dir)
    return True


def _daily_backup(data_dir: Path) -> None:
    from station import backup

    try:
        backup.ensure_daily(data_dir)
    except StationError as exc:  # a full disk must not keep the kiosk from working
        log.warning("no daily backup: %s", exc.message("en"))


def _visit_every_desk(window: MainWindow, app: QApplication) -> None:
    for index in range(len(window.places)):
        window.show_desk(index, ask=False)
        app.processEvents()
    QTimer.singleShot(500, app.quit)
