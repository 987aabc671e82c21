"""Full-text search for inquiries, found items and lost reports (FTS5, trigram tokenizer).

Revision ID: 0002
Revises: 0001

Each index is an external-content FTS5 table keyed by the record's stable integer `pk`,
kept current by triggers, so every writer (services, pull, repair) indexes alike. The
trigram tokenizer matches Chinese substrings of three or more characters; shorter queries
are answered from the content tables (see station.services.search).
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# table -> columns indexed for search
INDEXED = {
    "inquiries": ("ticket_no", "question", "answer", "referral_unit"),
    "found_items": ("item_no", "description", "colour", "found_place", "storage_place"),
    "lost_reports": ("report_no", "description", "colour", "lost_place"),
}


def _ddl(table: str, columns: tuple[str, ...]) -> list[str]:
    fts = f"{table}_fts"
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', content_rowid='pk', "
        "tokenize='trigram')",
        f"CREATE TRIGGER {table}_fts_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.pk, {new}); END",
        f"CREATE TRIGGER {table}_fts_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.pk, {old}); END",
        f"CREATE TRIGGER {table}_fts_au AFTER UPDATE OF {cols} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.pk, {old}); "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.pk, {new}); END",
        # Index what the table already holds.
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def upgrade() -> None:
    for table, columns in INDEXED.items():
        for statement in _ddl(table, columns):
            op.execute(statement)


def downgrade() -> None:
    for table in INDEXED:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {table}_fts")
