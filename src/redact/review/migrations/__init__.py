"""Alembic migrations of the review store, run programmatically by ``Store.migrate()`` (no alembic.ini)."""
