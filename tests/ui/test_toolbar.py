"""The toolbar: icons for the main actions, each enabled only where it applies."""

from __future__ import annotations

from PySide6.QtWidgets import QToolBar

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.ui.context import AppContext
from tracker.ui.main_window import NAMES, MainWindow


def make_window(qtbot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.database_ready()
    return window


def test_toolbar_has_the_main_actions_with_icons(qtbot, ctx: AppContext) -> None:
    window = make_window(qtbot, ctx)
    bar = window.findChild(QToolBar, "main_toolbar")
    assert bar is not None
    texts = [a.text() for a in bar.actions() if not a.isSeparator()]
    assert texts == ["New plan", "Record payment", "Void", "&Undo", "&Redo", "Print", "Export"]
    assert all(not a.icon().isNull() for a in bar.actions() if not a.isSeparator())
    assert window.toolbar_export.menu() is not None  # the File ▸ Export choices


def test_record_payment_needs_a_selected_open_plan(qtbot, ctx: AppContext) -> None:
    plan_id = add_flat_plan(ctx)
    window = make_window(qtbot, ctx)
    window.tabs.setCurrentIndex(NAMES.index("plans"))
    window.plans.table.clearSelection()
    assert window.toolbar_new.isEnabled()
    assert not window.toolbar_pay.isEnabled()
    assert not window.toolbar_void.isEnabled()  # nothing to void outside the Payments tab
    window.plans.show_plan(plan_id)
    assert window.toolbar_pay.isEnabled()
    sv.pay_off(ctx.db, plan_id, TODAY, TODAY)
    window.plans.refresh()
    window.plans.show_plan(plan_id)
    assert not window.toolbar_pay.isEnabled()  # paid off: nothing to pay


def test_void_follows_the_selected_payment(qtbot, ctx: AppContext) -> None:
    plan_id = add_flat_plan(ctx)
    sv.record_payment(ctx.db, plan_id, 32160, TODAY, TODAY)
    window = make_window(qtbot, ctx)
    window.tabs.setCurrentIndex(NAMES.index("payments"))
    payments = window.payments
    payments.table.clearSelection()
    assert not window.toolbar_void.isEnabled()
    payments.table.selectRow(0)
    assert window.toolbar_void.isEnabled()
    ctx.interaction.answers = [True]
    window.toolbar_void.trigger()
    assert [p.voided for p in sv.history(ctx.db)] == [True]
    assert window.statusBar().currentMessage() == "Voided the payment of ¥321.60 for Xiaomi 14"
    qtbot.waitUntil(lambda: not window.toolbar_void.isEnabled())  # the row is voided now
    window.undo_action.trigger()
    assert [p.voided for p in sv.history(ctx.db)] == [False]


def test_a_read_only_file_disables_the_writing_actions(qtbot, ctx: AppContext, monkeypatch) -> None:
    add_flat_plan(ctx)
    window = make_window(qtbot, ctx)
    monkeypatch.setattr(type(ctx), "read_only", property(lambda _self: True))
    window.apply_read_only()
    assert not window.toolbar_new.isEnabled()
    assert not window.toolbar_pay.isEnabled()
    assert window.toolbar_print.isEnabled() and window.toolbar_export.isEnabled()
