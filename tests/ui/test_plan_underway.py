"""The plan form for a plan already under way: the "Periods already paid" spin box, its
default, the preview, saving, editing with undo, and how the detail and the Payments screen
show the periods paid before tracking (qtbot over the real widgets and a real SQLite file).

Worked example: 小米 3600.00 / 12 / 0.6% flat, first due 2026-06-15, added on 2026-11-29 with 6
paid → 6 prior payments × 321.60 dated 2026-06-15 … 2026-11-15, balance 1,929.60.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor

from tracker import services as sv
from tracker.domain.ledger import Status
from tracker.domain.plan import Model, PlanTerms
from tracker.storage import open_database
from tracker.ui.context import AppContext
from tracker.ui.interaction import ScriptedInteraction
from tracker.ui.palette import LIGHT
from tracker.ui.payments_view import PaymentsScreen
from tracker.ui.plan_detail import PlanDetailPanel
from tracker.ui.plan_dialog import PlanDialog

ADDED = date(2026, 11, 29)
DUES = [f"2026-{m:02d}-15" for m in range(6, 12)]


@pytest.fixture
def uctx(qapp, tmp_path: Path, settings) -> Iterator[AppContext]:
    db = open_database(tmp_path / "u.sqlite3")
    context = AppContext(db, settings, ScriptedInteraction(), today=lambda: ADDED)
    yield context
    context.db.close()


def stored(ctx: AppContext) -> list[tuple]:
    with closing(sqlite3.connect(ctx.db.path)) as con:
        return con.execute("SELECT date, amount, kind, voided FROM payments ORDER BY id").fetchall()


def fill_xiaomi(qtbot, ctx: AppContext, first_due: QDate) -> PlanDialog:
    dialog = PlanDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("xiaomi"))
    dialog.name_edit.setText("小米 14")
    dialog.principal_edit.selectAll()
    qtbot.keyClicks(dialog.principal_edit, "3600")
    dialog.purchase_edit.setDate(QDate(2026, 5, 15))
    dialog.first_due_edit.setDate(first_due)
    return dialog


def test_spin_box_appears_with_the_default_and_the_preview_follows(uctx, qtbot):
    dialog = fill_xiaomi(qtbot, uctx, QDate(2026, 12, 15))
    assert not dialog.form.isRowVisible(dialog.paid.box)  # first due in the future
    dialog.first_due_edit.setDate(QDate(2026, 6, 15))
    assert dialog.form.isRowVisible(dialog.paid.box)
    assert (dialog.paid_spin.value(), dialog.paid_spin.maximum()) == (6, 6)
    assert "6 of 12 periods were due before today" in dialog.paid.note.text()
    model = dialog.preview.model
    assert [model.index(r, 5).data() for r in range(7)] == ["Paid before tracking"] * 6 + [""]
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == QColor(LIGHT.paid)
    assert dialog.preview.balance_value.text() == "¥1,929.60"
    dialog.paid_spin.setValue(4)
    assert dialog.preview.balance_value.text() == "¥2,572.80"
    assert model.index(4, 5).data() == ""
    dialog.first_due_edit.setDate(QDate(2026, 7, 15))  # the user's 4 stays (within 0..5)
    assert (dialog.paid_spin.value(), dialog.paid_spin.maximum()) == (4, 5)


def test_saving_records_one_prior_payment_per_period_and_the_detail_shows_them(uctx, qtbot):
    dialog = fill_xiaomi(qtbot, uctx, QDate(2026, 6, 15))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    pid = dialog.saved_id
    assert pid is not None
    assert stored(uctx) == [(d, 32160, "prior", 0) for d in DUES]
    detail = sv.plan_detail(uctx.db, pid, ADDED)
    assert detail.state.balance == 192960 and sv.due(uctx.db, ADDED) == []
    panel = PlanDetailPanel()
    qtbot.addWidget(panel)
    panel.set_detail(detail)
    status = [panel.schedule.index(r, 8).data() for r in range(7)]
    assert status[:6] == ["Paid before tracking"] * 6 and status[6] != "Paid before tracking"
    assert uctx.undo_label() == "Add plan"
    assert uctx.undo() and stored(uctx) == []


def test_editing_changes_the_periods_paid_before_tracking_with_undo(uctx, qtbot):
    dialog = fill_xiaomi(qtbot, uctx, QDate(2026, 6, 15))
    dialog.save_button.click()
    pid = dialog.saved_id
    edit = PlanDialog(uctx, None, pid)
    qtbot.addWidget(edit)
    assert edit.form.isRowVisible(edit.paid.box) and edit.paid_spin.value() == 6
    edit.paid_spin.setValue(3)
    edit.save_button.click()
    assert stored(uctx) == [(d, 32160, "prior", 0) for d in DUES[:3]]
    detail = sv.plan_detail(uctx.db, pid, ADDED)
    assert [s.status for s in detail.installments[3:6]] == [Status.OVERDUE] * 3
    assert uctx.undo_label() == "Edit plan"
    assert uctx.undo()
    assert stored(uctx) == [(d, 32160, "prior", 0) for d in DUES]


def test_payments_screen_greys_and_labels_them(uctx, qtbot):
    pid = sv.add_plan(uctx.db, sv.PlanInput("小米 14", _terms()), ADDED, 2).created_id
    sv.record_payment(uctx.db, pid, 32160, ADDED, ADDED, "支付宝")
    screen = PaymentsScreen(uctx)
    qtbot.addWidget(screen)
    screen.refresh()
    rows = screen.model.rows()
    kind_col = next(
        c
        for c in range(screen.model.columnCount())
        if screen.model.headerData(c, Qt.Orientation.Horizontal) == "Kind"
    )
    kinds = [screen.model.index(r, kind_col).data() for r in range(len(rows))]
    assert sorted(kinds) == ["Paid before tracking", "Paid before tracking", "Payment"]
    grey = [
        screen.model.index(r, 0).data(Qt.ItemDataRole.ForegroundRole) == QColor(LIGHT.paid)
        for r in range(len(rows))
    ]
    assert grey == [row.kind == "prior" for row in rows]


def _terms() -> PlanTerms:
    return PlanTerms(Model.FLAT, 360000, 12, date(2026, 6, 15), Decimal("0.006"))
