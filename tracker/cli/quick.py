"""`tracker due` without SQLAlchemy: an up-to-date file is read through the stdlib ``sqlite3``
(``storage.quick_open``, with the same safety checks and messages as ``open_database``); any
other file (new, older, newer, stale) goes through the full path (``payments.due_full``)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from datetime import date

from tracker.domain.money import format_amount
from tracker.domain.rows import InstallmentRow

from .common import option, parse_date, print_json

__all__ = ["days_option", "due", "print_due"]


def days_option(text: str) -> int:
    """A whole number of days (``--within``)."""
    if not text.strip().isdigit():
        raise ValueError(f"{text!r}; enter a whole number of days, e.g. 7")
    return int(text)


def due(args: argparse.Namespace, today: date) -> int:
    """`tracker due [--as-of D] [--within DAYS]`."""
    from tracker.storage.quick_open import open_for_reading, target_path

    as_of = option("--as-of", parse_date, args.as_of) if args.as_of is not None else today
    within = option("--within", days_option, args.within)
    path = target_path(args.db, os.environ)
    reader = open_for_reading(path) if path is not None else None
    if reader is None:
        from .payments import due_full

        return due_full(args, as_of, within)
    from tracker.storage.sql_reads import due_rows

    try:
        items = reader.run(lambda con: due_rows(con, as_of, within))
    finally:
        reader.close()
    return print_due(items, as_of, within, args.json)


def print_due(items: Sequence[InstallmentRow], as_of: date, within: int, as_json: bool) -> int:
    """Print ``tracker due``'s table or JSON."""
    if as_json:
        print_json(
            [
                {
                    "plan_id": i.plan_id,
                    "plan_name": i.plan_name,
                    "period": i.period,
                    "due_date": i.due_date.isoformat(),
                    "amount_due": format_amount(i.amount_due, i.currency),
                    "status": i.status.value,
                    "days_overdue": i.days_overdue,
                    "penalty": format_amount(i.penalty, i.currency),
                }
                for i in items
            ]
        )
        return 0
    if not items:
        print(f"Nothing due within {within} days of {as_of.isoformat()}.")
    for i in items:
        late = f" ({i.days_overdue} days overdue)" if i.days_overdue else ""
        print(
            f"{i.due_date.isoformat()}  {i.plan_name} #{i.period}  "
            f"{format_amount(i.amount_due, i.currency)} {i.currency}  {i.status.value}{late}"
        )
    return 0
