"""The PDF commands: `tracker calendar` (a month grid per page) and `tracker schedule ID`.

Both draw with the GUI's printing code (through ``tracker.app``, imported only when a command
runs, so the other commands never load Qt). Qt runs offscreen when there is no display.
"""

from __future__ import annotations

import argparse
import unicodedata
from datetime import date
from typing import TYPE_CHECKING, NoReturn

from .common import CliError, option, parse_date

if TYPE_CHECKING:
    from tracker.storage.engine import Database

PAPERS = ("a4", "letter")
LANGUAGES = ("system", "zh_CN", "en")
LANG_HELP = (
    "language of the labels: zh_CN, en or system (default: the language chosen in the "
    "app's settings, else the system's)"
)


def parse_month(text: str) -> date:
    """Parse a month "YYYY-MM" (full-width digits accepted) into its first day."""
    raw = unicodedata.normalize("NFKC", text).strip()
    parts = raw.split("-")
    if len(parts) != 2 or len(parts[0]) != 4 or len(parts[1]) != 2:
        _bad_month(text)
    if not (parts[0].isdigit() and parts[1].isdigit()):
        _bad_month(text)
    year, month = int(parts[0]), int(parts[1])
    if not (1 <= month <= 12 and year >= 1):
        _bad_month(text)
    return date(year, month, 1)


def _bad_month(text: str) -> NoReturn:
    raise ValueError(f"{text!r} is not a month; use YYYY-MM, e.g. 2026-11")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="PDF to write")
    p.add_argument("--paper", choices=PAPERS, default="a4", help="paper size (default: a4)")
    p.add_argument("--lang", choices=LANGUAGES, help=LANG_HELP)
    p.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help="compute statuses for this day (default: today)"
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `calendar` and `schedule` to the `tracker` parser."""
    cal = sub.add_parser(
        "calendar",
        help="print the installment calendar to a PDF, one month per A4/Letter landscape page",
        description=(
            "Write a month-grid calendar to a PDF: each due date's plan and amount, the "
            "month's total, overdue installments marked in red. Paid-off plans are included "
            "(archived ones are not)."
        ),
    )
    cal.add_argument(
        "--from", dest="first", metavar="YYYY-MM", help="first month (default: this month)"
    )
    cal.add_argument("--to", dest="last", metavar="YYYY-MM", help="last month (default: --from)")
    _common(cal)
    cal.set_defaults(run=run_calendar)

    sched = sub.add_parser(
        "schedule",
        help="print a plan's schedule sheet to a PDF",
        description=(
            "Write a plan's schedule to a PDF: its terms, cost and APR, and every period "
            "with what was paid and what remains."
        ),
    )
    sched.add_argument("id", type=int, help="plan id (see `tracker plan list`)")
    _common(sched)
    sched.set_defaults(run=run_schedule)


def _open_db(args: argparse.Namespace) -> Database:
    from .ledger import open_db  # the database stack loads only for these commands

    return open_db(args)


def _as_of(args: argparse.Namespace, today: date) -> date:
    return option("--as-of", parse_date, args.as_of) if args.as_of else today


def run_calendar(args: argparse.Namespace, today: date) -> int:
    """`tracker calendar --from YYYY-MM --to YYYY-MM -o FILE.pdf [--paper a4|letter]`."""
    first = option("--from", parse_month, args.first) if args.first else today.replace(day=1)
    last = option("--to", parse_month, args.last) if args.last else first
    if last < first:
        raise CliError(f"--to: {args.last} is before --from {first:%Y-%m}")
    as_of = _as_of(args, today)
    db = _open_db(args)
    from tracker import app  # Qt is loaded only now

    try:
        pages = app.write_calendar_pdf(
            db, first, last, args.output, as_of=as_of, paper=args.paper, language=args.lang
        )
    except ValueError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"Wrote {pages} page(s), {first:%Y-%m} to {last:%Y-%m}, to {args.output}")
    return 0


def run_schedule(args: argparse.Namespace, today: date) -> int:
    """`tracker schedule ID -o FILE.pdf [--paper a4|letter]`."""
    as_of = _as_of(args, today)
    db = _open_db(args)
    from tracker import app  # Qt is loaded only now

    try:
        pages = app.write_schedule_pdf(
            db, args.id, args.output, as_of=as_of, paper=args.paper, language=args.lang
        )
    except OSError as exc:
        raise CliError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"Wrote the schedule of plan {args.id} ({pages} page(s)) to {args.output}")
    return 0
