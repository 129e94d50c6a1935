"""Plan templates: the typical terms of the lenders people use, to start a new plan from.

A template fills the new-plan form (model, typical rate, periods and options); the user can
change every value afterwards, so a template is a starting point, never a hard-coded rule.
Rates are exact ``Decimal`` fractions whose meaning depends on the model (``RateBasis``):

- 小米分期: flat 0.6% of the principal per period, 12 periods; payoff charges every fee. Its
  overdue penalty is not published in a source we could check, so the template sets none and
  says so (``penalty_known=False``): the user enters the figure in their contract.
- 花呗分期: one total fee rate for the plan, 4.5% for 6 periods (2.5% / 3, 6.5% / 9, 7.5% / 12),
  the total fee rounded half-even as Alipay's developer documentation says.
- 京东白条: flat 0.5% per period, 12 periods.
- 信用卡分期: flat 0.75% per period, 12 periods, 3 days of grace (容时), 0.05%/day penalty.
- 等额本息贷款 / 等额本金贷款: annual interest (4.35% is the PBOC one-year benchmark, 4.9% the
  five-year one), 36 periods; an early payoff pays only interest already due.
- 免息: no fee, 3 periods.  Pay in 4: four parts every 14 days, the first at purchase.
- custom: the per-period amounts are typed from the lender's statement.

Pure data: the GUI and the CLI decide how to show the names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from .payoff import PayoffPolicy
from .plan import FeeMode, FeeRounding, Model, Remainder

__all__ = ["TEMPLATES", "PlanTemplate", "RateBasis", "rate_basis", "template"]


class RateBasis(StrEnum):
    """What a plan's rate is a fraction of, per model."""

    PER_PERIOD = "per_period"
    """A fee per period on the original principal (flat)."""
    TOTAL = "total"
    """One fee for the whole plan (total)."""
    ANNUAL = "annual"
    """An annual interest rate on the falling balance (annuity, equal principal)."""
    NONE = "none"
    """The model takes no rate (interest-free, pay-in-n, custom)."""


_BASIS = {
    Model.FLAT: RateBasis.PER_PERIOD,
    Model.TOTAL: RateBasis.TOTAL,
    Model.ANNUITY: RateBasis.ANNUAL,
    Model.EQUAL_PRINCIPAL: RateBasis.ANNUAL,
}


def rate_basis(model: Model | str) -> RateBasis:
    """What the rate means for ``model``."""
    return _BASIS.get(Model(model), RateBasis.NONE)


@dataclass(frozen=True, slots=True)
class PlanTemplate:
    """The typical terms of one kind of plan.

    Attributes:
        key: a stable identifier ("xiaomi", "huabei", …), safe to store in settings.
        name_en: the English display name.
        name_zh: the Simplified Chinese display name.
        platform: what to put in the plan's platform field ("" to leave it to the user).
        model: the schedule model.
        rate: the typical rate as a fraction, meaning ``rate_basis(model)``; 0 if none.
        periods: the default number of periods.
        rate_by_periods: for lenders whose rate depends on the term, (periods, rate) pairs.
        fee_mode: for flat plans, spread the fee or charge it all in period 1.
        fee_rounding: for total plans, how the total fee is rounded (花呗: half-even).
        remainder: which period takes the principal's leftover fen.
        grace_days: days after a due date still counted on time (容时).
        tolerance: unpaid minor units never counted overdue (容差).
        penalty_daily_rate: penalty per day overdue, as a fraction (0 = none).
        payoff_policy: what an early payoff costs.
        payoff_penalty_pct: for ``penalty_pct``, the fraction of remaining principal charged.
        penalty_known: False when the lender's penalty rate is not known here: the form says
            so and asks for the contract's figure instead of implying there is no penalty.
    """

    key: str
    name_en: str
    name_zh: str
    platform: str
    model: Model
    rate: Decimal
    periods: int
    rate_by_periods: tuple[tuple[int, Decimal], ...] = field(default=())
    fee_mode: FeeMode = FeeMode.SPREAD
    fee_rounding: FeeRounding = FeeRounding.HALF_UP
    remainder: Remainder | None = None
    grace_days: int = 0
    tolerance: int = 0
    penalty_daily_rate: Decimal = Decimal(0)
    payoff_policy: PayoffPolicy = PayoffPolicy.CHARGE_ALL_FEES
    payoff_penalty_pct: Decimal = Decimal(0)
    penalty_known: bool = True

    @property
    def rate_basis(self) -> RateBasis:
        """What the rate means for this template's model."""
        return rate_basis(self.model)

    @property
    def effective_remainder(self) -> Remainder:
        """The remainder placement in force (explicit, or the model's default)."""
        return self.remainder if self.remainder is not None else self.model.default_remainder

    def rate_for(self, periods: int) -> Decimal:
        """The typical rate for a term of ``periods`` (the default rate if none is listed)."""
        return dict(self.rate_by_periods).get(periods, self.rate)


