"""Whatever a caller passes, the inquiry and quick-answer desks give a record or a StationError."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from station import clock
from station.errors import StationError
from station.models import Volunteer
from station.services import faq, inquiries, records
from station.store import Store
from station.vocab import INQUIRY_CATEGORIES
from tests.snapshot import snapshot

Strategies = Mapping[str, st.SearchStrategy[object]]

# One store serves every example of a test: examples only add records, and a fresh store
# per example would cost a migration each.
EXAMPLES = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

CATEGORY_WORDS = [word for code, labels in INQUIRY_CATEGORIES.items() for word in (code, *labels)]
PHONES = ["13812345678", "+86 139-1234-5678", "0796-2512345", "010 12345678"]
SERVICE_PHONES = [*PHONES, "110", "12315", "400-123-4567"]
BADGES = ["YF-0001", "yf-0001\n"]
POSTS = ["古戏台广场", "驼背桥"]


def words(*, max_size: int, lines: bool = False) -> st.SearchStrategy[str]:
    """Text a person could type: letters of any script, digits, punctuation, spaces."""
    alphabet = st.characters(
        categories=("L", "N", "P", "S", "Zs"), include_characters="\n" if lines else ""
    )
    return st.text(alphabet, min_size=1, max_size=max_size)


def optional(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.one_of(st.none(), strategy)


# What a validator must turn away, or at least must not trip over.
junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.binary(max_size=8),
    st.dates(),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
    st.text(max_size=40),
    st.text(st.characters(codec="utf-8"), max_size=700),
    # control and private-use characters, lone surrogates, line separators
    st.text(st.characters(categories=("Cc", "Cs", "Co", "Zl", "Zp")), min_size=1, max_size=5),
    st.builds(lambda ch, n: ch * n, st.sampled_from(["问", "a", " ", "\n"]), st.integers(0, 5000)),
    st.sampled_from(["YF-9999", "YF-0099", "不存在的点位", "0796-12", "110", "   "]),
)


@st.composite
def inputs(
    draw: st.DrawFn, good: Strategies, *, required: tuple[str, ...] = (), unset: object = None
) -> dict[str, object]:
    """Good values for most fields and junk for up to two, so both outcomes are common.

    A field that is not required is left out (or passed as `unset`) now and then.
    """
    broken = draw(st.sets(st.sampled_from(sorted(good)), max_size=2))
    result: dict[str, object] = {}
    for name, strategy in good.items():
        if name in broken:
            result[name] = draw(junk)
        elif name in required or draw(st.integers(0, 3)) > 0:
            result[name] = draw(strategy)
        elif unset is not None:
            result[name] = unset
    return result


@pytest.fixture
def desk(station_store: Store) -> Store:
    with station_store.transaction() as s:
        s.add(
            Volunteer(station_code="YF01", name="王秀英", badge_code="YF-0001", home_station="YF01")
        )
        s.add(
            Volunteer(
                station_code="YF01",
                name="张志刚",
                badge_code="YF-0099",
                home_station="YF01",
                deleted_at=clock.now(),
            )
        )
    return station_store


def clean(value: object) -> object:
    """What the validators make of accepted text."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value.strip()) or None
    return value


def attempt(store: Store, action: Callable[[Session], Any]) -> Any:
    """Run `action`; a StationError must leave the store as it was, even when committed."""
    before = snapshot(store)
    failure: StationError | None = None
    with store.transaction() as s:
        try:
            result = action(s)
        except StationError as error:
            failure = error
    if failure is None:
        event("accepted")
        return result
    event(f"rejected: {type(failure).__name__} {failure.code} {failure.field}")
    assert failure.message("en")
    assert failure.message("zh_CN")
    assert snapshot(store) == before
    return None


INQUIRY_FIELDS: Strategies = {
    "category": st.sampled_from(CATEGORY_WORDS),
    "question": words(max_size=80, lines=True),
    "answer": optional(words(max_size=80, lines=True)),
    "visitor_name": optional(words(max_size=12)),
    "visitor_phone": optional(st.sampled_from(PHONES)),
    "handled_by": optional(st.sampled_from(BADGES)),
}
CREATE_FIELDS: Strategies = {
    **INQUIRY_FIELDS,
    "post": optional(st.sampled_from(POSTS)),
    "resolved": st.booleans(),
}


@EXAMPLES
@given(fields=inputs(CREATE_FIELDS, required=("category", "question")))
def test_create_takes_anything(desk: Store, fields: dict[str, object]) -> None:
    made = attempt(desk, lambda s: inquiries.create(s, **fields))
    if made is None:
        return
    with desk.reading() as s:
        got = inquiries.get(s, made.ticket_no)
        assert got.id == made.id
        assert got.category == made.category in INQUIRY_CATEGORIES
        assert got.question == clean(fields["question"])
        assert got.answer == clean(fields.get("answer"))
        assert got.visitor_name == clean(fields.get("visitor_name"))
        assert got.visitor_phone == made.visitor_phone
        assert (got.visitor_phone is None) == (clean(fields.get("visitor_phone")) is None)
        assert got.handled_by == made.handled_by
        assert (got.handled_by is None) == (clean(fields.get("handled_by")) is None)
        assert got.post_id == made.post_id
        assert got.status == ("resolved" if fields.get("resolved") else "open")


