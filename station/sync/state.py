"""Sync book-keeping kept in the settings table: where pulling stopped, central's epoch,
kinds to re-push in full, the central connection, and the last run."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from station.services.station import get_setting, set_setting

WATERMARK = "sync.watermark"
EPOCH = "sync.epoch"
REPUSH_KINDS = "sync.repush_kinds"
LAST_SUCCESS = "sync.last_success"
LAST_REPORT = "sync.last_report"
CENTRAL_URL = "central.url"
CENTRAL_SSLMODE = "central.sslmode"
CENTRAL_SSLROOTCERT = "central.sslrootcert"


def watermark(session: Session) -> int:
    value = get_setting(session, WATERMARK, 0)
    return value if isinstance(value, int) else 0


def set_watermark(session: Session, seq: int) -> None:
    set_setting(session, WATERMARK, seq)


def epoch(session: Session) -> str | None:
    value = get_setting(session, EPOCH)
    return value if isinstance(value, str) else None


def set_epoch(session: Session, value: str) -> None:
    set_setting(session, EPOCH, value)


def repush_kinds(session: Session) -> list[str]:
    value = get_setting(session, REPUSH_KINDS, [])
    return [k for k in value if isinstance(k, str)] if isinstance(value, list) else []


def set_repush_kinds(session: Session, kinds: list[str]) -> None:
    set_setting(session, REPUSH_KINDS, sorted(set(kinds)))


def last_success(session: Session) -> str | None:
    """When the last sync finished, as an ISO UTC time (for the header), or None."""
    value = get_setting(session, LAST_SUCCESS)
    return value if isinstance(value, str) else None


def last_report(session: Session) -> dict[str, Any] | None:
    """The last sync's report as saved by `station.sync.run.sync` (see SyncReport.as_dict)."""
    value = get_setting(session, LAST_REPORT)
    return value if isinstance(value, dict) else None


def save_run(session: Session, finished_at: str, report: dict[str, Any]) -> None:
    set_setting(session, LAST_SUCCESS, finished_at)
    set_setting(session, LAST_REPORT, report)