_DAILY_PENALTY = Decimal("0.0005")  # 万分之五 per day, the usual card / 花呗 / 白条 penalty

TEMPLATES: tuple[PlanTemplate, ...] = (
    PlanTemplate(
        "xiaomi",
        "Xiaomi installments",
        "小米分期",
        "小米分期",
        Model.FLAT,
        Decimal("0.006"),
        12,
        penalty_known=False,
    ),
    PlanTemplate(
        "huabei",
        "Huabei installments",
        "花呗分期",
        "花呗",
        Model.TOTAL,
        Decimal("0.045"),
        6,
        rate_by_periods=(
            (3, Decimal("0.025")),
            (6, Decimal("0.045")),
            (9, Decimal("0.065")),
            (12, Decimal("0.075")),
        ),
        fee_rounding=FeeRounding.HALF_EVEN,  # Alipay's docs: 取整规则为 ROUND_HALF_EVEN
        penalty_daily_rate=_DAILY_PENALTY,
    ),
    PlanTemplate(
        "jd_baitiao",
        "JD Baitiao",
        "京东白条",
        "京东白条",
        Model.FLAT,
        Decimal("0.005"),
        12,
        penalty_daily_rate=_DAILY_PENALTY,
    ),
    PlanTemplate(
        "credit_card",
        "Credit-card installments",
        "信用卡分期",
        "",
        Model.FLAT,
        Decimal("0.0075"),
        12,
        grace_days=3,
        penalty_daily_rate=_DAILY_PENALTY,
    ),
    PlanTemplate(
        "annuity_loan",
        "Loan, equal installments",
        "等额本息贷款",
        "",
        Model.ANNUITY,
        Decimal("0.0435"),
        36,
        payoff_policy=PayoffPolicy.WAIVE_FUTURE_FEES,
    ),
    PlanTemplate(
        "equal_principal_loan",
        "Loan, equal principal",
        "等额本金贷款",
        "",
        Model.EQUAL_PRINCIPAL,
        Decimal("0.049"),
        36,
        payoff_policy=PayoffPolicy.WAIVE_FUTURE_FEES,
    ),
    PlanTemplate(
        "interest_free",
        "Interest-free",
        "免息分期",
        "",
        Model.INTEREST_FREE,
        Decimal(0),
        3,
        payoff_policy=PayoffPolicy.WAIVE_FUTURE_FEES,
    ),
    PlanTemplate(
        "pay_in_4",
        "Pay in 4",
        "Pay in 4（四期付）",
        "",
        Model.PAY_IN_N,
        Decimal(0),
        4,
        payoff_policy=PayoffPolicy.WAIVE_FUTURE_FEES,
    ),
    PlanTemplate("custom", "Custom amounts", "自定义", "", Model.CUSTOM, Decimal(0), 12),
)
"""Every template, in the order the form lists them."""

_BY_KEY = {t.key: t for t in TEMPLATES}


def template(key: str) -> PlanTemplate:
    """The template with this key; KeyError names the known keys."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"unknown template {key!r}; known: {', '.join(_BY_KEY)}") from None
