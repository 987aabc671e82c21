"""Found items: registration, numbering, photos, search, correction, tombstones, outbox."""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from station import clock, paths
from station.errors import InvalidInput, NotFound, StateError, StationError
from station.models import FoundItem, OutboxEntry, Volunteer
from station.services import lostfound, search
from station.services import station as station_service
from station.store import Store
from station.sync.outbox import APPLYING_PULL
from tests.snapshot import snapshot

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=clock.LOCAL_TZ)


def png_bytes() -> bytes:
    """A real 1x1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 32
BMP = b"BM" + struct.pack("<IHHI", 70, 0, 0, 54) + struct.pack("<I", 40) + b"\x00" * 52


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with clock.frozen_at(NOW):
        yield


@pytest.fixture
def photo_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "camera"
    folder.mkdir()
    (folder / "wallet.png").write_bytes(png_bytes())
    (folder / "wallet.jpg").write_bytes(JPEG)
    (folder / "wallet.bmp").write_bytes(BMP)
    (folder / "notes.txt").write_text("BM this is not a bitmap at all", encoding="utf-8")
    with (folder / "huge.jpg").open("wb") as handle:
        handle.write(JPEG)
        handle.truncate(10 * 1024 * 1024 + 1)
    return folder


def assert_readable(error: StationError) -> None:
    """The message exists in both languages with every placeholder filled."""
    for lang in ("zh_CN", "en"):
        text = error.message(lang)
        assert "{" not in text
        assert error.code not in text


def found_kwargs(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "category": "wallet",
        "description": "黑色男士钱包，内有身份证和银行卡",
        "colour": "黑色",
        "found_place": "古戏台广场",
        "found_at": NOW - timedelta(hours=1),
        "finder_name": "李四",
        "finder_phone": "139-0000-1111",
        "storage_place": "驿站柜台抽屉",
    }
    base.update(overrides)
    return base


def register(store: Store, **overrides: Any) -> FoundItem:
    with store.transaction() as s:
        return lostfound.register_found(s, **found_kwargs(**overrides))


def pull_foreign_item(store: Store, **overrides: Any) -> FoundItem:
    """A found item of station YF02, written as the sync's pull would write it."""
    values: dict[str, Any] = {
        "station_code": "YF02",
        "item_no": "YF02-20261130-0001",
        "category": "bag",
        "description": "红色双肩包，印有卡通图案",
        "colour": "红色",
        "found_place": "驼背桥",
        "found_at": NOW - timedelta(hours=8),
        "status": "held",
        "retention_days": 30,
        "photos": [],
        "created_at": NOW,
        "updated_at": NOW,
        "version": 1,
    }
    values.update(overrides)
    with store.transaction() as s:
        s.info[APPLYING_PULL] = True
        item = FoundItem(**values)
        s.add(item)
    return item


def outbox(store: Store, record_id: str) -> list[tuple[str, int]]:
    with store.reading() as s:
        rows = s.scalars(
            select(OutboxEntry).where(OutboxEntry.record_id == record_id).order_by(OutboxEntry.seq)
        )
        return [(row.op, row.version) for row in rows]


def stored_photos(store: Store) -> list[str]:
    folder = paths.photos(store.folder)
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# --- registration and numbering -------------------------------------------------------------


def test_register_numbers_items_per_station_and_day(station_store: Store) -> None:
    first = register(station_store)
    second = register(station_store, category="documents", description="居民身份证一张")

    assert first.item_no == "YF01-20261130-0001"
    assert second.item_no == "YF01-20261130-0002"
    assert first.station_code == "YF01"
    assert first.status == "held"
    assert first.finder_phone == "13900001111"
    assert first.photos == []
    with clock.frozen_at(NOW + timedelta(days=1)):
        assert register(station_store).item_no == "YF01-20261201-0001"


def test_register_takes_retention_from_settings(station_store: Store) -> None:
    assert register(station_store, category="documents").retention_days == 7
    assert register(station_store, category="bag").retention_days == 30
    with station_store.transaction() as s:
        station_service.set_retention_days(s, "bag", 45)
    assert register(station_store, category="bag").retention_days == 45


