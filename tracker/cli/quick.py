"""`tracker due` without SQLAlchemy: an up-to-date file is read through the stdlib ``sqlite3``
(``storage.quick_open``, with the same safety checks and messages as ``open_database``); any
other file (new, older, newer, stale) goes through the full path (``payments.due_full``)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from tracker.domain.money import amount_formatter, format_amount
from tracker.domain.rows import InstallmentRow

from .common import option, parse_date, print_json

if TYPE_CHECKING:
    from tracker.storage.quick_open import ReadConnection

__all__ = ["days_option", "due", "history", "open_reader", "print_due", "print_history"]


def days_option(text: str) -> int:
    """A whole number of days (``--within``)."""
    if not text.strip().isdigit():
        raise ValueError(f"{text!r}; enter a whole number of days, e.g. 7")
    return int(text)


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
        from tracker.storage.sql_reads import payment_rows, plan_exists

        def show(con: Any) -> bool:
            if args.plan is not None and not plan_exists(con, args.plan):
                return False  # the full path names the missing plan
            print_history(payment_rows(con, args.plan, start, end), args.json)
            return True

        try:
            if reader.run(show):
                return 0
        finally:
            reader.close()
    from .payments import history_full

    return history_full(args, start, end)


def print_history(rows: Iterable[Any], as_json: bool) -> None:
    """Print payments (rows with the ``PaymentRow`` fields in order) as text or JSON."""
    if as_json:
        _history_json(rows)
        return
    empty = True
    for r in rows:
        empty = False
        mark = (
            (" (paid before tracking)" if r.kind == "prior" else "")
            + (" (prepayment)" if r.kind == "prepayment" else "")
            + (f" (bill payment {r.bill_payment_id})" if r.bill_payment_id is not None else "")
            + (" (voided)" if r.voided else "")
        )
        print(
            f"{r.id:>5}  {r.date.isoformat()}  {format_amount(r.amount, r.currency):>12} "
            f"{r.currency}  plan {r.plan_id} {r.plan_name}  {r.method} {r.note}{mark}"
        )
    if empty:
        print("No payments.")


def _history_json(rows: Iterable[Any], batch: int = 2000) -> None:
    """Print the payments as one JSON array, streamed in batches: byte for byte what
    ``print_json`` of the list of dicts gives (keys in this order, ``ensure_ascii=False``),
    with each currency's amount formatter made once."""
    formatters: dict[str, Callable[[int], str]] = {}
    text = encode_basestring  # what json.dumps(..., ensure_ascii=False) uses for a str
    out = sys.stdout
    sep = "["
    chunk: list[str] = []
    for pid, plan_id, _name, cur, on, amount, method, note, voided, kind, bill in rows:
        fmt = formatters.get(cur)
        if fmt is None:
            fmt = formatters[cur] = amount_formatter(cur)
        chunk.append(
            f'{sep}{{"id": {pid:d}, "plan_id": {plan_id:d}, "date": "{on.isoformat()}", '
            f'"amount": "{fmt(amount)}", "method": {text(method)}, "note": {text(note)}, '
            f'"voided": {"true" if voided else "false"}, "kind": {text(kind)}, '
            f'"bill_payment": {"null" if bill is None else f"{bill:d}"}}}'
        )
        sep = ", "
        if len(chunk) >= batch:
            out.write("".join(chunk))
            chunk.clear()
    chunk.append("[]\n" if sep == "[" else "]\n")
    out.write("".join(chunk))


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
