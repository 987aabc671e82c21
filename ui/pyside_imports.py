"""PySide6's import hook, made to read a module's file without keeping it.

After PySide6 is imported, every module imported after it is asked whether it uses PySide6
(for its `__feature__` switches): the hook reads the module's whole source through
`inspect.getsource`, which keeps every line in `linecache` for the life of the process. The
kiosk loads its data layer after Qt, behind the sign-in screen (issue 8): some 230 modules
of SQLAlchemy and its own core, whose kept sources raised the kiosk's peak memory by 12 MB
and their reading took 40 ms; the front end's own modules, read the same way before its
window shows, took 6 ms of every start. The same question is answered here from the file's
bytes, which are let go at once. `ui/__init__.py` installs it before any of them loads.

The hook is PySide6's private module (`shibokensupport.feature`); where it is not there or
differs, nothing is changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_MARK = "_redpost_reads_bytes"


def read_sources_lightly() -> bool:
    """Answer PySide6's question from the file's bytes; whether the hook was found."""
    feature = sys.modules.get("shibokensupport.feature")
    original: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None:
        return False
    if getattr(original, _MARK, False):
        return True

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    setattr(uses_pyside, _MARK, True)
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