def test_register_accepts_category_labels_and_naive_local_time(station_store: Store) -> None:
    item = register(station_store, category="钱包/现金", found_at=datetime(2026, 11, 30, 14, 0))
    assert item.category == "wallet"
    assert item.found_at == datetime(2026, 11, 30, 14, 0, tzinfo=clock.LOCAL_TZ)


def test_registered_by_volunteer_id_or_badge(station_store: Store) -> None:
    with station_store.transaction() as s:
        volunteer = Volunteer(
            station_code="YF01", name="王五", badge_code="YF-007", home_station="YF01"
        )
        s.add(volunteer)
    by_badge = register(station_store, registered_by="yf-007\r\n")
    by_id = register(station_store, registered_by=volunteer.id)
    assert by_badge.registered_by == volunteer.id
    assert by_id.registered_by == volunteer.id


def test_unknown_volunteer_is_not_found_and_nothing_is_written(station_store: Store) -> None:
    before = snapshot(station_store)
    with (
        pytest.raises(NotFound) as error,
        station_store.transaction() as s,
    ):
        lostfound.register_found(s, **found_kwargs(registered_by="NOBODY-1"))
    assert error.value.field == "registered_by"
    assert snapshot(station_store) == before


def test_register_writes_one_outbox_create(station_store: Store) -> None:
    item = register(station_store)
    assert outbox(station_store, item.id) == [("create", 1)]


BAD_INPUT = [
    ("category", {"category": "spaceship"}, "bad_choice"),
    ("category", {"category": None}, "bad_choice"),
    ("description", {"description": "   "}, "required"),
    ("description", {"description": None}, "required"),
    ("description", {"description": "钱" * 501}, "too_long"),
    ("description", {"description": 42}, "not_text"),
    ("found_place", {"found_place": "古戏台\x00广场"}, "control_chars"),
    ("found_place", {"found_place": "广场" * 31}, "too_long"),
    ("found_at", {"found_at": NOW + timedelta(hours=2)}, "in_future"),
    ("found_at", {"found_at": "昨天下午"}, "not_time"),
    ("found_at", {"found_at": None}, "required"),
    ("colour", {"colour": "黑" * 21}, "too_long"),
    ("finder_name", {"finder_name": "李\u2028四"}, "control_chars"),
    ("finder_phone", {"finder_phone": "12345"}, "bad_phone"),
    ("storage_place", {"storage_place": "柜\x07台"}, "control_chars"),
]


@pytest.mark.parametrize(("field", "overrides", "code"), BAD_INPUT)
def test_bad_input_names_field_and_changes_nothing(
    station_store: Store, field: str, overrides: dict[str, Any], code: str
) -> None:
    before = snapshot(station_store)
    with pytest.raises(InvalidInput) as error, station_store.transaction() as s:
        lostfound.register_found(s, **found_kwargs(**overrides))
    assert error.value.field == field
    assert error.value.code == code
    assert_readable(error.value)
    assert snapshot(station_store) == before


def test_register_needs_an_initialised_station(store: Store) -> None:
    with pytest.raises(StateError) as error, store.transaction() as s:
        lostfound.register_found(s, **found_kwargs())
    assert error.value.code == "not_initialised"


# --- photos -----------------------------------------------------------------------------------


def test_photos_are_copied_under_new_names(station_store: Store, photo_dir: Path) -> None:
    sources: list[Path | str] = [
        photo_dir / "wallet.png",
        str(photo_dir / "wallet.jpg"),
        photo_dir / "wallet.bmp",
    ]
    item = register(station_store, photos=sources)

    assert [Path(name).suffix for name in item.photos] == [".png", ".jpg", ".bmp"]
    assert sorted(item.photos) == stored_photos(station_store)
    for name, source in zip(item.photos, sources, strict=True):
        assert len(Path(name).stem) == 36  # a UUID
        with station_store.reading() as s:
            copied = lostfound.photo_path(s, name)
        assert copied.read_bytes() == Path(source).read_bytes()
    with station_store.reading() as s:
        assert lostfound.get_found(s, item.id).photos == item.photos


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("notes.txt", "photo_not_image"),
        ("huge.jpg", "photo_too_large"),
        ("missing.jpg", "photo_unreadable"),
        ("", "photo_unreadable"),
    ],
)
def test_bad_photo_is_refused_before_anything_is_written(
    station_store: Store, photo_dir: Path, name: str, code: str
) -> None:
    before = snapshot(station_store)
    # The good photo comes first: it must not be copied either.
    photos = [photo_dir / "wallet.png", photo_dir / name if name else ""]
    with pytest.raises(InvalidInput) as error, station_store.transaction() as s:
        lostfound.register_found(s, **found_kwargs(photos=photos))
    assert error.value.field == "photos"
    assert error.value.code == code
    assert_readable(error.value)
    assert snapshot(station_store) == before
    assert stored_photos(station_store) == []


