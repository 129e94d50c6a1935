"""Stored settlements: the state read from what was settled at write time is exactly the
state a full replay gives, on every date the fast path is allowed (``needs_replay`` false)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain import Model, PlanTerms, build_schedule
from tracker.domain.ledger import (
    LedgerRules,
    Payment,
    PaymentError,
    Replay,
    Status,
    check_payment,
    evaluate,
    needs_replay,
    settle,
    state_from_settlements,
)

FIRST = date(2026, 1, 31)


@st.composite
def ledgers(draw: st.DrawFn) -> tuple[PlanTerms, LedgerRules, list[Payment], date]:
    model = draw(st.sampled_from([Model.FLAT, Model.TOTAL, Model.INTEREST_FREE, Model.ANNUITY]))
    rate = {Model.FLAT: "0.006", Model.TOTAL: "0.045", Model.ANNUITY: "0.12"}.get(model, "0")
    terms = PlanTerms(
        model,
        draw(st.integers(100, 500_000)),
        draw(st.integers(1, 12)),
        FIRST,
        Decimal(rate),
    )
    rules = LedgerRules(
        grace_days=draw(st.sampled_from([0, 3])),
        tolerance=draw(st.sampled_from([0, 1000])),
        penalty_daily_rate=draw(st.sampled_from([Decimal(0), Decimal("0.0005")])),
        reminder_days=7,
    )
    schedule = build_schedule(terms).installments
    payments: list[Payment] = []
    owed = sum(i.total for i in schedule)
    for pid in range(1, draw(st.integers(0, 8)) + 1):
        day = FIRST + timedelta(days=draw(st.integers(-20, 400)))
        amount = draw(st.integers(1, max(1, owed // 3)))
        payments.append(Payment(day, amount, pid, voided=draw(st.booleans())))
    as_of = FIRST + timedelta(days=draw(st.integers(-30, 420)))
    return terms, rules, payments, as_of


@settings(max_examples=300, deadline=None)
@given(ledgers())
def test_stored_settlements_give_the_replayed_state(
    case: tuple[PlanTerms, LedgerRules, list[Payment], date],
) -> None:
    terms, rules, payments, as_of = case
    items = build_schedule(terms).installments
    # Only payments the ledger accepts are ever stored.
    kept: list[Payment] = []
    for p in payments:
        try:
            check_payment(items, kept, rules, p)
        except PaymentError:
            continue
        kept.append(p)
    stored = settle(items, kept, rules)
    last = max((p.date for p in kept if not p.voided), default=None)
    fast = needs_replay(items, stored, rules, as_of, last)
    replayed = evaluate(items, kept, rules, as_of)
    if not fast:
        assert state_from_settlements(items, stored, rules, as_of) == replace(
            replayed, allocations=()
        )
    if last is None or as_of >= last:
        # Settlements are the replay's paid parts, whatever the date.
        assert [(s.paid_principal, s.paid_fee, s.paid_penalty) for s in stored] == [
            (s.paid_principal, s.paid_fee, s.paid_penalty) for s in replayed.installments
        ]


def test_a_late_partial_payment_on_a_penalty_plan_needs_the_replay() -> None:
    terms = PlanTerms(Model.FLAT, 360000, 12, date(2026, 6, 15), Decimal("0.006"))
    items = build_schedule(terms).installments
    rules = LedgerRules(penalty_daily_rate=Decimal("0.0005"))
    pays = [Payment(date(2026, 6, 20), 10000, 1)]
    stored = settle(items, pays, rules)
    assert stored[0].paid_penalty == 80 and stored[0].settled_on is None  # 321.60 × 0.05% × 5
    assert needs_replay(items, stored, rules, date(2026, 7, 1), date(2026, 6, 20))
    assert not needs_replay(items, stored, LedgerRules(), date(2026, 7, 1), date(2026, 6, 20))
    assert needs_replay(items, stored, LedgerRules(), date(2026, 6, 19), date(2026, 6, 20))
    state = state_from_settlements(items, stored, LedgerRules(), date(2026, 7, 10))
    assert [s.status for s in state.installments[:2]] == [Status.OVERDUE, Status.DUE_SOON]
    assert state.installments[0].remaining == 32160 - (10000 - 80)


@settings(max_examples=200, deadline=None)
@given(ledgers())
def test_one_pass_replay_decides_like_check_payment(
    case: tuple[PlanTerms, LedgerRules, list[Payment], date],
) -> None:
    """An import checks a plan's payments in one pass; it must accept and refuse exactly what
    check_payment (a full replay per payment) does, and end with the same settlements."""
    terms, rules, payments, _ = case
    items = build_schedule(terms).installments
    ordered = sorted((p for p in payments if not p.voided), key=lambda p: (p.date, p.id))
    replay = Replay(items, rules)
    accepted: list[Payment] = []
    for p in ordered:
        assert replay.in_order(p)
        fits = p.amount <= replay.owed_on(p.date)
        try:
            check_payment(items, accepted, rules, p)
            expected = True
        except PaymentError:
            expected = False
        assert fits == expected
        if fits:
            assert replay.apply(p) == 0
            accepted.append(p)
    assert replay.settlements() == settle(items, accepted, rules)


def test_a_late_installment_with_no_payment_since_owes_one_accrual_without_a_replay() -> None:
    terms = PlanTerms(Model.FLAT, 360000, 12, date(2026, 6, 15), Decimal("0.006"))
    items = build_schedule(terms).installments
    rules = LedgerRules(grace_days=3, penalty_daily_rate=Decimal("0.0005"))
    pays = [Payment(date(2026, 6, 10), 32160, 1)]  # period 1 paid early; period 2 never
    stored = settle(items, pays, rules)
    as_of = date(2026, 8, 14)  # period 2 (07-15) is 30 days late
    assert not needs_replay(items, stored, rules, as_of, date(2026, 6, 10))
    fast = state_from_settlements(items, stored, rules, as_of)
    assert fast == replace(evaluate(items, pays, rules, as_of), allocations=())
    late = fast.installments[1]
    assert (late.status, late.days_overdue, late.penalty_due) == (Status.OVERDUE, 30, 482)
    # 321.60 × 0.05% × 30 = 4.824 → 4.82; in grace (3 days) nothing is charged yet.
    in_grace = state_from_settlements(items, stored, rules, date(2026, 7, 18)).installments[1]
    assert (in_grace.status, in_grace.penalty_due) == (Status.GRACE, 0)
