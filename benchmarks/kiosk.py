"""Kiosk stores for the benchmarks: made once, then copied for every repetition, so each
repetition starts from the same pending outbox.

Records are made through the store's own session class, so the flush hook stamps them and
writes their outbox entries exactly as a volunteer's tap does.
"""

from __future__ import annotations

import random
import shutil
from datetime import timedelta
from pathlib import Path

from station import clock
from station.models import Inquiry
from station.services import station as station_service
from station.services import volunteers
from station.store import Store, open_store
from station.sync.push import pending_keys
from station.vocab import INQUIRY_CATEGORIES

POSTS = ("古戏台广场", "驼背桥", "恩江码头")
CHUNK = 10_000  # records per local transaction while filling
QUESTIONS = (
    "请问古戏台怎么走？下午几点有演出？",
    "附近哪里有公共厕所和母婴室？",
    "去高铁站的公交几点末班？",
    "孩子和家人走散了，请帮忙广播寻人",
    "景区门票老人有优惠吗？需要带什么证件？",
)
ANSWERS = ("往前两百米左转", "已联系景区广播", "末班车 21:30，在桥头上车", None)


def set_up(folder: Path, code: str) -> Store:
    """A new store whose station `code` has its posts and a few volunteers."""
    store = open_store(folder)
    with store.transaction() as session:
        station_service.init(session, code=code, name=f"{code} 红驿站", posts=list(POSTS))
        for number in range(1, 9):
            volunteers.add(
                session,
                name=f"志愿者{number}",
                badge_code=f"{code}-{number:04d}",
                phone=f"138{number:08d}",
            )
    return store


def fill_inquiries(store: Store, total: int, seed: int = 1) -> int:
    """Add inquiries until the push has `total` records to send (audit entries included);
    returns how many it has."""
    rng = random.Random(seed)
    with store.reading() as session:
        code = station_service.current(session).code
        posts = [p.id for p in station_service.posts(session)]
        handlers = [v.id for v in volunteers.find(session)]
        missing = total - len(pending_keys(session))
    categories = list(INQUIRY_CATEGORIES)
    start = clock.now() - timedelta(days=365)
    made = 0
    while missing > 0:
        # An inquiry may queue more than itself (its audit entry): aim below, then top up.
        count = min(CHUNK, max(missing // 2, 1))
        with store.transaction() as session:
            for number in range(made, made + count):
                # About 140 a day over the past year; the sequence restarts each day.
                day, seq = divmod(number, 140)
                moment = start + timedelta(days=day, minutes=3 * seq)
                answer = rng.choice(ANSWERS)
                session.add(
                    Inquiry(
                        station_code=code,
                        ticket_no=f"{code}-{moment:%Y%m%d}-{seq + 1:04d}",
                        category=rng.choice(categories),
                        question=rng.choice(QUESTIONS),
                        answer=answer,
                        visitor_name=rng.choice((None, "王先生", "李女士")),
                        visitor_phone=rng.choice((None, f"139{rng.randrange(10**8):08d}")),
                        handled_by=rng.choice(handlers),
                        post_id=rng.choice(posts),
                        status="open" if answer is None else "resolved",
                        created_at=moment,
                        closed_at=None if answer is None else moment + timedelta(minutes=2),
                        resolve_seconds=None if answer is None else 120,
                    )
                )
        made += count
        with store.reading() as session:
            missing = total - len(pending_keys(session))
    return total - missing


def copy(template: Path, target: Path) -> Store:
    """An open store holding what the (closed) template holds."""
    shutil.copytree(template, target)
    return open_store(target)
