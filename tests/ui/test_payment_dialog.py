"""The record-payment and payoff dialogs: prefill, validation in place, refusals inline, undo.

Plan: 3600.00 / 12 / 0.6% flat (321.60 a period), first due 2026-10-31; today is 2026-11-21,
so period 1 is 21 days overdue.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.domain.ledger import Status
from tracker.domain.payoff import PayoffPolicy
from tracker.domain.plan import Model, PlanTerms
from tracker.services.calendar import installments_between
from tracker.ui import payment_dialog
from tracker.ui.calendar_view import CalendarScreen
from tracker.ui.context import AppContext
from tracker.ui.payment_dialog import (
    PayoffDialog,
    RecordPaymentDialog,
    payoff_dialog,
    record_payment_dialog,
)
from tracker.ui.payments_view import PaymentsScreen


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def plan(ctx: AppContext) -> int:
    return add_flat_plan(ctx, name="小米14 Ultra")


@pytest.fixture
def dialog(qtbot, ctx: AppContext, plan: int) -> RecordPaymentDialog:
    d = RecordPaymentDialog(ctx, plan)
    qtbot.addWidget(d)
    return d


def live_payments(ctx: AppContext) -> list[tuple[date, int, str, str]]:
    return [(p.date, p.amount, p.method, p.note) for p in sv.history(ctx.db) if not p.voided]


def test_prefills_what_is_due_on_the_oldest_installment(dialog: RecordPaymentDialog) -> None:
    assert dialog.amount_edit.text() == "321.60"
    assert dialog.amount() == 32160
    assert "2026-10-31" in dialog.next_label.text()
    assert "¥321.60" in dialog.next_label.text()
    assert "21" in dialog.next_label.text()
    assert "¥3,859.20" in dialog.balance_label.text()
    assert dialog.date_edit.date() == QDate(2026, 11, 21)
    assert dialog.date_edit.maximumDate() == QDate(2026, 11, 21)
    assert dialog.date_edit.calendarPopup()
    assert dialog.ok_button.isEnabled()


def test_record_through_dialog_changes_every_view(qtbot, ctx: AppContext, plan: int) -> None:
    payments = PaymentsScreen(ctx)
    calendar = CalendarScreen(ctx)
    qtbot.addWidget(payments)
    qtbot.addWidget(calendar)
    assert calendar.grid.items_on(date(2026, 10, 31))[0].status is Status.OVERDUE
    d = RecordPaymentDialog(ctx, plan)
    qtbot.addWidget(d)
    d.method_combo.setEditText("支付宝")
    d.note_edit.setText("十月账单")
    with qtbot.waitSignal(ctx.changed):
        click(qtbot, d.ok_button)
    assert d.recorded and d.result() == RecordPaymentDialog.DialogCode.Accepted
    assert live_payments(ctx) == [(TODAY, 32160, "支付宝", "十月账单")]
    assert [(r.plan_name, r.amount) for r in payments.model.rows()] == [("小米14 Ultra", 32160)]
    assert payments.total_shown() == {"CNY": 32160}
    (item,) = calendar.grid.items_on(date(2026, 10, 31))
    assert (item.status, item.amount_due, item.paid) == (Status.PAID, 0, 32160)
    detail = sv.plan_detail(ctx.db, plan, TODAY)
    assert detail.state.periods_paid == 1
    assert detail.state.balance == 385920 - 32160


def test_full_width_amount_is_accepted(qtbot, dialog: RecordPaymentDialog, ctx) -> None:
    dialog.amount_edit.setText("３２１．６０")
    assert dialog.ok_button.isEnabled()
    assert not dialog.amount_error.isVisibleTo(dialog)
    click(qtbot, dialog.ok_button)
    assert live_payments(ctx) == [(TODAY, 32160, "", "")]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "Enter the amount"),
        ("12.345", "more than 2 decimal places"),
        ("abc", "not an amount"),
        ("0", "more than zero"),
        ("-5", "negative"),
    ],
)
def test_invalid_amount_marked_in_place_and_ok_disabled(
    qtbot, dialog: RecordPaymentDialog, ctx, text: str, reason: str
) -> None:
    dialog.amount_edit.setText(text)
    assert not dialog.ok_button.isEnabled()
    assert dialog.amount_error.isVisibleTo(dialog)
    assert reason in dialog.amount_error.text()
    assert dialog.amount() is None
    click(qtbot, dialog.ok_button)
    dialog.accept()  # even a forced accept stores nothing
    assert live_payments(ctx) == []
    dialog.amount_edit.setText("100")
    assert dialog.ok_button.isEnabled()
    assert not dialog.amount_error.isVisibleTo(dialog)


def test_over_payment_flagged_while_typing_nothing_stored(
    qtbot, dialog: RecordPaymentDialog, ctx: AppContext
) -> None:
    dialog.amount_edit.setText("3859.21")  # a fen over the balance: flagged before any click
    assert dialog.amount_error.isVisibleTo(dialog)
    assert "balance owed (¥3,859.20)" in dialog.amount_error.text()  # the GUI formats money
    assert not dialog.ok_button.isEnabled()
    click(qtbot, dialog.ok_button)
    dialog.accept()  # even a forced accept is refused by the service, shown in place
    assert "balance of ¥3,859.20" in dialog.service_error.text()
    assert not dialog.recorded and dialog.result() == 0
    assert live_payments(ctx) == []
    assert ctx.undo_label() is None
    assert ctx.interaction.errors == []  # shown in the dialog, not in a message box
    dialog.amount_edit.setText("3859.20")  # the whole balance is fine
    assert not dialog.amount_error.isVisibleTo(dialog)
    assert not dialog.service_error.isVisibleTo(dialog)
    click(qtbot, dialog.ok_button)
    assert live_payments(ctx) == [(TODAY, 385920, "", "")]
    assert sv.plan_detail(ctx.db, dialog.plan_id, TODAY).closed_on == TODAY


def test_past_date_and_other_method(qtbot, dialog: RecordPaymentDialog, ctx) -> None:
    dialog.date_edit.setDate(QDate(2026, 12, 1))  # after today: kept at today
    assert dialog.date_edit.date() == QDate(2026, 11, 21)
    dialog.date_edit.setDate(QDate(2026, 11, 1))
    other = dialog.method_combo.count() - 1
    assert dialog.method_combo.itemText(0) == "支付宝 (Alipay)"  # the brand, named in English too
    assert dialog.method_combo.itemData(0) == "支付宝"  # what is stored
    dialog.method_combo.setCurrentIndex(other)
    dialog.method_combo.activated.emit(other)
    assert dialog.method_combo.currentText() == ""
    dialog.method_combo.setEditText("招商银行储蓄卡")
    click(qtbot, dialog.ok_button)
    assert live_payments(ctx) == [(date(2026, 11, 1), 32160, "招商银行储蓄卡", "")]


def test_method_defaults_to_the_plans_last_method(qtbot, ctx: AppContext, plan: int) -> None:
    sv.record_payment(ctx.db, plan, 100, TODAY, TODAY, method="微信支付")
    d = RecordPaymentDialog(ctx, plan)
    qtbot.addWidget(d)
    assert d.method_combo.method() == "微信支付"
    assert d.amount_edit.text() == "320.60"


def test_undo_removes_the_payment(qtbot, dialog: RecordPaymentDialog, ctx: AppContext) -> None:
    click(qtbot, dialog.ok_button)
    assert len(live_payments(ctx)) == 1
    assert ctx.undo_label() is not None and "¥321.60" in ctx.undo_label()
    with qtbot.waitSignal(ctx.changed):
        assert ctx.undo()
    assert sv.history(ctx.db) == []
    (item,) = installments_between(ctx.db, date(2026, 10, 31), date(2026, 10, 31), TODAY)
    assert item.status is Status.OVERDUE


def test_paid_off_plan_cannot_take_a_payment(qtbot, ctx: AppContext, plan: int) -> None:
    sv.pay_off(ctx.db, plan, TODAY, TODAY)
    d = RecordPaymentDialog(ctx, plan)
    qtbot.addWidget(d)
    assert not d.ok_button.isEnabled()
    assert "paid off" in d.service_error.text()


def test_public_functions(qtbot, ctx: AppContext, plan: int, monkeypatch) -> None:
    def run(self) -> int:
        self.accept()
        return self.result()

    monkeypatch.setattr(RecordPaymentDialog, "exec", run)
    monkeypatch.setattr(PayoffDialog, "exec", run)
    assert record_payment_dialog(ctx, None, plan) is True
    assert live_payments(ctx) == [(TODAY, 32160, "", "")]
    assert payoff_dialog(ctx, None, plan) is True
    assert sv.plan_detail(ctx.db, plan, TODAY).closed_on == TODAY
    assert record_payment_dialog(ctx, None, 999) is False
    assert payoff_dialog(ctx, None, 999) is False
    assert len(ctx.interaction.errors) == 2
    monkeypatch.setattr(RecordPaymentDialog, "exec", lambda self: 0)
    other = add_flat_plan(ctx, name="Other")
    assert record_payment_dialog(ctx, None, other) is False  # cancelled


# -- early payoff -----------------------------------------------------------------------------
def four_paid(ctx: AppContext, policy: PayoffPolicy = PayoffPolicy.CHARGE_ALL_FEES) -> int:
    """The reference plan from 2026-07-31 with its first 4 periods paid on their due dates."""
    terms = PlanTerms(Model.FLAT, 360000, 12, date(2026, 7, 31), Decimal("0.006"))
    data = sv.PlanInput(name="小米14", terms=terms, payoff_policy=policy)
    plan_id = sv.add_plan(ctx.db, data).created_id
    assert plan_id is not None
    for due in (date(2026, 7, 31), date(2026, 8, 31), date(2026, 9, 30), date(2026, 10, 31)):
        sv.record_payment(ctx.db, plan_id, 32160, due, TODAY)
    return plan_id


def test_payoff_quote_charge_all_fees_and_record(qtbot, ctx: AppContext) -> None:
    plan_id = four_paid(ctx)
    d = PayoffDialog(ctx, plan_id)
    qtbot.addWidget(d)
    assert d.quote is not None and d.quote.amount == 257280
    assert d.principal_value.text() == "¥2,400.00"
    assert d.fees_value.text() == "¥172.80"
    assert d.penalty_value.text() == "¥0.00"
    assert d.waived_value.text() == "¥0.00"
    assert d.total_value.text() == "¥2,572.80"
    assert d.confirm_button.text() == "Pay off ¥2,572.80"
    assert "Charge all remaining fees" in d.policy_label.text()
    d.method_combo.setEditText("银行卡")
    with qtbot.waitSignal(ctx.changed):
        click(qtbot, d.confirm_button)
    assert d.recorded
    last = sv.history(ctx.db)[-1]
    assert (last.kind, last.amount, last.date, last.method) == ("payoff", 257280, TODAY, "银行卡")
    detail = sv.plan_detail(ctx.db, plan_id, TODAY)
    assert detail.closed_on == TODAY and detail.state.balance == 0
    assert ctx.undo()
    assert sv.plan_detail(ctx.db, plan_id, TODAY).closed_on is None


def test_payoff_quote_follows_the_date(qtbot, ctx: AppContext, plan: int) -> None:
    data = sv.plan_detail(ctx.db, plan, TODAY).input
    edited = sv.PlanInput(
        name=data.name, terms=data.terms, payoff_policy=PayoffPolicy.WAIVE_FUTURE_FEES
    )
    sv.edit_plan(ctx.db, plan, edited, TODAY)
    d = PayoffDialog(ctx, plan)
    qtbot.addWidget(d)
    assert "Waive fees not yet due" in d.policy_label.text()
    # period 1 (due 10-31) is due: its fee is charged, the other 11 fees are waived
    assert (d.total_value.text(), d.waived_value.text()) == ("¥3,621.60", "¥237.60")
    d.date_edit.setDate(QDate(2026, 10, 30))
    assert (d.total_value.text(), d.waived_value.text()) == ("¥3,600.00", "¥259.20")
    assert d.confirm_button.text() == "Pay off ¥3,600.00"
    click(qtbot, d.confirm_button)
    last = sv.history(ctx.db)[-1]
    assert (last.kind, last.amount, last.date) == ("payoff", 360000, date(2026, 10, 30))


def test_payoff_penalty_pct_policy_name(qtbot, ctx: AppContext) -> None:
    terms = PlanTerms(Model.FLAT, 360000, 12, date(2026, 12, 31), Decimal("0.006"))
    data = sv.PlanInput(
        name="Card",
        terms=terms,
        payoff_policy=PayoffPolicy.PENALTY_PCT,
        payoff_penalty_pct=Decimal("0.03"),
    )
    plan_id = sv.add_plan(ctx.db, data).created_id
    d = PayoffDialog(ctx, plan_id)
    qtbot.addWidget(d)
    assert "3.00%" in d.policy_label.text()
    # 3600.00 + 3% of it (108.00); no fee is due yet, all 259.20 waived
    assert (d.penalty_value.text(), d.total_value.text()) == ("¥108.00", "¥3,708.00")


def test_payoff_refusal_shown_inline(qtbot, ctx: AppContext, plan: int, monkeypatch) -> None:
    d = PayoffDialog(ctx, plan)
    qtbot.addWidget(d)
    sv.pay_off(ctx.db, plan, TODAY, TODAY)  # paid off elsewhere while the dialog was open
    click(qtbot, d.confirm_button)
    assert "paid off" in d.error_label.text()
    assert not d.recorded
    assert ctx.undo_label() is None and ctx.interaction.errors == []
    d.update_quote()
    assert not d.confirm_button.isEnabled()
    assert d.total_value.text() == "—"
    assert payment_dialog.METHODS[0] == "支付宝"
