"""Accounts (卡 / 平台): a credit card, 花呗 or 白条 that gathers plans into one monthly bill.

An account has a statement day (账单日: 1–28, or the month's last day) and a due rule
(domain-rules.md, "Accounts and bills"):

- ``day_of_month(d)``: the bill is due on the first day ``d`` after the statement date
  (花呗: statement on the 1st, due the 10th; ICBC: statement at month end, due the 25th of the
  next month). A day past the month's end is clamped (``d`` = 31 in April is the 30th).
- ``days_after(n)``: the bill is due ``n`` days after the statement date (CCB and BOC: 20;
  白条's bill mode: 9).

A plan on an account falls due on the due date of the k-th statement after its posting date
(the purchase date). A purchase posted on a statement day goes on the *next* statement: the
cycle that a statement closes ends the day before it (花呗 closes the month on the 1st; most
banks put the statement day's own spending on the following bill).

Every rule an issuer may set (since the 2021 rules) is a setting of the account, with the
common values as defaults: minimum payment 10% of ordinary spending, daily interest 0.05%,
whole-statement interest for bank cards (全额计息) and unpaid-part interest for 花呗/白条, a late
fee (违约金) of 5% of the unpaid minimum with a ¥10 floor for bank cards.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from .dates import add_months
from .errors import Phrase, UserError
from .money import MAX_MAJOR_UNITS, currency

__all__ = [
    "MONTH_END",
    "AccountKind",
    "AccountTerms",
    "DueRule",
    "DueRuleKind",
    "InterestRule",
    "default_terms",
]

MONTH_END = 0
"""``statement_day`` for a statement on the last day of every month."""

MAX_DAYS_AFTER = 60
"""The longest ``days_after`` rule accepted (issuers use 9 to 25 days)."""


class AccountKind(StrEnum):
    """What sort of account: it sets the defaults of the interest and late-fee rules."""

    CREDIT_CARD = "credit_card"
    HUABEI = "huabei"
    BAITIAO = "baitiao"
    OTHER = "other"


class DueRuleKind(StrEnum):
    """How a bill's due date follows from its statement date."""

    DAY_OF_MONTH = "day_of_month"
    DAYS_AFTER = "days_after"


class InterestRule(StrEnum):
    """What a bill paid only in part is charged (a daily rate, from the account).

    - ``full_statement`` (全额计息, bank cards): every purchase on the statement accrues from
      its posting date until it is repaid, the part repaid by the due date included.
    - ``unpaid_only`` (花呗, 白条): only what is unpaid after the due date accrues, from the
      day after the due date.
    """

    FULL_STATEMENT = "full_statement"
    UNPAID_ONLY = "unpaid_only"


@dataclass(frozen=True, slots=True)
class DueRule:
    """``day_of_month(value)`` or ``days_after(value)``."""

    kind: DueRuleKind
    value: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", DueRuleKind(self.kind))
        if self.kind is DueRuleKind.DAY_OF_MONTH and not 1 <= self.value <= 31:
            raise UserError(
                "The due day must be a day of the month from 1 to 31, not {value}.",
                value=self.value,
            )
        if self.kind is DueRuleKind.DAYS_AFTER and not 1 <= self.value <= MAX_DAYS_AFTER:
            raise UserError(
                "The days from statement to due date must be 1 to {most}, not {value}.",
                most=MAX_DAYS_AFTER,
                value=self.value,
            )

    @classmethod
    def day_of_month(cls, day: int) -> DueRule:
        """Due on the first ``day`` of a month after the statement date."""
        return cls(DueRuleKind.DAY_OF_MONTH, day)

    @classmethod
    def days_after(cls, days: int) -> DueRule:
        """Due ``days`` days after the statement date."""
        return cls(DueRuleKind.DAYS_AFTER, days)

    def due_after(self, statement: date) -> date:
        """The due date of the statement dated ``statement``."""
        if self.kind is DueRuleKind.DAYS_AFTER:
            return statement + timedelta(days=self.value)
        same = _clamped(statement.year, statement.month, self.value)
        if same > statement:
            return same
        following = add_months(date(statement.year, statement.month, 1), 1)
        return _clamped(following.year, following.month, self.value)

    def __str__(self) -> str:
        return f"{self.kind.value}({self.value})"


