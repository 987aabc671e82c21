"""The sync after a kiosk restored a backup: central stays complete and nothing doubles."""

from __future__ import annotations

from pathlib import Path

from station import backup, paths
from station.store import open_store
from station.sync.run import sync
from station.sync.wire import SHARED_KINDS
from tests.sync.conftest import Central, KioskFactory
from tests.sync.day import own_records, work_day


def truncate(db: Path) -> None:
    with db.open("r+b") as f:
        f.truncate(db.stat().st_size // 2)


def test_a_backup_never_synced_is_pushed_once_after_restore(
    central: Central, kiosk: KioskFactory
) -> None:
    store = kiosk("YF01")
    folder = store.folder
    work_day(store)
    backup.take(folder)  # every change of the day still waits in the outbox
    with store.reading() as session:
        expected = own_records(session, "YF01")
    store.close()
    truncate(paths.database(folder))
    backup.restore(folder)
    with open_store(folder) as restored:
        report = sync(restored)
        assert (report.conflicts, report.parked, report.mismatches) == (0, 0, [])
        assert sync(restored).pushed == 0
    held = central.rows()
    assert {(kind, rid, version) for kind, rid, _, version in held} >= expected
    assert len(held) == len({r[1] for r in held}), "a record reached central twice"


def test_a_restore_older_than_the_last_sync_keeps_central_complete(
    central: Central, kiosk: KioskFactory
) -> None:
    store = kiosk("YF01")
    folder = store.folder
    work_day(store, "1")
    backup.take(folder)  # day 1 not yet synced
    assert sync(store).conflicts == 0
    work_day(store, "2")
    assert sync(store).mismatches == []
    held = central.rows()
    work_day(store, "3")  # never synced: lost with the disk
    store.close()
    truncate(paths.database(folder))

    backup.restore(folder)
    with open_store(folder) as restored:
        report = sync(restored)
        with restored.reading() as session:
            mine = own_records(session, "YF01")
    assert (report.conflicts, report.parked) == (0, 0)
    # Central lost no record nor version; what it gained is only the trail of this sync.
    after = central.rows()
    assert set(held) <= set(after)
    assert {r[0] for r in set(after) - set(held)} <= {"audit_entries"}
    assert len(after) == len({r[1] for r in after}), "a record reached central twice"
    # Shared records made after the backup came back from central (rule 4, from seq 0) ...
    central_shared = {(k, i, v) for k, i, _, v in held if k in SHARED_KINDS}
    assert central_shared <= mine
    # ... and the kinds central alone still holds are named by the closing check.
    assert report.mismatches
    for kind, at_kiosk, at_central in report.mismatches:
        assert kind not in SHARED_KINDS
        assert at_central > at_kiosk
