"""`tracker prepay` (a loan's partial prepayment, both choices) and `tracker planner` (a plan to
be debt-free). ``prepay --quote`` and ``planner`` record nothing; ``prepay`` without
``--quote`` records the prepayment (a payment, the schedule regenerated from its date).

JSON keys are a contract (scripts read them): ``prepay`` → ``payment``, ``periods``,
``remaining_interest`` (and ``keep``, ``last_due``, ``saved``, ``interest_before``, both choices
under ``choices``; a recorded one adds ``payment_id``); ``planner`` → ``debt_free``,
``saved``, ``order``.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from tracker.domain.money import format_amount, parse_amount
from tracker.domain.planner import PlannerResult
from tracker.domain.prepay import Keep, PrepayQuote
from tracker.services import plan_detail
from tracker.services.debt_plan import payoff_plan, prepay_quote

from .common import CliError, option, print_json
from .ledger import _date, open_db


def _prepay_json(q: PrepayQuote, currency: str) -> dict[str, Any]:
    return {
        "keep": q.keep.value,
        "amount": format_amount(q.amount, currency),
        "date": q.on.isoformat(),
        "balance_before": format_amount(q.balance_before, currency),
        "balance_after": format_amount(q.balance_after, currency),
        "payment": format_amount(q.payment, currency),
        "periods": q.periods,
        "last_due": q.last_due.isoformat(),
        "remaining_interest": format_amount(q.remaining_interest, currency),
        "interest_before": format_amount(q.interest_before, currency),
        "saved": format_amount(q.saved, currency),
    }


def prepay(args: argparse.Namespace, today: date) -> int:
    """`tracker prepay PLAN --amount A --date D --keep term|payment [--quote] [--json]`: quote
    both choices, or (without ``--quote``) record the prepayment by the chosen one."""
    if not args.quote and args.keep is None:
        raise CliError(
            "--keep: required to record a prepayment; enter term (keep the term, lower the "
            "payment: 减少月供) or payment (keep the payment, shorten the term: 缩短期限)"
        )
    db = open_db(args)
    currency = plan_detail(db, args.id, today).input.terms.currency
    amount = option("--amount", lambda t: parse_amount(t, currency), args.amount)
    on = _date(args, "--date", today)
    keep = Keep(args.keep or "term")
    if not args.quote:
        return _record(args, db, amount, on, keep, currency, today)
    term, payment = prepay_quote(db, args.id, amount, on)
    chosen = term if keep is Keep.TERM else payment
    if args.json:
        print_json(
            {
                "plan_id": args.id,
                **_prepay_json(chosen, currency),
                "choices": [_prepay_json(term, currency), _prepay_json(payment, currency)],
            }
        )
        return 0
    m = lambda v: format_amount(v, currency)  # noqa: E731
    print(
        f"Prepay {m(amount)} {currency} of plan {args.id} on {on.isoformat()} "
        f"(balance {m(term.balance_before)} → {m(term.balance_after)}):"
    )
    for q, label in (
        (term, "keep the term, lower the payment"),
        (payment, "keep the payment, shorten the term"),
    ):
        mark = "*" if q is chosen else " "
        print(
            f" {mark} {label}: {q.periods} × {m(q.payment)} until {q.last_due.isoformat()}, "
            f"remaining interest {m(q.remaining_interest)} (saves {m(q.saved)})"
        )
    print(f"   without prepaying: remaining interest {m(term.interest_before)}")
    print("Nothing was recorded.")
    return 0


def _record(
    args: argparse.Namespace,
    db: Any,
    amount: int,
    on: date,
    keep: Keep,
    currency: str,
    today: date,
) -> int:
    from tracker.services.prepayments import record_prepayment

    change, q = record_prepayment(
        db, args.id, amount, on, keep, today, args.method or "", args.note or ""
    )
    if args.json:
        print_json(
            {"plan_id": args.id, "payment_id": change.created_id, **_prepay_json(q, currency)}
        )
        return 0
    m = lambda v: format_amount(v, currency)  # noqa: E731
    label = (
        "kept the term, lowered the payment"
        if keep is Keep.TERM
        else ("kept the payment, shortened the term")
    )
    print(
        f"Recorded prepayment {change.created_id}: {m(amount)} {currency} of plan {args.id} on "
        f"{on.isoformat()}; {label}: {q.periods} × {m(q.payment)} until "
        f"{q.last_due.isoformat()}, remaining interest {m(q.remaining_interest)} "
        f"(saves {m(q.saved)})"
    )
    return 0


def _planner_json(r: PlannerResult, currency: str) -> dict[str, Any]:
    return {
        "strategy": r.strategy.value,
        "budget": format_amount(r.budget, currency),
        "debt_free": r.debt_free.isoformat() if r.debt_free else None,
        "baseline_debt_free": r.baseline_debt_free.isoformat() if r.baseline_debt_free else None,
        "months_sooner": r.months_sooner,
        "saved": format_amount(r.saved, currency),
        "order": [
            {
                "plan_id": st.debt.plan_id,
                "name": st.debt.name,
                "apr": f"{st.debt.apr * 100:.2f}",
                "balance": format_amount(st.debt.balance, currency),
                "recommended": st.recommended,
                "reason": str(st.reason) if st.reason else None,
                "closes_on": st.closes_on.isoformat() if st.closes_on else None,
                "baseline_closes_on": (
                    st.baseline_closes_on.isoformat() if st.baseline_closes_on else None
                ),
            }
            for st in r.steps
        ],
        "months": [
            {
                "month": row.month.isoformat()[:7],
                "scheduled": format_amount(row.scheduled, currency),
                "extra": format_amount(row.extra, currency),
                "balance": format_amount(row.balance, currency),
            }
            for row in r.months
        ],
    }


def planner(args: argparse.Namespace, today: date) -> int:
    """`tracker planner --budget AMOUNT --strategy avalanche|snowball [--json]`."""
    currency = args.currency
    budget = option("--budget", lambda t: parse_amount(t, currency, allow_zero=True), args.budget)
    as_of = _date(args, "--as-of", today)
    result = payoff_plan(open_db(args), budget, args.strategy, as_of, currency)
    if args.json:
        print_json(_planner_json(result, currency))
        return 0
    m = lambda v: format_amount(v, currency)  # noqa: E731
    if not result.steps:
        print(f"No open plans in {currency}: nothing to plan.")
        return 0
    print(f"{result.strategy.value}: {m(budget)} {currency} a month on top of the installments")
    for k, st in enumerate(result.steps, start=1):
        closes = st.closes_on.isoformat() if st.closes_on else "-"
        why = f"  ({st.reason})" if st.reason else ""
        print(
            f"{k:>3}. {st.debt.name}  APR {st.debt.apr * 100:.2f}%  balance {m(st.debt.balance)}"
            f"  repaid {closes}{why}"
        )
    free = result.debt_free.isoformat() if result.debt_free else "beyond 40 years"
    print(f"Debt-free on {free} ({result.months_sooner} months sooner); saves {m(result.saved)}.")
    return 0
