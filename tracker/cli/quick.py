"""`tracker due` without SQLAlchemy: an up-to-date file is read through the stdlib ``sqlite3``
(``storage.quick_open``, with the same safety checks and messages as ``open_database``); any
other file (new, older, newer, stale) goes through the full path (``payments.due_full``)."""

from __future__ import annotations

import argparse
import os
from datetime import date
from typing import TYPE_CHECKING, Any

from .common import option, parse_date
from .output import days_option, history_json_sql, print_due, print_history, print_plans

if TYPE_CHECKING:
    from tracker.storage.quick_open import ReadConnection

__all__ = ["due", "history", "open_reader", "plan_list"]


def due(args: argparse.Namespace, today: date) -> int:
    """`tracker due [--as-of D] [--within DAYS]`."""
    as_of = option("--as-of", parse_date, args.as_of) if args.as_of is not None else today
    within = option("--within", days_option, args.within)
    reader = open_reader(args)
    if reader is None:
        from .payments import due_full

        return due_full(args, as_of, within)
    from tracker.storage.sql_reads import due_rows

    try:
        items = reader.run(lambda con: due_rows(con, as_of, within))
    finally:
        reader.close()
    return print_due(items, as_of, within, args.json)


def open_reader(args: argparse.Namespace) -> ReadConnection | None:
    """The stdlib read-only connection to ``--db``/``$TRACKER_DB`` when it is an up-to-date
    file, else None (the command takes the full path: ``ledger.open_db``)."""
    from tracker.storage.quick_open import open_for_reading, target_path

    path = target_path(args.db, os.environ)
    return open_for_reading(path) if path is not None else None


def history(args: argparse.Namespace, today: date) -> int:
    """`tracker history [--plan ID] [--from D] [--to D] [--json]`."""
    start = option("--from", parse_date, args.date_from) if args.date_from else None
    end = option("--to", parse_date, args.date_to) if args.date_to else None
    reader = open_reader(args)
    if reader is not None:
        from tracker.storage.sql_reads import payment_filter, payment_rows, plan_exists

        def show(con: Any) -> bool:
            if args.plan is not None and not plan_exists(con, args.plan):
                return False  # the full path names the missing plan
            if args.json and history_json_sql(con, *payment_filter(args.plan, start, end)):
                return True
            print_history(payment_rows(con, args.plan, start, end), args.json)
            return True

        try:
            if reader.run(show):
                return 0
        finally:
            reader.close()
    from .payments import history_full

    return history_full(args, start, end)


def plan_list(args: argparse.Namespace, today: date) -> int:
    """`tracker plan list [--as-of D] [--all] [--json]`."""
    as_of = option("--as-of", parse_date, args.as_of) if args.as_of is not None else today
    reader = open_reader(args)
    if reader is None:
        from .ledger import plan_list as plan_list_full

        return plan_list_full(args, today)
    from tracker.services.summary import plan_lines

    try:
        lines = reader.run(lambda con: plan_lines(con, as_of, args.all))
    finally:
        reader.close()
    return print_plans(lines, args.json)
