"""`tracker account add|list|show|edit|delete` and `tracker bill` (show, pay, quote-minimum).

JSON keys are a contract (scripts read them): ``account add`` → ``{"id": …}``; ``bill`` →
``due_date``, ``installments`` (each with ``plan_id``, ``plan``, ``period``), ``spending``,
``total``, ``minimum`` and more; ``bill quote-minimum`` → ``interest``, ``late_fee``, ``cost``.
"""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tracker.domain.accounts import (
    MONTH_END,
    AccountKind,
    AccountTerms,
    DueRule,
    InterestRule,
    default_terms,
)
from tracker.domain.errors import UserError
from tracker.domain.money import format_amount, parse_amount, parse_rate

from .common import CliError, option, parse_date, print_json

if TYPE_CHECKING:
    from tracker.services import accounts as acc


def open_db(args: argparse.Namespace) -> Any:
    """The database (opened once per command; see ``ledger.open_db``)."""
    from .ledger import open_db as _open

    return _open(args)


def _date(args: argparse.Namespace, name: str, today: date) -> date:
    value = getattr(args, name.lstrip("-").replace("-", "_"))
    return option(name, parse_date, value) if value is not None else today


def _acc() -> Any:
    """The accounts services, loaded when a command runs (the parser stays light)."""
    from tracker.services import accounts

    return accounts


