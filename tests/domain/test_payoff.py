"""Early payoff (提前结清): quotes under each policy and the schedule a payoff leaves behind.

Reference plan (domain-rules.md): 3600.00 over 12 periods at 0.6% flat, first due 2024-01-31,
12 × 32160 fen (30000 principal + 2160 fee). The rules' worked example: 4 periods paid,
``charge_all_fees`` → 2400.00 + 8 × 21.60 = 2572.80.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain import Model, PlanTerms, build_schedule, format_amount
from tracker.domain.ledger import LedgerRules, Payment, Status, evaluate
from tracker.domain.payoff import PayoffPolicy, PayoffQuote, apply_payoff, quote_payoff
from tracker.domain.plan import Installment

TERMS = PlanTerms(Model.FLAT, 360000, 12, date(2024, 1, 31), Decimal("0.006"))
PLAN = build_schedule(TERMS).installments
EACH, FEE, PRINCIPAL = 32160, 2160, 30000
OFF = LedgerRules()
RATE = Decimal("0.0005")
PCT = Decimal("0.03")
MAY15 = date(2024, 5, 15)  # between period 4 (04-30) and period 5 (05-31)
MAY31 = date(2024, 5, 31)  # period 5's due date


def paid_on_due(n: int) -> list[Payment]:
    """The first ``n`` installments, each paid in full on its due date."""
    return [Payment(PLAN[k].due_date, EACH, id=k + 1) for k in range(n)]


FOUR_PAID = paid_on_due(4)


def settle(
    installments, payments, rules: LedgerRules, quote: PayoffQuote
) -> tuple[tuple[Installment, ...], list[Payment]]:
    """Apply the payoff and record one payment of the quoted amount on the quote's date."""
    new = apply_payoff(installments, payments, rules, quote)
    next_id = max((p.id or 0 for p in payments), default=0) + 1
    return new, [*payments, Payment(quote.date, quote.amount, id=next_id)]


def assert_payoff_closes_the_plan(installments, payments, rules, quote: PayoffQuote) -> None:
    """One payment of quote.amount on quote.date settles everything, and the books balance."""
    before = evaluate(installments, payments, rules, quote.date)
    new, with_payoff = settle(installments, payments, rules, quote)
    # Same periods, due dates and principal; only fees change. When every installment is
    # already due, a payoff charge comes as one extra zero-principal installment due that day.
    extra = new[len(installments) :]
    assert [(i.period, i.due_date, i.principal) for i in new[: len(installments)]] == [
        (i.period, i.due_date, i.principal) for i in installments
    ]
    assert [(i.due_date, i.principal, i.fee) for i in extra] in (
        [],
        [(quote.date, 0, quote.charge)],
    )
    assert all(i.fee >= 0 for i in new)
    # What the new schedule still asks for on the payoff date is exactly the quote.
    assert evaluate(new, payments, rules, quote.date).balance == quote.amount
    after = evaluate(new, with_payoff, rules, quote.date)
    assert after.settled, f"{format_amount(after.balance)} still owed after the payoff"
    assert after.balance == 0
    assert all(s.status is Status.PAID for s in after.installments)
    # Σ fee of the new schedule = fees already paid + fees charged by the quote + payoff charge.
    paid_fees = sum(s.paid_fee for s in before.installments)
    assert sum(i.fee for i in new) == paid_fees + quote.fees + quote.charge
    # And it stays settled later on.
    assert evaluate(new, with_payoff, rules, quote.date + timedelta(days=400)).settled


# --- the domain-rules example --------------------------------------------------------------


@pytest.mark.parametrize("on", [MAY15, MAY31, date(2024, 12, 31)])
def test_charge_all_fees_is_the_rules_example(on):
    quote = quote_payoff(PLAN, FOUR_PAID, OFF, PayoffPolicy.CHARGE_ALL_FEES, on)
    assert quote == PayoffQuote(on, 240000, 8 * FEE, 0, 0, 0)
    assert quote.amount == 257280
    assert format_amount(quote.amount) == "2572.80"


def test_charge_all_fees_equals_the_ledger_balance():
    quote = quote_payoff(PLAN, FOUR_PAID, OFF, PayoffPolicy.CHARGE_ALL_FEES, MAY15)
    assert quote.amount == evaluate(PLAN, FOUR_PAID, OFF, MAY15).balance


