"""Text search that works for Chinese of any length.

Terms of three or more characters go to the table's FTS5 trigram index; shorter terms
(most Chinese words are one or two characters) are matched with instr() on the content
table, because the trigram index cannot answer them and LIKE on the FTS table silently
finds nothing for Chinese.
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import ColumnElement, and_, column, func, literal_column, or_, select, table
from sqlalchemy.orm import InstrumentedAttribute

from station.models import FoundItem, Inquiry, LostReport, SyncRecord

# Must list the columns each FTS table was created with (migration 0002).
SEARCHED_COLUMNS: dict[type[SyncRecord], tuple[str, ...]] = {
    Inquiry: ("ticket_no", "question", "answer", "referral_unit"),
    FoundItem: ("item_no", "description", "colour", "found_place", "storage_place"),
    LostReport: ("report_no", "description", "colour", "lost_place"),
}

MAX_QUERY_LENGTH = 100


def terms(query: str) -> list[str]:
    """The search terms in `query`: NFC-normalised, split on white space, without quotes."""
    cleaned = unicodedata.normalize("NFC", query)[:MAX_QUERY_LENGTH]
    return [t for t in cleaned.replace('"', " ").split() if t]


def matches(model: type[SyncRecord], query: str) -> ColumnElement[bool]:
    """A WHERE clause for records of `model` whose searched text holds every term of `query`."""
    columns: list[InstrumentedAttribute[str | None]] = [
        getattr(model, name) for name in SEARCHED_COLUMNS[model]
    ]
    clauses: list[ColumnElement[bool]] = []
    long_terms = [t for t in terms(query) if len(t) >= 3]
    if long_terms:
        fts_name = f"{model.__tablename__}_fts"
        fts = table(fts_name, column("rowid"))
        phrase = " AND ".join(f'"{t}"' for t in long_terms)
        hits = select(fts.c.rowid).where(literal_column(fts_name).op("MATCH")(phrase))
        clauses.append(model.pk.in_(hits))
    for short in (t for t in terms(query) if len(t) < 3):
        clauses.append(or_(*(func.instr(func.coalesce(c, ""), short) > 0 for c in columns)))
    return and_(*clauses) if clauses else and_(True)
