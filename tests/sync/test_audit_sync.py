"""The audit trail reaches central with the sync, redacted, and records the sync itself."""

from __future__ import annotations

import json

from sqlalchemy import select

from station import audit
from station.central.schema import records
from station.models import AuditEntry
from station.sync.run import sync
from tests.sync.conftest import Central, KioskFactory
from tests.sync.day import unsynced, work_day


def test_the_trail_goes_to_central_with_the_sync(central: Central, kiosk: KioskFactory) -> None:
    store = kiosk("YF01")
    work_day(store)
    report = sync(store)
    second = sync(store)
    assert (second.pushed, second.pulled) == (0, 0)

    with store.reading() as session:
        assert unsynced(session) == 0
        assert audit.verify(session) is None
        local = {e.id: e for e in session.scalars(select(AuditEntry))}
        syncs = audit.browse(session, action="sync")
    assert [json.loads(e.detail)["pushed"] for e in local.values() if e.action == "sync"] == [
        report.pushed,
        0,
    ]
    assert len(syncs) == 2

    engine = central.admin()
    with engine.connect() as conn:
        held = conn.execute(
            select(records.c.id, records.c.public, records.c.private).where(
                records.c.kind == "audit_entries"
            )
        ).all()
    engine.dispose()
    assert {row.id for row in held} == set(local)
    for row in held:
        assert row.private == {}
        assert row.public["entry_hash"] == local[row.id].entry_hash
    # work_day's visitors and finders: only masked forms reach central.
    text = json.dumps([row.public for row in held], ensure_ascii=False)
    for secret in ("13900001111", "13700002222", "王先生", "李女士", "赵先生"):
        assert secret not in text
    assert "139****1111" in text
