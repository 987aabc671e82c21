"""Text search that works for Chinese of any length.

Terms of three or more characters go to the table's FTS5 trigram index; shorter terms
(most Chinese words are one or two characters) are matched with instr() on the content
table, because the trigram index cannot answer them and LIKE on the FTS table silently
finds nothing for Chinese.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from sqlalchemy import (
    ColumnElement,
    String,
    TextClause,
    and_,
    bindparam,
    text,
)
from sqlalchemy.orm import Session

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


# How many records a phrase may match in the trigram index before a list ordered by an
# indexed column is better read in that order, each record tested against the matches, than
# by sorting every match (issue 8: 恩江码头, in one found item in six of 100,000, took 110 ms
# to sort its 16,000 matches and 5 ms read newest first). A rarer phrase goes the other way:
# reading in order would pass over most of the table to fill a page.
MANY_MATCHES = 1000


def matches(
    model: type[SyncRecord], query: str, *, many_matches: bool = False
) -> ColumnElement[bool]:
    """A WHERE clause for records of `model` whose searched text holds every term of `query`.

    With `many_matches` (see `has_many_matches`) SQLite does not look the index's matches up
    one by one, and reads the records in the order the query asks for instead.
    """
    clauses: list[ColumnElement[bool] | TextClause] = []
    phrase = _phrase(query)
    if phrase is not None:
        hits = bindparam("phrase", phrase, String, unique=True)
        clauses.append(_in_index(model, many_matches).bindparams(hits))
    for position, short in enumerate(t for t in terms(query) if len(t) < 3):
        name = f"short_term_{position}"
        # unique: two of these in one statement still get a value each.
        term = bindparam(name, short, String, unique=True)
        clauses.append(_holds(model, name).bindparams(term))
    return and_(*clauses) if clauses else and_(True)


@cache
def _holds(model: type[SyncRecord], name: str) -> TextClause:
    """Whether any searched column of `model` holds the value bound to `name`.

    SQL text, made once: the same test made of expressions took longer to build (and to key
    for SQLAlchemy's statement cache) than SQLite took to find a short word.
    """
    table_name = model.__tablename__
    tests = " OR ".join(
        f"instr(coalesce({table_name}.{column_name}, ''), :{name}) > 0"
        for column_name in SEARCHED_COLUMNS[model]
    )
    return text(f"({tests})")


def has_many_matches(session: Session, model: type[SyncRecord], query: str) -> bool:
    """Whether the trigram index holds more than MANY_MATCHES records of `model` for the
    terms of `query` it answers. Counting stops there: a common phrase costs no more."""
    phrase = _phrase(query)
    if phrase is None:
        return False
    limits = {"phrase": phrase, "most": MANY_MATCHES + 1}
    return (session.connection().scalar(_hits_counted(model), limits) or 0) > MANY_MATCHES


@cache
def _hits_counted(model: type[SyncRecord]) -> TextClause:
    """How many records of `model` hold :phrase in the index, counted up to :most."""
    fts = f"{model.__tablename__}_fts"  # our own table's name
    hits = f"SELECT rowid FROM {fts} WHERE {fts} MATCH :phrase LIMIT :most"  # noqa: S608
    return text(f"SELECT count(*) FROM ({hits})")  # noqa: S608


def _phrase(query: str) -> str | None:
    """The full-text query for the terms of three or more characters; None if there are none."""
    long_terms = [t for t in terms(query) if len(t) >= 3]
    return " AND ".join(f'"{t}"' for t in long_terms) if long_terms else None


@cache
def _in_index(model: type[SyncRecord], many_matches: bool) -> TextClause:
    """Whether a record of `model` is among those whose indexed text holds :phrase.

    SQL text, made once, as `_holds`. With `many_matches`, pk + 0 is the same number but no
    longer the rowid SQLite would look the index's matches up by.
    """
    table_name = model.__tablename__  # our own table's name
    fts = f"{table_name}_fts"
    key = f"({table_name}.pk + 0)" if many_matches else f"{table_name}.pk"
    return text(f"{key} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH :phrase)")  # noqa: S608
