"""The kiosk's Qt front end: widgets only; every database call goes through ui.worker.

PySide6 reads the source of every module imported after its own (`ui.pyside_imports`), so
its hook is made light here, before any of the front end's modules load.
"""

import PySide6.QtCore  # noqa: F401  (installs the hook)

from ui import pyside_imports

pyside_imports.read_sources_lightly()
