"""Pushes take their turn by locking the one row of `push_turn`, not an advisory lock.

Any role may take any advisory lock, and a session-level one outlives its transaction: a
station's role could hold the stamping lock for as long as it stayed connected, with no
transaction open, and every other station's push would wait on it. A row of a table no
station may read or write can be locked only through `take_push_turn()` (or a write to
`records`), and only inside a transaction: one the station roles' default timeouts end, and
the admin sees in pg_stat_activity. A session may change its own timeouts, so this bounds a
kiosk running our software, not one altered to hold the turn.

Revision ID: c0002
Revises: c0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None

# As c0001 took it, for the downgrade.
SEQ_LOCK = 5_310_001


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite lets one writer in at a time: its stamps are in commit order already
    s = _schema()
    op.execute(f"CREATE TABLE {s}.push_turn (turn smallint PRIMARY KEY CHECK (turn = 1))")
    op.execute(f"INSERT INTO {s}.push_turn VALUES (1)")
    op.execute(f"REVOKE ALL ON {s}.push_turn FROM PUBLIC")
    # Held until commit, so a later committer always draws a larger seq and a puller past
    # some seq never sees a smaller one appear afterwards (rule 3).
    op.execute(
        f"CREATE FUNCTION {s}.take_push_turn() RETURNS void LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ BEGIN "
        f"PERFORM 1 FROM {s}.push_turn FOR UPDATE; END $$"
    )
    # Once per statement, before its rows draw their numbers: whoever writes `records`, by
    # whatever statement, writes in turn. (A push's rows go in a few multi-row statements.)
    op.execute(
        f"CREATE FUNCTION {s}.records_take_turn() RETURNS trigger LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ BEGIN "
        f"PERFORM {s}.take_push_turn(); RETURN NULL; END $$"
    )
    op.execute(
        f"CREATE TRIGGER records_take_turn BEFORE INSERT OR UPDATE ON {s}.records "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {s}.records_take_turn()"
    )
    op.execute(
        f"CREATE OR REPLACE FUNCTION {s}.stamp_seq() RETURNS trigger LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ BEGIN "
        f"NEW.seq := nextval('{s}.records_seq'); RETURN NEW; END $$"
    )
    for function in ("take_push_turn()", "records_take_turn()"):
        op.execute(f"REVOKE ALL ON FUNCTION {s}.{function} FROM PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    s = _schema()
    op.execute(
        f"CREATE OR REPLACE FUNCTION {s}.stamp_seq() RETURNS trigger LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ BEGIN "
        f"PERFORM pg_advisory_xact_lock({SEQ_LOCK}); "
        f"NEW.seq := nextval('{s}.records_seq'); RETURN NEW; END $$"
    )
    op.execute(f"DROP TRIGGER records_take_turn ON {s}.records")
    op.execute(f"DROP FUNCTION {s}.records_take_turn(), {s}.take_push_turn()")
    op.execute(f"DROP TABLE {s}.push_turn")


def _schema() -> str:
    return f'"{op.get_bind().execute(sa.text("SELECT current_schema()")).scalar_one()}"'
