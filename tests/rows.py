"""Building ``InstallmentRow`` records in tests from the columns a CSV or calendar shows."""

from __future__ import annotations

from datetime import date

from tracker.domain.ledger import Status
from tracker.domain.plan import Charge
from tracker.domain.rows import InstallmentRow


def installment_row(
    plan_id: int,
    plan_name: str,
    platform: str,
    period: int,
    periods: int,
    due_date: date,
    currency: str,
    principal: int,
    fee: int,
    paid: int,
    status: str | Status,
    days_overdue: int = 0,
    penalty: int = 0,
    charge: Charge = Charge.FEE,
) -> InstallmentRow:
    """A row with ``paid`` paid towards principal and fee (no penalty paid)."""
    return InstallmentRow(
        plan_id=plan_id,
        plan_name=plan_name,
        currency=currency,
        period=period,
        periods=periods,
        due_date=due_date,
        principal=principal,
        fee=fee,
        paid=paid,
        penalty_paid=0,
        penalty=penalty,
        status=Status(status),
        days_overdue=days_overdue,
        platform=platform,
        charge=charge,
    )
