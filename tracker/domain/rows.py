"""The row records every list, export and printout shows: one installment, one payment.

One meaning each, everywhere (screens, CSV, calendar feed, printed sheets, the CLI):

- ``remaining``: the unpaid principal + fee of an installment;
- ``penalty``: penalty charged and not yet paid;
- ``amount_due``: what is still owed on it, ``remaining + penalty``.

Services build these from the ledger's ``InstallmentState`` (``InstallmentRow.of``); reports
and views only read them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import MISSING, dataclass, fields
from typing import Any, TypeVar

from .ledger import InstallmentState, Status
from .plan import Charge

__all__ = ["InstallmentRow", "PaymentRow"]


_T = TypeVar("_T")


def _slot_init(cls: type[_T]) -> type[_T]:
    """Give a frozen, slotted dataclass an ``__init__`` with the same parameters and defaults
    that fills each slot through its descriptor: the dataclass's own looks
    ``object.__setattr__`` up again for every field (2.8 µs for a 15-field row, 1.5 here; a
    long ``tracker due`` makes thousands). Assignment afterwards still raises, as frozen."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    scope: dict[str, Any] = {}
    params = []
    for f in fields(cls):  # type: ignore[arg-type]
        assert f.default_factory is MISSING and f.init, f.name  # not needed, not supported
        scope[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is MISSING:
            params.append(f.name)
        else:
            scope[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
    body = "".join(f"    _set_{n}(self, {n})\n" for n in names)
    exec(f"def __init__(self, {', '.join(params)}):\n{body}", scope)  # from field names only
    cls.__init__ = scope["__init__"]  # type: ignore[method-assign]
    return cls


@_slot_init
@dataclass(frozen=True, slots=True)
class InstallmentRow:
    """One installment of one plan, as of a date.

    Attributes:
        plan_id / plan_name / platform / currency: the plan it belongs to.
        charge: what the plan's finance charge is called (fee, or interest for a loan).
        period: the period number (1-based), of ``periods`` in the plan.
        due_date: when it is due.
        principal / fee: the scheduled parts (``total`` is their sum).
        paid: everything paid towards it, penalty included.
        penalty_paid: the part of ``paid`` that went to penalty.
        penalty: penalty charged and not yet paid.
        status: paid, partial, upcoming, due_soon, due_today, grace or overdue.
        days_overdue: days since the due date while unpaid (0 otherwise).
    """

    plan_id: int
    plan_name: str
    currency: str
    period: int
    periods: int
    due_date: dt.date
    principal: int
    fee: int
    paid: int
    penalty_paid: int
    penalty: int
    status: Status
    days_overdue: int
    platform: str = ""
    charge: Charge = Charge.FEE

    @property
    def total(self) -> int:
        """The scheduled amount: principal + fee."""
        return self.principal + self.fee

    @property
    def remaining(self) -> int:
        """Unpaid principal + fee."""
        return self.total - (self.paid - self.penalty_paid)

    @property
    def amount_due(self) -> int:
        """What is still owed on it: ``remaining + penalty``."""
        return self.remaining + self.penalty

    @property
    def penalty_charged(self) -> int:
        """All penalty charged so far, paid or not."""
        return self.penalty + self.penalty_paid

    @property
    def overdue(self) -> bool:
        """Past its due date and grace days with something unpaid."""
        return self.status is Status.OVERDUE and self.amount_due > 0

    @classmethod
    def of(
        cls,
        state: InstallmentState,
        plan_id: int,
        plan_name: str,
        currency: str,
        periods: int,
        platform: str = "",
        charge: Charge = Charge.FEE,
    ) -> InstallmentRow:
        """The row of one installment's ledger state."""
        inst = state.installment
        return cls(
            plan_id=plan_id,
            plan_name=plan_name,
            currency=currency,
            period=inst.period,
            periods=periods,
            due_date=inst.due_date,
            principal=inst.principal,
            fee=inst.fee,
            paid=state.paid,
            penalty_paid=state.paid_penalty,
            penalty=state.penalty_due,
            status=state.status,
            days_overdue=state.days_overdue,
            platform=platform,
            charge=charge,
        )


@dataclass(frozen=True, slots=True)
class PaymentRow:
    """One payment of the history (or of an import file, whose ``id`` may be missing).

    Attributes:
        id: the stored id (``None`` for a file row without one).
        plan_id / plan_name / currency: the plan it was paid on.
        date: the day it was paid.
        amount: minor units.
        method / note: how it was paid, free text.
        voided: kept in the history but settles nothing.
        kind: ``payment``, ``payoff`` (an early payoff), ``prior`` (paid before tracking) or
            ``prepayment`` (part of a loan's principal repaid early).
        bill_payment_id: the bill payment this is one part of (``None``: paid on its own).
        prepay: for a ``prepayment``, its stored detail (JSON: the lender's choice, the
            periods paid before it and the rows it replaced); ``""`` otherwise.
    """

    id: int | None
    plan_id: int
    plan_name: str
    currency: str
    date: dt.date
    amount: int
    method: str = ""
    note: str = ""
    voided: bool = False
    kind: str = "payment"
    bill_payment_id: int | None = None
    prepay: str = ""
