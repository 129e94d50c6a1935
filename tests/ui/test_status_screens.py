"""Status colours, the penalty in plain sight, the grouped attention list, the record of payments.

As of 2026-11-21 (``TODAY``), with the reminder window at 10 days:

- "罚息计划": 3600.00 / 12 / 0.6% (321.60 a month) due on the last day from 2026-08-31, penalty
  0.05% a day: periods 1–3 overdue 82, 52 and 21 days, penalty 13.19 (32160 × 0.0005 × 82 =
  1318.56), 8.36 and 3.38 fen-rounded: 964.80 + 24.93 = 989.73 owed on them; period 4 due
  2026-11-30 (due soon).
- "宽限计划": the same terms due on the 1st from 2026-11-01 with 30 grace days: period 1 is 20
  days past due, in grace (amber, never red); period 2 (2026-12-01) is due soon.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.domain.ledger import Status
from tracker.domain.plan import Model, PlanTerms
from tracker.ui import payment_dialog
from tracker.ui.calendar_view import CalendarScreen
from tracker.ui.context import AppContext
from tracker.ui.due_list import ACTION_COLUMN, FITTED
from tracker.ui.i18n import install_translators
from tracker.ui.overview import OverviewScreen
from tracker.ui.palette import LIGHT, contrast
from tracker.ui.plan_detail import PlanDetailPanel


def add(ctx: AppContext, name: str, first_due: date, **rules: object) -> int:
    terms = PlanTerms(Model.FLAT, 360000, 12, first_due, Decimal("0.006"))
    change = sv.add_plan(ctx.db, sv.PlanInput(name=name, terms=terms, **rules))  # type: ignore[arg-type]
    assert change.created_id is not None
    return change.created_id


@pytest.fixture
def plans(ctx: AppContext) -> dict[str, int]:
    ctx.settings.reminder_days = 10
    return {
        "late": add(ctx, "罚息计划", date(2026, 8, 31), penalty_daily_rate=Decimal("0.0005")),
        "grace": add(ctx, "宽限计划", date(2026, 11, 1), grace_days=30),
    }


@pytest.fixture
def overview(qtbot, ctx: AppContext, plans) -> OverviewScreen:
    screen = OverviewScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def row_texts(screen: OverviewScreen, row: int) -> list[str]:
    proxy = screen.due_list.proxy
    return [proxy.index(row, c).data() for c in range(ACTION_COLUMN)]


def test_attention_list_groups_a_plans_overdue_periods_with_the_penalty_apart(
    overview: OverviewScreen,
) -> None:
    proxy = overview.due_list.proxy
    assert proxy.rowCount() == 4  # three overdue periods are one row
    assert row_texts(overview, 0) == [
        "2026-08-31",
        "罚息计划",
        "1–3/12",
        "¥964.80",
        "¥24.93",
        "¥989.73",
        "3 periods overdue",
        "82 days late",
    ]
    assert row_texts(overview, 1) == [
        "2026-11-01",
        "宽限计划",
        "1/12",
        "¥321.60",
        "",
        "¥321.60",
        "In grace period",
        "20 days late",
    ]
    assert row_texts(overview, 2)[:3] == ["2026-11-30", "罚息计划", "4/12"]
    assert row_texts(overview, 3)[:3] == ["2026-12-01", "宽限计划", "2/12"]
    assert overview.due_list.item_at(0).count == 3
    button = overview.due_list.table.indexWidget(proxy.index(0, ACTION_COLUMN))
    assert button.text() == "Pay all overdue" and "¥989.73" in button.toolTip()
    other = overview.due_list.table.indexWidget(proxy.index(1, ACTION_COLUMN))
    assert other.text() == "Record payment"


def test_status_and_late_columns_fit_their_widest_text_in_every_row(
    overview: OverviewScreen,
) -> None:
    """Sized from the widest text (not Qt's ask-every-row ResizeToContents): no row's status
    or badge is cut, in English or Chinese, after rows change too."""
    table = overview.due_list.table

    def fits() -> None:
        for column in FITTED:  # what Qt's ResizeToContents gives: the widest hint and the grid
            assert table.columnWidth(column) >= table.sizeHintForColumn(column) > 0
        assert table.columnWidth(6) >= table.fontMetrics().horizontalAdvance("3 periods overdue")

    fits()
    install_translators(QApplication.instance(), "zh_CN")
    try:
        overview.refresh()
        assert row_texts(overview, 0)[6:8] == ["3 期逾期", "逾期 82 天"]
        fits()
    finally:
        install_translators(QApplication.instance(), "en")


def test_each_status_has_its_own_colour_and_icon_in_the_attention_list(
    overview: OverviewScreen,
) -> None:
    proxy = overview.due_list.proxy
    fg = [proxy.index(r, 0).data(Qt.ItemDataRole.ForegroundRole).color() for r in range(3)]
    assert fg == [QColor(LIGHT.overdue), QColor(LIGHT.grace), QColor(LIGHT.soon)]
    grace_bg = proxy.index(1, 0).data(Qt.ItemDataRole.BackgroundRole).color()
    assert grace_bg == QColor(LIGHT.grace_bg)  # amber, not the overdue red
    icons = [proxy.index(r, 6).data(Qt.ItemDataRole.DecorationRole) for r in range(3)]
    assert all(icon is not None and not icon.isNull() for icon in icons)
    assert icons[0].cacheKey() != icons[1].cacheKey() != icons[2].cacheKey()


def test_pay_all_overdue_prefills_their_total_with_the_penalty(
    qtbot, overview: OverviewScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[payment_dialog.RecordPaymentDialog] = []
    monkeypatch.setattr(
        payment_dialog.RecordPaymentDialog, "exec", lambda self: opened.append(self) or 0
    )
    proxy = overview.due_list.proxy
    overview.due_list.table.indexWidget(proxy.index(0, ACTION_COLUMN)).click()
    (dialog,) = opened
    assert dialog.amount_edit.text() == "989.73"
    assert dialog.amount() == 98973
    assert dialog.overdue_label.text() == "Overdue: 3 periods (1–3), ¥964.80 + penalty ¥24.93"
    assert "¥321.60 + penalty ¥13.19" in dialog.next_label.text()
    dialog.deleteLater()
    overview.due_list.table.indexWidget(proxy.index(1, ACTION_COLUMN)).click()
    assert opened[1].amount_edit.text() == "321.60"  # one period: what it asks for
    assert opened[1].overdue_label.isHidden()
    opened[1].deleteLater()


def test_schedule_has_a_penalty_column_and_remaining_adds_up(qtbot, ctx: AppContext, plans) -> None:
    panel = PlanDetailPanel()
    qtbot.addWidget(panel)
    panel.set_detail(sv.plan_detail(ctx.db, plans["late"], TODAY, 10))
    model = panel.schedule
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[4:8] == ["Total", "Penalty", "Paid", "Remaining"]
    rows = [[model.index(r, c).data() for c in range(4, 8)] for r in range(4)]
    assert rows == [
        ["¥321.60", "¥13.19", "¥0.00", "¥334.79"],
        ["¥321.60", "¥8.36", "¥0.00", "¥329.96"],
        ["¥321.60", "¥3.38", "¥0.00", "¥324.98"],
        ["¥321.60", "", "¥0.00", "¥321.60"],
    ]
    for r in range(12):  # Total + Penalty − Paid = Remaining, to the fen
        total, penalty, paid, left = (
            model.index(r, c).data(Qt.ItemDataRole.UserRole + 1) for c in range(4, 8)
        )
        assert total + penalty - paid == left
    assert "¥13.19" in model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole)
    statuses = [model.index(r, 8).data() for r in range(4)]
    assert statuses == ["Overdue (82 d)", "Overdue (52 d)", "Overdue (21 d)", "Due soon"]


def test_plan_detail_lists_its_payments_and_says_paid_off(qtbot, qapp, ctx: AppContext) -> None:
    pid = add_flat_plan(ctx, first_due=date(2026, 9, 30))
    sv.record_payment(ctx.db, pid, 32160, date(2026, 9, 30), TODAY, "支付宝")
    sv.record_payment(ctx.db, pid, 32160, date(2026, 10, 30), TODAY, "微信支付")
    sv.pay_off(ctx.db, pid, TODAY, TODAY, "银行卡")
    panel = PlanDetailPanel()
    qtbot.addWidget(panel)
    panel.set_detail(sv.plan_detail(ctx.db, pid, TODAY))
    statuses = [panel.schedule.index(r, 8).data() for r in range(12)]
    assert statuses[:2] == ["Paid", "Paid"]
    assert statuses[2:] == ["Paid off 2026-11-21"] * 10
    payments = panel.payments
    rows = [[payments.index(r, c).data() for c in range(5)] for r in range(payments.rowCount())]
    assert rows == [
        ["2026-11-21", "¥3,216.00", "银行卡", "Periods 3–12/12", "Early payoff"],
        ["2026-10-30", "¥321.60", "微信支付", "Period 2/12", ""],
        ["2026-09-30", "¥321.60", "支付宝", "Period 1/12", ""],
    ]
    assert panel.payments_title.text() == "Payments: 3, total ¥3,859.20"
    install_translators(qapp, "zh_CN")
    try:
        panel.set_detail(sv.plan_detail(ctx.db, pid, TODAY))
        assert panel.schedule.index(2, 8).data() == "结清 2026-11-21"
        assert panel.payments.index(1, 3).data() == "第 2/12 期"
        assert panel.payments.index(0, 3).data() == "第 3–12/12 期"
    finally:
        install_translators(qapp, "en")


def test_plan_detail_labels_are_readable(qtbot, ctx: AppContext, plans) -> None:
    panel = PlanDetailPanel()
    qtbot.addWidget(panel)
    panel.set_detail(sv.plan_detail(ctx.db, plans["late"], TODAY))
    labels = [panel.grid.itemAtPosition(r, 0).widget() for r in range(panel.grid.rowCount())]
    labels = [w for w in labels if w is not None and w.isVisibleTo(panel)]
    assert labels and all(w.isEnabled() for w in labels)  # not greyed out as disabled
    assert all(LIGHT.secondary in w.styleSheet() for w in labels)
    assert contrast(LIGHT.secondary, LIGHT.window) >= 4.5


def test_calendar_paints_grace_amber_not_overdue_red(qtbot, ctx: AppContext, plans) -> None:
    screen = CalendarScreen(ctx)
    qtbot.addWidget(screen)
    grid = screen.grid
    (grace,) = grid.items_on(date(2026, 11, 1))
    assert grace.status is Status.GRACE
    assert grid.status_colour(grace) == QColor(LIGHT.grace)
    assert grid.cell_tint(date(2026, 11, 1)) == QColor(LIGHT.grace_bg)
    (soon,) = grid.items_on(date(2026, 11, 30))
    assert grid.status_colour(soon) == QColor(LIGHT.soon)
    assert grid.cell_tint(date(2026, 11, 30)) is None
    (late,) = grid.items_on(date(2026, 10, 31))  # the grid shows the leading days
    assert grid.status_colour(late) == QColor(LIGHT.overdue)
    assert grid.cell_tint(date(2026, 10, 31)) == QColor(LIGHT.overdue_bg)
    screen.select_day(date(2026, 11, 1))
    colour = screen.proxy.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color()
    assert colour == QColor(LIGHT.grace)


def test_calendar_header_says_the_penalty_is_why_more_is_due(qtbot, ctx: AppContext, plans) -> None:
    screen = CalendarScreen(ctx)
    qtbot.addWidget(screen)
    screen.show_month(2026, 10)
    assert screen.total_label.text() == (
        "This month: ¥321.60 scheduled, ¥324.98 still due, including ¥3.38 penalty"
    )
    screen.show_month(2026, 12)
    assert screen.total_label.text() == "This month: ¥643.20 scheduled, ¥643.20 still due"
