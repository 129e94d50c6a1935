"""The domain: pure standard-library Python for money, plans, schedules, cost and status.

Nothing here imports another layer, touches a database or reads the clock: every function
that depends on "today" takes ``as_of``.
"""

from .apr import CostOfCredit, cost_of_credit
from .money import AmountError, Currency, format_amount, format_money, parse_amount, parse_rate
from .plan import (
    Charge,
    FeeMode,
    FeeRounding,
    Installment,
    Model,
    PlanTerms,
    Remainder,
    Schedule,
)
from .schedule import build_schedule

__all__ = [
    "AmountError",
    "Charge",
    "CostOfCredit",
    "Currency",
    "FeeMode",
    "FeeRounding",
    "Installment",
    "Model",
    "PlanTerms",
    "Remainder",
    "Schedule",
    "build_schedule",
    "cost_of_credit",
    "format_amount",
    "format_money",
    "parse_amount",
    "parse_rate",
]
