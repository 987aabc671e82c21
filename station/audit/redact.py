"""Personal data out of the audit trail: what a changed field or an event's detail may show.

The trail is kept for years and copied to central, so it holds no phone number, name or
identity detail in the clear: the private fields of each kind (`wire.PRIVATE_FIELDS`) and
any field named like a phone or identity field are masked or replaced by HIDDEN, and every
other text has phone- and ID-number-like digit runs masked (a visitor may type a number into
a question).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from station.sync.codec import iso
from station.sync.wire import PRIVATE_FIELDS

HIDDEN = "[已隐去]"

# Mobiles (also written 138 1234 5678), landlines with an area code (0796-2512345), 15- and
# 18-digit ID numbers, and any other run of nine or more digits. Eight digits stay: the dates
# in record numbers (YF01-20261130-0042).
_NUMBER_LIKE = re.compile(
    r"(?<!\d)(?:1[3-9]\d[ -]\d{4}[ -]\d{4}|0\d{2,3}[ -]\d{7,8}|\d{17}[Xx]|\d{9,})(?!\d)"
)


def _phone_like_field(name: str) -> bool:
    return "phone" in name or name.endswith("_contact") or name.startswith("id_")


def _masked_number(number: str) -> str:
    """138****5678, 0796-***2345: the first three (of eleven or more) and the last four
    digits stay, separators stay; numbers too short to mask are hidden whole."""
    places = [i for i, ch in enumerate(number) if ch.isdigit()]
    if len(places) < 7:
        return HIDDEN
    keep = set(places[-4:]) | (set(places[:3]) if len(places) >= 11 else set())
    return "".join("*" if i in places and i not in keep else ch for i, ch in enumerate(number))


def scrub(text: str) -> str:
    """`text` with every phone- or ID-number-like digit run masked."""
    return _NUMBER_LIKE.sub(lambda m: _masked_number(m.group(0)), text)


def plain(value: Any) -> Any:
    """`value` as a JSON value with numbers scrubbed from every text in it."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return value


def field(kind: str, name: str, value: Any) -> Any:
    """What the trail shows of one field's value."""
    if value is None:
        return None
    if name in PRIVATE_FIELDS.get(kind, frozenset()) or _phone_like_field(name):
        if isinstance(value, str) and "phone" in name:
            return _masked_number(value)
        return HIDDEN
    return plain(value)