def test_photo_that_is_a_folder_or_not_a_path_is_refused(
    station_store: Store, photo_dir: Path
) -> None:
    for photos in ([photo_dir], [42], 42, ["bad\x00path.jpg"]):
        with pytest.raises(InvalidInput) as error, station_store.transaction() as s:
            lostfound.register_found(s, **found_kwargs(photos=photos))
        assert error.value.field == "photos"
    assert stored_photos(station_store) == []


def test_too_many_photos_are_refused(station_store: Store, photo_dir: Path) -> None:
    with pytest.raises(InvalidInput) as error, station_store.transaction() as s:
        lostfound.register_found(s, **found_kwargs(photos=[photo_dir / "wallet.png"] * 11))
    assert (error.value.field, error.value.code) == ("photos", "too_many")


def test_copied_photo_is_removed_when_the_transaction_fails(
    station_store: Store, photo_dir: Path
) -> None:
    before = snapshot(station_store)

    def register_then_fail() -> None:
        with station_store.transaction() as s:
            lostfound.register_found(s, **found_kwargs(photos=[photo_dir / "wallet.jpg"]))
            assert len(stored_photos(station_store)) == 1
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        register_then_fail()
    assert stored_photos(station_store) == []
    assert snapshot(station_store) == before


# --- look-up and search ------------------------------------------------------------------------


def test_get_found_by_id_or_number(station_store: Store) -> None:
    item = register(station_store)
    with station_store.reading() as s:
        assert lostfound.get_found(s, item.id).pk == item.pk
        assert lostfound.get_found(s, item.item_no.lower()).pk == item.pk
        assert lostfound.get_found(s, f" {item.item_no} ").pk == item.pk
        with pytest.raises(NotFound) as error:
            lostfound.get_found(s, "YF01-20261130-9999")
        assert error.value.field == "found_item"
        with pytest.raises(InvalidInput):
            lostfound.get_found(s, "")


@pytest.fixture
def searchable(station_store: Store) -> dict[str, FoundItem]:
    items = {
        "wallet": register(
            station_store,
            description="黑色男士钱包，内有身份证",
            found_at=NOW - timedelta(hours=5),
        ),
        "phone": register(
            station_store,
            category="phone",
            description="白色华为手机，屏幕有裂痕",
            colour="白色",
            found_place="驼背桥",
            found_at=NOW - timedelta(hours=3),
        ),
        "umbrella": register(
            station_store,
            category="clothing",
            description="蓝色折叠雨伞",
            colour="蓝色",
            found_place="恩江古城东门",
            storage_place="二号柜",
            found_at=NOW - timedelta(hours=1),
        ),
    }
    items["foreign"] = pull_foreign_item(station_store)
    return items


