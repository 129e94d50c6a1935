"""After the window is rebuilt (language or theme change), actions reach only live widgets.

Slots connected as lambdas to the long-lived AppContext outlived the old window's screens and
raised "Internal C++ object already deleted" on every later action.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.ui.main_window import MainWindow


def test_actions_after_a_rebuild_raise_nothing(qtbot, ctx) -> None:
    plan_id = add_flat_plan(ctx)
    old = MainWindow(ctx)
    old.show()
    old.save_state()
    old.hide()
    old.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old window is gone
    new = MainWindow(ctx)
    qtbot.addWidget(new)
    new.show()
    # pytest-qt fails the test if any slot raises (e.g. on a deleted C++ object)
    ctx.act(None, "pay", sv.record_payment, plan_id, 32160, TODAY, TODAY, plan_id=plan_id)
    ctx.undo()
    assert new.plans.proxy.rowCount() == 1
