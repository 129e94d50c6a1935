"""Cost of credit: the APR by the IRR method (年化利率) and the effective annual rate.

Solves ``P − upfront_fee = Σ_k total_k / (1+r)^(t_k)`` for the per-period rate r, exactly as
in domain-rules.md (t_k = k for monthly plans; t_k = k − 1 for pay-in-N, whose first part is
due at purchase), then ``APR = r × periods_per_year`` and ``effective = (1+r)^ppy − 1``. The
solver works in high-precision ``Decimal`` (Newton's method inside a bisection bracket), so a
displayed two-decimal percentage never depends on float noise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from .errors import UserError
from .money import format_percent
from .plan import Model, Schedule

__all__ = ["CostOfCredit", "cost_of_credit", "solve_period_rate"]

_PREC = 40
_TOL = Decimal("1e-24")
_CAP = Decimal(2) ** 40  # per period: far above any warning threshold


@dataclass(frozen=True, slots=True)
class CostOfCredit:
    """What a plan really costs.

    Attributes:
        total_cost: fees + interest + upfront fee, minor units.
        period_rate: the IRR per period, as a fraction.
        apr: ``period_rate × periods_per_year``, as a fraction.
        effective_rate: ``(1 + period_rate)^periods_per_year − 1``, as a fraction.
    """

    total_cost: int
    period_rate: Decimal
    apr: Decimal
    effective_rate: Decimal

    @property
    def apr_percent(self) -> str:
        """The APR as a percentage with two decimals ("13.03")."""
        return format_percent(self.apr)

    @property
    def effective_percent(self) -> str:
        """The effective annual rate as a percentage with two decimals ("13.84")."""
        return format_percent(self.effective_rate)


def _present_value(flows: Sequence[int], r: Decimal, first: int) -> Decimal:
    factor = 1 / (1 + r)
    pv = Decimal(0)
    discount = factor**first
    for amount in flows:
        pv += amount * discount
        discount *= factor
    return pv


def _derivative(flows: Sequence[int], r: Decimal, first: int) -> Decimal:
    factor = 1 / (1 + r)
    slope = Decimal(0)
    discount = factor ** (first + 1)
    for t, amount in enumerate(flows, start=first):
        slope -= t * amount * discount
        discount *= factor
    return slope


def solve_period_rate(received: int, flows: Sequence[int], first: int = 1) -> Decimal:
    """Return r ≥ 0 with ``received = Σ flows[j] / (1+r)^(first + j)``.

    ``received`` is what the borrower actually got (principal less any upfront fee); ``first``
    is when the first flow falls, in periods from the purchase (1 for monthly plans, 0 for
    pay-in-N). When the flows repay no more than was received the rate is 0.
    """
    if received <= 0:
        raise UserError("nothing was financed once the upfront fee is taken off")
    if sum(flows) <= received:
        return Decimal(0)
    with localcontext() as ctx:
        ctx.prec = _PREC
        lo, hi = Decimal(0), Decimal(1)
        while _present_value(flows, hi, first) > received:
            hi *= 2  # absurd plans: keep doubling until the bracket holds the root
            if hi > _CAP:
                # A part due at purchase that is at least what was received (pay-in-N with a
                # huge upfront fee): no finite rate exists; report the cap, never loop.
                return _CAP
        r = (lo + hi) / 2
        for _ in range(400):
            f = _present_value(flows, r, first) - received
            if f > 0:
                lo = r
            else:
                hi = r
            step = f / _derivative(flows, r, first)
            if abs(step) < _TOL:
                r -= step  # converged: take the last Newton step, never a bisection
                break
            candidate = r - step
            r = candidate if lo < candidate < hi else (lo + hi) / 2
            if hi - lo < _TOL:
                break
        return +r


def cost_of_credit(schedule: Schedule) -> CostOfCredit:
    """The total cost, per-period IRR, APR and effective annual rate of a schedule."""
    terms = schedule.terms
    flows = [i.total for i in schedule.installments]
    first = 0 if terms.model is Model.PAY_IN_N else 1
    r = solve_period_rate(terms.principal - terms.upfront_fee, flows, first)
    ppy = terms.model.periods_per_year
    with localcontext() as ctx:
        ctx.prec = _PREC
        return CostOfCredit(
            total_cost=schedule.total_cost,
            period_rate=r,
            apr=r * ppy,
            effective_rate=(1 + r) ** ppy - 1,
        )
