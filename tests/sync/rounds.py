"""Random work at a kiosk between syncs, where a sync stood when it stopped, and the end
state every robustness test demands.

`churn` makes new records, edits and tombstones through the services, chosen by a seeded
random generator, so a failing round can be replayed. `assert_converged` is the state after
a final clean sync: central holds the union of the stations' own records, each once, at the
latest version; no outbox entry or saved batch is left; every station holds the others'
shared records at central's version; and each store passes the self-check.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from station import clock, integrity, paths
from station.models import Faq, FoundItem, Inquiry, LostReport, PushBatch, SyncRecord, Volunteer
from station.services import faq, inquiries, lostfound, roster
from station.services import station as station_service
from station.services import stats as stats_service
from station.store import Store
from station.sync import issues
from station.sync.codec import MODELS
from station.sync.wire import SHARED_KINDS
from tests.sync.conftest import Central
from tests.sync.day import own_records, unsynced


def _create(session: Session, rng: random.Random, code: str, tag: str) -> None:
    what = rng.choice(("inquiry", "faq", "found", "lost", "volunteer"))
    if what == "inquiry":
        inquiries.create(
            session,
            category="directions",
            question=f"{code} 古戏台怎么走 {tag}",
            visitor_phone="13900001111",
        )
    elif what == "faq":
        faq.add(session, category="transport", question=f"{code} 公交站 {tag}", answer="桥头")
    elif what == "found":
        lostfound.register_found(
            session,
            category="wallet",
            description=f"{code} 黑色皮质钱包 {tag}",
            found_place="驼背桥",
            found_at=clock.now() - timedelta(hours=1),
            finder_phone="13700002222",
        )
    elif what == "lost":
        lostfound.register_lost(
            session,
            category="keys",
            description=f"{code} 一串钥匙 {tag}",
            lost_place="广场",
            lost_at=clock.now() - timedelta(hours=2),
            contact_name="赵先生",
            contact_phone="13600003333",
        )
    else:
        roster.add(session, name=f"志愿者{tag}", badge_code=f"{code}-{tag}", phone="13812345678")


# What may still change, per kind: open inquiries and reports, held items.
_CHANGEABLE: dict[type[SyncRecord], ColumnElement[bool]] = {
    Inquiry: Inquiry.status == "open",
    FoundItem: FoundItem.status == "held",
    LostReport: LostReport.status == "open",
}
Edit = Callable[[Session, str, str], object]
Tombstone = Callable[[Session, str], object]
_CHANGES: dict[type[SyncRecord], tuple[Edit, Tombstone]] = {
    Inquiry: (lambda s, rid, tag: inquiries.update(s, rid, answer=f"答复 {tag}"), inquiries.delete),
    Faq: (lambda s, rid, tag: faq.update(s, rid, answer=f"桥头 {tag}"), faq.delete),
    FoundItem: (
        lambda s, rid, tag: lostfound.update_found(s, rid, storage_place=f"柜 {tag}"),
        lostfound.delete_found,
    ),
    LostReport: (
        lambda s, rid, tag: lostfound.update_lost(s, rid, colour=f"黑 {tag}"),
        lostfound.delete_lost,
    ),
    Volunteer: (lambda s, rid, tag: roster.update(s, rid, team=f"第{tag}队"), roster.remove),
}


def _change(session: Session, rng: random.Random, code: str, tag: str, tombstone: bool) -> None:
    """Edit or tombstone one live record of this station, if there is one of the kind drawn."""
    model = rng.choice(list(_CHANGES))
    query = select(model.id).where(model.station_code == code, model.deleted_at.is_(None))
    if model in _CHANGEABLE:
        query = query.where(_CHANGEABLE[model])
    ids = list(session.scalars(query.order_by(model.id)))
    if not ids:
        return
    edit, drop = _CHANGES[model]
    if tombstone:
        drop(session, rng.choice(ids))
    else:
        edit(session, rng.choice(ids), tag)


def churn(store: Store, rng: random.Random, tag: str, size: int = 3) -> None:
    """`size` new records, about as many edits, and a tombstone or two, in one transaction."""
    with store.transaction() as session:
        code = station_service.current(session).code
        for n in range(size):
            _create(session, rng, code, f"{tag}-{n}")
        for n in range(size):
            _change(session, rng, code, f"{tag}-{n}", tombstone=False)
        for _ in range(rng.randint(1, 2)):
            _change(session, rng, code, tag, tombstone=True)


def phase(stage: str, done: int, total: int) -> str:
    """The part of a sync under way after progress reported (stage, done, total) last.

    Progress is reported at the end of each step, so a push reported complete means the
    pull is under way, and a check reported done means the run is being recorded.
    """
    if stage == "connect":
        return "connect" if done == 0 else "push"
    if stage == "push":
        return "push" if done < total else "pull"
    if stage == "check":
        return "check" if done == 0 else "finish"
    return stage


def _shared_at_central(central: Central) -> set[tuple[str, str, str, int]]:
    return {row for row in central.rows() if row[0] in SHARED_KINDS}


def assert_converged(central: Central, stores: dict[str, Store]) -> None:
    """The end state after a final clean sync of every station (see the module docstring)."""
    held = central.rows()
    ids = [(kind, rid) for kind, rid, _, _ in held]
    assert len(ids) == len(set(ids)), "a record reached central twice"
    expected: set[tuple[str, str, int]] = set()
    for code, store in stores.items():
        with store.reading() as session:
            expected |= own_records(session, code)
            assert unsynced(session) == 0, f"{code}: outbox not empty"
            assert stats_service.counts(session)["unsynced"] == 0
            assert session.scalar(select(func.count()).select_from(PushBatch)) == 0
            assert issues.current(session) == [], f"{code}: open sync issues"
        assert integrity.problems(paths.database(store.folder)) == []
    assert {(kind, rid, version) for kind, rid, _, version in held} == expected
    # Pull missed nothing: each station holds every other station's shared record as
    # central holds it (tombstones included).
    shared = _shared_at_central(central)
    for code, store in stores.items():
        with store.reading() as session:
            for kind, rid, owner, version in shared:
                if owner == code:
                    continue
                model = MODELS[kind]
                local = session.scalar(select(model.version).where(model.id == rid))
                assert local == version, f"{code} holds {kind} {rid} at {local}, central {version}"


__all__ = ["assert_converged", "churn", "phase"]
