"""The ledger commands: plans, payments, payoff, history and what is due, over a database.

Each command opens the database (``--db``, ``TRACKER_DB`` or the user's data folder), runs one
service call and prints a table or, with ``--json``, one JSON value.
"""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from tracker import services as sv
from tracker.domain.money import format_amount, parse_amount, parse_rate
from tracker.domain.payoff import PayoffPolicy
from tracker.storage.engine import Database, open_database, resolve_target

from .common import MODEL_CLI, CliError, charges_word, option, parse_date, print_json
from .output import pct as _pct
from .output import print_plans
from .quote import (
    fee_rounding_json,
    holidays_json,
    holidays_option,
    installment_json,
    print_warnings,
    short_date,
    terms_from_args,
    workday_lines,
)

Confirm = Callable[[str], bool]


def _tty_confirm(question: str) -> bool:
    """Ask on the terminal; never assume yes when there is no terminal."""
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(f"{question} [y/N] ")
    except (EOFError, KeyboardInterrupt):
        return False  # end of input or Ctrl+C at the question means no
    return answer.strip().lower() in ("y", "yes", "是")


def open_db(args: argparse.Namespace) -> Database:
    """The database chosen by --db, TRACKER_DB or the default location, opened once per
    command; `tracker.cli.main` closes it when the command ends."""
    db: Database | None = getattr(args, "opened_db", None)
    if db is None:
        db = open_database(resolve_target(args.db, os.environ))
        args.opened_db = db
        if (
            getattr(args, "writes", False)
            and not (getattr(args, "quote", False) or getattr(args, "dry_run", False))
            and not db.read_only  # the write will be refused; nothing is created beside it
            and getattr(args, "command", "") != "import"  # it takes its own backup first
        ):
            _daily_backup(db)
        for moved in _list_note(db.upgrade_notes.get("stale_wal")):
            print(
                f"note: {db.path}-wal did not belong to the database (it is in rollback-journal "
                "mode, e.g. a backup copied over it), so its changes were not applied; it was "
                f"moved aside, unchanged, to {moved}",
                file=sys.stderr,
            )
        loans = db.upgrade_notes.get("loans_repriced")
        if isinstance(loans, list) and loans:
            names = ", ".join(f"#{pid} {name}" for pid, name in loans)
            print(
                f"note: the database was upgraded; {len(loans)} loan(s) used the old payoff "
                "default (charge all future interest) and now waive future interest "
                f"(remaining principal + interest already due): {names}",
                file=sys.stderr,
            )
    return db


def _daily_backup(db: Database) -> None:
    """Before the first write command of the day: today's ``daily`` backup (a look at file
    names when it exists). A failure is a warning: the command itself can still be done."""
    from tracker.storage.backups import daily_backup_if_due
    from tracker.storage.errors import StorageError

    try:
        daily_backup_if_due(db.path)
    except StorageError as exc:
        print(f"warning: today's backup was not made: {exc}", file=sys.stderr)


