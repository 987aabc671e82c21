"""Reading a SQLite file with no chance of changing or creating it: the start-up check and
backups' checks (`station.backup`), and the window's first look (`station.glance`)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


def connect(path: Path) -> closing[sqlite3.Connection]:
    """A connection that can never change, or create, the file it reads."""
    return closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True))
