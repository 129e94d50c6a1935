"""The domain: pure standard-library Python for money, plans, schedules, cost and status.

Nothing here imports another layer, touches a database or reads the clock: every function
that depends on "today" takes ``as_of``.

The names below load with their module on first use (``from tracker.domain import Model``
works as before): the app's start-up reads need the ledger and the money rules, not the
schedule builder or the APR solver.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .apr import CostOfCredit, cost_of_credit
    from .money import (
        AmountError,
        Currency,
        format_amount,
        format_money,
        parse_amount,
        parse_rate,
    )
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

_HOME = {
    "CostOfCredit": "apr",
    "cost_of_credit": "apr",
    "AmountError": "money",
    "Currency": "money",
    "format_amount": "money",
    "format_money": "money",
    "parse_amount": "money",
    "parse_rate": "money",
    "Charge": "plan",
    "FeeMode": "plan",
    "FeeRounding": "plan",
    "Installment": "plan",
    "Model": "plan",
    "PlanTerms": "plan",
    "Remainder": "plan",
    "Schedule": "plan",
    "build_schedule": "schedule",
}

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


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{home}", __name__), name)
