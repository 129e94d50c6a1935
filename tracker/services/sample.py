"""Sample data for a first look: five realistic plans, dated relative to ``as_of``.

``load_sample_data(db, as_of)`` stores, in one transaction:

- a Xiaomi phone on 小米分期 (flat 0.6%, 12 periods, bought ~5 months ago, every past
  installment paid by 支付宝) — active;
- a 花呗 purchase over 6 periods (total fee 4.5%), the next installment due in 4 days — due soon;
- a credit-card installment plan (信用卡分期, flat 0.75%, 12 periods, 3 grace days), its latest
  installment 2 days late — in grace;
- a car loan (等额本息, 4.5% a year, 36 months) paid by bank debit, next due in ~20 days — active;
- a 京东白条 plan with one installment unpaid for 10 days at 0.05% a day penalty — overdue.

``remove_plans(db, ids)`` deletes them again in one transaction (the GUI's undo).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from tracker.domain.dates import add_months
from tracker.domain.ledger import LedgerRules, Payment, check_payment
from tracker.domain.payoff import PayoffPolicy
from tracker.domain.plan import Model, PlanTerms
from tracker.domain.schedule import build_schedule
from tracker.storage.engine import Database
from tracker.storage.models import PaymentRecord, PlanRecord

from .convert import installment_records, write_input
from .model import Change, PlanInput, ServiceError
from .plans import validate_input

__all__ = ["SAMPLE_NOTE", "load_sample_data", "remove_plans"]

SAMPLE_NOTE = "示例数据，可随时删除 (sample data, safe to delete)"


@dataclass(frozen=True, slots=True)
class _Sample:
    """One sample plan: its input without dates, where its pivot installment falls, and how
    the installments before the pivot were paid.

    ``pivot_offset`` is the pivot installment's due date relative to as_of (days);
    ``paid_before`` is how many installments precede it (all paid by ``method``).
    """

    name: str
    platform: str
    model: Model
    principal: int
    periods: int
    rate: str
    pivot_offset: int
    paid_before: int
    method: str
    grace_days: int = 0
    tolerance: int = 0
    penalty: str = "0"
    payoff_policy: PayoffPolicy = PayoffPolicy.CHARGE_ALL_FEES
    payoff_penalty_pct: str = "0"


_SAMPLES = (
    _Sample("小米14 Pro 手机", "小米分期", Model.FLAT, 499900, 12, "0.006", 25, 5, "支付宝"),
    _Sample("戴森吹风机", "花呗", Model.TOTAL, 299900, 6, "0.045", 4, 2, "支付宝"),
    _Sample(
        "MacBook Air 账单分期",
        "招商银行信用卡",
        Model.FLAT,
        899900,
        12,
        "0.0075",
        -2,
        2,
        "储蓄卡还款",
        grace_days=3,
        tolerance=1000,
    ),
    _Sample(
        "比亚迪秦PLUS 车贷",
        "平安银行汽车金融",
        Model.ANNUITY,
        9000000,
        36,
        "0.045",
        20,
        8,
        "银行卡代扣",
        payoff_policy=PayoffPolicy.PENALTY_PCT,
        payoff_penalty_pct="0.02",
    ),
    _Sample(
        "空气净化器",
        "京东白条",
        Model.FLAT,
        159900,
        6,
        "0.005",
        -10,
        1,
        "京东支付",
        penalty="0.0005",
    ),
)


def _first_due(pivot: date, before: int) -> tuple[date, int]:
    """A first due date whose monthly schedule hits ``pivot`` after ``before`` periods.

    A pivot on the 29th-31st cannot always be reached from an earlier month (there is no
    30 February to anchor on), so fewer periods precede it then; returns (first_due, periods).
    """
    for k in range(before, -1, -1):
        first = add_months(pivot, -k)
        if add_months(first, k) == pivot:
            return first, k
    raise AssertionError("unreachable: k = 0 always round-trips")  # pragma: no cover


def _input(sample: _Sample, as_of: date) -> tuple[PlanInput, int]:
    first_due, before = _first_due(as_of + timedelta(days=sample.pivot_offset), sample.paid_before)
    terms = PlanTerms(
        model=sample.model,
        principal=sample.principal,
        periods=sample.periods,
        first_due=first_due,
        rate=Decimal(sample.rate),
    )
    data = PlanInput(
        name=sample.name,
        terms=terms,
        platform=sample.platform,
        purchase_date=add_months(first_due, -1),
        notes=SAMPLE_NOTE,
        grace_days=sample.grace_days,
        tolerance=sample.tolerance,
        penalty_daily_rate=Decimal(sample.penalty),
        payoff_policy=sample.payoff_policy,
        payoff_penalty_pct=Decimal(sample.payoff_penalty_pct),
    )
    return validate_input(data), before


def load_sample_data(db: Database, as_of: date) -> Change:
    """Store the five sample plans with their payments; ``Change.plan_ids`` names them."""
    plan_ids: set[int] = set()
    payment_ids: set[int] = set()
    with db.session() as s:
        for sample in _SAMPLES:
            data, before = _input(sample, as_of)
            items = build_schedule(data.terms).installments
            rec = PlanRecord(archived=False, closed_on=None, payoff_charge=0)
            write_input(rec, data)
            s.add(rec)
            s.flush()
            s.add_all(installment_records(rec.id, items))
            rules = LedgerRules(data.grace_days, data.tolerance, data.penalty_daily_rate)
            paid: list[Payment] = []
            for inst in items[:before]:
                on = max(inst.due_date - timedelta(days=1), data.purchase_date or inst.due_date)
                pay = Payment(min(on, as_of), inst.total, method=sample.method)
                check_payment(items, paid, rules, pay, data.terms.currency)
                paid.append(pay)
            rows = [
                PaymentRecord(
                    plan_id=rec.id,
                    date=p.date,
                    amount=p.amount,
                    method=p.method,
                    note="",
                    voided=False,
                    kind="payment",
                )
                for p in paid
            ]
            s.add_all(rows)
            s.flush()
            plan_ids.add(rec.id)
            payment_ids.update(r.id for r in rows)
    return Change("sample_loaded", frozenset(plan_ids), frozenset(payment_ids))


def remove_plans(db: Database, plan_ids: frozenset[int] | set[int]) -> Change:
    """Delete these plans with their schedules and payments in one transaction (undo of a load).

    Plans already gone are skipped; nothing is deleted if ``plan_ids`` is empty.
    """
    if not plan_ids:
        raise ServiceError("no plans to remove")
    with db.session() as s:
        recs = list(s.scalars(select(PlanRecord).where(PlanRecord.id.in_(plan_ids))))
        payments = frozenset(p.id for r in recs for p in r.payments)
        for rec in recs:
            s.delete(rec)
        return Change("plans_deleted", frozenset(r.id for r in recs), payments)
