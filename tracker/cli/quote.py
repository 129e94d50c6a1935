"""`tracker quote`: preview a plan's schedule, total cost and APR without a database."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

from tracker.domain.apr import cost_of_credit
from tracker.domain.checks import plan_warnings
from tracker.domain.dates import add_months, last_due_fits
from tracker.domain.money import (
    currency,
    format_amount,
    parse_amount,
    parse_periods,
    parse_rate,
)
from tracker.domain.plan import FeeMode, FeeRounding, Model, PlanTerms, Schedule
from tracker.domain.schedule import build_schedule

from .common import (
    MODEL_CLI,
    MODEL_NAMES,
    CliError,
    charges_word,
    option,
    parse_date,
    print_json,
)


def add_plan_options(p: argparse.ArgumentParser) -> None:
    """The options that describe a plan's terms, shared by `quote` and `plan add`."""
    p.add_argument("--model", required=True, choices=list(MODEL_NAMES))
    p.add_argument("--principal", required=True, help="amount financed, e.g. 3600 or 3,600.00")
    p.add_argument("--periods", help="number of installments, 1-360")
    p.add_argument("--rate", help="percent: per period (flat), total (total), annual (loans)")
    p.add_argument("--first-due", help="first due date, YYYY-MM-DD")
    p.add_argument(
        "--remainder",
        choices=["first", "last"],
        help="flat, total, interest-free, pay-in-n: the period that takes the odd fen",
    )
    p.add_argument(
        "--fee-mode", choices=["spread", "first"], help="flat: spread the fee (default) or first"
    )
    p.add_argument(
        "--fee-rounding",
        choices=list(FEE_ROUNDING_CLI),
        help="total: round the total fee half-up (default) or half-even (花呗)",
    )
    p.add_argument("--upfront-fee", default="0")
    p.add_argument("--currency", default="CNY")
    p.add_argument("--amounts", help="custom plans: per-period totals, A1,A2,...")
    p.add_argument(
        "--holidays",
        metavar="CODE",
        help="move due dates off this country's non-working days (CN: China with 调休, US, …)",
    )


def holidays_option(args: argparse.Namespace) -> str | None:
    """--holidays as a supported country code (None when not given); CliError otherwise."""
    if args.holidays is None:
        return None
    from tracker.services.workdays import normalize_code

    try:
        return normalize_code(args.holidays)
    except ValueError as exc:
        raise CliError(f"--holidays: {exc}") from None


def short_date(original: date, moved: date) -> str:
    """The original of a moved date as short as it reads unambiguously (``02-15``)."""
    return original.strftime("%m-%d") if original.year == moved.year else original.isoformat()


def workday_lines(code: str | None, uncovered: tuple[int, ...]) -> list[str]:
    """What the text output says about a plan's working-day calendar (nothing without one)."""
    if code is None:
        return []
    lines = [f"Due dates on non-working days in {code} move to the next working day."]
    if uncovered:
        years = ", ".join(str(y) for y in uncovered)
        lines.append(
            f"Note: the holidays package has no {code} calendar for {years}; "
            "due dates there skip weekends only."
        )
    return lines


FEE_ROUNDING_CLI = {"half-up": FeeRounding.HALF_UP, "half-even": FeeRounding.HALF_EVEN}

# Options that only some models use: (option, attribute, does the model take it, who does).
_MODEL_OPTIONS: tuple[tuple[str, str, Callable[[Model], bool], str], ...] = (
    ("--remainder", "remainder", lambda m: m.takes_remainder,
     "flat, total, interest-free and pay-in-n plans"),
    ("--fee-mode", "fee_mode", lambda m: m.takes_fee_mode, "flat plans"),
    ("--fee-rounding", "fee_rounding", lambda m: m.takes_fee_rounding, "total plans"),
)  # fmt: skip


def refuse_unused_options(args: argparse.Namespace, model: Model) -> None:
    """Refuse an option the model does not use (given, not defaulted), naming who takes it."""
    for name, attr, takes, who in _MODEL_OPTIONS:
        if getattr(args, attr, None) is not None and not takes(model):
            raise CliError(
                f"{name}: {MODEL_CLI[model.value]} plans do not use it; only {who} take "
                f"{name}; leave it out"
            )


