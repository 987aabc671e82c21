"""Quick answers: adding, ordering, changing, tombstones, central's rows, and bad input."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from station.errors import InvalidInput, NotFound, StateError, StationError
from station.messages import MESSAGES
from station.models import Faq, OutboxEntry
from station.services import faq, records
from station.store import Store
from tests.snapshot import snapshot


def add(store: Store, **fields: Any) -> Faq:
    fields.setdefault("category", "directions")
    fields.setdefault("question", "最近的公共厕所在哪？")
    fields.setdefault("answer", "古戏台广场西侧。")
    with store.transaction() as s:
        return faq.add(s, **fields)


def questions(store: Store, **filters: Any) -> list[str]:
    with store.reading() as s:
        return [f.question for f in faq.find(s, **filters)]


def outbox(store: Store, record_id: str) -> list[tuple[str, int]]:
    with store.reading() as s:
        rows = s.scalars(
            select(OutboxEntry).where(OutboxEntry.record_id == record_id).order_by(OutboxEntry.seq)
        )
        return [(row.op, row.version) for row in rows]


def rejected(
    store: Store, action: Callable[[Session], Any], error: type[StationError], field: str
) -> StationError:
    before = snapshot(store)
    with pytest.raises(error) as caught, store.transaction() as s:
        action(s)
    assert caught.value.field == field
    assert snapshot(store) == before
    with store.transaction() as s, pytest.raises(error):
        action(s)
    assert snapshot(store) == before
    assert caught.value.code in MESSAGES
    assert caught.value.message("en") != caught.value.message("zh_CN")
    return caught.value


def test_add_and_get(station_store: Store) -> None:
    made = add(
        station_store,
        category="交通",
        question=" 去汽车站坐几路车？ ",
        answer="东门公交站乘坐2路。\n约十五分钟。",
        sort_order=3,
    )
    with station_store.reading() as s:
        got = faq.get(s, made.id)
        assert (got.category, got.question, got.answer, got.sort_order) == (
            "transport",
            "去汽车站坐几路车？",
            "东门公交站乘坐2路。\n约十五分钟。",
            3,
        )
        assert got.station_code == "YF01"
    assert outbox(station_store, made.id) == [("create", 1)]


def test_find_orders_by_sort_order_then_question(station_store: Store) -> None:
    add(station_store, question="乙", sort_order=2)
    add(station_store, question="丙", sort_order=1)
    add(station_store, question="甲", sort_order=2)
    add(station_store, question="借雨伞", category="help", sort_order=-1)
    assert questions(station_store) == ["借雨伞", "丙", "乙", "甲"]
    assert questions(station_store, category="directions") == ["丙", "乙", "甲"]
    assert questions(station_store, category="求助") == ["借雨伞"]
    assert questions(station_store, category="medical") == []


def test_update_changes_only_the_given_fields(station_store: Store) -> None:
    made = add(station_store, sort_order=5)
    with station_store.transaction() as s:
        faq.update(s, made.id, answer="永叔公园南门。", sort_order=1)
    with station_store.reading() as s:
        got = faq.get(s, made.id)
        assert (got.question, got.answer, got.category, got.sort_order, got.version) == (
            "最近的公共厕所在哪？",
            "永叔公园南门。",
            "directions",
            1,
            2,
        )
    assert outbox(station_store, made.id) == [("create", 1), ("update", 2)]


def test_update_with_no_change_writes_nothing(station_store: Store) -> None:
    made = add(station_store)
    before = snapshot(station_store)
    with station_store.transaction() as s:
        faq.update(s, made.id, category="问路/景点", question="最近的公共厕所在哪？ ", sort_order=0)
        faq.update(s, made.id)
        # The sentinel is shared with the inquiry desk.
        faq.update(s, made.id, answer=records.UNSET)
    assert snapshot(station_store) == before


def test_delete_is_a_tombstone(station_store: Store) -> None:
    made = add(station_store)
    with station_store.transaction() as s:
        gone = faq.delete(s, made.id)
        assert gone.deleted_at is not None
    with station_store.reading() as s:
        assert faq.find(s) == []
        with pytest.raises(NotFound):
            faq.get(s, made.id)
        assert s.scalars(select(Faq.deleted_at).where(Faq.id == made.id)).one() is not None
    assert outbox(station_store, made.id) == [("create", 1), ("delete", 2)]
    rejected(station_store, lambda s: faq.delete(s, made.id), NotFound, "faq")


@pytest.fixture
def published(station_store: Store) -> Faq:
    """A quick answer central published, as the pull leaves it here."""
    made = add(station_store, question="景区开放时间是几点？")
    with station_store.transaction() as s:
        s.execute(text("UPDATE faqs SET station_code = 'COUNTY' WHERE id = :id"), {"id": made.id})
    return made


def test_central_answers_are_listed_but_read_only(station_store: Store, published: Faq) -> None:
    assert questions(station_store) == ["景区开放时间是几点？"]
    for action in (
        lambda s: faq.update(s, published.id, answer="改"),
        lambda s: faq.delete(s, published.id),
    ):
        error = rejected(station_store, action, StateError, "faq")
        assert error.code == "not_own_record"
        assert "COUNTY" in error.message("en")


BAD_ADD: list[tuple[dict[str, Any], type[StationError], str]] = [
    ({"category": "天气"}, InvalidInput, "category"),
    ({"category": None}, InvalidInput, "category"),
    ({"question": None}, InvalidInput, "question"),
    ({"question": " "}, InvalidInput, "question"),
    ({"question": "问" * 201}, InvalidInput, "question"),
    ({"question": "两\n行"}, InvalidInput, "question"),
    ({"answer": None}, InvalidInput, "answer"),
    ({"answer": "答" * 1001}, InvalidInput, "answer"),
    ({"answer": "答\x00"}, InvalidInput, "answer"),
    ({"answer": b"bytes"}, InvalidInput, "answer"),
    ({"sort_order": "1"}, InvalidInput, "sort_order"),
    ({"sort_order": True}, InvalidInput, "sort_order"),
    ({"sort_order": 1.0}, InvalidInput, "sort_order"),
    ({"sort_order": 10**6}, InvalidInput, "sort_order"),
]


@pytest.mark.parametrize(("bad", "error", "field"), BAD_ADD)
def test_add_rejects_bad_input(
    station_store: Store, bad: dict[str, Any], error: type[StationError], field: str
) -> None:
    fields = {"category": "other", "question": "可以寄存行李吗？", "answer": "可以。", **bad}
    rejected(station_store, lambda s: faq.add(s, **fields), error, field)


@pytest.mark.parametrize(("bad", "error", "field"), BAD_ADD[2:])
def test_update_rejects_bad_input(
    station_store: Store, bad: dict[str, Any], error: type[StationError], field: str
) -> None:
    made = add(station_store)
    # A good change listed first must not be applied either.
    changes = {"category": "other", **bad} if field != "category" else bad
    rejected(station_store, lambda s: faq.update(s, made.id, **changes), error, field)


@pytest.mark.parametrize(
    ("ref", "error"),
    [("00000000-0000-4000-8000-000000000000", NotFound), (None, InvalidInput), (7, InvalidInput)],
)
def test_unknown_or_malformed_ids(station_store: Store, ref: object, error: type) -> None:
    for action in (
        lambda s: faq.get(s, ref),
        lambda s: faq.update(s, ref, answer="x"),
        lambda s: faq.delete(s, ref),
    ):
        rejected(station_store, action, error, "faq")


def test_find_rejects_an_unknown_category(station_store: Store) -> None:
    rejected(station_store, lambda s: faq.find(s, category="天气"), InvalidInput, "category")
