"""Checks of a plan's terms against what people usually mean: refusals and warnings.

``check_first_due`` refuses a first due date before the purchase date (a plan cannot fall due
before it was bought). ``plan_warnings`` returns phrases for terms that are allowed but
unusual enough to be a typo: a first due date more than a year ago, a flat fee over 3% per
period, a loan's annual rate over 36%, an APR over 36%. The caller shows them (the CLI on
stderr, the GUI next to the preview) and still lets the plan be saved. Pure: ``today`` is
passed in.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .apr import cost_of_credit
from .dates import add_months
from .errors import Phrase
from .money import AmountError, format_percent
from .plan import Model, PlanTerms
from .schedule import build_schedule

__all__ = [
    "MAX_ANNUAL_RATE",
    "MAX_APR",
    "MAX_FLAT_RATE",
    "check_first_due",
    "plan_warnings",
]

MAX_FLAT_RATE = Decimal("0.03")
"""A flat fee above this per period is unusual (小米 0.6%, cards 0.75%, 白条 0.5%)."""
MAX_ANNUAL_RATE = Decimal("0.36")
"""A loan's annual rate above this is above the 36% ceiling Chinese courts protect."""
MAX_APR = Decimal("0.36")
"""An APR above this, for any model, is worth a second look."""


def check_first_due(terms: PlanTerms, purchase: date | None) -> None:
    """Refuse (AmountError) a first due date before the purchase date; on it is accepted
    (pay-in-N's first part is due at purchase)."""
    if purchase is not None and terms.first_due < purchase:
        raise AmountError(
            "the first due date {first_due} is before the purchase date {purchase}; "
            "enter a first due date on or after the purchase date",
            first_due=terms.first_due,
            purchase=purchase,
        )


def plan_warnings(terms: PlanTerms, today: date) -> tuple[Phrase, ...]:
    """Warnings about terms that are valid but probably not meant, in a stable order."""
    found: list[Phrase] = []
    if terms.first_due < add_months(today, -12):
        found.append(
            Phrase(
                "the first due date {first_due} is more than a year ago; check the date",
                first_due=terms.first_due,
            )
        )
    if terms.model is Model.FLAT and terms.rate > MAX_FLAT_RATE:
        found.append(
            Phrase(
                "a fee of {rate}% per period is unusually high (most are under 3%); check the rate",
                rate=format_percent(terms.rate),
            )
        )
    if terms.model.is_loan and terms.rate > MAX_ANNUAL_RATE:
        found.append(
            Phrase(
                "an annual interest rate of {rate}% is above 36%; check the rate",
                rate=format_percent(terms.rate),
            )
        )
    apr = cost_of_credit(build_schedule(terms)).apr
    if apr > MAX_APR:
        found.append(
            Phrase(
                "the APR (IRR) is {apr}%, above 36%; check the rate, the fees and the periods",
                apr=format_percent(apr),
            )
        )
    return tuple(found)
