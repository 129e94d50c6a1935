"""CSV export/import and the calendar feed commands.

- ``tracker export {payments,installments,plans} [-o FILE] [--from D --to D] [--plan ID]``:
  UTF-8 with a BOM (Excel shows Chinese), to FILE or, without ``-o`` (or ``-o -``), stdout.
- ``tracker import FILE [FILE ...] [--dry-run]``: plans and payments files as one batch (the
  kind of each file is told by its headers; plans files go first, and payments refer to their
  ``id`` keys). Any bad row: nothing is imported, exit status 2, and every problem is printed
  on stderr, one per line, as ``FILE:LINE: reason`` after a one-line summary. Warnings (a plan
  or payment given a new id because the file's is taken, a plan that looks like one already in
  the database) do not stop it: each is printed on stderr as ``warning: FILE:LINE: reason``
  (and listed under ``warnings`` with ``--json``).
- ``tracker ics [-o FILE] [--alarm-days N]``: the calendar feed (reminders for the unpaid
  installments; paid ones, archived and deleted plans' as cancelled events; each event's
  SEQUENCE kept at write time, ``storage.ics_events``). A pure read: it works on a
  read-only file. DTSTAMP is the time of the run (``now``), or
  ``SOURCE_DATE_EPOCH`` when that is set, for reproducible files.

The services load lazily, so building the parser never imports SQLAlchemy.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from .common import CliError, option, parse_date

KINDS = ("payments", "installments", "plans")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `export`, `import` and `ics` to the `tracker` parser."""
    exp = sub.add_parser(
        "export", help="write payments, installments or plans as CSV (UTF-8 with BOM)"
    )
    exp.add_argument("what", choices=KINDS, help="what to export")
    exp.add_argument("-o", "--output", help="file to write (default: stdout)")
    exp.add_argument("--from", dest="date_from", help="first date (payments, installments)")
    exp.add_argument("--to", dest="date_to", help="last date (payments, installments)")
    exp.add_argument("--plan", help="only this plan's rows (its id)")
    exp.add_argument("--as-of", help="the date installment statuses are computed for")
    exp.add_argument(
        "--headers",
        choices=("en", "zh"),
        default="en",
        help="header language: en (default, the stable schema) or zh (Chinese headers and "
        "status words for WPS/Excel; the importer reads both)",
    )
    exp.set_defaults(run=run_export)

    imp = sub.add_parser("import", help="import plans and payments from CSV files (one batch)")
    imp.add_argument("files", nargs="+", metavar="FILE", help="plans and/or payments CSV files")
    imp.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
    imp.add_argument("--json", action="store_true", help="print one JSON object")
    imp.set_defaults(run=run_import, writes=True)

    cal = sub.add_parser("ics", help="write the calendar feed (iCalendar) of unpaid installments")
    cal.add_argument("-o", "--output", help="file to write (default: stdout)")
    cal.add_argument("--alarm-days", default="1", help="remind N days before (default 1)")
    cal.add_argument("--as-of", help="the date statuses and amounts due are computed for")
    cal.set_defaults(run=run_ics)


def _plan_id(text: str) -> int:
    raw = text.strip()
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"{text!r} is not a plan id; give a whole number, e.g. 3")
    return int(raw)


def _days(text: str) -> int:
    raw = text.strip()
    if not raw.isdigit():
        raise ValueError(f"{text!r}; enter a whole number of days from 0 to 365, e.g. 1")
    return int(raw)


def _write(data: bytes, output: str | None) -> None:
    """``data`` to the file ``output`` (whole or not at all), or to stdout."""
    if output in (None, "-"):
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # pragma: no cover - a text-only stdout
            sys.stdout.write(data.decode("utf-8"))
        else:
            buffer.write(data)
            buffer.flush()
        return
    from tracker.services.transfer import save_bytes

    try:
        save_bytes(output, data)
    except OSError as exc:
        raise CliError(f"cannot write {output!r}: {exc.strerror or exc}") from None