def terms_from_args(args: argparse.Namespace, today: date, down_payment: int = 0) -> PlanTerms:
    """Build validated PlanTerms from parsed options; every error names its option."""
    model = Model(MODEL_NAMES[args.model])
    refuse_unused_options(args, model)
    cur = option("--currency", currency, args.currency)
    principal = option("--principal", lambda t: parse_amount(t, cur), args.principal)
    upfront = option(
        "--upfront-fee", lambda t: parse_amount(t, cur, allow_zero=True), args.upfront_fee
    )
    amounts: tuple[int, ...] = ()
    if model is Model.CUSTOM:
        if not args.amounts:
            raise CliError(
                "--amounts: a custom plan needs the per-period totals, e.g. 340.34,340.33"
            )
        amounts = tuple(
            option("--amounts", lambda t: parse_amount(t, cur), a) for a in args.amounts.split(",")
        )
    elif args.amounts:
        raise CliError(f"--amounts: only a custom plan takes per-period amounts, not {args.model}")
    periods = _periods(args, model, amounts)
    rate = _rate(args, model)
    if args.first_due is not None:  # an empty value is an error, not "a month from today"
        first_due = option("--first-due", parse_date, args.first_due)
    else:
        first_due = today if model is Model.PAY_IN_N else add_months(today, 1)
    if not last_due_fits(first_due, periods, biweekly=model is Model.PAY_IN_N):
        raise CliError(
            f"--first-due: with {periods} periods the last due date would be after 9999-12-31; "
            "enter an earlier first due date"
        )
    try:
        return PlanTerms(
            model=model,
            principal=principal,
            periods=periods,
            first_due=first_due,
            rate=rate,
            currency=cur.code,
            remainder=args.remainder,
            fee_mode=args.fee_mode or FeeMode.SPREAD,
            upfront_fee=upfront,
            down_payment=down_payment,
            custom_amounts=amounts,
            fee_rounding=FEE_ROUNDING_CLI[args.fee_rounding or "half-up"],
        )
    except ValueError as exc:
        name = "--amounts" if model is Model.CUSTOM else "--principal"
        raise CliError(f"{name}: {exc}") from None


def _periods(args: argparse.Namespace, model: Model, amounts: tuple[int, ...]) -> int:
    if args.periods is None:
        if model is Model.CUSTOM:
            return len(amounts)
        raise CliError("--periods: required; enter a whole number from 1 to 360")
    periods = option("--periods", parse_periods, args.periods)
    if model is Model.CUSTOM and periods != len(amounts):
        raise CliError(f"--amounts: {len(amounts)} amounts given for {periods} periods")
    return periods


def _rate(args: argparse.Namespace, model: Model) -> Any:
    if model.uses_rate:
        if args.rate is None:
            raise CliError(f"--rate: required for a {args.model} plan, in percent, e.g. 0.6")
        return option("--rate", parse_rate, args.rate)
    if args.rate is not None and option("--rate", parse_rate, args.rate) != 0:
        raise CliError(f"--rate: a {args.model} plan has no rate; leave --rate out")
    return 0


def installment_json(
    schedule: Schedule, moved: dict[int, date] | None = None
) -> list[dict[str, Any]]:
    """The installments of a schedule as JSON objects with decimal-string amounts; a due date
    moved off a non-working day also has ``moved_from`` (the terms' date)."""
    cur = schedule.terms.currency
    moved = moved or {}
    return [
        {
            "period": i.period,
            "due_date": i.due_date.isoformat(),
            "principal": format_amount(i.principal, cur),
            "fee": format_amount(i.fee, cur),
            "total": format_amount(i.total, cur),
            **({"moved_from": moved[i.period].isoformat()} if i.period in moved else {}),
        }
        for i in schedule.installments
    ]


def holidays_json(code: str | None, uncovered: tuple[int, ...]) -> dict[str, Any]:
    """``holidays`` (the country code or null) and, with one, ``holidays_uncovered_years``."""
    if code is None:
        return {"holidays": None}
    return {"holidays": code, "holidays_uncovered_years": list(uncovered)}


