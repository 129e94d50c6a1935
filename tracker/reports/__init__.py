"""Reports: plain data computed from service records, with no Qt (chart series, exports)."""

from .series import (
    BalanceSeries,
    MonthSeries,
    PlanBalance,
    PlanLike,
    PlanMonths,
    balance_series,
    month_breakdown,
    month_end,
    top_balances,
    top_plans,
    upcoming_by_month,
)

__all__ = [
    "BalanceSeries",
    "MonthSeries",
    "PlanBalance",
    "PlanLike",
    "PlanMonths",
    "balance_series",
    "month_breakdown",
    "month_end",
    "top_balances",
    "top_plans",
    "upcoming_by_month",
]
