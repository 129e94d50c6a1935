"""The payment commands: pay, void, history, payoff and due."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from tracker import services as sv
from tracker.domain.money import format_amount, parse_amount
from tracker.domain.payoff import PayoffQuote

from .common import charges_word, option, print_json
from .ledger import _date, open_db
from .output import print_due, print_history


def pay(args: argparse.Namespace, today: date) -> int:
    """`tracker pay ID --amount AMOUNT`."""
    db = open_db(args)
    terms = sv.plan_detail(db, args.id, today).input.terms
    currency = terms.currency
    amount = option("--amount", lambda t: parse_amount(t, currency), args.amount)
    on = _date(args, "--date", today)
    change = sv.record_payment(db, args.id, amount, on, today, args.method or "", args.note or "")
    if args.json:
        print_json({"id": change.created_id})
    else:
        print(
            f"Recorded payment {change.created_id}: {format_amount(amount, currency)} "
            f"{currency} on {on.isoformat()} to plan {args.id}"
        )
    return 0


def void(args: argparse.Namespace, today: date) -> int:
    """`tracker payment void PAYMENT_ID` (a part of a bill payment voids the whole bill)."""
    from tracker.services.bill_payments import bill_payment_of

    db = open_db(args)
    group = bill_payment_of(db, args.payment_id)
    if group is not None and not group.voided:
        plans = len({plan for _, plan, _ in group.parts})
        print(
            f"Payment {args.payment_id} is part of bill payment {group.id} "
            f"({len(group.parts)} payment(s) on {plans} plan(s)); voiding the whole bill payment."
        )
    change = sv.void_payment(db, args.payment_id, today)
    if change.action == "bill_payment_voided" and group is not None:
        ids = ", ".join(str(i) for i in sorted(change.payment_ids))
        print(f"Voided bill payment {group.id}: payments {ids}")
    else:
        print(f"Voided payment {args.payment_id}")
    return 0


def history_full(args: argparse.Namespace, start: date | None, end: date | None) -> int:
    """`tracker history` through the full open (``quick.history``)."""
    db = open_db(args)
    if args.json:
        print_history(sv.history_rows(db, args.plan, start, end), True)
        return 0
    print_history(sv.history(db, args.plan, start, end), False)
    return 0


def _quote_json(plan_id: int, q: PayoffQuote, currency: str) -> dict[str, Any]:
    return {
        "plan_id": plan_id,
        "date": q.date.isoformat(),
        "amount": format_amount(q.amount, currency),
        "principal": format_amount(q.principal, currency),
        "fees": format_amount(q.fees, currency),
        "penalty": format_amount(q.penalty, currency),
    }


def payoff(args: argparse.Namespace, today: date) -> int:
    """`tracker payoff ID [--date D] [--quote]`."""
    db = open_db(args)
    on = _date(args, "--date", today)
    terms = sv.plan_detail(db, args.id, today).input.terms
    currency = terms.currency
    if args.quote:
        q = sv.payoff_quote(db, args.id, on, today)
        result = _quote_json(args.id, q, currency)
    else:
        change, q = sv.pay_off(db, args.id, on, today, args.method or "", args.note or "")
        result = {**_quote_json(args.id, q, currency), "payment_id": change.created_id}
    if args.json:
        print_json(result)
        return 0
    verb = "Pay off" if args.quote else "Paid off"
    print(
        f"{verb} plan {args.id} on {result['date']}: {result['amount']} {currency} "
        f"(principal {result['principal']}, {charges_word(terms.model)} {result['fees']}, "
        f"penalty {result['penalty']})"
    )
    if args.quote:
        print("Nothing was recorded; run without --quote to record it.")
    return 0


def due_full(args: argparse.Namespace, as_of: date, within: int) -> int:
    """`tracker due` through the full open (a new, old or stale file: ``quick.due``)."""
    return print_due(sv.due(open_db(args), as_of, within), as_of, within, args.json)


def check(args: argparse.Namespace, today: date) -> int:
    """`tracker check [--json]`: 0 when the file and every plan's totals are sound, 1 if not."""
    from tracker.services.audit import audit

    report = audit(open_db(args))
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "plans": report.plans,
                "payments": report.payments,
                "integrity": list(report.integrity),
                "foreign_keys": list(report.foreign_keys),
                "mismatches": list(report.mismatches),
            }
        )
    elif report.ok:
        print(
            f"OK: the file is sound and {report.plans} plan(s) with {report.payments} "
            "payment(s) add up."
        )
    else:
        if report.integrity != ("ok",):
            print("The file is damaged (SQLite integrity_check):")
            print("\n".join(f"  {line}" for line in report.integrity[:20]))
        for line in (*report.foreign_keys, *report.mismatches):
            print(f"  {line}")
        print(
            f"{len(report.foreign_keys) + len(report.mismatches)} problem(s) found; restore a "
            "backup or report this."
        )
    return 0 if report.ok else 1
