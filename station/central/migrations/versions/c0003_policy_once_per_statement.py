"""Row-level security asks who is calling once per statement, not once per row.

c0001's policies compare `station_code` with `current_station()`. That function is SECURITY
DEFINER, so PostgreSQL cannot inline it: it ran, with its own lookup in `stations`, for every
row a station's statement read or wrote, twice per row for an insert that returns its ids
(its check, and the read policy on what it returns). As a scalar subquery it is an InitPlan:
one call per statement. The rows each role may touch are the same.

Measured on a push of 2,000 records (the station role's insert, server side, EXPLAIN
ANALYZE): 104-116 ms before, against 75 ms for the same insert by the admin, who is not
subject to the policies.

Revision ID: c0003
Revises: c0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0003"
down_revision = "c0002"
branch_labels = None
depends_on = None

# As c0001 made them.
STATION_TABLES = ("records", "batches", "parked", "conflicts", "sync_runs")


def upgrade() -> None:
    _policies("(SELECT {s}.current_station())")


def downgrade() -> None:
    _policies("{s}.current_station()")


def _policies(station: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # a SQLite central has no roles: the exchange's own checks are all it has
    schema = op.get_bind().execute(sa.text("SELECT current_schema()")).scalar_one()
    s = f'"{schema}"'
    own = f"station_code = {station.format(s=s)}"
    for table in STATION_TABLES:
        op.execute(f"ALTER POLICY own_read ON {s}.{table} USING ({own})")
        op.execute(f"ALTER POLICY own_insert ON {s}.{table} WITH CHECK ({own})")
    op.execute(f"ALTER POLICY own_update ON {s}.records USING ({own}) WITH CHECK ({own})")
