"""A station's day of work, made through the services, for the sync tests."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station import clock
from station.models import SYNCED_KINDS, OutboxEntry
from station.services import faq, inquiries, lostfound, roster, shifts
from station.services import station as station_service
from station.store import Store


def work_day(store: Store, tag: str = "1") -> None:
    """A volunteer, a shift, two inquiries, a quick answer, a found item, a lost report,
    and one of each deleted again (tombstones travel too)."""
    with store.transaction() as session:
        code = station_service.current(session).code
        post = station_service.posts(session)[0]
        volunteer = roster.add(
            session, name=f"志愿者{tag}", badge_code=f"{code}-V{tag}", phone="13812345678"
        )
        start = clock.now() - timedelta(hours=3)
        shifts.check_in(session, volunteer=volunteer.id, post=post.id, at=start)
        shifts.check_out(session, volunteer=volunteer.id, at=start + timedelta(hours=2))
        inquiries.create(
            session,
            category="directions",
            question=f"{code} 古戏台怎么走 {tag}",
            answer="往前两百米",
            visitor_name="王先生",
            visitor_phone="13900001111",
            handled_by=volunteer.id,
            post=post.id,
            resolved=True,
        )
        gone = inquiries.create(session, category="other", question=f"{code} 误录 {tag}")
        inquiries.delete(session, gone.id)
        faq.add(session, category="transport", question=f"{code} 公交站在哪 {tag}", answer="桥头")
        lostfound.register_found(
            session,
            category="wallet",
            description=f"{code} 黑色皮质钱包 {tag}",
            found_place="驼背桥",
            found_at=clock.now() - timedelta(hours=1),
            finder_name="李女士",
            finder_phone="13700002222",
            registered_by=volunteer.id,
        )
        lostfound.register_lost(
            session,
            category="wallet",
            description=f"{code} 黑色钱包 {tag}",
            lost_place="驼背桥附近",
            lost_at=clock.now() - timedelta(hours=2),
            contact_name="赵先生",
            contact_phone="13600003333",
            registered_by=volunteer.id,
        )
        dropped = lostfound.register_lost(
            session,
            category="keys",
            description=f"{code} 一串钥匙 {tag}",
            lost_place="广场",
            lost_at=clock.now() - timedelta(hours=2),
            contact_name="钱女士",
            contact_phone="13600004444",
        )
        lostfound.delete_lost(session, dropped.id)


def own_records(session: Session, code: str) -> set[tuple[str, str, int]]:
    """(kind, id, version) of every record the station owns, tombstones included."""
    found: set[tuple[str, str, int]] = set()
    for model in SYNCED_KINDS:
        for rid, version in session.execute(
            select(model.id, model.version).where(model.station_code == code)
        ):
            found.add((model.kind, rid, version))
    return found


def unsynced(session: Session) -> int:
    return session.scalar(select(func.count()).where(OutboxEntry.pushed_at.is_(None))) or 0
