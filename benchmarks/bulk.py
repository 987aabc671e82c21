"""Large stores made fast: a station set up through the services (migrated schema, posts,
volunteers), then many records put straight into its tables with sqlite3 in one transaction.

The rows are the records the app itself writes: every NOT NULL column filled, ids as UUIDs,
numbers in the desk's `CODE-YYYYMMDD-NNNN` form (unique, counted per day), times in UTC as
SQLAlchemy stores them, categories and statuses from the vocabularies, the full-text index
filled by the tables' own triggers, and the day's number counters set past the numbers used
(so the desk's next record gets a new one). They skip the outbox and the audit trail, as records
already synced would: the benchmarks that use them only read. A store is made once per run
and size, then shared.
"""

from __future__ import annotations

import random
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

from kiosk import set_up

from station import clock
from station.vocab import DEFAULT_RETENTION_DAYS, INQUIRY_CATEGORIES

CODE = "YF01"
COLOURS = ("黑色", "白色", "红色", "蓝色", "绿色", "灰色", "粉色", "棕色")
ITEMS = {
    "wallet": ("钱包", "零钱包", "卡包"),
    "phone": ("华为手机", "小米手机", "苹果手机", "充电宝", "蓝牙耳机"),
    "documents": ("身份证", "学生证", "驾驶证", "银行卡"),
    "keys": ("钥匙串", "车钥匙", "门禁卡"),
    "bag": ("双肩包", "手提袋", "行李箱", "帆布包"),
    "clothing": ("雨伞", "外套", "帽子", "围巾"),
    "child": ("儿童水壶", "玩具车", "婴儿推车"),
    "jewellery": ("眼镜", "手镯", "项链", "墨镜"),
    "other": ("保温杯", "相机", "自拍杆", "书包挂件"),
}
DETAILS = ("", "，内有银行卡", "，有划痕", "，挂有小熊挂件", "，内有现金若干", "，贴有姓名贴")
PLACES = ("古戏台广场", "驼背桥", "恩江码头", "恩江古城东门", "永叔公园", "欧阳修纪念馆")
STORAGE = ("驿站储物柜A", "驿站储物柜B", "驿站前台")
QUESTIONS = (
    "请问古戏台怎么走？下午几点有演出？",
    "附近哪里有公共厕所和母婴室？",
    "去高铁站的公交几点末班？",
    "孩子和家人走散了，请帮忙广播寻人",
    "景区门票老人有优惠吗？需要带什么证件？",
    "哪里可以给手机充电？",
)
ANSWERS = ("往前两百米左转", "已联系景区广播", "末班车 21:30，在桥头上车", None)
FOUND_SQL = """
INSERT INTO found_items (item_no, category, description, colour, found_place, found_at,
    storage_place, photos, status, retention_days, registered_by, id, station_code,
    created_at, updated_at, version)
VALUES (?, ?, ?, ?, ?, ?, ?, '[]', 'held', ?, ?, ?, ?, ?, ?, 1)
"""
INQUIRY_SQL = """
INSERT INTO inquiries (ticket_no, post_id, category, question, answer, handled_by, status,
    closed_at, resolve_seconds, id, station_code, created_at, updated_at, version)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
"""
# Numbers read CODE-YYYYMMDD-NNNN: the day from the 6th character, the count from the 15th.
COUNTERS_SQL = """
INSERT OR REPLACE INTO number_counters (day, last)
SELECT substr({0}, 6, 8), max(CAST(substr({0}, 15) AS INTEGER)) FROM {1} GROUP BY 1
"""
Row = tuple[object, ...]


def found_items(scratch: Path, total: int) -> Path:
    """A station's data folder holding `total` found items over the past year."""
    folder = scratch.parent / f"found-{total}"
    return _made(
        folder, total, _found_rows, FOUND_SQL, COUNTERS_SQL.format("item_no", "found_items")
    )


