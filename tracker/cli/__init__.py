"""The headless `tracker` command: scripting, previews and (with a database) the ledger.

Every command reports a user error as one line on stderr and exits with status 2 without
writing anything; `tracker` with no command opens the desktop app.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date

from tracker.domain.money import AmountError

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
    return parser


def main(argv: list[str], today: Callable[[], date] = date.today) -> int:
    """Run `tracker` with ``argv``; return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return int(args.run(args, today()))
    except (CliError, AmountError) as exc:
        sys.stderr.write(f"tracker {args.command}: error: {exc}\n")
        return 2
