"""Suggested pairs of lost reports and found items, scored, with the reasons the desk sees.

Candidates are narrowed in SQL (status, a time window, same category or a shared
character pair in the description), then scored in Python. Character bigrams suit Chinese,
which has no spaces between words: 黑色钱包 and 男士黑色钱包 share 黑色, 色钱 and 钱包.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from station import validation
from station.models import FoundItem, LostReport
from station.services.lostfound import found, lost

# An item may be found a little before the loss was noticed; people are vague about times.
WINDOW_BEFORE = timedelta(days=1)
WINDOW_AFTER = timedelta(days=30)
# A "close in time" reason is given up to this long after the loss.
CLOSE_IN_TIME = timedelta(days=3)
WEIGHTS: dict[str, int] = {"category": 30, "colour": 15, "place": 15, "time": 15, "text": 25}
# Shares of bigrams that count as the same place / a similar description.
PLACE_REASON = 0.5
TEXT_REASON = 0.3
# Below this a pair is noise and is not suggested.
MIN_SCORE = 20
MAX_SUGGESTIONS = 50
# The SQL pre-filter looks for this many of the description's first distinct bigrams.
PREFILTER_GRAMS = 32

_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Match:
    """A suggested pair; `reasons` are codes among category, colour, place, time and text."""

    found_item: FoundItem
    lost_report: LostReport
    score: int
    reasons: tuple[str, ...]


def _normal(text: str | None) -> str:
    if not text:
        return ""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).lower())


def ordered_grams(text: str | None) -> list[str]:
    """Distinct character bigrams in order of appearance (the text itself if one character)."""
    cleaned = _normal(text)
    if len(cleaned) < 2:
        return [cleaned] if cleaned else []
    return list(dict.fromkeys(cleaned[i : i + 2] for i in range(len(cleaned) - 1)))


# Places and colours come from short lists, so most candidates repeat a few values.
@functools.lru_cache(maxsize=4096)
def _grams(text: str | None) -> frozenset[str]:
    return frozenset(ordered_grams(text))


@functools.lru_cache(maxsize=1024)
def _colour_key(colour: str | None) -> str:
    return _normal(colour).removesuffix("色")


def overlap(a: Iterable[str], b: Iterable[str]) -> float:
    """Shared bigrams over the smaller set: a short report inside a long description scores 1."""
    left, right = set(a), set(b)
    if not left or not right:
        return 0.0
    return len(left & right) / min(len(left), len(right))


@dataclass(frozen=True)
class _Traits:
    """What scoring compares, computed once per record rather than once per pair."""

    category: str
    colour: str
    place: frozenset[str]
    text: frozenset[str]
    at: datetime


def _text_grams(description: str, colour: str | None) -> frozenset[str]:
    # The colour is scored on its own; left in the text it would count twice, and "黑色"
    # would make a black scarf look like a black camera.
    return frozenset(ordered_grams(description)) - _grams(colour)


def _item_traits(item: FoundItem) -> _Traits:
    return _Traits(
        item.category,
        _colour_key(item.colour),
        _grams(item.found_place),
        _text_grams(item.description, item.colour),
        item.found_at,
    )


def _report_traits(report: LostReport) -> _Traits:
    return _Traits(
        report.category,
        _colour_key(report.colour),
        _grams(report.lost_place),
        _text_grams(report.description, report.colour),
        report.lost_at,
    )


def _time_share(gap: timedelta) -> float:
    """1 when found within a day of the loss, falling to 0 at the end of the window."""
    if gap < -WINDOW_BEFORE or gap > WINDOW_AFTER:
        return 0.0
    if gap < timedelta(0):
        return 0.8
    day = timedelta(days=1)
    if gap <= day:
        return 1.0
    return max(0.0, 1 - (gap - day) / (WINDOW_AFTER - day))


def _score(item: _Traits, report: _Traits) -> tuple[int, tuple[str, ...]]:
    place = overlap(item.place, report.place)
    text = overlap(item.text, report.text)
    gap = item.at - report.at
    same_category = item.category == report.category
    same_colour = bool(item.colour and report.colour) and (
        item.colour in report.colour or report.colour in item.colour
    )
    shares = {
        "category": 1.0 if same_category else 0.0,
        "colour": 1.0 if same_colour else 0.0,
        "place": place,
        "time": _time_share(gap),
        "text": text,
    }
    reasoned = {
        "category": same_category,
        "colour": same_colour,
        "place": place >= PLACE_REASON,
        "time": -WINDOW_BEFORE <= gap <= CLOSE_IN_TIME,
        "text": text >= TEXT_REASON,
    }
    total = sum(WEIGHTS[code] * shares[code] for code in WEIGHTS)
    reasons = tuple(code for code in WEIGHTS if reasoned[code])
    return min(100, round(total)), reasons


def score_pair(item: FoundItem, report: LostReport) -> Match:
    """Score how well a found item fits a lost report, 0 to 100, with the reasons."""
    return Match(item, report, *_score(_item_traits(item), _report_traits(report)))


def _shares_text(
    column: InstrumentedAttribute[str], text: str, colour: str | None
) -> list[ColumnElement[bool]]:
    """Clauses true when `column` holds one of the text's first bigrams other than the colour."""
    colour_grams = _grams(colour)
    wanted = [g for g in ordered_grams(text) if g not in colour_grams][:PREFILTER_GRAMS]
    return [func.instr(func.lower(column), g) > 0 for g in wanted]


def _best(matches: list[Match], limit: int) -> list[Match]:
    kept = [m for m in matches if m.score >= MIN_SCORE]
    kept.sort(
        key=lambda m: (
            -m.score,
            abs((m.found_item.found_at - m.lost_report.lost_at).total_seconds()),
            m.found_item.item_no,
            m.lost_report.report_no,
        )
    )
    return kept[:limit]


def suggest_matches(session: Session, lost_report: object, *, limit: object = 5) -> list[Match]:
    """Held found items of any station that may be what the report describes, best first."""
    report = lost.resolve(session, lost_report)
    count = validation.integer("limit", limit, low=1, high=MAX_SUGGESTIONS)
    query = select(FoundItem).where(
        FoundItem.deleted_at.is_(None),
        FoundItem.status == "held",
        FoundItem.found_at >= report.lost_at - WINDOW_BEFORE,
        FoundItem.found_at <= report.lost_at + WINDOW_AFTER,
        or_(
            FoundItem.category == report.category,
            *_shares_text(FoundItem.description, report.description, report.colour),
        ),
    )
    wanted = _report_traits(report)
    return _best(
        [
            Match(item, report, *_score(_item_traits(item), wanted))
            for item in session.scalars(query)
        ],
        count,
    )


def suggest_reports(session: Session, found_item: object, *, limit: object = 5) -> list[Match]:
    """Open lost reports of any station that the found item may answer, best first."""
    item = found.resolve(session, found_item)
    count = validation.integer("limit", limit, low=1, high=MAX_SUGGESTIONS)
    query = select(LostReport).where(
        LostReport.deleted_at.is_(None),
        LostReport.status == "open",
        LostReport.lost_at >= item.found_at - WINDOW_AFTER,
        LostReport.lost_at <= item.found_at + WINDOW_BEFORE,
        or_(
            LostReport.category == item.category,
            *_shares_text(LostReport.description, item.description, item.colour),
        ),
    )
    wanted = _item_traits(item)
    return _best(
        [Match(item, r, *_score(wanted, _report_traits(r))) for r in session.scalars(query)],
        count,
    )
