"""Where a kiosk keeps its files: --data-dir, then REDPOST_DATA_DIR, then the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "REDPOST_DATA_DIR"
DB_NAME = "redpost.db"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs  # only here: a kiosk given its folder starts without it (issue 8)

    return Path(platformdirs.user_data_dir("redpost", appauthor=False))


def database(folder: Path) -> Path:
    return folder / DB_NAME


def backups(folder: Path) -> Path:
    return folder / "backups"


def photos(folder: Path) -> Path:
    return folder / "photos"


def signatures(folder: Path) -> Path:
    return folder / "signatures"


def logs(folder: Path) -> Path:
    return folder / "logs"
