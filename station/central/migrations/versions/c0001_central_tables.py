"""Central tables, the commit-ordered seq stamp, the shared view and row-level security.

Revision ID: c0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

from station.central.schema import UTCTime

revision = "c0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen here: a later change of the shared kinds is a new migration of the view.
SHARED_KINDS = ("volunteers", "faqs", "found_items", "lost_reports")
STATION_TABLES = ("records", "batches", "parked", "conflicts", "sync_runs")
# Any constant will do: advisory locks are per database.
SEQ_LOCK = 5_310_001
ENVELOPE = "seq, id, kind, station_code, version, created_at, updated_at, deleted_at, public"

Document = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    _tables()
    if op.get_bind().dialect.name == "postgresql":
        _postgresql()
    else:
        _sqlite()


def _tables() -> None:
    op.create_table(
        "central_meta",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "stations",
        sa.Column("code", sa.String(8), primary_key=True),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("hotline", sa.String(32)),
        sa.Column("role_name", sa.String(63), unique=True),
        sa.Column("registered_at", UTCTime, nullable=False),
    )
    op.create_table(
        "records",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("station_code", sa.String(8), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("seq", sa.BigInteger, unique=True),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("created_at", UTCTime, nullable=False),
        sa.Column("updated_at", UTCTime, nullable=False),
        sa.Column("deleted_at", UTCTime),
        sa.Column("public", Document, nullable=False),
        sa.Column("private", Document, nullable=False),
    )
    op.create_index("ix_records_station_kind", "records", ["station_code", "kind"])
    op.create_table(
        "batches",
        sa.Column("batch_id", sa.String(36), primary_key=True),
        sa.Column("station_code", sa.String(8), nullable=False),
        sa.Column("received_at", UTCTime, nullable=False),
        sa.Column("result", Document, nullable=False),
    )
    op.create_table(
        "parked",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("station_code", sa.String(8), nullable=False),
        sa.Column("batch_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("parked_at", UTCTime, nullable=False),
    )
    op.create_index("ix_parked_station", "parked", ["station_code"])
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("station_code", sa.String(8), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("incoming_version", sa.Integer, nullable=False),
        sa.Column("central_version", sa.Integer, nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("detected_at", UTCTime, nullable=False),
        sa.UniqueConstraint("station_code", "record_id", "incoming_version", "central_version"),
    )
    op.create_table(
        "sync_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("station_code", sa.String(8), nullable=False),
        sa.Column("started_at", UTCTime, nullable=False),
        sa.Column("finished_at", UTCTime, nullable=False),
        sa.Column("pushed", sa.Integer, nullable=False),
        sa.Column("pulled", sa.Integer, nullable=False),
        sa.Column("conflicts", sa.Integer, nullable=False),
        sa.Column("parked", sa.Integer, nullable=False),
    )
    op.create_index("ix_sync_runs_station", "sync_runs", ["station_code", "finished_at"])


def _shared_view() -> None:
    kinds = ", ".join(f"'{kind}'" for kind in SHARED_KINDS)
    op.execute(
        f"CREATE VIEW shared_records AS SELECT {ENVELOPE} FROM records "
        f"WHERE kind IN ({kinds}) AND seq IS NOT NULL"
    )


def _sqlite() -> None:
    # SQLite lets one writer at a time in, so max(seq) + 1 under the write lock is commit order.
    _shared_view()
    stamp = (
        "BEGIN UPDATE records SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM records) "
        "WHERE id = NEW.id; END"
    )
    op.execute(f"CREATE TRIGGER records_seq_insert AFTER INSERT ON records {stamp}")
    op.execute(
        "CREATE TRIGGER records_seq_update AFTER UPDATE OF kind, station_code, version, digest, "
        f"created_at, updated_at, deleted_at, public, private ON records {stamp}"
    )


def _postgresql() -> None:
    schema = op.get_bind().execute(sa.text("SELECT current_schema()")).scalar_one()
    s = f'"{schema}"'
    op.execute(f"CREATE SEQUENCE {s}.records_seq AS bigint")
    # Who is calling, from the login role itself; kiosks cannot claim another station.
    op.execute(
        f"CREATE FUNCTION {s}.current_station() RETURNS varchar LANGUAGE sql STABLE "
        "SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS "
        f"$$ SELECT code FROM {s}.stations WHERE role_name = session_user $$"
    )
    # The lock is held until commit, so a later committer always draws a larger number and
    # a puller past some seq can never see a smaller one appear afterwards (rule 3).
    op.execute(
        f"CREATE FUNCTION {s}.stamp_seq() RETURNS trigger LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ BEGIN "
        f"PERFORM pg_advisory_xact_lock({SEQ_LOCK}); "
        f"NEW.seq := nextval('{schema}.records_seq'); RETURN NEW; END $$"
    )
    op.execute(
        f"CREATE TRIGGER records_stamp_seq BEFORE INSERT OR UPDATE ON {s}.records "
        f"FOR EACH ROW EXECUTE FUNCTION {s}.stamp_seq()"
    )
    for function in ("current_station()", "stamp_seq()"):
        op.execute(f"REVOKE ALL ON FUNCTION {s}.{function} FROM PUBLIC")
    # Owned by the admin, so the view reads every station's shared rows, public columns only.
    _shared_view()
    op.execute(f"ALTER VIEW {s}.shared_records SET (security_barrier = true)")
    own = f"station_code = {s}.current_station()"
    for table in STATION_TABLES:
        op.execute(f"ALTER TABLE {s}.{table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY own_read ON {s}.{table} FOR SELECT USING ({own})")
        op.execute(f"CREATE POLICY own_insert ON {s}.{table} FOR INSERT WITH CHECK ({own})")
    op.execute(
        f"CREATE POLICY own_update ON {s}.records FOR UPDATE USING ({own}) WITH CHECK ({own})"
    )


def downgrade() -> None:
    op.execute("DROP VIEW shared_records")
    for table in (*STATION_TABLES, "stations", "central_meta"):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION stamp_seq(), current_station()")
        op.execute("DROP SEQUENCE records_seq")