def test_waive_future_fees_between_periods_charges_principal_only():
    quote = quote_payoff(PLAN, FOUR_PAID, OFF, PayoffPolicy.WAIVE_FUTURE_FEES, MAY15)
    assert quote == PayoffQuote(MAY15, 240000, 0, 0, 0, 8 * FEE)
    assert quote.amount == 240000


def test_waive_future_fees_on_a_due_date_charges_that_installments_fee():
    quote = quote_payoff(PLAN, FOUR_PAID, OFF, PayoffPolicy.WAIVE_FUTURE_FEES, MAY31)
    assert (quote.principal, quote.fees, quote.waived) == (240000, FEE, 7 * FEE)
    assert quote.amount == 242160
    day_before = quote_payoff(
        PLAN, FOUR_PAID, OFF, PayoffPolicy.WAIVE_FUTURE_FEES, MAY31 - timedelta(days=1)
    )
    assert (day_before.fees, day_before.amount) == (0, 240000)


def test_waive_future_fees_keeps_fees_of_overdue_installments():
    # Only 3 paid; April's installment is overdue on 05-15, its fee stays.
    quote = quote_payoff(PLAN, paid_on_due(3), OFF, PayoffPolicy.WAIVE_FUTURE_FEES, MAY15)
    assert (quote.principal, quote.fees, quote.waived) == (270000, FEE, 8 * FEE)
    assert quote.amount == 272160


def test_penalty_pct_adds_a_share_of_the_remaining_principal():
    quote = quote_payoff(PLAN, FOUR_PAID, OFF, PayoffPolicy.PENALTY_PCT, MAY15, PCT)
    # 3% of 2400.00 = 72.00, on top of waive_future_fees' 2400.00.
    assert quote == PayoffQuote(MAY15, 240000, 0, 7200, 7200, 8 * FEE)
    assert quote.amount == 247200


def test_penalty_pct_charge_is_rounded_half_up():
    # Period 5 paid in part leaves 2360.00 of principal: 0.0125% of it is 29.5 fen → 30.
    paid_ahead = [*FOUR_PAID, Payment(MAY15, FEE + 4000, id=5)]  # principal left 236000
    quote = quote_payoff(
        PLAN, paid_ahead, OFF, PayoffPolicy.PENALTY_PCT, MAY15, Decimal("0.000125")
    )
    assert quote.principal == 236000
    assert quote.charge == 30  # 29.5 → 30, half-up
    assert quote.penalty == 30


def test_penalty_pct_of_zero_is_waive_future_fees():
    zero = quote_payoff(PLAN, FOUR_PAID, OFF, PayoffPolicy.PENALTY_PCT, MAY15, Decimal(0))
    waive = quote_payoff(PLAN, FOUR_PAID, OFF, PayoffPolicy.WAIVE_FUTURE_FEES, MAY15)
    assert zero == waive


@pytest.mark.parametrize(
    ("policy", "on"),
    [
        (PayoffPolicy.CHARGE_ALL_FEES, MAY15),
        (PayoffPolicy.WAIVE_FUTURE_FEES, MAY15),
        (PayoffPolicy.WAIVE_FUTURE_FEES, MAY31),
        (PayoffPolicy.PENALTY_PCT, MAY15),
        (PayoffPolicy.PENALTY_PCT, MAY31),
    ],
)
def test_paying_the_quote_settles_the_rules_example(policy, on):
    quote = quote_payoff(PLAN, FOUR_PAID, OFF, policy, on, PCT)
    assert_payoff_closes_the_plan(PLAN, FOUR_PAID, OFF, quote)


def test_apply_payoff_waives_future_fees_and_puts_the_charge_on_the_first_open_installment():
    quote = quote_payoff(PLAN, FOUR_PAID, OFF, PayoffPolicy.PENALTY_PCT, MAY15, PCT)
    new = apply_payoff(PLAN, FOUR_PAID, OFF, quote)
    assert [i.fee for i in new] == [FEE] * 4 + [7200] + [0] * 7
    assert sum(i.fee for i in new) == 4 * FEE + 7200


