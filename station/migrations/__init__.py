"""Alembic migrations of the local store. HEAD lets the store skip Alembic when current."""

# The newest revision in versions/; a test keeps this equal to Alembic's own head.
HEAD = "0006"