def _found_nos(store: Store, **filters: Any) -> list[str]:
    with store.reading() as s:
        return [item.item_no for item in lostfound.find_found(s, **filters)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("伞", ["umbrella"]),  # one character
        ("钱包", ["wallet"]),  # two characters
        ("身份证", ["wallet"]),  # three characters
        ("华为手机", ["phone"]),  # four characters
        ("屏幕有裂痕", ["phone"]),  # five, at the end of the text
        ("为手", ["phone"]),  # two characters from the middle of a word
        ("折叠雨", ["umbrella"]),  # three characters from the middle
        ("古城东", ["umbrella"]),  # place
        ("二号柜", ["umbrella"]),  # storage place
        ("双肩包", ["foreign"]),  # another station's item
        ("色", ["umbrella", "phone", "wallet", "foreign"]),  # newest found first
        ("白色 手机", ["phone"]),  # every term must match
        ("白色 钱包", []),
        ("行李箱", []),
    ],
)
def test_search_chinese_of_any_length(
    searchable: dict[str, FoundItem], station_store: Store, query: str, expected: list[str]
) -> None:
    assert _found_nos(station_store, text=query) == [searchable[k].item_no for k in expected]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("YF01", ["umbrella", "phone", "wallet"]),
        ("YF01 色", ["umbrella", "phone", "wallet"]),
        ("华为手机", ["phone"]),
        ("行李箱", []),
    ],
)
def test_a_phrase_with_many_matches_finds_the_same_items(
    searchable: dict[str, FoundItem],
    station_store: Store,
    monkeypatch: pytest.MonkeyPatch,
    query: str,
    expected: list[str],
) -> None:
    # Every phrase counts as common: the list is read newest first, each item tested.
    monkeypatch.setattr(search, "MANY_MATCHES", 0)
    assert _found_nos(station_store, text=query) == [searchable[k].item_no for k in expected]
    assert _found_nos(station_store, text=query, limit=1, offset=1) == [
        searchable[k].item_no for k in expected[1:2]
    ]


def test_matches_are_many_past_the_threshold(
    searchable: dict[str, FoundItem], station_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with station_store.reading() as s:
        monkeypatch.setattr(search, "MANY_MATCHES", 2)
        assert search.has_many_matches(s, FoundItem, "YF01")  # this station's three items
        assert search.has_many_matches(s, FoundItem, "YF01 色")  # the phrase alone is counted
        assert not search.has_many_matches(s, FoundItem, "色")  # no phrase, nothing to count
        monkeypatch.setattr(search, "MANY_MATCHES", 3)
        assert not search.has_many_matches(s, FoundItem, "YF01")


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"text": "色"},
        {"text": "白色 手机"},
        {"text": "双肩包"},
        {"include_other_stations": False},
        {"category": "phone"},
        {"status": "保管中", "limit": 2, "offset": 1},
    ],
)
def test_found_lines_are_the_items_find_found_lists(
    searchable: dict[str, FoundItem], station_store: Store, filters: dict[str, Any]
) -> None:
    with station_store.reading() as s:
        items = lostfound.find_found(s, **filters)
        lines = lostfound.find_found_lines(s, **filters)
    assert items
    assert lines == [
        lostfound.FoundLine(
            i.id,
            i.item_no,
            i.station_code,
            i.category,
            i.description,
            i.colour,
            i.found_place,
            i.found_at,
            i.status,
        )
        for i in items
    ]


def test_search_by_item_number_mixed_with_text(
    searchable: dict[str, FoundItem], station_store: Store
) -> None:
    phone = searchable["phone"].item_no
    assert _found_nos(station_store, text=phone) == [phone]
    assert _found_nos(station_store, text=f"手机 {phone}") == [phone]
    assert _found_nos(station_store, text=f"钱包 {phone}") == []
    assert _found_nos(station_store, text="0002") == [phone]


def test_find_filters_and_pages(searchable: dict[str, FoundItem], station_store: Store) -> None:
    nos = {key: item.item_no for key, item in searchable.items()}
    everything = [nos["umbrella"], nos["phone"], nos["wallet"], nos["foreign"]]
    assert _found_nos(station_store) == everything
    assert _found_nos(station_store, include_other_stations=False) == everything[:3]
    assert _found_nos(station_store, category="phone") == [nos["phone"]]
    assert _found_nos(station_store, category="手机/电子产品") == [nos["phone"]]
    assert _found_nos(station_store, status="returned") == []
    assert _found_nos(station_store, status="保管中") == everything
    assert _found_nos(station_store, limit=2, offset=1) == everything[1:3]
    for bad in ({"status": "lost"}, {"limit": 0}, {"offset": -1}, {"text": "a\x00"}):
        with pytest.raises(InvalidInput), station_store.reading() as s:
            lostfound.find_found(s, **bad)
        with pytest.raises(InvalidInput), station_store.reading() as s:
            lostfound.find_found_lines(s, **bad)


