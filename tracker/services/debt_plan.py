"""Prepaying a loan and planning to be debt-free, over the stored plans (read-only quotes).

``prepay_quote`` quotes a partial prepayment of a loan both ways (keep the term / keep the
payment) from the plan's stored schedule and payments; ``payoff_plan`` orders every open plan
by avalanche or snowball and simulates a monthly extra budget (``tracker.domain.planner``).
Both record nothing.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from tracker.domain.payoff import PayoffPolicy
from tracker.domain.plan import Installment, Model
from tracker.domain.planner import Debt, PlannerResult, Strategy, plan_payoff
from tracker.domain.prepay import PrepayQuote
from tracker.storage.engine import Database
from tracker.storage.models import InstallmentRecord, PlanRecord

from .plans import get_record
from .prepayments import prepay_state

__all__ = ["payoff_plan", "prepay_quote"]


def prepay_quote(
    db: Database, plan_id: int, amount: int, on: date
) -> tuple[PrepayQuote, PrepayQuote]:
    """Both choices of prepaying ``amount`` of loan ``plan_id``'s principal on ``on``:
    (keep the term, keep the payment). The periods settled by ``on`` are the paid ones."""
    with db.read_session() as s:
        return prepay_state(get_record(s, plan_id), amount, on)[2]


def payoff_plan(
    db: Database, budget: int, strategy: Strategy | str, as_of: date, currency: str = "CNY"
) -> PlannerResult:
    """Where ``budget`` a month goes by ``strategy`` from ``as_of``, over every open plan (not
    closed, not archived) in ``currency``, from what each still owes."""
    with db.read_session() as s:
        plans = list(
            s.execute(
                select(PlanRecord).where(
                    PlanRecord.closed_on.is_(None),
                    PlanRecord.archived.is_(False),
                    PlanRecord.currency == currency,
                )
            ).scalars()
        )
        rows = s.execute(
            select(InstallmentRecord)
            .where(InstallmentRecord.plan_id.in_([p.id for p in plans]))
            .order_by(InstallmentRecord.plan_id, InstallmentRecord.period)
        ).scalars()
        left: dict[int, list[Installment]] = {p.id: [] for p in plans}
        scheduled: dict[int, Installment] = {}  # each plan's first unsettled period, as scheduled
        for r in rows:
            principal, fee = r.principal - r.paid_principal, r.fee - r.paid_fee
            if principal or fee:
                left[r.plan_id].append(Installment(r.period, r.due_date, principal, fee))
                scheduled.setdefault(
                    r.plan_id, Installment(r.period, r.due_date, r.principal, r.fee)
                )
        debts = [_debt(p, left[p.id], scheduled[p.id]) for p in plans if left[p.id]]
    return plan_payoff(debts, budget, strategy, as_of)


def _debt(rec: PlanRecord, left: list[Installment], full: Installment) -> Debt:
    """A plan as the planner sees it; a loan keeps ``full``'s payment (annuity) or principal
    part (equal principal) after a prepayment."""
    model = Model(rec.model)
    loan = model in (Model.ANNUITY, Model.EQUAL_PRINCIPAL)
    return Debt(
        plan_id=rec.id,
        name=rec.name,
        apr=rec.apr,
        installments=tuple(left),
        policy=PayoffPolicy(rec.payoff_policy),
        penalty_pct=rec.payoff_penalty_pct,
        loan_rate=rec.rate if loan else None,
        loan_part=(full.principal if model is Model.EQUAL_PRINCIPAL else full.total) if loan else 0,
        part_is_principal=model is Model.EQUAL_PRINCIPAL,
    )
