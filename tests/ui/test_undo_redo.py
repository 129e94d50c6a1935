"""Undo and redo through Qt's QUndoStack: labelled Edit-menu entries, the keys, the status bar,
and redo putting back exactly what the action stored (read from the SQLite file itself).

Plan: 3600.00 / 12 / 0.6% flat (321.60 a period), first due 2026-10-31; today 2026-11-21.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QKeySequence

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.ui.context import AppContext
from tracker.ui.i18n import install_translators
from tracker.ui.main_window import MainWindow
from tracker.ui.payment_dialog import RecordPaymentDialog


@pytest.fixture(autouse=True)
def back_to_english(qapp) -> Iterator[None]:
    yield
    install_translators(qapp, "en")


def ledger(ctx: AppContext) -> tuple[list[tuple], list[tuple]]:
    """Every payment and installment row, straight from the database file."""
    con = sqlite3.connect(ctx.db.path)
    try:
        payments = con.execute(
            "SELECT id, plan_id, date, amount, method, note, voided, kind FROM payments ORDER BY id"
        ).fetchall()
        cols = [r[1] for r in con.execute("PRAGMA table_info(installments)")]
        installments = con.execute(
            f"SELECT {', '.join(cols)} FROM installments ORDER BY plan_id, period"
        ).fetchall()
    finally:
        con.close()
    return payments, installments


def record(qtbot, ctx: AppContext, plan_id: int, amount: str, method: str = "银行卡") -> None:
    dialog = RecordPaymentDialog(ctx, plan_id)
    qtbot.addWidget(dialog)
    dialog.amount_edit.setText(amount)
    dialog.method_combo.setEditText(method)
    dialog.accept()
    assert dialog.recorded


def window_for(qtbot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.database_ready()
    return window


def test_record_undo_redo_puts_back_the_same_payment_to_the_fen(qtbot, ctx: AppContext) -> None:
    plan_id = add_flat_plan(ctx, name="小米手机")
    window = window_for(qtbot, ctx)
    before = ledger(ctx)
    record(qtbot, ctx, plan_id, "500.00")
    recorded = ledger(ctx)
    payments, _ = recorded
    assert [(p[2], p[3], p[4], p[6]) for p in payments] == [("2026-11-21", 50000, "银行卡", 0)]
    assert window.statusBar().currentMessage() == "Recorded ¥500.00 for 小米手机"
    assert window.undo_action.text() == "&Undo Payment of ¥500.00 on 小米手机"
    assert not window.redo_action.isEnabled() and window.redo_action.text() == "&Redo"

    window.undo_action.trigger()
    assert ledger(ctx) == before
    assert window.statusBar().currentMessage() == "Undone: Payment of ¥500.00 on 小米手机"
    assert window.redo_action.isEnabled()
    assert window.redo_action.text() == "&Redo Payment of ¥500.00 on 小米手机"
    assert not window.undo_action.isEnabled()

    window.redo_action.trigger()
    assert ledger(ctx) == recorded  # same id, date, amount, method; same allocation
    detail = sv.plan_detail(ctx.db, plan_id, TODAY)
    assert detail.state.balance == 385920 - 50000
    assert [i.paid for i in detail.state.installments[:2]] == [32160, 17840]
    assert window.statusBar().currentMessage() == "Redone: Payment of ¥500.00 on 小米手机"
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()

    window.undo_action.trigger()  # and back again: the stack keeps working both ways
    assert ledger(ctx) == before


def test_redo_of_an_added_and_a_deleted_plan(qtbot, ctx: AppContext) -> None:
    window = window_for(qtbot, ctx)
    first = add_flat_plan(ctx, name="A")
    record(qtbot, ctx, first, "321.60")
    with_payment = ledger(ctx)
    second = add_flat_plan(ctx, name="B")
    ctx.act(window, "Delete plan", sv.delete_plan, first, plan_id=first, done="Deleted A")
    assert window.statusBar().currentMessage() == "Deleted A"
    assert [p.id for p in sv.list_plans(ctx.db, TODAY)] == [second]
    assert ctx.undo()
    assert {p.id for p in sv.list_plans(ctx.db, TODAY)} == {first, second}
    assert ledger(ctx)[0] == with_payment[0]  # the payment came back with the plan
    assert ctx.redo_label() == "Delete plan"
    assert ctx.redo()
    assert [p.id for p in sv.list_plans(ctx.db, TODAY)] == [second]
    assert ledger(ctx)[0] == []


def test_a_new_action_clears_redo(qtbot, ctx: AppContext) -> None:
    plan_id = add_flat_plan(ctx)
    window = window_for(qtbot, ctx)
    record(qtbot, ctx, plan_id, "100.00")
    assert ctx.undo() and ctx.redo_label() is not None
    record(qtbot, ctx, plan_id, "200.00")
    assert ctx.redo_label() is None and not window.redo_action.isEnabled()
    assert not ctx.redo()
    assert [p.amount for p in sv.history(ctx.db)] == [20000]


def test_redo_keys_and_chinese_labels(qapp, qtbot, ctx: AppContext) -> None:
    plan_id = add_flat_plan(ctx)
    install_translators(qapp, "zh_CN")
    window = window_for(qtbot, ctx)
    window.apply_shortcuts()
    assert window.redo_action.shortcuts() == [
        QKeySequence("Ctrl+Shift+Z"),
        QKeySequence("Ctrl+Y"),
    ]
    assert window.undo_action.shortcut() == QKeySequence("Ctrl+Z")
    ctx.act(window, "删除分期", sv.delete_plan, plan_id, plan_id=plan_id)
    assert ctx.undo()
    assert window.redo_action.text() == "重做“删除分期”(&R)"
    assert window.statusBar().currentMessage() == "已撤销：删除分期"


def test_status_bar_is_always_there(qtbot, ctx: AppContext) -> None:
    window = window_for(qtbot, ctx)
    window.show()
    qtbot.waitExposed(window)
    assert window.statusBar().isVisible()


def test_payoff_edit_and_archive_confirm_in_the_status_bar(qtbot, ctx: AppContext) -> None:
    from tracker.ui.payment_dialog import PayoffDialog
    from tracker.ui.plan_dialog import PlanDialog

    plan_id = add_flat_plan(ctx, name="小米手机")
    window = window_for(qtbot, ctx)
    edit = PlanDialog(ctx, window, plan_id)
    qtbot.addWidget(edit)
    edit.name_edit.setText("小米手机 Pro")
    edit.save()
    assert window.statusBar().currentMessage() == "Saved “小米手机 Pro”"
    window.plans.show_plan(plan_id)
    window.plans.toggle_archived()
    assert window.statusBar().currentMessage() == "Archived “小米手机 Pro”"
    payoff = PayoffDialog(ctx, plan_id, window)
    qtbot.addWidget(payoff)
    payoff.accept()  # 12 × 321.60 with every fee charged, two periods overdue: ¥3,859.20
    assert window.statusBar().currentMessage() == "Paid off 小米手机 Pro with ¥3,859.20"
    assert sv.plan_detail(ctx.db, plan_id, TODAY).closed_on == TODAY
    assert ctx.undo() and ctx.redo()  # the payoff comes back exactly
    assert sv.plan_detail(ctx.db, plan_id, TODAY).closed_on == TODAY
    assert [p.amount for p in sv.history(ctx.db)] == [385920]
