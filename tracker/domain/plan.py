"""Plans: the terms of a financed purchase and the immutable records a schedule is made of.

A ``PlanTerms`` is what the lender offered (model, principal, periods, rate, first due date and
the per-plan options of domain-rules.md). ``Installment`` is one period of a schedule and
``Schedule`` the whole of it. All amounts are integer minor units; rates are exact ``Decimal``
fractions (0.006 for 0.6%).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from .dates import last_due_fits
from .errors import Phrase
from .money import MAX_MAJOR_UNITS, MAX_PERIODS, AmountError, Currency, currency

__all__ = [
    "Charge",
    "FeeMode",
    "FeeRounding",
    "Installment",
    "Model",
    "PlanTerms",
    "Remainder",
    "Schedule",
]


_AMOUNT_FIELDS = {
    "principal": Phrase("principal"),
    "upfront_fee": Phrase("upfront_fee"),
    "down_payment": Phrase("down_payment"),
}


class Charge(StrEnum):
    """What a plan's finance charge is called: interest (利息) on a loan, a fee (手续费) otherwise.

    The value is also the charge column's name in the installments CSV.
    """

    FEE = "fee"
    INTEREST = "interest"


class Model(StrEnum):
    """How a plan's fees or interest are computed (the schedule models of domain-rules.md)."""

    FLAT = "flat"
    """Fee per period on the original principal (信用卡分期, 京东白条, 小米分期)."""
    TOTAL = "total"
    """One total fee rate for the whole plan, split across periods (花呗分期)."""
    ANNUITY = "annuity"
    """Equal installments, interest on the falling balance (等额本息)."""
    EQUAL_PRINCIPAL = "equal_principal"
    """Equal principal, interest on the falling balance (等额本金)."""
    INTEREST_FREE = "interest_free"
    """No fee, principal split (免息)."""
    PAY_IN_N = "pay_in_n"
    """BNPL: n equal parts every 14 days, the first at purchase."""
    CUSTOM = "custom"
    """Per-period totals typed from the lender's statement."""

    @property
    def uses_rate(self) -> bool:
        """Whether the model takes a rate (interest-free, pay-in-n and custom do not)."""
        return self in (Model.FLAT, Model.TOTAL, Model.ANNUITY, Model.EQUAL_PRINCIPAL)

    @property
    def is_loan(self) -> bool:
        """Whether the model is a loan (annuity, equal principal) rather than a consumer plan.

        The one place that says so: loans charge interest on the falling balance, every other
        model (flat, total, interest-free, pay-in-n, custom) charges fees.
        """
        return self in (Model.ANNUITY, Model.EQUAL_PRINCIPAL)

    @property
    def charge(self) -> Charge:
        """What the plan's finance charge is called: ``INTEREST`` for loans, ``FEE`` otherwise."""
        return Charge.INTEREST if self.is_loan else Charge.FEE

    @property
    def takes_remainder(self) -> bool:
        """Whether the ``remainder`` option applies: the consumer installments' floor split.

        Loans split like the banks (round, the last period takes the rest) and custom plans
        take the lender's amounts, so neither has a remainder to place.
        """
        return self in (Model.FLAT, Model.TOTAL, Model.INTEREST_FREE, Model.PAY_IN_N)

    @property
    def takes_fee_mode(self) -> bool:
        """Whether the ``fee_mode`` option applies (flat plans only)."""
        return self is Model.FLAT

    @property
    def takes_fee_rounding(self) -> bool:
        """Whether the ``fee_rounding`` option applies (total-fee plans only)."""
        return self is Model.TOTAL

    @property
    def default_remainder(self) -> Remainder:
        """The remainder placement stored for the model: last for equal principal (its last
        period takes what the rounded parts leave), first otherwise."""
        return Remainder.LAST if self is Model.EQUAL_PRINCIPAL else Remainder.FIRST

    @property
    def periods_per_year(self) -> int:
        """Periods in a year, for the APR: 26 for biweekly pay-in-n, 12 otherwise."""
        return 26 if self is Model.PAY_IN_N else 12


class FeeMode(StrEnum):
    """For flat plans: spread the fee over every period, or charge it all in the first."""

    SPREAD = "spread"
    FIRST = "first"


class FeeRounding(StrEnum):
    """For total-fee plans: how ``P × R`` is rounded to the minor unit.

    Alipay's 花呗 documentation says half-even (银行家舍入); the two differ only on an exact
    half fen (1001.00 × 4.5% = 4504.5 fen → 4504 half-even, 4505 half-up).
    """

    HALF_UP = "half_up"
    HALF_EVEN = "half_even"


class Remainder(StrEnum):
    """Which period takes the fen left over when the principal does not divide evenly."""

    FIRST = "first"
    LAST = "last"


