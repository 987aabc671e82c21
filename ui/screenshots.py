"""`redpost screenshots`: every screen with the data it holds, one PNG each, to look at: the
sign-in screen first, then every desk as the person the command signed in (a lead)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from station.access import Actor
from station.store import open_store
from ui import i18n
from ui.app import application, needs_setup
from ui.desks.places import kiosk_places
from ui.shell import MainWindow
from ui.wizard import SetupWizard
from ui.worker import Worker

SIZE = (1280, 800)
DESK_NAMES = ("inquiries", "volunteers", "lostfound", "today", "sync", "lead")


def _settle(app: QApplication, worker: Worker, seconds: float = 15.0) -> None:
    """Let the worker finish and the screen repaint."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if worker.is_idle():
            break
    for _ in range(5):
        app.processEvents()


def _save(widget: QWidget, path: Path) -> Path:
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def take(data_dir: Path, out: Path, lang: str, actor: Actor) -> list[Path]:
    """Save one PNG per screen into `out`, the desks as `actor` sees them; returns the files
    written."""
    app = application()
    i18n.switch(lang)
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    with open_store(data_dir, actor=None) as store, tempfile.TemporaryDirectory() as scratch:
        worker = Worker(store)
        try:
            wizard = SetupWizard(worker)
            wizard.resize(640, 560)
            wizard.show()
            _settle(app, worker)
            saved.append(_save(wizard, out / "00-setup-wizard.png"))
            wizard.close()
            if needs_setup(store):
                return saved
            # The person's remembered desk and window stay as they were.
            settings = QSettings(str(Path(scratch) / "ui.ini"), QSettings.Format.IniFormat)
            window = MainWindow(worker, kiosk_places(worker), settings)
            window.resize(*SIZE)
            window.show()
            _settle(app, worker)
            saved.append(_save(window, out / "00-sign-in.png"))
            window.admit(actor)
            for index in range(len(window.places)):
                window.show_desk(index, ask=False)
                _settle(app, worker)
                for view, show in window.current_desk().screenshot_views():
                    show()
                    _settle(app, worker)
                    suffix = f"-{view}" if view else ""
                    name = f"{index + 1:02d}-{DESK_NAMES[index]}{suffix}.png"
                    saved.append(_save(window, out / name))
            window.close()
        finally:
            _settle(app, worker)
            worker.shutdown()
    return saved
