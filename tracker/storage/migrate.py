"""Schema migrations: bring a database file up to the newest Alembic revision, safely.

Alembic runs programmatically (no ``alembic.ini`` needed): :func:`alembic_config` points a
``Config`` at ``tracker/storage/migrations``. :func:`upgrade` runs every pending revision in
ONE transaction on a connection that has ``PRAGMA foreign_keys=OFF`` (set before BEGIN):
with foreign keys on, a batch rebuild of ``plans`` (SQLite's DROP TABLE) would delete every
installment and payment through ON DELETE CASCADE. After the revisions,
``PRAGMA foreign_key_check`` and ``quick_check`` must come back clean, and the audit must find
nothing (the raw ledger's counts and sums unchanged; every plan's derived columns agreeing with
a replay of its schedule and payments and with the SQL consistency checks), or the whole
upgrade is rolled back. A file that already has data gets a verified backup first (in the
``backups/`` folder beside it, label = the old revision), taken while this transaction holds
the write lock, so the backup is exactly the state being migrated.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import ics_events
from .backups import take_backup
from .connection import make_engine
from .derived import consistency_problems, refresh_stale, replay_problems
from .errors import MigrationError, NewerDatabaseError, StorageError
from .identity import APPLICATION_ID, check_summary

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection

__all__ = [
    "MIGRATIONS_DIR",
    "alembic_config",
    "check_revision_known",
    "head_revision",
    "known_revisions",
    "upgrade",
]

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")


def alembic_config(migrations_dir: Path = MIGRATIONS_DIR) -> Config:
    """An Alembic Config for our migration scripts, built in code."""
    from alembic.config import Config  # imported only when needed: it costs startup time

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir))
    cfg.set_main_option("path_separator", "os")
    return cfg


def _scripts(migrations_dir: Path) -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(migrations_dir))


def head_revision(migrations_dir: Path = MIGRATIONS_DIR) -> str:
    """The newest revision id (the schema this code expects)."""
    head = _scripts(migrations_dir).get_current_head()
    if head is None:
        raise MigrationError(f"no migration scripts found in {migrations_dir}")
    return head


def known_revisions(migrations_dir: Path = MIGRATIONS_DIR) -> set[str]:
    """Every revision id this code knows."""
    return {rev.revision for rev in _scripts(migrations_dir).walk_revisions()}


def _newer(path: Path, revision: str) -> NewerDatabaseError:
    return NewerDatabaseError(
        f"{path} was written by a newer version of Installment Tracker (schema revision "
        f"{revision!r}). Nothing was changed; please update the app to open it."
    )


def check_revision_known(path: Path, revision: str | None, migrations_dir: Path) -> None:
    """Raise NewerDatabaseError if ``revision`` is not one of ours."""
    if revision is not None and revision not in known_revisions(migrations_dir):
        raise _newer(path, revision)


def upgrade(
    path: Path,
    *,
    target: str = "head",
    migrations_dir: Path = MIGRATIONS_DIR,
    backup: bool = True,
    notes: dict[str, object] | None = None,
    shown: Path | None = None,
) -> Path | None:
    """Upgrade the database file at ``path`` to ``target``; return the backup written, if any.

    Safe to call on a file already at ``target`` (nothing happens) and from several processes
    at once (the first takes the write lock and migrates; the others then find it done).
    Also stamps ``application_id`` and sets ``user_version`` to a numeric revision id.
    Raises NewerDatabaseError, BackupError or MigrationError; on any error nothing changed.
    What the revisions report for the user (e.g. ``loans_repriced``: the (id, name) of loans
    whose payoff policy moved to the new default) is put in ``notes``. Messages name
    ``shown`` (default ``path``): a new database is built in a temporary file.
    """
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    cfg = alembic_config(migrations_dir)
    script = _scripts(migrations_dir)
    shown = shown or path
    engine = make_engine(path, foreign_keys=False, pooled=False, shown=shown)
    current: str | None = None
    try:
        wanted = script.get_revision(target)
        if wanted is None:
            raise MigrationError(f"unknown target revision {target!r}")
        with engine.connect() as conn, conn.begin():  # BEGIN IMMEDIATE: we hold the write lock
            current = MigrationContext.configure(conn).get_current_revision()
            if current == wanted.revision:
                return None
            if current is not None and current not in known_revisions(migrations_dir):
                raise _newer(shown, current)
            saved = take_backup(path, current) if backup and current else None
            before = _ledger_totals(conn) if current is not None else None
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
            if notes is not None:
                notes.update((k, v) for k, v in cfg.attributes.items() if k != "connection")
            if wanted.revision.isdigit():
                conn.exec_driver_sql(f"PRAGMA user_version = {int(wanted.revision)}")
            orphans = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if orphans:
                raise MigrationError(
                    f"the upgrade would leave {len(orphans)} rows pointing at missing rows "
                    f"(first: {tuple(orphans[0])})"
                )
            check = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check")]
            if check != ["ok"]:
                raise MigrationError(f"quick_check after the upgrade: {check_summary(check)}")
            _audit_upgraded(conn, before)
        return saved
    except MigrationError as e:
        raise MigrationError(_failed(shown, current, target, e)) from e
    except StorageError:
        raise
    except Exception as e:  # a failing revision script: the transaction was rolled back
        raise MigrationError(_failed(shown, current, target, e)) from e
    finally:
        engine.dispose()


_TOTALS = (
    "SELECT (SELECT count(*) FROM plans), (SELECT count(*) FROM installments), "
    "(SELECT count(*) FROM payments), (SELECT coalesce(sum(amount), 0) FROM payments), "
    "(SELECT coalesce(sum(principal + fee), 0) FROM installments)"
)


def _ledger_totals(conn: Connection) -> tuple[int, ...] | None:
    """Counts and sums of the raw ledger (plans, installments, payments), or None before the
    file has those tables. No revision may change them."""
    names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    if not {"plans", "installments", "payments"} <= names:
        return None
    return tuple(conn.exec_driver_sql(_TOTALS).one())


def _audit_upgraded(conn: Connection, before: tuple[int, ...] | None) -> None:
    """The audit after the revisions, inside their transaction (a problem rolls them back):
    the raw ledger is unchanged, and once the derived columns exist, every plan's stored
    derived state is refreshed where stale and then agrees with a replay and the SQL checks."""
    after = _ledger_totals(conn)
    if before is not None and after != before:
        raise MigrationError(
            "the upgrade changed the ledger (plans, installments, payments, paid total, "
            f"scheduled total: {before} before, {after} after)"
        )
    columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(plans)")}
    # the derivation writes the newest derived columns: an upgrade stopping before one of them
    # (0003, 0008; tests) is audited when it goes on to the head
    if not {"derived_rev", "schedule_periods"} <= columns or after is None:
        return
    refresh_stale(conn)
    problems = replay_problems(conn) + consistency_problems(conn)
    if ics_events.present(conn):
        ics_events.sync_pending(conn, date.today())
        problems += ics_events.problems(conn)
    if problems:
        raise MigrationError(
            f"the audit after the upgrade found {len(problems)} problem(s): "
            + "; ".join(problems[:3])
        )


def _failed(path: Path, current: str | None, target: str, error: Exception) -> str:
    return (
        f"Upgrading {path} from schema {current or 'none'} to {target} failed: {error}. "
        "The upgrade was rolled back; the file is as it was."
    )
