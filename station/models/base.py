"""Declarative base, the UTC time column type, and the columns every synced record carries."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData, String
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Stored as naive UTC, always handed back as an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; pass an aware one")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime()}  # noqa: RUF012 (SQLAlchemy's own hook)


_id_source: ContextVar[random.Random | None] = ContextVar("id_source", default=None)


def new_id() -> str:
    """A random UUID; drawn from a seeded generator inside `seeded_ids` (demo data)."""
    source = _id_source.get()
    if source is None:
        return str(uuid.uuid4())
    return str(uuid.UUID(int=source.getrandbits(128), version=4))


@contextmanager
def seeded_ids(source: random.Random) -> Iterator[None]:
    token = _id_source.set(source)
    try:
        yield
    finally:
        _id_source.reset(token)


class SyncRecord(Base):
    """Columns that make a record ready for the end-of-day sync.

    `pk` is the local row id (a stable SQLite rowid, which the search index refers to);
    `id` is the kiosk-made UUID that identifies the record everywhere else. `version`,
    `updated_at`, and the outbox entry are maintained by the session hook in
    `station.sync.outbox`, never by hand.
    """

    __abstract__ = True
    # The outbox names records by this; it is also the central table name.
    kind: str = ""

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    station_code: Mapped[str] = mapped_column(String(8), index=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(default=1)
    deleted_at: Mapped[datetime | None]
