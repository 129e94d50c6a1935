"""The headless `tracker` command: scripting, previews and (with a database) the ledger.

Every command reports a user error as one line on stderr and exits with status 2 without
writing anything; `tracker` with no command opens the desktop app.
"""

from __future__ import annotations

import sys
from argparse import Namespace
from collections.abc import Callable
from datetime import date

from tracker.domain.money import AmountError

from . import accounts, backups, exports, printing
from .commands import register
from .common import CliError, Parser
from .quote import add_plan_options, run_quote


def build_parser() -> Parser:
    """The argument parser of every `tracker` command."""
    parser = Parser(prog="tracker", description="Installment Tracker (分期账本)")
    parser.add_argument(
        "--db",
        help="database file or SQLAlchemy URL (default: TRACKER_DB or the user's data folder)",
    )
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    q = sub.add_parser("quote", help="preview a plan's schedule, cost and APR (no database)")
    add_plan_options(q)
    q.add_argument("--json", action="store_true", help="print one JSON object")
    q.set_defaults(run=run_quote)
    register(sub)
    exports.register(sub)
    printing.register(sub)
    backups.register(sub)
    accounts.register(sub)
    return parser


# Free-text options whose value may start with "-" ("-装修贷"): argparse would read such a
# value as an unknown option, so the token after one of these is always joined to it.
TEXT_OPTIONS = frozenset({"--name", "--platform", "--notes", "--note", "--method"})


def join_text_values(argv: list[str]) -> list[str]:
    """``["--name", "-装修贷"]`` → ``["--name=-装修贷"]``: the token after a free-text option is
    its value, whatever it starts with (nothing after ``--`` is touched)."""
    out: list[str] = []
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "--":
            out.extend(argv[i:])
            break
        if token in TEXT_OPTIONS and i + 1 < len(argv):
            out.append(f"{token}={argv[i + 1]}")
            i += 2
            continue
        out.append(token)
        i += 1
    return out


def main(argv: list[str], today: Callable[[], date] = date.today) -> int:
    """Run `tracker` with ``argv``; return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(join_text_values(list(argv)))
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command is None:
        from tracker.app import run_gui

        return run_gui(args.db)
    try:
        return _run(args, today())
    except BrokenPipeError:
        # `tracker ... | head`: the reader went away; that is not an error of ours.
        sys.stderr.close()
        return 0
    except (CliError, AmountError) as exc:
        return _fail(args.command, exc)
    except Exception as exc:
        # Service and storage errors are user-facing; import lazily to keep `quote` light.
        from tracker.services.model import ServiceError
        from tracker.storage.errors import StorageError

        if isinstance(exc, ServiceError | StorageError):
            return _fail(args.command, exc)
        raise


def _run(args: Namespace, today: date) -> int:
    """Run the command and close the database it opened, whatever happens."""
    try:
        return int(args.run(args, today))
    finally:
        db = getattr(args, "opened_db", None)
        if db is not None:
            db.close()


def _fail(command: str, exc: Exception) -> int:
    sys.stderr.write(f"tracker {command}: error: {exc}\n")
    return 2