@dataclass(frozen=True, slots=True)
class PlanTerms:
    """The terms of a financed purchase, validated on construction.

    Attributes:
        model: the schedule model.
        principal: the amount financed, in minor units (a down payment is not part of it).
        periods: the number of installments, 1 to 360.
        first_due: the first installment's due date; monthly due dates anchor on its day.
        rate: a fraction whose meaning depends on the model: the per-period fee rate for flat,
            the total fee rate for total, the annual rate for annuity and equal-principal;
            ignored (and normalised to 0) for the other models.
        currency: ISO 4217 code.
        remainder: where the principal remainder goes; ``None`` means the model's default.
        fee_mode: for flat plans, spread the fee or charge it all in period 1.
        upfront_fee: paid at purchase, not an installment; counts in the cost and the APR.
        down_payment: paid at purchase, not financed; shown, never in the cost or the APR.
        custom_amounts: for custom plans, each period's total as the lender states it.
        fee_rounding: for total plans, how the total fee ``P × R`` is rounded.

    An option the model does not use (``remainder`` for loans and custom, ``fee_mode`` outside
    flat, ``fee_rounding`` outside total) is accepted and normalised to the model's default,
    the way ``rate`` is for models without a rate: stored plans and our own CSV exports carry
    a value in every column, so the domain must load them. Input from people (CLI, form,
    import) refuses an explicit option the model does not take before it gets here.
    """

    model: Model
    principal: int
    periods: int
    first_due: date
    rate: Decimal = Decimal(0)
    currency: str = "CNY"
    remainder: Remainder | None = None
    fee_mode: FeeMode = FeeMode.SPREAD
    upfront_fee: int = 0
    down_payment: int = 0
    custom_amounts: tuple[int, ...] = field(default=())
    fee_rounding: FeeRounding = FeeRounding.HALF_UP

    def __post_init__(self) -> None:
        object.__setattr__(self, "model", Model(self.model))
        object.__setattr__(self, "fee_mode", FeeMode(self.fee_mode))
        object.__setattr__(self, "fee_rounding", FeeRounding(self.fee_rounding))
        if not self.model.takes_remainder:
            object.__setattr__(self, "remainder", None)
        if not self.model.takes_fee_mode:
            object.__setattr__(self, "fee_mode", FeeMode.SPREAD)
        if not self.model.takes_fee_rounding:
            object.__setattr__(self, "fee_rounding", FeeRounding.HALF_UP)
        object.__setattr__(self, "currency", currency(self.currency).code)
        if self.remainder is not None:
            object.__setattr__(self, "remainder", Remainder(self.remainder))
        object.__setattr__(self, "custom_amounts", tuple(self.custom_amounts))
        if not self.model.uses_rate:
            object.__setattr__(self, "rate", Decimal(0))
        self._validate()

    def _validate(self) -> None:
        cap = MAX_MAJOR_UNITS * self.money.scale
        for name, label in _AMOUNT_FIELDS.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise AmountError("{name} must be an integer number of minor units", name=label)
            if value < 0 or value > cap:
                raise AmountError(
                    "{name} must be from 0 to {most:,} {currency}",
                    name=label,
                    most=MAX_MAJOR_UNITS,
                    currency=self.currency,
                )
        if self.principal <= 0:
            raise AmountError("the principal must be more than zero")
        if self.upfront_fee >= self.principal:
            raise AmountError("the upfront fee must be less than the principal it finances")
        if isinstance(self.periods, bool) or not isinstance(self.periods, int):
            raise AmountError("the number of periods must be a whole number from 1 to 360")
        if not 1 <= self.periods <= MAX_PERIODS:
            raise AmountError("the number of periods must be from 1 to 360")
        if not last_due_fits(self.first_due, self.periods, biweekly=self.model is Model.PAY_IN_N):
            raise AmountError(
                "the last due date would be after 9999-12-31; enter an earlier first due date"
            )
        if not isinstance(self.rate, Decimal) or not self.rate.is_finite():
            raise AmountError("the rate must be a finite Decimal fraction")
        if not 0 <= self.rate <= 1:
            raise AmountError("the rate must be from 0% to 100%")
        if self.model is Model.CUSTOM:
            self._validate_custom(cap)
        elif self.custom_amounts:
            raise AmountError("per-period amounts are only for custom plans")

    def _validate_custom(self, cap: int) -> None:
        amounts = self.custom_amounts
        if len(amounts) != self.periods:
            raise AmountError(
                "a custom plan needs one amount per period: {periods} periods, "
                "{count} amounts given",
                periods=self.periods,
                count=len(amounts),
            )
        if any(isinstance(a, bool) or not isinstance(a, int) or a <= 0 for a in amounts):
            raise AmountError("every per-period amount must be more than zero")
        if any(a > cap for a in amounts):
            raise AmountError("a per-period amount is above {most:,}", most=MAX_MAJOR_UNITS)
        if sum(amounts) < self.principal:
            raise AmountError(
                "the per-period amounts add up to less than the principal; "
                "they must cover the principal (the difference is the fee)"
            )

    @property
    def money(self) -> Currency:
        """The plan's currency."""
        return currency(self.currency)

    @property
    def effective_remainder(self) -> Remainder:
        """The remainder placement in force (the explicit option or the model's default)."""
        return self.remainder if self.remainder is not None else self.model.default_remainder


@dataclass(frozen=True, slots=True)
class Installment:
    """One period of a schedule.

    Attributes:
        period: 1-based period number.
        due_date: when it is due.
        principal: the part that repays the amount financed, minor units.
        fee: the period's finance charge (fee or interest), minor units.
    """

    period: int
    due_date: date
    principal: int
    fee: int

    @property
    def total(self) -> int:
        """What the period asks for: principal plus fee."""
        return self.principal + self.fee


@dataclass(frozen=True, slots=True)
class Schedule:
    """A plan's terms and every installment they produce, in period order."""

    terms: PlanTerms
    installments: tuple[Installment, ...]

    @property
    def total_principal(self) -> int:
        """Σ principal, always equal to the financed principal."""
        return sum(i.principal for i in self.installments)

    @property
    def total_fee(self) -> int:
        """Σ fee: the fees or interest over the whole plan."""
        return sum(i.fee for i in self.installments)

    @property
    def total_payable(self) -> int:
        """Σ installment totals (what is repaid in installments)."""
        return sum(i.total for i in self.installments)

    @property
    def total_cost(self) -> int:
        """What financing costs: all fees and interest plus the upfront fee."""
        return self.total_fee + self.terms.upfront_fee
