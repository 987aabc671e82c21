"""What changed at an upgrade: one short note the command line prints and the window shows.

`store.migrate` records the note in the data folder when it upgrades a file that held data;
each reader (the command line, the window) takes it once. News is keyed by the migration
that brings it (revisions are zero-padded, so their order is the string order).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from station.messages import render

Reader = Literal["cli", "gui"]

NOTE_FILE = "upgrade-note.json"
READERS: tuple[Reader, ...] = ("cli", "gui")
# Migration revision -> the message (station/messages.py) saying what it brings.
NEWS = {"0005": "news_sign_in"}

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UpgradeNote:
    from_revision: str
    to_revision: str
    backup: str

    def message(self, lang: str) -> str:
        lines = [
            render(
                "upgraded",
                lang,
                old=self.from_revision,
                new=self.to_revision,
                backup=self.backup,
            )
        ]
        lines += [
            render(code, lang)
            for revision, code in sorted(NEWS.items())
            if self.from_revision < revision <= self.to_revision
        ]
        return "\n".join(lines)


def record(folder: Path, from_revision: str, to_revision: str, backup: Path) -> None:
    """Keep the note for every reader; a note not yet read keeps its older starting point."""
    pending = _load(folder)
    if pending is not None:
        from_revision = min(from_revision, pending[0].from_revision)
    note = UpgradeNote(from_revision, to_revision, str(backup))
    _save(folder, note, READERS)


def take(folder: Path, reader: Reader) -> UpgradeNote | None:
    """The note if `reader` has not had it yet; it is then marked as read by `reader`."""
    pending = _load(folder)
    if pending is None or reader not in pending[1]:
        return None
    note, unread = pending
    left = tuple(r for r in unread if r != reader)
    if left:
        _save(folder, note, left)
    else:
        (folder / NOTE_FILE).unlink(missing_ok=True)
    return note


def _load(folder: Path) -> tuple[UpgradeNote, tuple[str, ...]] | None:
    try:
        data = json.loads((folder / NOTE_FILE).read_text(encoding="utf-8"))
        note = UpgradeNote(str(data["from"]), str(data["to"]), str(data["backup"]))
        return note, tuple(str(r) for r in data["unread"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring an unreadable upgrade note: %s", exc)
        return None


def _save(folder: Path, note: UpgradeNote, unread: tuple[str, ...]) -> None:
    data = {
        "from": note.from_revision,
        "to": note.to_revision,
        "backup": note.backup,
        "unread": list(unread),
    }
    try:
        (folder / NOTE_FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    except OSError as exc:  # the upgrade itself succeeded; only the note is lost
        log.warning("could not keep the upgrade note: %s", exc)