def inquiries(scratch: Path, total: int, today: int) -> Path:
    """A station's data folder holding `total` inquiries: `today` of them today, the rest
    spread evenly over the year before."""
    return _made(
        scratch.parent / f"inquiries-{total}-{today}",
        total,
        lambda rng, n, people: _inquiry_rows(rng, n, today, people),
        INQUIRY_SQL,
        COUNTERS_SQL.format("ticket_no", "inquiries"),
    )


def _made(
    folder: Path,
    total: int,
    rows: Callable[[random.Random, int, tuple[list[str], list[str]]], Iterator[Row]],
    sql: str,
    counters_sql: str,
) -> Path:
    if folder.exists():
        return folder
    making = folder.with_name(f"{folder.name}.making")
    set_up(making, CODE).close()
    with closing(sqlite3.connect(making / "redpost.db", isolation_level=None)) as conn:
        volunteers = [r[0] for r in conn.execute("SELECT id FROM volunteers")]
        posts = [r[0] for r in conn.execute("SELECT id FROM posts")]
        # One big transaction: a large page cache keeps SQLite from spilling pages (and the
        # full-text index's) to the WAL again and again.
        conn.execute("PRAGMA cache_size = -524288")  # 512 MB
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(sql, rows(random.Random(1), total, (volunteers, posts)))
        conn.execute(counters_sql)
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    making.rename(folder)
    return folder


def _stamp(moment: datetime) -> str:
    return moment.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _numbered(moments: Iterator[datetime]) -> Iterator[tuple[str, datetime]]:
    """Each moment with its record number, counted per local day."""
    day, seq = "", 0
    for moment in moments:
        local = f"{moment.astimezone(clock.LOCAL_TZ):%Y%m%d}"
        day, seq = local, (seq + 1 if local == day else 1)
        yield f"{CODE}-{local}-{seq:04d}", moment


def _spread(total: int, start: datetime, end: datetime) -> Iterator[datetime]:
    """`total` moments, oldest first, evenly between `start` and `end`."""
    step = (end - start) / max(total, 1)
    return (start + step * n for n in range(total))


def _found_rows(
    rng: random.Random, total: int, people: tuple[list[str], list[str]]
) -> Iterator[Row]:
    volunteers, _ = people
    now = clock.now()
    categories = list(ITEMS)
    for number, moment in _numbered(_spread(total, now - timedelta(days=365), now)):
        category = rng.choice(categories)
        colour = rng.choice(COLOURS)
        description = f"{colour}{rng.choice(ITEMS[category])}{rng.choice(DETAILS)}"
        registered = _stamp(moment + timedelta(minutes=20))
        yield (
            number,
            category,
            description,
            colour,
            rng.choice(PLACES),
            _stamp(moment),
            rng.choice(STORAGE),
            DEFAULT_RETENTION_DAYS[category],
            rng.choice(volunteers),
            str(uuid.uuid4()),
            CODE,
            registered,
            registered,
        )


def _inquiry_rows(
    rng: random.Random, total: int, today: int, people: tuple[list[str], list[str]]
) -> Iterator[Row]:
    volunteers, posts = people
    now = clock.now()
    midnight = clock.day_bounds(clock.local_today())[0]
    earlier = _spread(total - today, midnight - timedelta(days=365), midnight)
    moments = (*earlier, *_spread(today, midnight, min(now, midnight + timedelta(hours=23))))
    categories = list(INQUIRY_CATEGORIES)
    for number, moment in _numbered(iter(moments)):
        answer = rng.choice(ANSWERS)
        stamp = _stamp(moment)
        closed = None if answer is None else _stamp(moment + timedelta(minutes=2))
        yield (
            number,
            rng.choice(posts),
            rng.choice(categories),
            rng.choice(QUESTIONS),
            answer,
            rng.choice(volunteers),
            "open" if answer is None else "resolved",
            closed,
            None if answer is None else 120,
            str(uuid.uuid4()),
            CODE,
            stamp,
            closed or stamp,
        )
