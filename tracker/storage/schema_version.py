"""The schema and derivation versions a database must have to be read as it is (stdlib only).

``models`` and ``derived`` re-export them; the start-up read path (``storage.quick_open``)
compares a file against them without importing SQLAlchemy.
"""

__all__ = ["DERIVED_REV", "SCHEMA_REVISION", "STALE_SQL"]

#: The Alembic revision the models describe (the newest in ``migrations/versions``); a test
#: keeps them in step. Lets ``open_database`` skip loading Alembic when a file is up to date.
SCHEMA_REVISION = "0008"

DERIVED_REV = 1
"""Bump when the derivation changes: every plan is then recomputed on the next open."""

STALE_SQL = "SELECT 1 FROM plans WHERE derived_rev < ? OR derived_rev > ? LIMIT 1"
"""A row if any plan's derived columns are not of revision ``?`` (bound twice): two ranges of
the index on ``derived_rev``, where ``!=`` would read every plan (4 ms at 10,000 plans)."""