def _clamped(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True, slots=True)
class AccountTerms:
    """The rules of one account, validated on construction.

    Attributes:
        kind: credit card, 花呗, 白条 or other.
        statement_day: 1–28, or :data:`MONTH_END`.
        due_rule: how the due date follows from the statement date.
        currency: ISO 4217 code of the account's bills.
        min_percent: the share of ordinary spending in the minimum payment (0.10 = 10%).
        daily_rate: interest per day on what a part payment leaves (0.0005 = 0.05%).
        interest_rule: whole statement from posting (bank cards) or unpaid part only.
        late_fee_percent: the late fee as a share of the unpaid minimum (0 = none).
        late_fee_min: the late fee's floor, in minor units (CMB: ¥10).
        late_fee_max: its cap in minor units, or None.
        credit_limit: in minor units, or None.
        grace_days: days after the due date before a bill counts as late (plans inherit them).
        tolerance: an unpaid remainder up to this is not late (plans inherit it).
    """

    kind: AccountKind
    statement_day: int
    due_rule: DueRule
    currency: str = "CNY"
    min_percent: Decimal = Decimal("0.10")
    daily_rate: Decimal = Decimal("0.0005")
    interest_rule: InterestRule = InterestRule.FULL_STATEMENT
    late_fee_percent: Decimal = Decimal("0.05")
    late_fee_min: int = 1000
    late_fee_max: int | None = None
    credit_limit: int | None = None
    grace_days: int = 0
    tolerance: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", AccountKind(self.kind))
        object.__setattr__(self, "interest_rule", InterestRule(self.interest_rule))
        object.__setattr__(self, "currency", currency(self.currency).code)
        if not (self.statement_day == MONTH_END or 1 <= self.statement_day <= 28):
            raise UserError(
                "The statement day must be 1 to 28, or the month's end; not {day}.",
                day=self.statement_day,
            )
        for value, name in (
            (self.min_percent, Phrase("minimum payment share")),
            (self.daily_rate, Phrase("daily interest rate")),
            (self.late_fee_percent, Phrase("late fee share")),
        ):
            if not value.is_finite() or not Decimal(0) <= value <= Decimal(1):
                raise UserError(
                    "The {what} must be a percentage from 0% to 100%, not {value}.",
                    what=name,
                    value=value,
                )
        cap = MAX_MAJOR_UNITS * currency(self.currency).scale
        for amount, name in (
            (self.late_fee_min, Phrase("late fee floor")),
            (self.late_fee_max, Phrase("late fee cap")),
            (self.credit_limit, Phrase("credit limit")),
            (self.tolerance, Phrase("tolerance")),
        ):
            if amount is not None and not 0 <= amount <= cap:
                raise UserError(
                    "The {what} must be an amount from 0 up to {cap_yuan} yuan.",
                    what=name,
                    cap_yuan=MAX_MAJOR_UNITS,
                )
        if self.late_fee_max is not None and self.late_fee_max < self.late_fee_min:
            raise UserError("The late fee cap is below its floor.")
        if not 0 <= self.grace_days <= 30:
            raise UserError("Grace days must be 0 to 30, not {days}.", days=self.grace_days)

    # --- statements and due dates -------------------------------------------------------------

    def statement_in(self, year: int, month: int) -> date:
        """The statement date in ``year``-``month``."""
        last = calendar.monthrange(year, month)[1]
        return date(year, month, last if self.statement_day == MONTH_END else self.statement_day)

    def statement_for_month(self, month: date) -> date:
        """The statement of the month ``month`` falls in (``--statement YYYY-MM``)."""
        return self.statement_in(month.year, month.month)

    def next_statement(self, after: date) -> date:
        """The first statement date strictly after ``after``."""
        this = self.statement_in(after.year, after.month)
        if this > after:
            return this
        following = add_months(date(after.year, after.month, 1), 1)
        return self.statement_in(following.year, following.month)

    def previous_statement(self, statement: date) -> date:
        """The statement before the one dated ``statement``."""
        before = add_months(date(statement.year, statement.month, 1), -1)
        return self.statement_in(before.year, before.month)

    def cycle_start(self, statement: date) -> date:
        """The first day whose spending goes on the statement dated ``statement``."""
        return self.previous_statement(statement)

    def statements_after(self, posted_on: date, count: int) -> list[date]:
        """The ``count`` statements after a purchase posted on ``posted_on``."""
        first = self.next_statement(posted_on)
        return [
            self.statement_in(m.year, m.month)
            for m in (add_months(date(first.year, first.month, 1), k) for k in range(count))
        ]

    def due_date(self, statement: date) -> date:
        """The due date of the bill dated ``statement``."""
        return self.due_rule.due_after(statement)

    def plan_due_dates(self, posted_on: date, periods: int) -> list[date]:
        """The due dates of a plan of ``periods`` installments posted on ``posted_on``: the due
        date of the k-th statement after the posting, for k = 1..periods."""
        return [self.due_date(s) for s in self.statements_after(posted_on, periods)]


def default_terms(
    kind: AccountKind | str, statement_day: int, due_rule: DueRule, **overrides: object
) -> AccountTerms:
    """Terms with the usual rules of ``kind``: 花呗 and 白条 charge interest on the unpaid part
    only and no late fee; bank cards and others charge the whole statement and a late fee."""
    kind = AccountKind(kind)
    base: dict[str, object] = {}
    if kind in (AccountKind.HUABEI, AccountKind.BAITIAO):
        base = {
            "interest_rule": InterestRule.UNPAID_ONLY,
            "late_fee_percent": Decimal(0),
            "late_fee_min": 0,
        }
    base.update(overrides)
    return AccountTerms(kind, statement_day, due_rule, **base)  # type: ignore[arg-type]
