"""PostgreSQL roles of the stations and exactly the privileges the exchange needs.

Every station logs in with its own role, a member of one group role per central database
that holds the grants. Which rows a role sees is decided by the row-level security policies
of the migration (keyed on `current_station()`, i.e. on `session_user`); which columns, by the
column grants below: `records.private` and `stations.role_name` are not readable at all.
Roles are cluster-wide, so their names carry the database's name.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import Connection, text

# Columns of `records` a station may read (its own rows) and write.
READABLE = (
    "id, kind, station_code, version, seq, digest, created_at, updated_at, deleted_at, public"
)
INSERTABLE = (
    "id, kind, station_code, version, digest, created_at, updated_at, deleted_at, public, private"
)
UPDATABLE = "version, digest, created_at, updated_at, deleted_at, public, private"
PASSWORD_BYTES = 24
NAME_LIMIT = 63
# Pushes take their turn one at a time (c0002): a kiosk that stalls (power cut mid-push, a held
# transaction) must not stall every station for long. Set on each login role, since role
# settings are not inherited from the group.
TIMEOUTS = {
    "lock_timeout": "60s",
    "idle_in_transaction_session_timeout": "60s",
    "statement_timeout": "300s",
}


def _prefix(conn: Connection) -> str:
    database = str(conn.scalar(text("SELECT current_database()")))
    safe = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in database.lower())
    # Role names are cluster-wide: databases "Red" and "red" must not share them.
    if len(safe) > 40 or safe != database:
        safe = hashlib.sha256(database.encode()).hexdigest()[:16]
    return f"rp_{safe}"


def group_role(conn: Connection) -> str:
    # Station codes hold no underscore, so no station's role can be named like the group.
    return f"{_prefix(conn)}__station"


def station_role(conn: Connection, code: str) -> str:
    return f"{_prefix(conn)}_{code.lower()}"


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def role_exists(conn: Connection, name: str) -> bool:
    found = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
    return found is not None


def ensure_group(conn: Connection) -> None:
    """Create the stations' group role if missing and (re)grant its privileges."""
    group = group_role(conn)
    if not role_exists(conn, group):
        conn.exec_driver_sql(
            f"CREATE ROLE {_quote(conn, group)} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
            "NOBYPASSRLS NOREPLICATION"
        )
    g = _quote(conn, group)
    database = _quote(conn, str(conn.scalar(text("SELECT current_database()"))))
    schema = _quote(conn, str(conn.scalar(text("SELECT current_schema()"))))
    statements = [
        # Only stations (and the owner) may connect at all.
        f"REVOKE CONNECT, TEMPORARY ON DATABASE {database} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {database} TO {g}",
        f"GRANT USAGE ON SCHEMA {schema} TO {g}",
        f"GRANT SELECT ON {schema}.central_meta, {schema}.central_alembic_version, "
        f"{schema}.shared_records TO {g}",
        f"GRANT SELECT (code, name, hotline) ON {schema}.stations TO {g}",
        f"GRANT SELECT ({READABLE}) ON {schema}.records TO {g}",
        f"GRANT INSERT ({INSERTABLE}) ON {schema}.records TO {g}",
        f"GRANT UPDATE ({UPDATABLE}) ON {schema}.records TO {g}",
        f"GRANT SELECT, INSERT ON {schema}.batches, {schema}.parked, {schema}.conflicts, "
        f"{schema}.sync_runs TO {g}",
        f"GRANT USAGE ON SEQUENCE {schema}.parked_id_seq, {schema}.conflicts_id_seq, "
        f"{schema}.sync_runs_id_seq TO {g}",
        f"GRANT EXECUTE ON FUNCTION {schema}.current_station(), {schema}.take_push_turn() TO {g}",
    ]
    for statement in statements:
        conn.exec_driver_sql(statement)


def create_station_role(conn: Connection, code: str) -> tuple[str, str]:
    """A new login role for the station, with a random password: (role, password).

    The password is not stored anywhere; the caller shows it once.
    """
    role = station_role(conn, code)
    password = secrets.token_urlsafe(PASSWORD_BYTES)
    # Hashed here (SCRAM), so the clear password never reaches the server or its logs.
    pgconn = conn.connection.dbapi_connection.pgconn  # type: ignore[union-attr]
    verifier = pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256")
    conn.exec_driver_sql(
        f"CREATE ROLE {_quote(conn, role)} LOGIN PASSWORD '{verifier.decode()}' "
        "NOSUPERUSER NOCREATEDB "
        f"NOCREATEROLE NOBYPASSRLS NOREPLICATION INHERIT IN ROLE {_quote(conn, group_role(conn))}"
    )
    for name, value in TIMEOUTS.items():
        conn.exec_driver_sql(f"ALTER ROLE {_quote(conn, role)} SET {name} = '{value}'")
    return role, password
