"""The kiosk's daily upkeep, run at start and then every few minutes while it stays open:
today's backup, then the erasure of personal details past their retention period.

Both are the program's own work, so the erasure runs as SYSTEM whoever is signed in (or
nobody); it runs once a day, and its audit entry says so.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from station import access, backup, clock, paths
from station.services import station as station_service
from station.store import open_store

if TYPE_CHECKING:
    from station.services.retention import Counts

log = logging.getLogger(__name__)

LAST_RUN_KEY = "retention.last_auto_day"


def run_daily(folder: Path) -> Counts | None:
    """Take today's backup if missing, then erase what is due once a day; the counts erased
    when the erasure ran now, None when it had already run today (or there is no store)."""
    backup.ensure_daily(folder)
    if not paths.database(folder).exists():
        return None
    today = clock.local_today().isoformat()
    with open_store(folder, actor=access.SYSTEM) as store, store.transaction() as session:
        if not station_service.is_initialised(session):
            return None
        if station_service.get_setting(session, LAST_RUN_KEY) == today:
            return None
        # Imported once a day, when it runs: the kiosk's other starts need none of it.
        from station.services import retention

        counts = retention.run(session)
        station_service.set_setting(session, LAST_RUN_KEY, today)
    if counts.total:
        log.info("daily retention erased %s", counts.as_dict())
    return counts
