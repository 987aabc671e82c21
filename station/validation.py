"""Checks for what people type: every function returns the clean value or raises InvalidInput."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from datetime import UTC, date, datetime, timedelta

from station import clock
from station.errors import InvalidInput
from station.sync.wire import CENTRAL_CODE

# A kiosk clock and a visitor's "just now" can disagree by a little; beyond this a time is
# in the future.
CLOCK_SLACK = timedelta(minutes=5)
# The span of dates a record may carry; beyond it day arithmetic would overflow.
EARLIEST = date(2000, 1, 1)
LATEST = date(2999, 12, 31)

_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{9,17}")
_SERVICE = re.compile(r"1\d{2}|1\d{4}|[48]00\d{7}")  # 110, 12345, 400/800 numbers
_STATION_CODE = re.compile(r"[A-Z][A-Z0-9]{1,7}")
_BADGE = re.compile(r"[A-Z0-9][A-Z0-9-]{0,31}")
_ID_LAST4 = re.compile(r"\d{3}[\dX]")


def text(
    field: str,
    value: object,
    *,
    required: bool = True,
    max_len: int = 200,
    multiline: bool = False,
) -> str | None:
    """Trimmed text, or None when optional and empty."""
    if value is None:
        if required:
            raise InvalidInput("required", field)
        return None
    if not isinstance(value, str):
        raise InvalidInput("not_text", field)
    cleaned = unicodedata.normalize("NFC", value.strip())
    allowed = {"\n"} if multiline else set()
    for ch in cleaned:
        category = unicodedata.category(ch)
        if ch not in allowed and (category in {"Cc", "Cs", "Co", "Cn"} or ch in "\u2028\u2029"):
            raise InvalidInput("control_chars", field)
    if not cleaned:
        if required:
            raise InvalidInput("required", field)
        return None
    if len(cleaned) > max_len:
        raise InvalidInput("too_long", field, max=max_len)
    return cleaned


def required_text(field: str, value: object, *, max_len: int = 200, multiline: bool = False) -> str:
    result = text(field, value, required=True, max_len=max_len, multiline=multiline)
    assert result is not None
    return result


def phone(
    field: str, value: object, *, required: bool = False, service: bool = False
) -> str | None:
    """A Chinese mobile (13812345678) or landline (0796-1234567[-12]) number, normalised.

    `service` also admits short service numbers (110, 12345) and 400/800 numbers, which
    units give as their contact.
    """
    raw = text(field, value, required=required, max_len=32)
    if raw is None:
        return None
    compact = re.sub(r"[\s\-()（）]", "", raw)
    for prefix in ("+86", "0086"):
        if compact.startswith(prefix):
            compact = compact[len(prefix) :]
            break
    if _MOBILE.fullmatch(compact) or (service and _SERVICE.fullmatch(compact)):
        return compact
    # Area codes 010 and 02x have three digits; every other area code has four.
    match = _LANDLINE.fullmatch(compact)
    if match is None or not raw.lstrip("(（").startswith("0"):
        raise InvalidInput("bad_phone", field)
    area_len = 3 if compact[1] in "12" else 4
    area, rest = compact[:area_len], compact[area_len:]
    extension = ""
    if len(rest) > 8:
        rest, extension = rest[:8], rest[8:]
    if not 7 <= len(rest) <= 8 or len(extension) > 6:
        raise InvalidInput("bad_phone", field)
    return f"{area}-{rest}" + (f"-{extension}" if extension else "")


def choice(field: str, value: object, options: Collection[str]) -> str:
    if not isinstance(value, str) or value not in options:
        raise InvalidInput("bad_choice", field)
    return value


def integer(field: str, value: object, *, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput("not_number", field)
    if not low <= value <= high:
        raise InvalidInput("out_of_range", field, low=low, high=high)
    return value


def moment(field: str, value: object, *, allow_future: bool = False) -> datetime:
    """An aware UTC datetime, not in the future unless allowed; naive values are local time."""
    if value is None:
        raise InvalidInput("required", field)
    if not isinstance(value, datetime):
        raise InvalidInput("not_time", field)
    # Odd tzinfo objects (no offset) and times at the ends of the calendar make conversion
    # raise instead of answering; no record of a kiosk lies there.
    try:
        aware = value if value.tzinfo is not None else value.replace(tzinfo=clock.LOCAL_TZ)
        if aware.utcoffset() is None or not EARLIEST.year <= aware.year <= LATEST.year:
            raise InvalidInput("not_time", field)
        utc = aware.astimezone(UTC)
    except (OverflowError, TypeError, ValueError) as exc:
        raise InvalidInput("not_time", field) from exc
    if not allow_future and utc > clock.now() + CLOCK_SLACK:
        raise InvalidInput("in_future", field)
    return utc


def day(field: str, value: object) -> date:
    """A local calendar day, given as a date or as a datetime (its local date)."""
    if isinstance(value, datetime):
        return clock.local_date(moment(field, value, allow_future=True))
    if not isinstance(value, date):
        raise InvalidInput("not_date", field)
    if not EARLIEST <= value <= LATEST:
        raise InvalidInput("not_date", field)
    return value


def station_code(value: object) -> str:
    raw = required_text("station_code", value, max_len=8 + 10)
    code = raw.upper()
    if not _STATION_CODE.fullmatch(code):
        raise InvalidInput("bad_station_code", "station_code")
    if code == CENTRAL_CODE:
        # Central's own records (the county's quick answers) carry this code: a station
        # registered under it could rewrite them for everyone.
        raise InvalidInput("reserved_station_code", "station_code", value=code)
    return code


def badge_code(value: object) -> str:
    """Badge codes as a barcode scanner types them: trailing Enter and spaces are dropped."""
    raw = value.strip("\r\n\t ") if isinstance(value, str) else value
    code = required_text("badge_code", raw, max_len=32).upper()
    if not _BADGE.fullmatch(code):
        raise InvalidInput("bad_badge", "badge_code")
    return code


def id_last4(value: object) -> str:
    raw = required_text("id_last4", value, max_len=4)
    code = raw.upper()
    if not _ID_LAST4.fullmatch(code):
        raise InvalidInput("bad_id_last4", "id_last4")
    return code
