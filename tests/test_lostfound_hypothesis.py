"""Whatever a caller passes, the lost-and-found services answer with a StationError or succeed."""

from __future__ import annotations

import contextlib
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from station import clock
from station.errors import StationError
from station.models import FoundItem, LostReport
from station.services import lostfound
from station.store import Store
from tests.snapshot import snapshot

pytestmark = pytest.mark.slow

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    database=None,
    # One store serves all examples of a test; each example runs in its own transaction.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

offsets = st.timedeltas(
    min_value=-timedelta(hours=23, minutes=59), max_value=timedelta(hours=23, minutes=59)
).map(timezone)
zones: Any = st.one_of(st.none(), offsets)
moments = st.one_of(
    st.datetimes(timezones=zones),  # year 1 to 9999, naive or aware
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31), timezones=zones),
    st.just(datetime(1, 1, 1)),
    st.just(datetime(9999, 12, 31, 23, 59, 59, 999999)),
    st.dates(),
)
huge_text = st.builds(
    lambda piece, count: piece * count,
    st.sampled_from(["钱", "a", "\x00", "\u2028", "黑色 "]),
    st.integers(min_value=0, max_value=200_000),
)
texts = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.sampled_from(["", "  ", "\ud800", "a\udfff", "\x00", "\n", "\t\r", "NUL\x00", "'\"--;"]),
    huge_text,
)
anything = st.one_of(
    st.none(),
    texts,
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.binary(max_size=40),
    st.lists(st.one_of(st.none(), st.text(max_size=5), st.integers()), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    moments,
)


@st.composite
def _maybe(draw: st.DrawFn, plausible: st.SearchStrategy[Any]) -> Any:
    # one_of would flatten `anything` into many equal branches and drown the plausible one.
    if draw(st.integers(min_value=0, max_value=19)) < 17:
        return draw(plausible)
    return draw(anything)


def maybe(valid: Any) -> st.SearchStrategy[Any]:
    """Mostly plausible values, so that examples get past the first check and reach the rest."""
    return _maybe(valid if isinstance(valid, st.SearchStrategy) else st.just(valid))


past = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2026, 1, 1), timezones=zones)
categories = st.sampled_from(["wallet", "documents", "钱包/现金", "Keys", "other"])
phones = st.sampled_from(["13812345678", "0796-1234567", "+86 139 0000 1111", "12345"])

FOUND_FIELDS = {
    "category": maybe(categories),
    "description": maybe("黑色钱包"),
    "found_place": maybe("古戏台广场"),
    "found_at": maybe(past),
    "colour": maybe("黑色"),
    "finder_name": maybe("李四"),
    "finder_phone": maybe(phones),
    "storage_place": maybe("柜台"),
    "photos": maybe(st.just(())),
    "registered_by": maybe(st.none()),
}
LOST_FIELDS = {
    "category": maybe(categories),
    "description": maybe("黑色钱包"),
    "lost_place": maybe("驼背桥"),
    "lost_at": maybe(past),
    "contact_name": maybe("张三"),
    "contact_phone": maybe(phones),
    "colour": maybe("黑色"),
    "registered_by": maybe(st.none()),
}
RETURN_FIELDS = {
    "claimant_name": maybe("张三"),
    "id_type": maybe(st.sampled_from(["id_card", "护照", "other"])),
    "id_last4": maybe(st.sampled_from(["1234", "123x", "12345"])),
    "signature_png": maybe(st.sampled_from([None, b"\x89PNG\r\n\x1a\n...", b"GIF89a"])),
    "handed_over_by": maybe(st.none()),
}