def test_apply_payoff_charge_all_fees_leaves_the_schedule_as_it_was():
    quote = quote_payoff(PLAN, FOUR_PAID, OFF, PayoffPolicy.CHARGE_ALL_FEES, MAY15)
    assert apply_payoff(PLAN, FOUR_PAID, OFF, quote) == PLAN


# --- payoff after partial and early payments -----------------------------------------------


def test_payoff_after_paying_ahead_into_the_next_installment():
    payments = [Payment(date(2024, 1, 10), 40000, id=1)]  # period 1 + fee 21.60 + 56.80 of P2
    on = date(2024, 1, 15)
    quote = quote_payoff(PLAN, payments, OFF, PayoffPolicy.WAIVE_FUTURE_FEES, on)
    assert (quote.principal, quote.fees, quote.waived) == (324320, 0, 10 * FEE)
    assert quote.amount == 324320
    assert_payoff_closes_the_plan(PLAN, payments, OFF, quote)
    new = apply_payoff(PLAN, payments, OFF, quote)
    assert [i.fee for i in new[:3]] == [FEE, FEE, 0]  # P2's fee was already paid: kept


def test_payoff_when_a_fee_was_paid_in_part():
    payments = [Payment(date(2024, 1, 10), EACH + 1000, id=1)]  # 10.00 of P2's fee paid
    on = date(2024, 1, 15)
    quote = quote_payoff(PLAN, payments, OFF, PayoffPolicy.WAIVE_FUTURE_FEES, on)
    assert (quote.principal, quote.fees, quote.waived) == (330000, 0, 11 * FEE - 1000)
    new = apply_payoff(PLAN, payments, OFF, quote)
    assert new[1].fee == 1000
    assert_payoff_closes_the_plan(PLAN, payments, OFF, quote)


def test_payoff_of_a_settled_plan_is_zero():
    payments = paid_on_due(12)
    for policy in PayoffPolicy:
        quote = quote_payoff(PLAN, payments, OFF, policy, date(2025, 2, 1), PCT)
        assert quote.amount == 0
        assert apply_payoff(PLAN, payments, OFF, quote) == PLAN


def test_payoff_before_the_first_due_date():
    on = date(2024, 1, 5)
    quote = quote_payoff(PLAN, [], OFF, PayoffPolicy.PENALTY_PCT, on, PCT)
    assert quote == PayoffQuote(on, 360000, 0, 10800, 10800, 12 * FEE)
    assert_payoff_closes_the_plan(PLAN, [], OFF, quote)


# --- overdue penalty in a payoff -----------------------------------------------------------


PENALTY = LedgerRules(penalty_daily_rate=RATE)
ON = date(2024, 3, 15)  # February unpaid and 15 days late: 32160 × 0.0005 × 15 = 241.2 → 241
JAN_PAID = paid_on_due(1)


@pytest.mark.parametrize("policy", list(PayoffPolicy))
def test_overdue_penalty_is_always_in_the_quote(policy):
    quote = quote_payoff(PLAN, JAN_PAID, PENALTY, policy, ON, PCT)
    charge = 9900 if policy is PayoffPolicy.PENALTY_PCT else 0  # 3% of 3300.00
    assert quote.principal == 330000
    assert quote.charge == charge
    assert quote.penalty == 241 + charge
    fees = 11 * FEE if policy is PayoffPolicy.CHARGE_ALL_FEES else FEE
    assert quote.fees == fees
    assert quote.amount == 330000 + fees + 241 + charge


@pytest.mark.parametrize("policy", list(PayoffPolicy))
def test_paying_a_quote_with_overdue_penalty_settles_the_plan(policy):
    quote = quote_payoff(PLAN, JAN_PAID, PENALTY, policy, ON, PCT)
    assert_payoff_closes_the_plan(PLAN, JAN_PAID, PENALTY, quote)


