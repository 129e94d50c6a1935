"""Paying a bill in the bill dialog is one undo entry: Ctrl+Z removes the bill payment and every
plan's part of it (the real SQLite rows), redo puts exactly those rows back."""

from __future__ import annotations

import sqlite3
from datetime import date

from tests.ui.test_accounts_gui import APRIL, cmb_card, plan_on
from tracker import services as sv
from tracker.services import accounts as acc
from tracker.services.bill_payments import bill_payment
from tracker.ui.bill_dialog import BillDialog
from tracker.ui.context import AppContext


def _rows(ctx: AppContext) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """Payments, bill payments and installments' paid columns as stored in the file."""
    con = sqlite3.connect(ctx.db.path)
    try:
        payments = con.execute(
            "SELECT id, plan_id, date, amount, kind, bill_payment_id, voided, note"
            " FROM payments ORDER BY id"
        ).fetchall()
        bills = con.execute(
            "SELECT id, account_id, statement_date, date, amount, spending, voided"
            " FROM bill_payments ORDER BY id"
        ).fetchall()
        plans = con.execute(
            "SELECT id, remaining, paid_periods, next_due FROM plans ORDER BY id"
        ).fetchall()
    finally:
        con.close()
    return payments, bills, plans


def test_pay_bill_undo_removes_it_whole_and_redo_restores_it(qtbot, ctx: AppContext) -> None:
    card = cmb_card(ctx)
    first = plan_on(ctx, card, "小米14")
    second = plan_on(ctx, card, "iPad")
    before = _rows(ctx)
    statuses: list[str] = []
    ctx.status.connect(statuses.append)
    dialog = BillDialog(ctx, card, statement=APRIL)
    qtbot.addWidget(dialog)
    dialog.show()
    pay = dialog.open_pay()
    assert pay is not None
    assert pay.amount.text() == "643.20"  # two installments of 321.60
    pay.on.setDate(pay.on.date().addMonths(-7))  # 2026-04-21
    ctx.interaction.answers = [True]
    pay.ok_button.click()
    after = _rows(ctx)
    payments, bills, _plans = after
    assert [(p[1], p[2], p[3], p[4]) for p in payments] == [
        (first, "2026-04-21", 32160, "payment"),
        (second, "2026-04-21", 32160, "payment"),
    ]
    assert len(bills) == 1 and bills[0][1:6] == (card, "2026-04-11", "2026-04-21", 64320, 0)
    assert {p[5] for p in payments} == {bills[0][0]}
    assert statuses[-1] == "Paid ¥643.20 towards the bill of 招商银行信用卡"
    assert ctx.undo_label() == "Pay bill of 招商银行信用卡"

    assert ctx.undo(dialog)
    assert _rows(ctx) == before  # no payment, no bill payment, balances as before
    assert sv.history(ctx.db, first) == [] and sv.history(ctx.db, second) == []
    assert statuses[-1] == "Undone: Pay bill of 招商银行信用卡"
    assert dialog.status.text() != "Installments paid"  # the dialog showed the undo

    assert ctx.redo(dialog)
    assert _rows(ctx) == after  # the same ids, amounts and bill payment row
    view = bill_payment(ctx.db, bills[0][0])
    assert view.parts == ((payments[0][0], first, 32160), (payments[1][0], second, 32160))
    assert acc.bill(ctx.db, card, APRIL, date(2026, 4, 21)).bill.total == 64320
    assert statuses[-1] == "Redone: Pay bill of 招商银行信用卡"
    assert dialog.status.text() == "Installments paid"