@EXAMPLES
@given(fields=inputs(INQUIRY_FIELDS, unset=records.UNSET))
def test_update_takes_anything(desk: Store, fields: dict[str, object]) -> None:
    with desk.transaction() as s:
        original = inquiries.create(
            s, category="other", question="原来的问题", answer="原来的答复", visitor_name="王五"
        )
    changed = attempt(desk, lambda s: inquiries.update(s, original.id, **fields))
    with desk.reading() as s:
        got = inquiries.get(s, original.id)
        if changed is None:
            assert got.version == 1
            return
        for name in ("question", "answer", "visitor_name"):
            value = fields[name]
            expected = getattr(original, name) if value is records.UNSET else clean(value)
            assert getattr(got, name) == expected
        assert (got.category, got.visitor_phone, got.handled_by) == (
            changed.category,
            changed.visitor_phone,
            changed.handled_by,
        )


OUTCOMES: dict[str, tuple[Callable[..., object], Strategies]] = {
    "refer": (
        inquiries.refer,
        {
            "unit": words(max_size=30),
            "contact": optional(st.sampled_from(SERVICE_PHONES)),
            "by": optional(st.sampled_from(BADGES)),
        },
    ),
    "escalate": (
        inquiries.escalate,
        {"level": st.sampled_from([2, 3]), "by": optional(st.sampled_from(BADGES))},
    ),
    "resolve": (
        inquiries.resolve,
        {
            "answer": optional(words(max_size=80, lines=True)),
            "by": optional(st.sampled_from(BADGES)),
        },
    ),
    "add_follow_up": (
        inquiries.add_follow_up,
        {"note": words(max_size=80, lines=True), "by": optional(st.sampled_from(BADGES))},
    ),
}


@st.composite
def outcome(draw: st.DrawFn) -> tuple[str, dict[str, object]]:
    name = draw(st.sampled_from(sorted(OUTCOMES)))
    fields = OUTCOMES[name][1]
    return name, draw(inputs(fields, required=tuple(n for n in fields if n != "by")))


@EXAMPLES
# Mostly the inquiry just made, so that the outcome itself is what gets tested.
@given(chosen=outcome(), ref=st.one_of(st.none(), st.none(), st.none(), junk))
def test_outcomes_take_anything(
    desk: Store, chosen: tuple[str, dict[str, object]], ref: object
) -> None:
    name, fields = chosen
    with desk.transaction() as s:
        made = inquiries.create(s, category="help", question="需要轮椅")
    target = made.ticket_no if ref is None else ref
    done = attempt(desk, lambda s: OUTCOMES[name][0](s, target, **fields))
    if done is None:
        return
    with desk.reading() as s:
        got = inquiries.get(s, made.id)
        expected = {"refer": "referred", "escalate": "escalated", "resolve": "resolved"}
        assert got.status == expected.get(name, "open")
        assert len(got.follow_ups) == 1


@EXAMPLES
@given(
    filters=inputs(
        {
            "status": st.sampled_from(["open", "已办结", "Referred"]),
            "day": st.one_of(st.dates(), st.datetimes(), st.datetimes(timezones=st.timezones())),
            "text": words(max_size=12),
            "limit": st.integers(1, 10_000),
            "offset": st.integers(0, 100),
        }
    )
)
def test_find_takes_anything(desk: Store, filters: dict[str, object]) -> None:
    found = attempt(desk, lambda s: inquiries.find(s, **filters))
    assert found is None or isinstance(found, list)


FAQ_FIELDS: Strategies = {
    "category": st.sampled_from(CATEGORY_WORDS),
    "question": words(max_size=60),
    "answer": words(max_size=200, lines=True),
    "sort_order": st.integers(-9999, 9999),
}


@EXAMPLES
@given(fields=inputs(FAQ_FIELDS, required=("category", "question", "answer")))
def test_faq_add_takes_anything(desk: Store, fields: dict[str, object]) -> None:
    made = attempt(desk, lambda s: faq.add(s, **fields))
    if made is None:
        return
    with desk.reading() as s:
        got = faq.get(s, made.id)
        assert (got.category, got.question, got.answer) == (
            made.category,
            clean(fields["question"]),
            clean(fields["answer"]),
        )
        assert got.sort_order == fields.get("sort_order", 0)


@EXAMPLES
@given(fields=inputs(FAQ_FIELDS, unset=records.UNSET))
def test_faq_update_takes_anything(desk: Store, fields: dict[str, object]) -> None:
    with desk.transaction() as s:
        original = faq.add(s, category="other", question="原来的问题", answer="原来的答复")
    changed = attempt(desk, lambda s: faq.update(s, original.id, **fields))
    with desk.reading() as s:
        got = faq.get(s, original.id)
        if changed is None:
            assert got.version == 1
            return
        for name in ("question", "answer", "sort_order"):
            value = fields[name]
            expected = getattr(original, name) if value is records.UNSET else clean(value)
            assert getattr(got, name) == expected