def now() -> datetime:
    """The DTSTAMP of a feed: the current UTC time, or ``SOURCE_DATE_EPOCH`` (seconds since
    1970) when set, as reproducible builds do; tests replace it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


def _as_of(args: argparse.Namespace, today: date) -> date:
    return option("--as-of", parse_date, args.as_of) if args.as_of else today


def run_export(args: argparse.Namespace, today: date) -> int:
    """`tracker export KIND`."""
    start = option("--from", parse_date, args.date_from) if args.date_from else None
    end = option("--to", parse_date, args.date_to) if args.date_to else None
    plan = option("--plan", _plan_id, args.plan) if args.plan is not None else None
    as_of = _as_of(args, today)
    quick = _quick_payments(args, plan, start, end) if args.what == "payments" else None
    if quick is not None:
        data, count = quick
    else:
        from tracker.services.transfer import export_csv

        from .ledger import open_db

        data, count = export_csv(
            open_db(args), args.what, as_of, plan, start, end, headers=args.headers
        )
    _write(data, args.output)
    if args.output not in (None, "-"):
        print(f"Exported {count} {args.what} to {args.output}")
    return 0


def _quick_payments(
    args: argparse.Namespace, plan: int | None, start: date | None, end: date | None
) -> tuple[bytes, int] | None:
    """The payments CSV read through the stdlib path (``quick.open_reader``), or None when the
    full path must make it (not an up-to-date file, a missing plan, a reversed range)."""
    if start and end and end < start:
        return None  # the service words the refusal
    from .quick import open_reader

    reader = open_reader(args)
    if reader is None:
        return None
    from tracker.reports.csv_export import payment_lines_csv
    from tracker.storage.sql_reads import (
        PAYMENT_ORDER,
        PAYMENT_ROWS_SQL,
        payment_filter,
        plan_exists,
    )

    def make(con: Any) -> tuple[bytes, int] | None:
        if plan is not None and not plan_exists(con, plan):
            return None
        where, params = payment_filter(plan, start, end)
        # the columns as stored (ISO dates, 0/1 flags): the writer takes them as they come
        rows = con.execute(f"{PAYMENT_ROWS_SQL}{where} {PAYMENT_ORDER}", params).fetchall()
        # the prepay column when the plan (or any plan) has a prepayment, as export_csv decides
        scope = "" if plan is None else " AND plan_id = ?"
        detail = con.execute(
            f"SELECT 1 FROM payments WHERE kind = 'prepayment'{scope} LIMIT 1",
            () if plan is None else (plan,),
        ).fetchone()
        data = payment_lines_csv(rows, headers=args.headers, prepay=detail is not None)
        return data, len(rows)

    try:
        return reader.run(make)
    finally:
        reader.close()


def run_ics(args: argparse.Namespace, today: date) -> int:
    """`tracker ics`: DTSTAMP is when the feed is made (``now``)."""
    from tracker.services.transfer import calendar_feed

    from .ledger import open_db

    days = option("--alarm-days", _days, args.alarm_days)
    data, count = calendar_feed(open_db(args), _as_of(args, today), now(), days)
    _write(data, args.output)
    if args.output not in (None, "-"):
        print(f"Wrote {count} due date(s) to {args.output}")
    return 0


MAX_LISTED = 100
"""Problems (or warnings) listed one per line; past that, one line gives the count."""


def _listed(items: Sequence[object], prefix: str) -> None:
    """Write the first MAX_LISTED items to stderr, then how many more there are."""
    for item in items[:MAX_LISTED]:
        sys.stderr.write(f"{prefix}{item}\n")
    if len(items) > MAX_LISTED:
        more = len(items) - MAX_LISTED
        sys.stderr.write(
            f"{prefix}… and {more} more (the first {MAX_LISTED} are listed; fix them and run "
            "the import again)\n"
        )


def run_import(args: argparse.Namespace, today: date) -> int:
    """`tracker import FILE...`: all or nothing; every bad row reported on stderr."""
    from tracker.services.transfer import ImportFile, ImportRefused, import_files

    from .ledger import open_db

    files = []
    for name in args.files:
        try:
            files.append(ImportFile(name, Path(name).read_bytes()))
        except OSError as exc:
            raise CliError(f"cannot read {name!r}: {exc.strerror or exc}") from None
    db = open_db(args)
    if not args.dry_run and not db.read_only:  # a read-only file refuses the import itself
        db.backup(label="import")  # a BackupError stops the import: nothing written
    try:
        _change, report = import_files(db, files, today, dry_run=args.dry_run)
    except ImportRefused as exc:
        sys.stderr.write(f"tracker import: error: {exc}\n")
        _listed(exc.report.problems, "")
        return 2
    _listed(report.warnings, "warning: ")
    if args.json:
        print(
            json.dumps(
                {
                    "dry_run": report.dry_run,
                    "plans": [
                        {"file": p.file, "line": p.line, "key": p.key, "id": p.id}
                        for p in report.plans
                    ],
                    "payments": len(report.payments),
                    "payment_ids": [
                        {"file": p.file, "line": p.line, "key": p.key, "id": p.id}
                        for p in report.payments
                    ],
                    "warnings": [
                        {"file": w.file, "line": w.line, "message": w.message}
                        for w in report.warnings
                    ],
                },
                ensure_ascii=False,
            )
        )
        return 0
    plans, payments = len(report.plans), len(report.payments)
    if report.dry_run:
        print(
            f"Dry run: {plans} plan(s) and {payments} payment(s) would be imported; "
            "nothing was written."
        )
    else:
        ids = id_ranges(sorted(p.id for p in report.plans))
        print(
            f"Imported {plans} plan(s)"
            + (f" (ids {ids})" if ids else "")
            + f" and {payments} payment(s)."
        )
    return 0


def id_ranges(ids: list[int]) -> str:
    """Sorted ids with runs of three or more shortened: "1-1000, 1002, 1003"."""
    parts: list[str] = []
    start = 0
    for k in range(1, len(ids) + 1):
        if k == len(ids) or ids[k] != ids[k - 1] + 1:
            run = ids[start:k]
            parts += [f"{run[0]}-{run[-1]}"] if len(run) >= 3 else [str(i) for i in run]
            start = k
    return ", ".join(parts)