KINDS = {"credit-card": "credit_card", "huabei": "huabei", "baitiao": "baitiao", "other": "other"}
INTEREST = {"full-statement": "full_statement", "unpaid-only": "unpaid_only"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `account` and `bill` to the `tracker` parser."""
    account = sub.add_parser("account", help="cards and platforms whose bills carry your plans")
    asub = account.add_subparsers(dest="account_command", required=True)
    add = asub.add_parser("add", help="store a new account")
    _account_options(add, required=True)
    add.set_defaults(run=account_add, writes=True)
    lst = asub.add_parser("list", help="every account")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(run=account_list)
    show = asub.add_parser("show", help="one account's rules")
    show.add_argument("account")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=account_show)
    edit = asub.add_parser("edit", help="change an account's name or rules")
    edit.add_argument("account")
    _account_options(edit, required=False)
    edit.set_defaults(run=account_edit, writes=True)
    dele = asub.add_parser("delete", help="delete an account no plan belongs to")
    dele.add_argument("account")
    dele.add_argument("--json", action="store_true")
    dele.set_defaults(run=account_delete, writes=True)

    bill = sub.add_parser(
        "bill",
        help="an account's bill: `bill ACCOUNT`, `bill pay ACCOUNT`, `bill quote-minimum ACCOUNT`",
    )
    bill.add_argument("words", nargs="+", metavar="[pay|quote-minimum] ACCOUNT")
    bill.add_argument("--statement", help="the statement's month, YYYY-MM")
    bill.add_argument("--spending", help="ordinary spending on the statement (saved)")
    bill.add_argument("--posted-on", help="when that spending was posted, YYYY-MM-DD")
    bill.add_argument("--fees", help="fees and interest on the statement (saved)")
    bill.add_argument("--previous-minimum", help="unpaid part of the previous minimum (saved)")
    bill.add_argument("--statement-amount", help="the lender's total, to reconcile (saved)")
    bill.add_argument("--amount", help="bill pay: the amount paid")
    bill.add_argument("--date", help="bill pay: when it was paid (default today)")
    bill.add_argument("--method", help="bill pay: how it was paid")
    bill.add_argument("--paid-on", help="quote-minimum: when the minimum is paid (default: due)")
    bill.add_argument("--rest-on", help="quote-minimum: when the rest is paid")
    bill.add_argument("--paid", help="quote-minimum: pay this instead of the minimum")
    bill.add_argument("--json", action="store_true")
    bill.set_defaults(run=bill_command)


def _account_options(p: argparse.ArgumentParser, required: bool) -> None:
    p.add_argument("--name", required=required)
    p.add_argument("--kind", choices=tuple(KINDS), required=required)
    p.add_argument("--statement-day", required=required, help="1 to 28, or 'end'")
    due = p.add_mutually_exclusive_group(required=required)
    due.add_argument("--due-day", help="due on this day of the month after the statement")
    due.add_argument("--due-after", help="due this many days after the statement")
    p.add_argument("--min-percent", help="share of ordinary spending in the minimum (10)")
    p.add_argument("--daily-rate", help="interest per day on a part payment, %% (0.05)")
    p.add_argument("--interest", choices=tuple(INTEREST), help="what a part payment is charged")
    p.add_argument("--late-fee-percent", help="late fee, %% of the unpaid minimum")
    p.add_argument("--late-fee-min", help="the late fee's floor")
    p.add_argument("--credit-limit")
    p.add_argument("--grace-days")
    p.add_argument("--notes")
    p.add_argument("--json", action="store_true")


def _whole(name: str, text: str) -> int:
    raw = text.strip()
    if not raw.isdigit():
        raise CliError(f"{name}: {text!r} is not a whole number")
    return int(raw)


def _statement_day(text: str) -> int:
    if text.strip().lower() in ("end", "month-end", "0"):
        return MONTH_END
    day = _whole("--statement-day", text)
    if not 1 <= day <= 28:
        raise CliError(f"--statement-day: {text!r}; enter 1 to 28, or 'end' for the month's end")
    return day


def _terms(args: argparse.Namespace, base: AccountTerms | None) -> AccountTerms:
    """The account's terms from the options (an edit starts from the stored ones)."""
    changes: dict[str, Any] = {}
    if args.statement_day is not None:
        changes["statement_day"] = _statement_day(args.statement_day)
    try:
        if args.due_day is not None:
            changes["due_rule"] = DueRule.day_of_month(_whole("--due-day", args.due_day))
        if args.due_after is not None:
            changes["due_rule"] = DueRule.days_after(_whole("--due-after", args.due_after))
    except UserError as e:
        raise CliError(f"--due-day/--due-after: {e}") from None
    for opt, key in (
        ("min_percent", "min_percent"),
        ("daily_rate", "daily_rate"),
        ("late_fee_percent", "late_fee_percent"),
    ):
        value = getattr(args, opt)
        if value is not None:
            changes[key] = option("--" + opt.replace("_", "-"), parse_rate, value)
    if args.interest is not None:
        changes["interest_rule"] = InterestRule(INTEREST[args.interest])
    for opt in ("late_fee_min", "credit_limit"):
        value = getattr(args, opt)
        if value is not None:
            changes[opt] = option(
                "--" + opt.replace("_", "-"),
                lambda t: parse_amount(t, "CNY", allow_zero=True),
                value,
            )
    if args.grace_days is not None:
        changes["grace_days"] = _whole("--grace-days", args.grace_days)
    try:
        if base is None:
            kind = AccountKind(KINDS[args.kind])
            day = changes.pop("statement_day")
            rule = changes.pop("due_rule")
            return default_terms(kind, day, rule, **changes)
        if args.kind is not None:
            changes["kind"] = AccountKind(KINDS[args.kind])
        return _acc().replace_terms(base, **changes)
    except UserError as e:
        raise CliError(str(e)) from None


def _rule_text(rule: DueRule) -> str:
    return str(rule)


def _account_json(v: acc.AccountView) -> dict[str, Any]:
    t = v.terms
    cur = t.currency
    return {
        "id": v.id,
        "name": v.name,
        "kind": t.kind.value,
        "statement_day": "end" if t.statement_day == MONTH_END else t.statement_day,
        "due_rule": _rule_text(t.due_rule),
        "currency": cur,
        "min_percent": _pct(t.min_percent),
        "daily_rate": _pct(t.daily_rate),
        "interest_rule": t.interest_rule.value,
        "late_fee_percent": _pct(t.late_fee_percent),
        "late_fee_min": format_amount(t.late_fee_min, cur),
        "credit_limit": None if t.credit_limit is None else format_amount(t.credit_limit, cur),
        "grace_days": t.grace_days,
        "plans": v.plans,
        "open_plans": v.open_plans,
        "notes": v.notes,
    }


def _pct(fraction: Decimal) -> str:
    return format(fraction * 100, "f").rstrip("0").rstrip(".") or "0"


def account_add(args: argparse.Namespace, today: date) -> int:
    """`tracker account add --name N --kind K --statement-day S (--due-day D | --due-after N)`."""
    terms = _terms(args, None)
    change = _acc().add_account(open_db(args), args.name, terms, args.notes or "")
    if args.json:
        print_json({"id": change.created_id})
    else:
        print(f"Added account {change.created_id}: {args.name.strip()}")
    return 0


def account_list(args: argparse.Namespace, today: date) -> int:
    """`tracker account list [--json]`."""
    views = _acc().list_accounts(open_db(args))
    if args.json:
        print_json([_account_json(v) for v in views])
        return 0
    if not views:
        print("No accounts yet; add one with `tracker account add`.")
    for v in views:
        day = "end" if v.terms.statement_day == MONTH_END else v.terms.statement_day
        print(
            f"{v.id:>4}  {v.name}  {v.terms.kind.value}  statement {day}, "
            f"due {_rule_text(v.terms.due_rule)}  {v.open_plans}/{v.plans} plans open"
        )
    return 0


def account_show(args: argparse.Namespace, today: date) -> int:
    """`tracker account show ACCOUNT [--json]`."""
    db = open_db(args)
    v = _acc().get_account(db, _acc().resolve_account(db, args.account))
    data = _account_json(v)
    if args.json:
        print_json(data)
    else:
        for key, value in data.items():
            print(f"{key:>17}: {value}")
    return 0


def account_edit(args: argparse.Namespace, today: date) -> int:
    """`tracker account edit ACCOUNT [options]`."""
    db = open_db(args)
    account_id = _acc().resolve_account(db, args.account)
    v = _acc().get_account(db, account_id)
    terms = _terms(args, v.terms)
    name = args.name if args.name is not None else v.name
    notes = args.notes if args.notes is not None else v.notes
    _acc().edit_account(db, account_id, name, terms, notes, today)
    if args.json:
        print_json({"id": account_id})
    else:
        print(f"Changed account {account_id}: {name.strip()}")
    return 0


def account_delete(args: argparse.Namespace, today: date) -> int:
    """`tracker account delete ACCOUNT`."""
    db = open_db(args)
    account_id = _acc().resolve_account(db, args.account)
    _acc().delete_account(db, account_id)
    if args.json:
        print_json({"id": account_id})
    else:
        print(f"Deleted account {account_id}")
    return 0


# --- bill ---------------------------------------------------------------------------------


def _month(text: str) -> date:
    raw = text.strip()
    try:
        if len(raw) == 7:
            return date.fromisoformat(raw + "-01")
    except ValueError:
        pass
    raise ValueError(f"{text!r} is not a month; use YYYY-MM, e.g. 2026-04")


OPTIONS_BY_ACTION = {
    "show": {"statement", "spending", "posted_on", "fees", "previous_minimum",
             "statement_amount", "json"},
    "pay": {"statement", "amount", "date", "method", "json"},
    "quote-minimum": {"statement", "paid_on", "rest_on", "paid", "json"},
}  # fmt: skip


def bill_command(args: argparse.Namespace, today: date) -> int:
    """`tracker bill [pay|quote-minimum] ACCOUNT [options]`."""
    words = list(args.words)
    action = words.pop(0) if words[0] in ("pay", "quote-minimum") and len(words) > 1 else "show"
    if len(words) != 1:
        raise CliError(
            "give one ACCOUNT (its id or name): tracker bill [pay|quote-minimum] ACCOUNT"
        )
    given = {
        k
        for k in (
            "spending", "posted_on", "fees", "previous_minimum", "statement_amount", "amount",
            "date", "method", "paid_on", "rest_on", "paid",
        )
        if getattr(args, k) is not None
    }  # fmt: skip
    wrong = sorted(given - OPTIONS_BY_ACTION[action])
    if wrong:
        names = ", ".join("--" + w.replace("_", "-") for w in wrong)
        raise CliError(f"{names}: not an option of `bill {action}`")
    # a daily backup before the first write of the day: paying, or saving typed values
    args.writes = action == "pay" or (action == "show" and bool(given))
    db = open_db(args)
    account_id = _acc().resolve_account(db, words[0])
    statement = option("--statement", _month, args.statement) if args.statement else None
    if action == "pay":
        return _bill_pay(args, db, account_id, statement, today)
    if action == "quote-minimum":
        return _bill_quote(args, db, account_id, statement, today)
    return _bill_show(args, db, account_id, statement, today)


def _bill_show(
    args: argparse.Namespace, db: Any, account_id: int, statement: date | None, today: date
) -> int:
    cur = _acc().get_account(db, account_id).terms.currency
    money = lambda name, text: option(name, lambda t: parse_amount(t, cur, allow_zero=True), text)  # noqa: E731
    typed = {
        "spending": money("--spending", args.spending) if args.spending else None,
        "posted_on": option("--posted-on", parse_date, args.posted_on) if args.posted_on else None,
        "fees_interest": money("--fees", args.fees) if args.fees else None,
        "previous_minimum_unpaid": (
            money("--previous-minimum", args.previous_minimum) if args.previous_minimum else None
        ),
        "lender_amount": (
            money("--statement-amount", args.statement_amount) if args.statement_amount else None
        ),
    }
    if any(v is not None for v in typed.values()):
        stmt = _acc().bill(db, account_id, statement, today).bill.statement_date
        _acc().set_statement(db, account_id, stmt, **typed)
        statement = stmt
    view = _acc().bill(db, account_id, statement, today)
    data = _bill_json(view)
    if args.json:
        print_json(data)
        return 0
    b = view.bill
    print(
        f"{view.account.name}: statement {b.statement_date.isoformat()}, "
        f"due {b.due_date.isoformat()}"
    )
    for line in b.lines:
        print(f"  {line.plan_name} {line.period}/{line.periods}  {format_amount(line.amount, cur)}")
    if b.spending:
        print(f"  spending  {format_amount(b.spending, cur)}")
    print(f"Total {data['total']} {cur}, minimum {data['minimum']} {cur}; {data['status']}")
    if data.get("reconcile"):
        r = data["reconcile"]
        print(f"Statement {r['statement']}, your plans {r['ours']}, difference {r['difference']}")
        for e in r["explained_by"]:
            print(f"  plan {e['plan_id']} ({e['plan']}) period {e['period']}: {e['reason']}")
    return 0


def _bill_json(view: acc.BillView) -> dict[str, Any]:
    b, cur = view.bill, view.account.terms.currency
    m = lambda v: format_amount(v, cur)  # noqa: E731
    data: dict[str, Any] = {
        "account_id": view.account.id,
        "account": view.account.name,
        "statement_date": b.statement_date.isoformat(),
        "due_date": b.due_date.isoformat(),
        "installments": [
            {
                "plan_id": line.plan_id,
                "plan": line.plan_name,
                "period": line.period,
                "periods": line.periods,
                "amount": m(line.amount),
            }
            for line in b.lines
        ],
        "installments_total": m(b.installments),
        "spending": m(b.spending),
        "fees_interest": m(b.fees_interest),
        "previous_minimum_unpaid": m(b.previous_minimum_unpaid),
        "total": m(b.total),
        "minimum": m(view.minimum),
        "installments_remaining": m(view.remaining),
        "status": "paid" if view.paid and b.lines else "unpaid",
    }
    if view.reconciliation is not None:
        r = view.reconciliation
        data["reconcile"] = {
            "statement": m(view.lender_amount or 0),
            "ours": m(b.total),
            "difference": m(r.difference),
            "explained_by": [
                {
                    "plan_id": e.line.plan_id,
                    "plan": e.line.plan_name,
                    "period": e.line.period,
                    "reason": str(e.reason),
                    "theirs": m(e.theirs),
                }
                for e in r.explanations
            ],
        }
    return data


def _bill_pay(
    args: argparse.Namespace, db: Any, account_id: int, statement: date | None, today: date
) -> int:
    cur = _acc().get_account(db, account_id).terms.currency
    if args.amount is None:
        raise CliError("--amount: required; enter the amount paid, e.g. 621.60")
    amount = option("--amount", lambda t: parse_amount(t, cur), args.amount)
    on = _date(args, "--date", today)
    change, rest = _acc().pay_bill(db, account_id, statement, amount, on, today, args.method or "")
    if args.json:
        print_json(
            {
                "bill_payment": change.created_id,
                "payment_ids": sorted(change.payment_ids),
                "plan_ids": sorted(change.plan_ids),
                "to_spending": format_amount(rest, cur),
            }
        )
        return 0
    print(
        f"Recorded bill payment {change.created_id}: {len(change.payment_ids)} payment(s) on "
        f"{len(change.plan_ids)} plan(s), {format_amount(amount - rest, cur)} {cur}"
    )
    if rest:
        print(f"{format_amount(rest, cur)} {cur} goes to the statement's ordinary spending")
    return 0


def _bill_quote(
    args: argparse.Namespace, db: Any, account_id: int, statement: date | None, today: date
) -> int:
    cur = _acc().get_account(db, account_id).terms.currency
    if args.rest_on is None:
        raise CliError("--rest-on: required; the date the rest of the bill is paid, YYYY-MM-DD")
    rest_on = option("--rest-on", parse_date, args.rest_on)
    paid_on = option("--paid-on", parse_date, args.paid_on) if args.paid_on else None
    paid = (
        option("--paid", lambda t: parse_amount(t, cur, allow_zero=True), args.paid)
        if args.paid
        else None
    )
    view, q = _acc().quote_minimum(db, account_id, statement, paid_on, rest_on, today, paid)
    m = lambda v: format_amount(v, cur)  # noqa: E731
    data = {
        "statement_date": view.bill.statement_date.isoformat(),
        "due_date": view.bill.due_date.isoformat(),
        "minimum": m(q.minimum),
        "paid": m(q.paid),
        "paid_on": q.paid_on.isoformat(),
        "rest": m(q.rest),
        "rest_on": q.rest_on.isoformat(),
        "interest": m(q.interest),
        "late_fee": m(q.late_fee),
        "cost": m(q.cost),
        "lines": [
            {
                "basis": m(line.basis),
                "from": line.start.isoformat(),
                "to": line.end.isoformat(),
                "days": line.days,
                "interest": m(line.interest),
            }
            for line in q.lines
        ],
    }
    if args.json:
        print_json(data)
        return 0
    print(
        f"Paying {data['paid']} {cur} on {data['paid_on']} and the other {data['rest']} on "
        f"{data['rest_on']} costs {data['cost']} {cur}:"
    )
    for line in data["lines"]:
        print(
            f"  {line['basis']} × {_pct(view.account.terms.daily_rate)}% a day × {line['days']} "
            f"days ({line['from']} → {line['to']}) = {line['interest']}"
        )
    if q.late_fee:
        print(f"  late fee {data['late_fee']}")
    print("Nothing was recorded.")
    return 0