# --- correction and deletion ------------------------------------------------------------------


def test_update_changes_fields_and_writes_an_update(station_store: Store) -> None:
    item = register(station_store)
    with station_store.transaction() as s:
        updated = lostfound.update_found(
            s, item.item_no, description="黑色女士钱包", colour=None, storage_place="二号柜"
        )
    assert (updated.description, updated.colour, updated.storage_place) == (
        "黑色女士钱包",
        None,
        "二号柜",
    )
    assert updated.version == 2
    assert outbox(station_store, item.id) == [("create", 1), ("update", 2)]
    with station_store.reading() as s:
        assert _found_nos(station_store, text="女士") == [item.item_no]


def test_update_without_changes_writes_nothing(station_store: Store) -> None:
    item = register(station_store)
    before = snapshot(station_store)
    with station_store.transaction() as s:
        lostfound.update_found(s, item.id, description=item.description, colour="黑色")
    assert snapshot(station_store) == before


def test_update_of_category_follows_its_retention(station_store: Store) -> None:
    item = register(station_store, category="bag")
    with station_store.transaction() as s:
        assert lostfound.update_found(s, item.id, category="documents").retention_days == 7


def test_update_bad_input_changes_nothing(station_store: Store) -> None:
    item = register(station_store)
    before = snapshot(station_store)
    with pytest.raises(InvalidInput) as error, station_store.transaction() as s:
        lostfound.update_found(s, item.id, description="新描述", finder_phone="110")
    assert error.value.field == "finder_phone"
    assert snapshot(station_store) == before


def test_update_photos_keeps_stored_names_and_adds_paths(
    station_store: Store, photo_dir: Path
) -> None:
    item = register(station_store, photos=[photo_dir / "wallet.png", photo_dir / "wallet.jpg"])
    kept = item.photos[1]
    with station_store.transaction() as s:
        updated = lostfound.update_found(s, item.id, photos=[kept, photo_dir / "wallet.bmp"])
    assert updated.photos[0] == kept
    assert updated.photos[1].endswith(".bmp")
    assert len(stored_photos(station_store)) == 3
    with station_store.transaction() as s:
        assert lostfound.update_found(s, item.id, photos=None).photos == []
    # Files stay: the synced history of the record still names them.
    assert len(stored_photos(station_store)) == 3


def test_other_stations_items_are_read_only(station_store: Store) -> None:
    foreign = pull_foreign_item(station_store)
    before = snapshot(station_store)

    def update(s: Session) -> object:
        return lostfound.update_found(s, foreign.id, colour="蓝色")

    def delete(s: Session) -> object:
        return lostfound.delete_found(s, foreign.item_no)

    for action in (update, delete):
        with pytest.raises(StateError) as error, station_store.transaction() as s:
            action(s)
        assert (error.value.code, error.value.field) == ("not_own_record", "found_item")
        assert error.value.params["owner"] == "YF02"
    assert snapshot(station_store) == before


def test_delete_leaves_a_tombstone(station_store: Store) -> None:
    item = register(station_store)
    with station_store.transaction() as s:
        lostfound.delete_found(s, item.item_no)
    with station_store.reading() as s:
        row = s.scalars(select(FoundItem).where(FoundItem.id == item.id)).one()
        assert row.deleted_at == NOW
        assert lostfound.find_found(s) == []
        assert lostfound.count_found(s) == 0
        with pytest.raises(NotFound):
            lostfound.get_found(s, item.id)
    assert outbox(station_store, item.id) == [("create", 1), ("delete", 2)]
    with pytest.raises(NotFound), station_store.transaction() as s:
        lostfound.delete_found(s, item.id)


def test_count_found_counts_own_station_only(station_store: Store) -> None:
    register(station_store)
    register(station_store)
    pull_foreign_item(station_store)
    with station_store.reading() as s:
        assert lostfound.count_found(s) == 2


def test_photo_paths_stay_inside_the_photo_folder(station_store: Store) -> None:
    with station_store.reading() as s:
        path = lostfound.photo_path(s, os.path.join("..", "..", "etc", "passwd"))
    assert path.parent == paths.photos(station_store.folder)