def quote_json(
    schedule: Schedule,
    moved: dict[int, date] | None = None,
    holidays: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The `quote --json` object: terms, installments, totals, APR and effective rate."""
    t = schedule.terms
    cost = cost_of_credit(schedule)
    return {
        "model": MODEL_CLI[t.model.value],
        "currency": t.currency,
        "principal": format_amount(t.principal, t.currency),
        "periods": t.periods,
        "installments": installment_json(schedule, moved),
        **(holidays or {}),
        "total_fee": format_amount(schedule.total_fee, t.currency),
        "upfront_fee": format_amount(t.upfront_fee, t.currency),
        "total_cost": format_amount(schedule.total_cost, t.currency),
        "apr": cost.apr_percent,
        "effective_rate": cost.effective_percent,
        **fee_rounding_json(t),
    }


def fee_rounding_json(terms: PlanTerms) -> dict[str, str]:
    """``{"fee_rounding": "half-even"}`` for a total plan; nothing for the other models."""
    if not terms.model.takes_fee_rounding:
        return {}
    return {"fee_rounding": terms.fee_rounding.value.replace("_", "-")}


def print_warnings(terms: PlanTerms, today: date) -> None:
    """Each warning about unusual terms as one ``warning:`` line on stderr."""
    for phrase in plan_warnings(terms, today):
        sys.stderr.write(f"warning: {phrase}\n")


def schedule_table(schedule: Schedule, moved: dict[int, date] | None = None) -> str:
    """A readable table of a schedule with totals, total cost and APR; a due date moved off a
    non-working day says from where (``(from 02-15)``)."""
    moved = moved or {}
    t = schedule.terms
    cur = t.currency

    def fmt(v: int) -> str:
        return f"{format_amount(v, cur):>14}"

    charge = "Interest" if t.model.is_loan else "Fee"
    lines = [f"{'#':>3}  {'Due date':<10} {'Principal':>14} {charge:>14} {'Total':>14}"]
    for i in schedule.installments:
        row = f"{i.period:>3}  {i.due_date.isoformat():<10} {fmt(i.principal)} {fmt(i.fee)}"
        came = f" (from {short_date(moved[i.period], i.due_date)})" if i.period in moved else ""
        lines.append(f"{row} {fmt(i.total)}{came}")
    lines.append(
        f"{'':>3}  {'Total':<10} {fmt(schedule.total_principal)} "
        f"{fmt(schedule.total_fee)} {fmt(schedule.total_payable)}"
    )
    cost = cost_of_credit(schedule)
    total_charge = f"Total {charges_word(t.model)}:"
    lines += [
        "",
        f"{total_charge:<16}{format_amount(schedule.total_fee, cur)} {cur}",
        f"Upfront fee:    {format_amount(t.upfront_fee, cur)} {cur}",
        f"Total cost:     {format_amount(schedule.total_cost, cur)} {cur}",
        f"APR (IRR):      {cost.apr_percent}%",
        f"Effective rate: {cost.effective_percent}%",
    ]
    return "\n".join(lines)


def run_quote(args: argparse.Namespace, today: date) -> int:
    """Run `tracker quote`."""
    terms = terms_from_args(args, today)
    code = holidays_option(args)
    moved: dict[int, date] = {}
    uncovered: tuple[int, ...] = ()
    if code is None:
        schedule = build_schedule(terms)
    else:
        from tracker.services.workdays import calendar_for, workday_notes

        schedule = option("--holidays", lambda c: build_schedule(terms, calendar_for(c)), code)
        found, uncovered = workday_notes(schedule, code)
        moved = {m.period: m.original for m in found}
    print_warnings(schedule.terms, today)
    if args.json:
        print_json(quote_json(schedule, moved, holidays_json(code, uncovered)))
    else:
        t = schedule.terms
        print(
            f"{MODEL_CLI[t.model.value]} plan: {format_amount(t.principal, t.currency)} "
            f"{t.currency} over {t.periods} periods\n"
        )
        print(schedule_table(schedule, moved))
        for line in workday_lines(code, uncovered):
            print(line)
    return 0
