"""Starting the kiosk: fonts, style, language, the store, the worker, and the main window."""

from __future__ import annotations

import logging
import sys
from concurrent.futures import Future
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from station import backup, upgrade_note, upkeep
from station.access import SYSTEM
from station.errors import StationError
from station.services import station as station_service
from station.store import Store, open_store
from ui import fonts, i18n
from ui.damaged import DamagedScreen
from ui.desks.places import kiosk_places
from ui.shell import MainWindow
from ui.wizard import SetupWizard
from ui.worker import Worker

log = logging.getLogger(__name__)
DAILY_CHECK_MS = 3_600_000
STYLE = Path(__file__).resolve().parents[1] / "resources" / "style.qss"


def application() -> QApplication:
    """The one QApplication, set up with a CJK font and the kiosk style."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("redpost")
    family = fonts.find_cjk_family()
    if family is None:
        log.warning("no font with Chinese characters found; Chinese text will show as boxes")
    app.setFont(fonts.app_font(family))
    app.setStyleSheet(STYLE.read_text(encoding="utf-8"))
    return app


def settings_for(data_dir: Path) -> QSettings:
    """UI preferences (language, last desk, window) live beside the kiosk's data."""
    return QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)


def needs_setup(store: Store) -> bool:
    with store.reading() as session:
        return not station_service.is_initialised(session)


def build_window(store: Store, data_dir: Path) -> MainWindow | None:
    """The main window, after the set-up wizard if the station is new; None if cancelled."""
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
    check: Future[str | None] | None = None,
) -> int:
    """The kiosk's window until it closes. `check` is the store's start-up check, when the
    caller began it already (`backup.check_started`)."""
    app = application()
    settings = settings_for(data_dir)
    i18n.switch(lang or str(settings.value("ui/lang", "zh_CN")))
    if fonts.find_cjk_family() is None:
        # Said in both languages: without the font, the Chinese half would be boxes.
        QMessageBox.warning(
            None,
            "红驿站 Red Post Station",
            "No font with Chinese characters was found, so Chinese text will show as empty "
            "boxes. Install one (Debian: fonts-wqy-microhei; Windows: Microsoft YaHei) or name "
            f"one in the {fonts.ENV_VAR} environment variable.\n\n"
            "未找到中文字体，中文将显示为方框。请安装中文字体（如 fonts-wqy-microhei）。",
        )
    if not store_is_sound(data_dir, kiosk, check):
        return 1
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
    holder = [window]
    _install_excepthook(holder)
    geometry = settings.value("ui/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    if kiosk:
        window.showFullScreen()
    else:
        window.resize(max(window.width(), 1280), max(window.height(), 800))
        window.show()
    if smoke_test:
        QTimer.singleShot(0, lambda: _visit_every_desk(window, app))
    else:
        QTimer.singleShot(0, lambda: tell_upgrade(window, data_dir))
    # A kiosk left running for days still gets its daily backup and retention erasure (on
    # the worker's thread).
    daily = QTimer(window)
    daily.timeout.connect(lambda: window.worker.call(lambda: upkeep.run_daily(data_dir)))
    daily.start(DAILY_CHECK_MS)
    window.worker.call(lambda: upkeep.run_daily(data_dir))
    code = app.exec()
    window.worker.shutdown()
    store.close()
    return code


def tell_upgrade(parent: QWidget, data_dir: Path) -> None:
    """After an upgrade, say once what changed and where the old data is kept."""
    note = upgrade_note.take(data_dir, "gui")
    if note is not None:
        QMessageBox.information(parent, "红驿站 Red Post Station", note.message(i18n.current()))


def store_is_sound(
    data_dir: Path, kiosk: bool = False, check: Future[str | None] | None = None
) -> bool:
    """The start-up check: on a damaged store show the damaged screen, and go on only once
    it has restored a backup; on a sound one take today's backup if none exists yet."""
    damage = backup.diagnose(data_dir, check)
    if damage is not None:
        log.error("the store in %s is damaged: %s", data_dir, damage.problem)
        screen = DamagedScreen(data_dir, damage)
        if kiosk:
            screen.setWindowState(Qt.WindowState.WindowFullScreen)
        return screen.exec() == QDialog.DialogCode.Accepted
    try:
        backup.ensure_daily(data_dir)
    except StationError as exc:  # a full disk must not keep the kiosk from working
        log.warning("no daily backup: %s", exc.message("en"))
    return True


def _visit_every_desk(window: MainWindow, app: QApplication) -> None:
    for index in range(len(window.places)):
        window.show_desk(index, ask=False)
        app.processEvents()
    QTimer.singleShot(500, app.quit)
