"""Accounts and bills on real widgets over a real SQLite file: the account form (every rule,
refusals in place, service refusals the app's way, undo), the accounts list (delete
confirmed), and the bill dialog with the issue's numbers to the fen (minimum 621.60, the
minimum-only quote 108.00 for a bank card and 13.50 for 花呗, the late fee 31.08, the
reconciliation and Pay bill)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QDialogButtonBox

from tracker import services as sv
from tracker.domain.accounts import AccountKind, DueRule, InterestRule, default_terms
from tracker.domain.plan import Model, PlanTerms
from tracker.services import accounts as acc
from tracker.ui.account_form import AccountDialog
from tracker.ui.accounts_dialog import AccountsDialog
from tracker.ui.bill_dialog import BillDialog
from tracker.ui.context import AppContext

APRIL = date(2026, 4, 1)


def cmb_card(ctx: AppContext, name: str = "招商银行信用卡") -> int:
    """A bank card: statement on the 11th, due the 25th (3,000 posted 03-11 → due 04-25)."""
    terms = default_terms(AccountKind.CREDIT_CARD, 11, DueRule.day_of_month(25))
    change = acc.add_account(ctx.db, name, terms)
    assert change.created_id is not None
    return change.created_id


def huabei(ctx: AppContext) -> int:
    terms = default_terms(AccountKind.HUABEI, 1, DueRule.day_of_month(10))
    change = acc.add_account(ctx.db, "花呗", terms)
    assert change.created_id is not None
    return change.created_id


def plan_on(ctx: AppContext, account_id: int, name: str = "小米14") -> int:
    """3,600.00 over 12 at 0.6% a month (321.60 each), posted 2026-03-11: first due 04-25."""
    terms = PlanTerms(Model.FLAT, 360000, 12, date(2026, 4, 25), Decimal("0.006"))
    data = sv.PlanInput(
        name=name, terms=terms, purchase_date=date(2026, 3, 11), account_id=account_id
    )
    change = sv.add_plan(ctx.db, data)
    assert change.created_id is not None
    return change.created_id


def test_bill_shows_minimum_and_quotes_to_the_fen(qtbot, ctx: AppContext) -> None:
    card = cmb_card(ctx)
    plan_on(ctx, card)
    dialog = BillDialog(ctx, card, statement=APRIL)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert [dialog.table.item(0, c).text() for c in range(3)] == [
        "小米14",
        "Period 1 of 12",
        "¥321.60",
    ]
    assert dialog.due.text() == "2026-04-25"
    dialog.spending.setText("3,000.00")
    dialog.spending.editingFinished.emit()
    assert dialog.total.text() == "¥3,321.60"
    assert dialog.minimum.text() == "¥621.60"
    # the quote's defaults: the minimum on the due date, the rest 30 days later
    assert dialog.paid_on.date().toString("yyyy-MM-dd") == "2026-04-25"
    assert dialog.rest_on.date().toString("yyyy-MM-dd") == "2026-05-25"
    q = dialog.quote
    assert (q.interest, q.late_fee) == (10800, 0)
    assert dialog.quote_text.text().splitlines() == [
        "Interest ¥108.00 + late fee ¥0.00 = ¥108.00",
        "¥3,000.00 × 45 days from 2026-03-11 → ¥67.50",
        "¥2,700.00 × 30 days from 2026-04-25 → ¥40.50",
    ]
    # nothing paid by the due date: 5% of the unpaid 621.60 minimum
    dialog.paid_on.setDate(dialog.paid_on.date().addDays(1))
    assert dialog.quote.late_fee == 3108
    assert "late fee ¥31.08" in dialog.quote_text.text()
    # a refusal in place: the rest before the first part
    dialog.rest_on.setDate(dialog.paid_on.date().addDays(-2))
    assert dialog.quote is None
    assert "The rest cannot be paid before the first part." in dialog.quote_text.text()
    assert acc.bill(ctx.db, card, APRIL, APRIL).bill.spending == 300000  # stored


def test_huabei_charges_only_the_unpaid_part(qtbot, ctx: AppContext) -> None:
    account = huabei(ctx)
    acc.set_statement(ctx.db, account, date(2026, 4, 1), spending=100000)
    dialog = BillDialog(ctx, account, statement=APRIL)
    qtbot.addWidget(dialog)
    assert dialog.minimum.text() == "¥100.00"
    dialog.part.setText("100")
    assert (dialog.quote.interest, dialog.quote.late_fee) == (1350, 0)
    assert dialog.quote_text.text().splitlines()[1] == "¥900.00 × 30 days from 2026-04-10 → ¥13.50"


def test_spending_refused_in_place_and_nothing_stored(qtbot, ctx: AppContext) -> None:
    card = cmb_card(ctx)
    dialog = BillDialog(ctx, card, statement=APRIL)
    qtbot.addWidget(dialog)
    dialog.spending.setText("3,000.005")
    assert dialog.save_typed() is False
    assert "3,000.005" in dialog.message.text()
    assert acc.bill(ctx.db, card, APRIL, APRIL).bill.spending == 0


def test_reconcile_shows_the_difference_and_its_cause(qtbot, ctx: AppContext) -> None:
    card = cmb_card(ctx)
    plan_on(ctx, card)
    dialog = BillDialog(ctx, card, statement=APRIL)
    qtbot.addWidget(dialog)
    assert "Type the total" in dialog.reconcile_text.text()
    dialog.lender.setText("321.61")
    dialog.lender.editingFinished.emit()
    assert dialog.reconcile_text.text().splitlines()[0] == (
        "Statement ¥321.61, your plans ¥321.60, difference ¥0.01"
    )
    dialog.lender.setText("321.60")
    assert dialog.save_typed()
    assert "The statement matches your plans." in dialog.reconcile_text.text()


def test_pay_bill_confirms_records_and_refreshes(qtbot, ctx: AppContext) -> None:
    card = cmb_card(ctx)
    plan_id = plan_on(ctx, card)
    seen: list[sv.Change] = []
    ctx.changed.connect(seen.append)
    dialog = BillDialog(ctx, card, statement=APRIL)
    qtbot.addWidget(dialog)
    dialog.spending.setText("3000")
    pay = dialog.open_pay()
    assert pay is not None
    assert pay.amount.text() == "3321.60"  # the total
    assert pay.on.date().toString("yyyy-MM-dd") == "2026-11-21"  # today
    pay.on.setDate(pay.on.date().addMonths(-7))  # 2026-04-21
    ctx.interaction.answers = [False]  # the confirmation: keep
    pay.ok_button.click()
    assert pay.isVisible() and sv.history(ctx.db, plan_id) == []
    pay.amount.setText("3,321.60")
    pay.ok_button.click()
    assert "Pay ¥3,321.60 on 2026-04-21" in ctx.interaction.asked[-1]
    assert not pay.isVisible()
    payments = sv.history(ctx.db, plan_id)
    assert [(p.amount, p.date) for p in payments] == [(32160, date(2026, 4, 21))]
    assert seen[-1].action == "bill_paid" and plan_id in seen[-1].plan_ids
    assert dialog.result.text() == (
        "Recorded ¥321.60. ¥3,000.00 is left for the ordinary spending "
        "(the tracker does not track it)."
    )
    assert dialog.status.text() == "Installments paid"


def test_account_form_every_field_and_refusals(qtbot, ctx: AppContext) -> None:
    form = AccountDialog(ctx)
    qtbot.addWidget(form)
    assert not form.save_button.isEnabled()
    assert form.message.text() == "To save, fill in: Name"
    form.name.setText("建设银行")
    form.kind.setCurrentIndex(form.kind.findData("credit_card"))
    form.statement_day.setCurrentIndex(form.statement_day.findData(0))  # month end
    form.due_kind.setCurrentIndex(form.due_kind.findData("days_after"))
    form.due_value.setValue(20)
    form.credit_limit.setText("50,000")
    form.grace_days.setValue(3)
    form.tolerance.setText("10")
    form.min_percent.setText("10")
    form.daily_rate.setText("0.05")
    assert form.annual.text() == "= 18.25% a year (× 365 days)"
    form.late_percent.setText("5")
    form.late_min.setText("10")
    form.min_percent.setText("120")
    assert not form.save_button.isEnabled()
    assert form.message.text().startswith("Minimum payment (% of spending): ")
    assert "c62828" in form.min_percent.styleSheet()
    form.min_percent.setText("10")
    assert form.save_button.isEnabled()
    form.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert form.saved_id is not None
    saved = acc.get_account(ctx.db, form.saved_id)
    t = saved.terms
    assert (saved.name, t.statement_day, str(t.due_rule)) == ("建设银行", 0, "days_after(20)")
    assert (t.credit_limit, t.grace_days, t.tolerance) == (5000000, 3, 1000)
    assert (t.min_percent, t.daily_rate, t.late_fee_percent, t.late_fee_min) == (
        Decimal("0.1"),
        Decimal("0.0005"),
        Decimal("0.05"),
        1000,
    )
    assert t.interest_rule is InterestRule.FULL_STATEMENT
    # the same name again: the service refuses, said the app's way; nothing stored
    again = AccountDialog(ctx)
    qtbot.addWidget(again)
    again.name.setText("建设银行")
    again.save()
    assert again.saved_id is None
    assert ctx.interaction.errors == ["there is already an account named 建设银行"]
    assert len(acc.list_accounts(ctx.db)) == 1
    assert ctx.undo()  # the add is undone
    assert acc.list_accounts(ctx.db) == []


def test_huabei_kind_takes_its_rules(qtbot, ctx: AppContext) -> None:
    form = AccountDialog(ctx)
    qtbot.addWidget(form)
    form.name.setText("花呗")
    form.kind.setCurrentIndex(form.kind.findData("huabei"))
    assert form.statement_day.currentData() == 1
    assert (form.due_kind.currentData(), form.due_value.value()) == ("day_of_month", 10)
    assert form.interest_rule.currentData() == "unpaid_only"
    assert (form.late_percent.text(), form.late_min.text()) == ("0", "0.00")
    form.save()
    assert acc.get_account(ctx.db, form.saved_id).terms.interest_rule is InterestRule.UNPAID_ONLY


def test_accounts_list_edit_and_delete_confirmed(qtbot, ctx: AppContext) -> None:
    card = cmb_card(ctx)
    plan_id = plan_on(ctx, card)
    empty = huabei(ctx)
    dialog = AccountsDialog(ctx)
    qtbot.addWidget(dialog)
    assert [dialog.table.item(r, 0).text() for r in range(2)] == ["招商银行信用卡", "花呗"]
    assert [dialog.table.item(0, c).text() for c in (1, 2, 3, 5)] == [
        "Credit card",
        "day 11",
        "day 25 after the statement",
        "1",
    ]
    dialog.table.selectRow(0)
    form = dialog.edit_selected()
    qtbot.addWidget(form)
    assert (form.name.text(), form.due_value.value()) == ("招商银行信用卡", 25)
    form.name.setText("招行")
    form.save()
    assert dialog.table.item(0, 0).text() == "招行"
    # a plan still belongs to it: refused the app's way, kept
    assert dialog.delete_selected() is False
    assert ctx.interaction.errors == ["1 plan(s) belong to account 招行; move or delete them first"]
    sv.delete_plan(ctx.db, plan_id)
    dialog.table.selectRow(1)
    assert dialog.selected_id() == empty
    ctx.interaction.answers = [False]
    assert dialog.delete_selected() is False
    assert dialog.table.rowCount() == 2
    assert dialog.delete_selected() is True
    assert "Delete the account “花呗”?" in ctx.interaction.asked[-1]
    assert [a.name for a in acc.list_accounts(ctx.db)] == ["招行"]
    assert ctx.undo()
    assert [a.name for a in acc.list_accounts(ctx.db)] == ["招行", "花呗"]


def test_tools_menu_opens_accounts_and_a_bill_payment_reaches_the_plans_screen(
    qtbot, ctx: AppContext
) -> None:
    from tracker.ui.debt_menu import open_accounts
    from tracker.ui.main_window import MainWindow

    card = cmb_card(ctx)
    terms = PlanTerms(Model.FLAT, 360000, 12, date(2026, 11, 25), Decimal("0.006"))
    data = sv.PlanInput(
        name="小米14", terms=terms, purchase_date=date(2026, 10, 20), account_id=card
    )
    plan_id = sv.add_plan(ctx.db, data).created_id
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.database_ready()
    tools = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Tools")
    assert "&Accounts and bills…" in [a.text() for a in tools.actions()]
    window.tabs.setCurrentWidget(window.plans)
    dialog = open_accounts(window)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    bill = dialog.open_bill()
    qtbot.addWidget(bill)
    assert bill.due.text() == "2026-11-25"  # the bill to pay now (today 2026-11-21)
    assert bill.status.text() == "To pay: ¥321.60 of installments unpaid"
    assert bill.pay(32160, date(2026, 11, 21))
    row = next(r for r in window.plans.model.rows() if r.id == plan_id)
    assert row.periods_paid == 1  # the Plans screen updated the plan's row
    assert bill.status.text() == "Installments paid"


def test_reconcile_names_the_rounding_that_explains_a_fen(qtbot, ctx: AppContext) -> None:
    card = cmb_card(ctx)
    terms = PlanTerms(Model.INTEREST_FREE, 100000, 3, date(2026, 4, 25))
    data = sv.PlanInput(name="耳机", terms=terms, purchase_date=date(2026, 3, 11), account_id=card)
    sv.add_plan(ctx.db, data)
    dialog = BillDialog(ctx, card, statement=APRIL)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 2).text() == "¥333.34"  # the odd fen in the first period
    dialog.lender.setText("333.33")
    assert dialog.save_typed()
    assert dialog.reconcile_text.text().splitlines() == [
        "Statement ¥333.33, your plans ¥333.34, difference -¥0.01",
        "耳机, period 1: the remainder in the last period (¥333.33)",
    ]