def _list_note(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _date(args: argparse.Namespace, name: str, today: date) -> date:
    value = getattr(args, name.lstrip("-").replace("-", "_"))
    return option(name, parse_date, value) if value is not None else today


def _money(value: int, currency: str) -> str:
    return format_amount(value, currency)


def _payoff_policy(text: str | None) -> tuple[PayoffPolicy | None, Decimal]:
    if text is None:
        return None, Decimal(0)  # the model's default (PlanInput resolves it)
    if text == "charge-all-fees":
        return PayoffPolicy.CHARGE_ALL_FEES, Decimal(0)
    if text == "waive-future-fees":
        return PayoffPolicy.WAIVE_FUTURE_FEES, Decimal(0)
    if text.startswith("penalty:"):
        return PayoffPolicy.PENALTY_PCT, parse_rate(text.removeprefix("penalty:"))
    raise ValueError(f"{text!r}; use charge-all-fees, waive-future-fees or penalty:PCT")


def plan_add(args: argparse.Namespace, today: date) -> int:
    """`tracker plan add`."""
    from tracker.domain.money import currency

    cur = option("--currency", currency, args.currency)
    purchase = (
        option("--purchase-date", parse_date, args.purchase_date) if args.purchase_date else None
    )
    down = option(
        "--down-payment", lambda t: parse_amount(t, cur, allow_zero=True), args.down_payment
    )
    account_id = None
    if getattr(args, "account", None) is not None:
        from tracker.services.accounts import account_due_dates, resolve_account

        account_id = resolve_account(open_db(args), args.account)
        purchase = purchase or today  # the posting date the account's statements follow
        if args.first_due is None:  # the account's first due date, then its statements'
            periods = 1
            first = account_due_dates(open_db(args), account_id, purchase, periods)[1][0]
            args.first_due = first.isoformat()
    terms = terms_from_args(args, purchase or today, down_payment=down)
    policy, pct = option("--payoff-policy", _payoff_policy, args.payoff_policy)
    if args.grace_days is not None and not args.grace_days.isdigit():
        raise CliError(f"--grace-days: {args.grace_days!r}; enter a whole number of days, e.g. 3")
    data = sv.PlanInput(
        name=args.name,
        terms=terms,
        platform=args.platform or "",
        purchase_date=purchase,
        notes=args.notes or "",
        grace_days=int(args.grace_days or 0),
        tolerance=option(
            "--tolerance", lambda t: parse_amount(t, cur, allow_zero=True), args.tolerance
        ),
        penalty_daily_rate=option(
            "--penalty-rate", lambda t: parse_rate(t, what="penalty rate"), args.penalty_rate
        ),
        payoff_policy=policy,
        payoff_penalty_pct=pct,
        holidays=holidays_option(args),
        account_id=account_id,
    )
    paid = _paid_periods(args.paid_periods, terms.periods)
    db = open_db(args)
    change = sv.add_plan(db, data, today, paid)
    print_warnings(terms, today)
    prior = len(change.payment_ids)
    if args.json:
        print_json({"id": change.created_id, "paid_before_tracking": prior})
    else:
        print(f"Added plan {change.created_id}: {data.name.strip()}")
        if prior:
            print(f"{prior} of {terms.periods} periods recorded as paid before tracking")
    return 0


def _paid_periods(text: str | None, periods: int) -> int | None:
    """--paid-periods as a whole number (None when not given: the default applies)."""
    if text is None:
        return None
    raw = unicodedata.normalize("NFKC", text).strip()
    if not raw.isdigit():
        raise CliError(f"--paid-periods: {text!r} is not a whole number; enter 0 to {periods}")
    return int(raw)


def plan_list(args: argparse.Namespace, today: date) -> int:
    """`tracker plan list` through the full open (``quick.plan_list``)."""
    from tracker.services.summary import PlanLine

    rows = sv.list_plans(open_db(args), _date(args, "--as-of", today), include_archived=args.all)
    return print_plans([PlanLine.of(s) for s in rows], args.json)


def plan_show(args: argparse.Namespace, today: date) -> int:
    """`tracker plan show ID`."""
    d = sv.plan_detail(open_db(args), args.id, _date(args, "--as-of", today))
    t, c = d.input.terms, d.input.terms.currency
    base = installment_json_from_states(d)
    if args.json:
        print_json(
            {
                "id": d.id,
                "name": d.input.name,
                "platform": d.input.platform,
                "notes": d.input.notes,
                "currency": c,
                "model": MODEL_CLI[t.model.value],
                "principal": _money(t.principal, c),
                "periods": t.periods,
                "rate": _pct(t.rate) if t.model.uses_rate else None,
                **fee_rounding_json(t),
                "first_due": t.first_due.isoformat(),
                "down_payment": _money(t.down_payment, c),
                "upfront_fee": _money(t.upfront_fee, c),
                "total_fee": _money(d.total_fee, c),
                "total_cost": _money(d.cost.total_cost, c),
                "apr": d.cost.apr_percent,
                "effective_rate": d.cost.effective_percent,
                "paid": _money(d.state.paid_total, c),
                "remaining": _money(d.state.balance, c),
                "status": d.status.value,
                "archived": d.archived,
                "closed_on": d.closed_on.isoformat() if d.closed_on else None,
                **holidays_json(d.input.holidays, d.uncovered_years),
                "installments": base,
            }
        )
        return 0
    print(f"Plan {d.id}: {d.input.name}  [{d.status.value}]")
    print(
        f"{MODEL_CLI[t.model.value]}, {_money(t.principal, c)} {c} over {t.periods} periods; "
        f"total {charges_word(t.model)} {_money(d.total_fee, c)}, "
        f"total cost {_money(d.cost.total_cost, c)}, APR {d.cost.apr_percent}%"
    )
    print(f"{'#':>3}  {'Due date':<10} {'Total':>12} {'Paid':>12} {'Remaining':>12}  Status")
    for row in base:
        came = ""
        if "moved_from" in row:
            original = date.fromisoformat(row["moved_from"])
            came = f" (from {short_date(original, date.fromisoformat(row['due_date']))})"
        print(
            f"{row['period']:>3}  {row['due_date']:<10} {row['total']:>12} {row['paid']:>12} "
            f"{row['remaining']:>12}  {row['status']}"
            + (" (before tracking)" if row["before_tracking"] else "")
            + came
        )
    for line in workday_lines(d.input.holidays, d.uncovered_years):
        print(line)
    print(f"Paid {_money(d.state.paid_total, c)}, remaining {_money(d.state.balance, c)}")
    return 0


def installment_json_from_states(d: sv.PlanDetail) -> list[dict[str, Any]]:
    """`plan show` rows: the schedule plus what was paid, what remains and the status."""
    from tracker.domain.plan import Schedule

    c = d.input.terms.currency
    moved = {m.period: m.original for m in d.moved}
    items = tuple(s.installment for s in d.installments)
    rows = installment_json(Schedule(d.input.terms, items), moved)
    for row, s in zip(rows, d.installments, strict=True):
        row.update(
            paid=_money(s.paid, c),
            remaining=_money(s.amount_due, c),
            penalty=_money(s.penalty_due, c),
            status=s.status.value,
            days_overdue=s.days_overdue,
            before_tracking=s.period in d.prior_periods,
        )
    return rows


def plan_archive(args: argparse.Namespace, today: date) -> int:
    """`tracker plan archive ID`."""
    sv.set_archived(open_db(args), args.id, not args.restore, as_of=today)
    print(f"Plan {args.id} {'restored' if args.restore else 'archived'}")
    return 0


def plan_delete(args: argparse.Namespace, today: date, confirm: Confirm = _tty_confirm) -> int:
    """`tracker plan delete ID [--yes]`: asks first unless --yes."""
    db = open_db(args)
    d = sv.plan_detail(db, args.id, today)
    payments = len(sv.history(db, plan_id=args.id))
    question = f"Delete plan {args.id} ({d.input.name}) and its {payments} payment(s)?"
    if not args.yes and not confirm(question):
        raise CliError("not deleted; pass --yes to delete without asking")
    sv.delete_plan(db, args.id, as_of=today)
    print(f"Deleted plan {args.id}")
    return 0
