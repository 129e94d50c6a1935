"""Alembic environment for the Installment Tracker database (SQLite only).

The app runs migrations through ``tracker.storage.migrate.upgrade``, which passes its own
connection in ``config.attributes["connection"]``: foreign keys OFF, inside one BEGIN
IMMEDIATE transaction that it commits only after ``foreign_key_check`` passes. Run it that
way; do not point the ``alembic`` command at a user's file.

Batch mode (``render_as_batch``) is on because SQLite cannot ALTER most things in place. A
batch rebuild recreates the table from what it reflects: with Alembic 1.20 STRICT, named
CHECK constraints and indexes survive, but AUTOINCREMENT is lost unless you pass
``table_kwargs={"sqlite_autoincrement": True}`` (every table of ours uses it).
"""

from __future__ import annotations

from alembic import context

from tracker.storage.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_offline() -> None:
    """Emit the SQL for review (``alembic upgrade --sql``); never touches a file."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url") or "sqlite://",
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the revisions on the connection handed over by ``migrate.upgrade``."""
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError(
            "run migrations through tracker.storage.migrate.upgrade(), which disables foreign "
            "keys, backs the file up and checks the result"
        )
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
