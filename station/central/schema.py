"""The central database's tables, as SQLAlchemy Core, for the exchange and the admin commands.

One `records` table holds every kind: central does not interpret a record beyond its
envelope, so a new kind on the kiosk needs no central migration. Personal fields live in
`private`, apart from `public`, so PostgreSQL can refuse them column by column.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from station.models import SYNCED_KINDS

# The Alembic revision this program's exchange was written for (tests check it is the head).
SCHEMA_HEAD = "c0003"
VERSION_TABLE = "central_alembic_version"
# Every kind a kiosk may push.
KINDS: frozenset[str] = frozenset(model.kind for model in SYNCED_KINDS)
# The view every station pulls from: shared kinds, public fields, any owner.
SHARED_VIEW = "shared_records"

metadata = MetaData()


class UTCTime(TypeDecorator[datetime]):
    """A moment in UTC: timestamptz on PostgreSQL, handed back aware on every dialect."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        utc = value.astimezone(UTC)
        return utc if dialect.name == "postgresql" else utc.replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


Document = JSON().with_variant(JSONB(), "postgresql")

central_meta = Table(
    "central_meta",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)

stations = Table(
    "stations",
    metadata,
    Column("code", String(8), primary_key=True),
    Column("name", String(60), nullable=False),
    Column("hotline", String(32)),
    # The PostgreSQL login role of the station (None on a SQLite central).
    Column("role_name", String(63), unique=True),
    Column("registered_at", UTCTime, nullable=False),
)

records = Table(
    "records",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("station_code", String(8), nullable=False),
    Column("version", Integer, nullable=False),
    # Stamped by a trigger in commit order; never written by the exchange.
    Column("seq", BigInteger, unique=True),
    # sha256 of the whole content, so a station can compare without reading `private`.
    Column("digest", String(64), nullable=False),
    Column("created_at", UTCTime, nullable=False),
    Column("updated_at", UTCTime, nullable=False),
    Column("deleted_at", UTCTime),
    Column("public", Document, nullable=False),
    Column("private", Document, nullable=False),
    Index("ix_records_station_kind", "station_code", "kind"),
)

batches = Table(
    "batches",
    metadata,
    Column("batch_id", String(36), primary_key=True),
    Column("station_code", String(8), nullable=False),
    Column("received_at", UTCTime, nullable=False),
    Column("result", Document, nullable=False),
)

parked = Table(
    "parked",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("station_code", String(8), nullable=False),
    Column("batch_id", String(36), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("version", Integer, nullable=False),
    Column("reason", String(32), nullable=False),
    Column("detail", Text, nullable=False),
    Column("parked_at", UTCTime, nullable=False),
    Index("ix_parked_station", "station_code"),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("station_code", String(8), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("incoming_version", Integer, nullable=False),
    Column("central_version", Integer, nullable=False),
    Column("reason", String(32), nullable=False),
    Column("detected_at", UTCTime, nullable=False),
    # The same stale row pushed again is the same conflict, not a new one.
    UniqueConstraint("station_code", "record_id", "incoming_version", "central_version"),
)

sync_runs = Table(
    "sync_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("station_code", String(8), nullable=False),
    Column("started_at", UTCTime, nullable=False),
    Column("finished_at", UTCTime, nullable=False),
    Column("pushed", Integer, nullable=False),
    Column("pulled", Integer, nullable=False),
    Column("conflicts", Integer, nullable=False),
    Column("parked", Integer, nullable=False),
    Index("ix_sync_runs_station", "station_code", "finished_at"),
)

# Tables that carry a station's own rows, guarded by row-level security on PostgreSQL.
STATION_TABLES = (records, batches, parked, conflicts, sync_runs)

# The view of the migration (not created from here): what every station pulls.
shared_records = Table(
    SHARED_VIEW,
    MetaData(),
    Column("seq", BigInteger),
    Column("id", String(36)),
    Column("kind", String(32)),
    Column("station_code", String(8)),
    Column("version", Integer),
    Column("created_at", UTCTime),
    Column("updated_at", UTCTime),
    Column("deleted_at", UTCTime),
    Column("public", Document),
)
