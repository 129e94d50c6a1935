"""Accounts, bills, the minimum-payment trap, reconciliation and partial prepayment, to the fen
(domain-rules.md, "Accounts and bills" and "Partial prepayment of a loan")."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tracker.domain.accounts import (
    MONTH_END,
    AccountKind,
    AccountTerms,
    DueRule,
    InterestRule,
    default_terms,
)
from tracker.domain.bills import Bill, BillLine, Purchase, late_fee, quote_part_payment
from tracker.domain.errors import UserError
from tracker.domain.plan import FeeRounding, Model, PlanTerms
from tracker.domain.prepay import Keep, quote_both, quote_prepayment
from tracker.domain.reconcile import alternatives, reconcile
from tracker.domain.schedule import build_schedule

D = date
HUABEI = default_terms(AccountKind.HUABEI, 1, DueRule.day_of_month(10))
ICBC = AccountTerms(AccountKind.CREDIT_CARD, MONTH_END, DueRule.day_of_month(25))
CCB = AccountTerms(AccountKind.CREDIT_CARD, 5, DueRule.days_after(20))
BAITIAO = default_terms(AccountKind.BAITIAO, 20, DueRule.days_after(9))


# --- statements and due dates -----------------------------------------------------------------


def test_huabei_bill_closes_on_the_first_and_is_due_on_the_tenth() -> None:
    assert HUABEI.next_statement(D(2026, 3, 5)) == D(2026, 4, 1)
    assert HUABEI.due_date(D(2026, 4, 1)) == D(2026, 4, 10)
    # spending on the statement day itself goes on the next bill
    assert HUABEI.next_statement(D(2026, 4, 1)) == D(2026, 5, 1)


def test_icbc_month_end_statement_is_due_the_25th_of_the_next_month() -> None:
    assert ICBC.statement_in(2026, 2) == D(2026, 2, 28)
    assert ICBC.due_date(D(2026, 3, 31)) == D(2026, 4, 25)
    assert ICBC.due_date(D(2026, 2, 28)) == D(2026, 3, 25)


def test_days_after_rules() -> None:
    assert CCB.due_date(D(2026, 3, 5)) == D(2026, 3, 25)
    assert BAITIAO.due_date(D(2026, 1, 20)) == D(2026, 1, 29)
    assert BAITIAO.due_date(D(2026, 2, 20)) == D(2026, 3, 1)


def test_a_due_day_past_the_month_end_is_clamped() -> None:
    rule = DueRule.day_of_month(31)
    assert rule.due_after(D(2026, 3, 31)) == D(2026, 4, 30)
    assert rule.due_after(D(2026, 1, 31)) == D(2026, 2, 28)
    assert rule.due_after(D(2026, 1, 5)) == D(2026, 1, 31)


def test_a_plan_on_an_account_falls_due_on_each_statements_due_date() -> None:
    # 花呗: a 3-period plan bought on 2026-11-20 lands on the Dec, Jan and Feb bills.
    assert HUABEI.plan_due_dates(D(2026, 11, 20), 3) == [
        D(2026, 12, 10),
        D(2027, 1, 10),
        D(2027, 2, 10),
    ]
    # A month-end card: statements 2026-01-31, 02-28, 03-31 → due the 25th after each.
    assert ICBC.plan_due_dates(D(2026, 1, 15), 3) == [
        D(2026, 2, 25),
        D(2026, 3, 25),
        D(2026, 4, 25),
    ]
    # CCB statement day 5, + 20 days; posted on the 5th → the next month's statement.
    assert CCB.plan_due_dates(D(2026, 1, 5), 2) == [D(2026, 2, 25), D(2026, 3, 25)]


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda: AccountTerms("credit_card", 29, DueRule.days_after(20)), "1 to 28"),
        (lambda: AccountTerms("credit_card", -1, DueRule.days_after(20)), "1 to 28"),
        (lambda: DueRule.day_of_month(0), "1 to 31"),
        (lambda: DueRule.days_after(0), "1 to 60"),
        (lambda: DueRule.days_after(61), "1 to 60"),
        (
            lambda: AccountTerms("credit_card", 5, DueRule.days_after(20), min_percent=Decimal(2)),
            "0% to 100%",
        ),
        (
            lambda: AccountTerms("credit_card", 5, DueRule.days_after(20), late_fee_min=-1),
            "amount from 0",
        ),
        (
            lambda: AccountTerms(
                "credit_card", 5, DueRule.days_after(20), late_fee_min=1000, late_fee_max=500
            ),
            "below its floor",
        ),
    ],
)
def test_bad_account_terms_are_refused_with_what_is_accepted(make: object, words: str) -> None:
    with pytest.raises(UserError, match=words):
        make()  # type: ignore[operator]


# --- bills, the minimum and what paying less costs ----------------------------------------------


def _cmb_bill() -> Bill:
    """3,000.00 of spending posted 2026-03-11 and a 321.60 installment; due 2026-04-25."""
    return Bill(
        statement_date=D(2026, 3, 31),
        due_date=ICBC.due_date(D(2026, 3, 31)),
        lines=(BillLine(1, "小米手机", 1, 12, 32160, 2160),),
        purchases=(Purchase(D(2026, 3, 11), 300000),),
    )


def test_minimum_payment_is_ten_percent_of_spending_plus_every_installment() -> None:
    bill = _cmb_bill()
    assert bill.due_date == D(2026, 4, 25)
    assert bill.total == 332160
    assert bill.minimum(Decimal("0.10")) == 62160


def test_minimum_counts_fees_and_the_unpaid_part_of_the_previous_minimum() -> None:
    bill = Bill(
        D(2026, 3, 31),
        D(2026, 4, 25),
        purchases=(Purchase(D(2026, 3, 11), 300000),),
        fees_interest=10800,
        previous_minimum_unpaid=5000,
    )
    assert bill.minimum(Decimal("0.10")) == 30000 + 10800 + 5000
    assert bill.minimum(Decimal("0.05")) == 15000 + 10800 + 5000


def test_bank_card_charges_the_whole_statement_from_posting_when_only_the_minimum_is_paid() -> None:
    quote = quote_part_payment(_cmb_bill(), ICBC, rest_on=D(2026, 5, 25))
    assert quote.minimum == 62160
    assert quote.paid == 62160
    assert quote.rest == 270000
    assert [(line.basis, line.days, line.interest) for line in quote.lines] == [
        (300000, 45, 6750),
        (270000, 30, 4050),
    ]
    assert quote.interest == 10800
    assert quote.late_fee == 0


def test_paying_in_full_by_the_due_date_costs_nothing() -> None:
    bill = _cmb_bill()
    quote = quote_part_payment(bill, ICBC, paid=bill.total, rest_on=D(2026, 4, 25))
    assert quote.interest == 0 and quote.late_fee == 0 and quote.lines == ()


def test_huabei_charges_only_the_unpaid_part_from_the_day_after_the_due_date() -> None:
    bill = Bill(D(2026, 4, 1), D(2026, 4, 10), purchases=(Purchase(D(2026, 3, 20), 100000),))
    quote = quote_part_payment(bill, HUABEI, paid=10000, rest_on=D(2026, 5, 10))
    assert [(line.basis, line.days) for line in quote.lines] == [(90000, 30)]
    assert quote.interest == 1350
    assert quote.late_fee == 0
    assert HUABEI.interest_rule is InterestRule.UNPAID_ONLY


def test_cmb_late_fee_is_five_percent_of_the_unpaid_minimum_at_least_ten_yuan() -> None:
    assert late_fee(62160, ICBC) == 3108
    assert late_fee(10000, ICBC) == 1000  # 5.00 → the ¥10 floor
    assert late_fee(0, ICBC) == 0
    assert late_fee(62160, HUABEI) == 0


def test_a_minimum_paid_after_the_due_date_brings_the_late_fee() -> None:
    quote = quote_part_payment(_cmb_bill(), ICBC, paid_on=D(2026, 4, 26), rest_on=D(2026, 5, 25))
    assert quote.late_fee == 3108
    # the whole 3,000 accrues 46 days to the late payment, then 2,700 for 29 days
    assert [(line.basis, line.days, line.interest) for line in quote.lines] == [
        (300000, 46, 6900),
        (270000, 29, 3915),
    ]


def test_part_payment_refusals() -> None:
    bill = _cmb_bill()
    with pytest.raises(UserError, match=r"between 0 and the statement.s total 3321\.60"):
        quote_part_payment(bill, ICBC, paid=bill.total + 1, rest_on=D(2026, 5, 25))
    with pytest.raises(UserError, match="before the first part"):
        quote_part_payment(bill, ICBC, rest_on=D(2026, 4, 1))
    with pytest.raises(UserError, match="after the statement date"):
        Bill(D(2026, 3, 31), D(2026, 4, 25), purchases=(Purchase(D(2026, 4, 2), 100),))


# --- reconciliation ------------------------------------------------------------------------------


def test_reconcile_names_the_plan_whose_fee_rounding_explains_a_fen() -> None:
    huabei = PlanTerms(
        Model.TOTAL,
        100100,
        6,
        D(2026, 5, 10),
        Decimal("0.045"),
        fee_rounding=FeeRounding.HALF_EVEN,
    )
    first = build_schedule(huabei).installments[0]
    assert first.total == 17439
    line = BillLine(7, "耳机", 1, 6, first.total, first.fee)
    other = BillLine(8, "手机", 3, 12, 32160, 2160)
    result = reconcile(17439 + 32160 + 1, [(line, huabei), (other, None)])
    assert (result.statement, result.ours, result.difference) == (49600, 49599, 1)
    assert [(e.line.plan_id, str(e.reason), e.theirs) for e in result.explanations] == [
        (7, "the total fee rounded half-up", 17440)
    ]


def test_reconcile_remainder_in_the_other_period_and_a_missing_installment() -> None:
    flat = PlanTerms(Model.FLAT, 100000, 3, D(2026, 5, 10), Decimal("0.007"))
    first = build_schedule(flat).installments[0]
    assert first.total == 34034
    line = BillLine(3, "耳机", 1, 3, first.total, first.fee)
    assert [(str(r), a) for r, a in alternatives(flat, 1)] == [
        ("the remainder in the last period", 34033),
        ("the whole fee charged in period 1", 35434),
    ]
    result = reconcile(34033, [(line, flat)])
    assert [str(e.reason) for e in result.explanations] == ["the remainder in the last period"]
    missing = reconcile(0, [(line, flat)])
    assert [str(e.reason) for e in missing.explanations] == ["the statement does not carry it"]
    assert reconcile(34034, [(line, flat)]).matches


# --- partial prepayment of a loan ---------------------------------------------------------------

LOAN = PlanTerms(Model.ANNUITY, 10_000_000, 120, D(2025, 1, 15), Decimal("0.036"))


def test_prepayment_keep_the_term_lowers_the_payment() -> None:
    quote = quote_prepayment(LOAN, 12, 2_000_000, D(2025, 12, 20), Keep.TERM)
    assert quote.balance_before == 9_153_869
    assert quote.interest_before == 1_576_476
    assert quote.periods == 108
    assert quote.payment == 77647
    assert {i.total for i in quote.installments[:-1]} == {77647}
    assert quote.installments[-1].total == 77677
    assert quote.remaining_interest == 1_232_037
    assert sum(i.principal for i in quote.installments) == 7_153_869
    assert quote.installments[0].period == 13
    assert quote.installments[0].due_date == D(2026, 1, 15)
    assert quote.last_due == D(2034, 12, 15)


def test_prepayment_keep_the_payment_shortens_the_term() -> None:
    term, payment = quote_both(LOAN, 12, 2_000_000, D(2025, 12, 20))
    assert term.keep is Keep.TERM and payment.keep is Keep.PAYMENT
    assert payment.periods == 82
    assert payment.payment == 99355
    assert {i.total for i in payment.installments[:-1]} == {99355}
    assert payment.remaining_interest == 917_862
    assert payment.saved == 1_576_476 - 917_862
    assert sum(i.principal for i in payment.installments) == 7_153_869
    assert payment.last_due == D(2032, 10, 15)


def test_equal_principal_prepayment_both_ways() -> None:
    loan = PlanTerms(Model.EQUAL_PRINCIPAL, 1_200_000, 12, D(2026, 1, 10), Decimal("0.12"))
    term, payment = quote_both(loan, 2, 300_000, D(2026, 2, 10))
    # 10,000.00 left → keep the term: 10 × 700.00; keep the part (1,000.00): 7 periods
    assert [i.principal for i in term.installments] == [70000] * 10
    assert term.installments[0].fee == 7000  # 7,000.00 × 1%
    assert [i.principal for i in payment.installments] == [100000] * 7
    assert payment.installments[-1].fee == 1000
    assert sum(i.fee for i in payment.installments) == sum(range(1000, 8000, 1000))


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((12, 0, D(2025, 12, 20)), "positive amount"),
        ((12, 9_153_869, D(2025, 12, 20)), "pay the plan off instead"),
        ((12, 100, D(2026, 1, 15)), "record it first"),
        ((12, 100, D(2025, 12, 1)), "already paid"),
        ((120, 100, D(2035, 1, 1)), "0 to 119"),
    ],
)
def test_prepayment_refusals(args: tuple[int, int, date], words: str) -> None:
    with pytest.raises(UserError, match=words):
        quote_prepayment(LOAN, *args, Keep.TERM)


def test_only_loans_take_a_partial_prepayment() -> None:
    flat = PlanTerms(Model.FLAT, 360000, 12, D(2026, 1, 15), Decimal("0.006"))
    with pytest.raises(UserError, match="Only loans"):
        quote_prepayment(flat, 1, 1000, D(2026, 1, 20), "term")