def optional(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """Any subset of the fields, as an update passes them."""
    return st.fixed_dictionaries({}, optional=fields)


def attempt(store: Store, action: Any) -> None:
    """Run `action` in a transaction; a StationError must leave the store as it was."""
    before = snapshot(store)
    try:
        with store.transaction() as s:
            action(s)
    except StationError as error:
        event(f"{type(error).__name__} {error.code} {error.field}")
        assert snapshot(store) == before
    else:
        event("accepted")


def _item(store: Store) -> FoundItem:
    with store.transaction() as s:
        return lostfound.register_found(
            s,
            category="wallet",
            description="黑色钱包",
            found_place="古戏台广场",
            found_at=clock.now() - timedelta(hours=1),
        )


def _report(store: Store) -> LostReport:
    with store.transaction() as s:
        return lostfound.register_lost(
            s,
            category="wallet",
            description="黑色钱包",
            lost_place="古戏台广场",
            lost_at=clock.now() - timedelta(hours=2),
            contact_name="张三",
            contact_phone="13812345678",
        )


@SETTINGS
@given(fields=st.fixed_dictionaries(FOUND_FIELDS))
def test_register_found_fails_only_with_station_errors(
    station_store: Store, fields: dict[str, Any]
) -> None:
    attempt(station_store, lambda s: lostfound.register_found(s, **fields))


@SETTINGS
@given(fields=st.fixed_dictionaries(LOST_FIELDS))
def test_register_lost_fails_only_with_station_errors(
    station_store: Store, fields: dict[str, Any]
) -> None:
    attempt(station_store, lambda s: lostfound.register_lost(s, **fields))


@SETTINGS
@given(use_real=st.booleans(), ref=anything, fields=optional(FOUND_FIELDS))
def test_update_found_fails_only_with_station_errors(
    station_store: Store, use_real: bool, ref: Any, fields: dict[str, Any]
) -> None:
    fields.pop("registered_by", None)
    target = _item(station_store).item_no if use_real else ref
    attempt(station_store, lambda s: lostfound.update_found(s, target, **fields))


@SETTINGS
@given(use_real=st.booleans(), ref=anything, fields=optional(LOST_FIELDS))
def test_update_lost_fails_only_with_station_errors(
    station_store: Store, use_real: bool, ref: Any, fields: dict[str, Any]
) -> None:
    fields.pop("registered_by", None)
    target = _report(station_store).id if use_real else ref
    attempt(station_store, lambda s: lostfound.update_lost(s, target, **fields))


@SETTINGS
@given(
    item=st.one_of(st.just("fresh"), anything),
    report=st.one_of(st.just("fresh"), anything),
    fields=st.fixed_dictionaries(RETURN_FIELDS),
)
def test_return_item_fails_only_with_station_errors(
    station_store: Store, item: Any, report: Any, fields: dict[str, Any]
) -> None:
    # "fresh" stands for a record made for this example, so most returns can succeed.
    if item == "fresh":
        item = _item(station_store).id
    if report == "fresh":
        report = _report(station_store).report_no
    attempt(
        station_store,
        lambda s: lostfound.return_item(s, item=item, lost_report=report, **fields),
    )


FILTERS = {name: anything for name in ("text", "status", "category", "limit", "offset")}


@SETTINGS
@given(filters=st.fixed_dictionaries({}, optional=FILTERS), on=anything)
def test_find_fails_only_with_station_errors(
    station_store: Store, filters: dict[str, Any], on: Any
) -> None:
    with station_store.reading() as s:
        for find in (lostfound.find_found, lostfound.find_lost):
            with contextlib.suppress(StationError):
                find(s, **filters)
        with contextlib.suppress(StationError):
            lostfound.due_for_handover(s, on=on)


@pytest.mark.parametrize(
    "extreme",
    [
        datetime.max.replace(tzinfo=timezone(-timedelta(hours=23))),
        datetime.min.replace(tzinfo=timezone(timedelta(hours=23))),
        date(2020, 1, 1),
    ],
)
def test_times_at_the_ends_of_the_calendar_are_refused(
    station_store: Store, extreme: datetime
) -> None:
    # Converting these to UTC for storage would overflow; a plain date is not a time.
    before = snapshot(station_store)
    with pytest.raises(StationError) as error, station_store.transaction() as s:
        lostfound.register_found(
            s, category="keys", description="钥匙", found_place="驼背桥", found_at=extreme
        )
    assert error.value.field == "found_at"
    assert snapshot(station_store) == before
