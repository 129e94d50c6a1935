"""The Tools menu's quote dialogs on real widgets and a real SQLite file: the planner (order,
dates, savings, refusals in place, CSV) and the prepayment comparison (the issue's numbers)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.domain.payoff import PayoffPolicy
from tracker.domain.plan import Model, PlanTerms
from tracker.services.debt_plan import payoff_plan
from tracker.ui.context import AppContext
from tracker.ui.debt_dialogs import PlannerDialog, PrepayDialog, planner_csv


def _waive_plan(ctx: AppContext) -> int:
    terms = PlanTerms(Model.FLAT, 120_000, 12, date(2026, 11, 25), Decimal("0.01"))
    data = sv.PlanInput(name="耳机", terms=terms, payoff_policy=PayoffPolicy.WAIVE_FUTURE_FEES)
    change = sv.add_plan(ctx.db, data, TODAY)
    assert change.created_id is not None
    return change.created_id


def _payments(ctx: AppContext) -> int:
    return len(sv.history(ctx.db))


def test_planner_shows_order_dates_and_savings(qtbot, ctx: AppContext) -> None:
    _waive_plan(ctx)
    add_flat_plan(ctx, name="小米14", first_due=date(2026, 11, 30))
    before = _payments(ctx)
    dialog = PlannerDialog(ctx)
    qtbot.addWidget(dialog)
    assert "Type what you can pay" in dialog.message.text()
    dialog.budget.setText("600")
    dialog.recompute()
    assert [dialog.table.item(r, 0).text() for r in range(2)] == ["耳机", "小米14"]
    # Nov 21: 600.00 < the 1,200.00 payoff; Nov 25's 112.00 paid; Dec 1: 1,200.00 saved ≥
    # the 1,100.00 payoff → repaid, eleven 12.00 fees waived.
    assert dialog.table.item(0, 3).text() == "2026-12-01"
    assert dialog.table.item(0, 4).text() == "2027-10-25"
    assert "paying early saves nothing" in dialog.table.item(1, 5).text()
    assert dialog.summary.text() == ("Debt-free on 2027-10-30, 0 months sooner; saves ¥132.00.")
    assert dialog.result is not None and dialog.result.saved == 13200
    dialog.budget.setText("-5")
    dialog.recompute()
    assert "-5" in dialog.message.text() and "c62828" in dialog.message.styleSheet()
    assert dialog.result.saved == 13200  # the last good plan stays on screen
    assert _payments(ctx) == before


def test_planner_csv_lists_each_month(ctx: AppContext, tmp_path: Path) -> None:
    _waive_plan(ctx)
    result = payoff_plan(ctx.db, 60_000, "avalanche", TODAY)
    text = planner_csv(result, "CNY").decode("utf-8-sig").splitlines()
    assert text[0] == "month,scheduled,extra,balance,repaid"
    assert text[1] == "2026-11,112.00,0.00,1100.00,"
    assert text[2] == "2026-12,0.00,1100.00,0.00,耳机"
    assert len(text) == 1 + len(result.months)


def test_prepay_dialog_compares_both_choices(qtbot, ctx: AppContext) -> None:
    terms = PlanTerms(Model.ANNUITY, 10_000_000, 120, date(2025, 1, 15), Decimal("0.036"))
    plan = sv.add_plan(ctx.db, sv.PlanInput(name="房贷", terms=terms), date(2025, 12, 20), 12)
    assert plan.created_id is not None
    dialog = PrepayDialog(ctx, plan.created_id, "CNY")
    qtbot.addWidget(dialog)
    dialog.on.setDate(dialog.on.date().fromString("2025-12-20", "yyyy-MM-dd"))
    dialog.amount.setText("20000")
    values = [[cell.text() for cell in pair] for pair in dialog.cells]
    assert values == [
        ["¥776.47", "¥993.55"],
        ["108", "82"],
        ["2034-12-15", "2032-10-15"],
        ["¥12,320.37", "¥9,178.62"],
        ["¥3,444.39", "¥6,586.14"],
    ]
    assert dialog.before.text() == "Without prepaying, the interest left is ¥15,764.76."
    dialog.amount.setText("91538.69")
    assert "pay the plan off instead" in dialog.message.text()
    assert [pair[0].text() for pair in dialog.cells] == ["—"] * 5


def test_prepay_menu_asks_for_a_loan_first(qtbot, ctx: AppContext) -> None:
    from tracker.ui.debt_menu import open_prepay
    from tracker.ui.main_window import MainWindow

    add_flat_plan(ctx)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.database_ready()
    assert open_prepay(window) is None
    assert "Select a loan" in window.statusBar().currentMessage()
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Tools" in titles


def test_prepay_dialog_records_the_chosen_option_and_undo_restores(qtbot, ctx: AppContext) -> None:
    terms = PlanTerms(Model.ANNUITY, 10_000_000, 120, date(2025, 1, 15), Decimal("0.036"))
    plan = sv.add_plan(ctx.db, sv.PlanInput(name="房贷", terms=terms), date(2025, 12, 20), 12)
    assert plan.created_id is not None
    before = sv.plan_detail(ctx.db, plan.created_id, TODAY).installments
    seen: list[sv.Change] = []
    ctx.changed.connect(seen.append)
    dialog = PrepayDialog(ctx, plan.created_id, "CNY")
    qtbot.addWidget(dialog)
    assert not dialog.record_button.isEnabled()  # nothing typed yet
    dialog.on.setDate(dialog.on.date().fromString("2025-12-20", "yyyy-MM-dd"))
    dialog.amount.setText("20000")
    assert dialog.record_button.isEnabled()
    dialog.keep.setCurrentIndex(1)  # keep the payment, shorten the term
    ctx.interaction.answers = [False]  # the confirmation declined: nothing recorded
    assert dialog.record() is False
    assert _payments(ctx) == 12
    assert dialog.record() is True  # confirmed
    asked = ctx.interaction.asked[-1]
    assert "¥20,000.00 on 2025-12-20" in asked and "82 × ¥993.55 until 2032-10-15" in asked
    assert [c.action for c in seen] == ["prepayment_recorded"]
    items = sv.plan_detail(ctx.db, plan.created_id, TODAY).installments
    assert len(items) == 12 + 1 + 82
    assert items[12].installment.total == 2_000_000 and items[13].installment.total == 99355
    assert ctx.undo_label() == "Prepayment of ¥20,000.00"
    assert ctx.undo()
    assert sv.plan_detail(ctx.db, plan.created_id, TODAY).installments == before
    assert _payments(ctx) == 12


def test_prepay_dialog_shows_a_refusal_to_record_in_place(qtbot, ctx: AppContext) -> None:
    terms = PlanTerms(Model.ANNUITY, 10_000_000, 120, date(2025, 1, 15), Decimal("0.036"))
    plan = sv.add_plan(ctx.db, sv.PlanInput(name="房贷", terms=terms), date(2025, 12, 20), 12)
    assert plan.created_id is not None
    sv.record_payment(ctx.db, plan.created_id, 100, date(2025, 12, 22), TODAY)
    dialog = PrepayDialog(ctx, plan.created_id, "CNY")
    qtbot.addWidget(dialog)
    dialog.on.setDate(dialog.on.date().fromString("2025-12-20", "yyyy-MM-dd"))
    dialog.amount.setText("20000")
    assert dialog.record() is False
    assert "record the prepayment on or after that date" in dialog.message.text()
    assert "c62828" in dialog.message.styleSheet()
    assert _payments(ctx) == 13