def test_penalty_pct_charge_does_not_make_a_tolerated_remainder_accrue_penalty():
    # January paid on time but 10.00 short: within the tolerance, no penalty, status partial.
    rules = LedgerRules(tolerance=1000, penalty_daily_rate=RATE)
    payments = [Payment(date(2024, 1, 31), EACH - 1000, id=1)]
    on = date(2024, 3, 1)
    assert evaluate(PLAN, payments, rules, on).installments[0].status is Status.PARTIAL
    quote = quote_payoff(PLAN, payments, rules, PayoffPolicy.PENALTY_PCT, on, PCT)
    # 3% of 3310.00 = 99.30; February is 1 day late: 32160 × 0.0005 = 16.08 → 16.
    assert (quote.principal, quote.fees, quote.charge, quote.penalty) == (331000, FEE, 9930, 9946)
    assert_payoff_closes_the_plan(PLAN, payments, rules, quote)


def test_payoff_within_grace_owes_no_penalty():
    rules = LedgerRules(grace_days=3, penalty_daily_rate=RATE)
    on = date(2024, 3, 3)  # February due + 3
    quote = quote_payoff(PLAN, JAN_PAID, rules, PayoffPolicy.CHARGE_ALL_FEES, on)
    assert quote.penalty == 0
    assert quote.amount == 330000 + 11 * FEE
    assert_payoff_closes_the_plan(PLAN, JAN_PAID, rules, quote)


# --- properties ------------------------------------------------------------------------------

START = date(2023, 12, 1)
END = date(2025, 3, 1)

plans = st.builds(
    lambda principal, periods, rate: (
        build_schedule(
            PlanTerms(Model.FLAT, principal, periods, date(2024, 1, 31), rate)
        ).installments
    ),
    principal=st.integers(100, 500000),
    periods=st.integers(1, 12),
    rate=st.sampled_from([Decimal(0), Decimal("0.006"), Decimal("0.0075")]),
)


@st.composite
def histories(draw, penalty_rates=(Decimal(0),)):
    """A plan, its rules and payments each within the balance on its date."""
    installments = draw(plans)
    rules = LedgerRules(
        grace_days=draw(st.integers(0, 5)),
        tolerance=draw(st.sampled_from([0, 0, 100, 1000])),
        penalty_daily_rate=draw(st.sampled_from(penalty_rates)),
    )
    offsets = sorted(draw(st.lists(st.integers(0, (END - START).days), max_size=6)))
    payments: list[Payment] = []
    for n, offset in enumerate(offsets, start=1):
        day = START + timedelta(days=offset)
        balance = evaluate(installments, payments, rules, day).balance
        if balance == 0:
            break
        payments.append(Payment(day, draw(st.integers(1, balance)), id=n))
    last = payments[-1].date if payments else START
    on = last + timedelta(days=draw(st.integers(0, 120)))
    return installments, rules, payments, on


policies = st.sampled_from(list(PayoffPolicy))
percents = st.sampled_from([Decimal(0), Decimal("0.01"), Decimal("0.03"), Decimal("0.0125")])


@given(histories(), policies, percents)
def test_property_paying_the_quote_settles_the_plan_without_penalty(history, policy, pct):
    installments, rules, payments, on = history
    quote = quote_payoff(installments, payments, rules, policy, on, pct)
    assert quote.amount >= 0
    assert quote.principal == evaluate(installments, payments, rules, on).remaining_principal
    assert_payoff_closes_the_plan(installments, payments, rules, quote)


@given(histories(penalty_rates=(Decimal("0.0005"),)), policies)
def test_property_paying_the_quote_settles_the_plan_with_penalty(history, policy):
    installments, rules, payments, on = history
    quote = quote_payoff(installments, payments, rules, policy, on, Decimal(0))
    assert_payoff_closes_the_plan(installments, payments, rules, quote)


@given(histories(penalty_rates=(Decimal(0), Decimal("0.0005"))), percents)
def test_property_policies_order_by_cost(history, pct):
    installments, rules, payments, on = history
    quote = {p: quote_payoff(installments, payments, rules, p, on, pct) for p in list(PayoffPolicy)}
    waive = quote[PayoffPolicy.WAIVE_FUTURE_FEES]
    charge_all = quote[PayoffPolicy.CHARGE_ALL_FEES]
    pct_quote = quote[PayoffPolicy.PENALTY_PCT]
    assert waive.amount <= charge_all.amount
    assert charge_all.amount == evaluate(installments, payments, rules, on).balance
    assert pct_quote.amount == waive.amount + pct_quote.charge
    assert waive.fees + waive.waived == charge_all.fees
