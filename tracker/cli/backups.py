"""`tracker backup` and `tracker restore`.

- ``tracker backup [-o FILE] [--json]``: a verified backup (online backup API, quick_check,
  row counts, fsync, rename; 0600) into the ``backups/`` folder beside the database, or to
  FILE: a new file only (the database, its -wal/-shm and any existing file are refused).
- ``tracker restore FILE [--json]``: verify FILE, back up the current data (``pre-restore``),
  restore through SQLite's backup API, audit, and say what was restored and where the
  previous data was kept. A refusal is one line, exit 2, nothing changed.
- ``tracker restore --list`` (or ``tracker backup --list``): the backups, newest first.

Storage loads lazily, so building the parser never imports SQLAlchemy.
"""

from __future__ import annotations

import argparse
import os
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .common import CliError, print_json

if TYPE_CHECKING:
    from tracker.storage.backups import BackupInfo


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `backup` and `restore` to the `tracker` parser."""
    bk = sub.add_parser("backup", help="write a verified backup (default: the backups folder)")
    bk.add_argument("-o", "--output", help="a new file to write the backup to")
    bk.add_argument("--list", action="store_true", help="list the backups instead")
    bk.add_argument("--json", action="store_true", help="print one JSON object")
    bk.set_defaults(run=run_backup)

    rs = sub.add_parser("restore", help="replace the data with a backup (the current is kept)")
    rs.add_argument("file", nargs="?", metavar="FILE", help="the backup file to restore")
    rs.add_argument("--list", action="store_true", help="list the backups, newest first")
    rs.add_argument("--json", action="store_true", help="print one JSON object")
    rs.set_defaults(run=run_restore)


def _db_path(args: argparse.Namespace) -> Path:
    from tracker.storage.engine import database_path, resolve_target

    return database_path(resolve_target(args.db, os.environ))


def _local(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "unknown date"


def _check_output(path: Path) -> None:
    from tracker.storage.targets import check_output_path

    try:
        check_output_path(path)
    except OSError as exc:
        raise CliError(f"-o: refusing {str(path)!r}: {exc}") from None
    if os.path.lexists(path):
        raise CliError(
            f"-o: {str(path)!r} already exists; a backup is only written to a new file name"
        )
    if not path.parent.is_dir():
        raise CliError(f"-o: the folder {str(path.parent)!r} does not exist")


def run_backup(args: argparse.Namespace, today: date) -> int:
    """`tracker backup [-o FILE]`."""
    if args.list:
        return _list(args)
    from tracker.storage.backup import backup_database
    from tracker.storage.backups import read_backup

    from .ledger import open_db

    target = Path(args.output).expanduser().absolute() if args.output else None
    if target is not None:
        _check_output(target)
    db = open_db(args)
    if target is not None and target == db.path:
        raise CliError("-o: that is the database itself; choose a new file name")
    made = backup_database(db.path, to=target) if target is not None else db.backup()
    plans, payments, _revision = read_backup(made)
    if args.json:
        print_json({"path": str(made), "plans": plans, "payments": payments})
    else:
        print(f"Backed up {plans} plan(s) and {payments} payment(s) to {made}")
    return 0


def _info_json(b: BackupInfo) -> dict[str, object]:
    return {
        "path": str(b.path),
        "taken_at": b.taken_at.isoformat(),
        "label": b.label,
        "plans": b.plans,
        "payments": b.payments,
        "revision": b.revision,
        "ok": b.ok,
        "problem": b.problem,
    }


def _list(args: argparse.Namespace) -> int:
    from tracker.storage.backups import list_backups

    found = list_backups(_db_path(args))
    if args.json:
        print_json([_info_json(b) for b in found])
        return 0
    if not found:
        print("No backups yet.")
    for b in found:
        what = (
            f"{b.plans:>4} plan(s) {b.payments:>6} payment(s)"
            if b.ok
            else f"cannot be restored: {b.problem}"
        )
        print(f"{_local(b.taken_at)}  {b.label:<12} {what}  {b.path}")
    return 0


def run_restore(args: argparse.Namespace, today: date) -> int:
    """`tracker restore FILE` / `tracker restore --list`."""
    if args.list:
        if args.file:
            raise CliError("give either FILE or --list, not both")
        return _list(args)
    if not args.file:
        raise CliError("give the backup FILE to restore (tracker restore --list shows them)")
    from tracker.services.backups import restore

    outcome = restore(_db_path(args), Path(args.file))
    done, check = outcome.restored, outcome.check
    if args.json:
        print_json(
            {
                "source": str(done.source),
                "taken_at": done.taken_at.isoformat() if done.taken_at else None,
                "plans": done.plans,
                "payments": done.payments,
                "upgraded_from": done.revision if done.upgraded else None,
                "previous": str(done.previous) if done.previous else None,
                "set_aside": str(done.set_aside) if done.set_aside else None,
                "check_ok": check.ok,
            }
        )
        return 0 if check.ok else 1
    when = f"of {_local(done.taken_at)} " if done.taken_at else ""
    print(
        f"Restored the backup {when}({done.source}): {done.plans} plan(s) and "
        f"{done.payments} payment(s)."
    )
    if done.upgraded:
        print(f"It was upgraded from the older schema {done.revision}.")
    if done.previous is not None:
        print(f"The data it replaced was kept as {done.previous}")
    if done.set_aside is not None:
        print(f"The unusable database was kept aside, unchanged, as {done.set_aside}")
    if check.ok:
        print("Check: the file is sound and every plan adds up.")
        return 0
    print(
        f"Check: {len(check.foreign_keys) + len(check.mismatches)} problem(s) "
        "(run tracker check for the list)."
    )
    return 1
