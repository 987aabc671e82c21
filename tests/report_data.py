"""A small hand-built day at one station, for the report tests, with its figures written out.

Day D is 2026-11-30 (local). On D: six inquiries (one resolved on the spot, two resolved
after 30 and 60 minutes, one referred, one escalated, one open), three shifts of two
volunteers (5.5 h and 2.25 h), two found items (one returned) and one lost report. The day
before: one escalated inquiry (still open) and a shift of 3 hours. Ten days before: a wallet, held
and due for the police on D.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from station import clock
from station.services import inquiries, lostfound, roster, shifts
from station.services import station as station_service
from station.store import Store

DAY = date(2026, 11, 30)
POSTS = ("古戏台广场", "驼背桥")


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=clock.LOCAL_TZ)


def fill(store: Store, code: str = "YF01", *, set_up: bool = True) -> dict[str, str]:
    """Fill the day; the ids of the records, by a short name."""
    ids: dict[str, str] = {}
    with store.transaction() as session:
        if set_up:
            station_service.init(session, code=code, name=f"{code} 红驿站", posts=list(POSTS))
        else:  # a kiosk of the sync tests, set up with the first post only
            station_service.add_post(session, name=POSTS[1])
    with clock.frozen_at(at(7, 0, DAY - timedelta(days=10))), store.transaction() as s:
        a = roster.add(s, name="张三", badge_code=f"{code}-0101", team="党员先锋队")
        b = roster.add(s, name="李四", badge_code=f"{code}-0102")
        ids |= {"a": a.id, "b": b.id}
        ids["f0"] = lostfound.register_found(
            s,
            category="wallet",
            description="黑色钱包",
            found_place="驼背桥",
            found_at=at(6, 30, DAY - timedelta(days=10)),
        ).id

    def logged(name: str, when: datetime, category: str, *, resolved: bool = False) -> None:
        with clock.frozen_at(when), store.transaction() as s:
            ids[name] = inquiries.create(
                s, category=category, question=f"{name} 的问题", resolved=resolved
            ).id

    def then(when: datetime, action: object) -> None:
        with clock.frozen_at(when), store.transaction() as s:
            action(s)  # type: ignore[operator]

    yesterday = DAY - timedelta(days=1)
    logged("i7", at(14, 0, yesterday), "other")
    then(at(14, 5, yesterday), lambda s: inquiries.escalate(s, ids["i7"], level=3))
    then(
        at(12, 0, yesterday),
        lambda s: shifts.check_in(s, volunteer=ids["b"], post=POSTS[0], at=at(9, 0, yesterday)),
    )
    then(at(12, 0, yesterday), lambda s: shifts.check_out(s, volunteer=ids["b"]))

    logged("i1", at(9, 0), "directions", resolved=True)
    logged("i2", at(9, 10), "transport")
    logged("i3", at(9, 20), "help")
    logged("i4", at(9, 30), "complaint")
    logged("i5", at(9, 45), "complaint")
    logged("i6", at(10, 0), "directions")
    then(at(9, 40), lambda s: inquiries.resolve(s, ids["i2"], answer='=HYPERLINK("x")'))
    then(at(10, 20), lambda s: inquiries.resolve(s, ids["i3"]))
    then(at(10, 0), lambda s: inquiries.refer(s, ids["i4"], unit="景区管委会"))
    then(at(10, 5), lambda s: inquiries.escalate(s, ids["i5"], level=2))

    day_end = at(20, 0)
    with clock.frozen_at(day_end), store.transaction() as s:
        shifts.check_in(s, volunteer=ids["a"], post=POSTS[0], at=at(8, 0))
        shifts.check_out(s, volunteer=ids["a"], at=at(12, 0))
        shifts.check_in(s, volunteer=ids["a"], post=POSTS[1], at=at(13, 0))
        shifts.check_out(s, volunteer=ids["a"], at=at(14, 30))
        shifts.check_in(s, volunteer=ids["b"], post=POSTS[1], at=at(9, 0))
        shifts.check_out(s, volunteer=ids["b"], at=at(11, 15))

    with clock.frozen_at(at(9, 0)), store.transaction() as s:
        ids["f1"] = lostfound.register_found(
            s,
            category="phone",
            description="=1+1 白色手机",
            found_place="古戏台广场",
            found_at=at(8, 30),
            finder_name="王五",
            finder_phone="13912345678",
        ).id
        ids["f2"] = lostfound.register_found(
            s, category="keys", description="钥匙一串", found_place="驼背桥", found_at=at(8, 45)
        ).id
        ids["l1"] = lostfound.register_lost(
            s,
            category="phone",
            description="白色手机",
            lost_place="古戏台广场",
            lost_at=at(8, 0),
            contact_name="赵六",
            contact_phone="13812345678",
        ).id
    with clock.frozen_at(at(11, 0)), store.transaction() as s:
        ids["r1"] = lostfound.return_item(
            s,
            item=ids["f1"],
            claimant_name="@赵六",
            id_type="id_card",
            id_last4="1234",
            lost_report=ids["l1"],
        ).id
    return ids


# The figures of DAY, worked out by hand.
EXPECTED: dict[str, Any] = {
    "inquiries": 6,
    "by_category": {
        "directions": 2,
        "transport": 1,
        "help": 1,
        "complaint": 2,
        "lost_property": 0,
        "medical": 0,
        "other": 0,
    },
    "by_status": {"open": 1, "resolved": 3, "referred": 1, "escalated": 1},
    "resolved_on_spot": 1,
    "on_spot_share": 0.1667,  # 1 of 6
    "median_resolve_minutes": 30.0,  # of 0, 30 and 60 minutes
    "open_escalations": 2,  # i5 today, i7 yesterday
    "volunteers": 2,
    "shifts": 3,
    "hours": 7.75,  # 4 + 1.5 + 2.25
    "hours_by_post": {"古戏台广场": 4.0, "驼背桥": 3.75},
    "person_hours": {"张三": 5.5, "李四": 2.25},
    "found_registered": 2,
    "found_returned": 1,
    "return_rate": 0.5,
    "returns": 1,
    "lost_registered": 1,
    "due_for_handover": 1,
}
