"""Alembic migrations of the central database (version table `central_alembic_version`)."""

# Every revision in versions/, oldest first; the last one is schema.SCHEMA_HEAD (a test checks).
KNOWN: tuple[str, ...] = ("c0001", "c0002", "c0003")
