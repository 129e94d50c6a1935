"""The Overview screen driven as a user would: first run, sample data, cards, charts, paying.

TODAY is 2026-11-21; ``add_flat_plan`` stores 3600.00 / 12 / 0.6% first due 2026-10-31, so the
October 321.60 is 21 days overdue and 12 × 321.60 = 3859.20 is owed.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from matplotlib.backend_bases import MouseEvent
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QPushButton

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.domain.plan import Model, PlanTerms
from tracker.storage import open_database
from tracker.ui import payment_dialog
from tracker.ui.chart_style import colours_for
from tracker.ui.context import AppContext
from tracker.ui.due_list import ACTION_COLUMN
from tracker.ui.overview import OverviewScreen
from tracker.ui.palette import LIGHT
from tracker.ui.payment_dialog import RecordPaymentDialog
from tracker.ui.table_model import SORT_ROLE

_alive: list[OverviewScreen] = []


@pytest.fixture(autouse=True)
def _screens_live_until_teardown() -> Iterator[None]:
    """A screen sits in reference cycles: once the test's variables are gone it would be freed
    by whichever garbage collection comes next, possibly while one of its charts draws in the
    events pytest-qt processes after the test. Kept until teardown, it goes there."""
    yield
    _alive.clear()


def make(qtbot, ctx: AppContext, show: bool = False) -> OverviewScreen:
    screen = OverviewScreen(ctx)
    _alive.append(screen)
    qtbot.addWidget(screen)
    if show:
        screen.resize(1200, 800)
        screen.show()
        qtbot.waitExposed(screen)
        if not screen.data.empty:
            wait_for_charts(qtbot, screen)
    return screen


def wait_for_charts(qtbot, screen: OverviewScreen) -> None:
    """Charts draw just after the screen is first shown."""
    qtbot.waitUntil(lambda: screen.upcoming_chart.drawn and screen.balance_chart.drawn)


def accept_dialog(monkeypatch: pytest.MonkeyPatch) -> list[RecordPaymentDialog]:
    """Make RecordPaymentDialog.exec accept its prefilled amount at once."""
    opened: list[RecordPaymentDialog] = []

    def exec_(dialog: RecordPaymentDialog) -> int:
        opened.append(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(RecordPaymentDialog, "exec", exec_)
    return opened


def plan_count(ctx: AppContext) -> int:
    return len(sv.list_plans(ctx.db, TODAY, include_archived=True))


# -- first run ----------------------------------------------------------------------------


def test_first_run_shows_the_welcome_page(qtbot, ctx: AppContext) -> None:
    screen = make(qtbot, ctx)
    assert screen.stack.currentWidget() is screen.empty_page
    assert screen.add_first_button.text() == "Add your first plan"
    assert screen.sample_button.text() == "Load sample data"


def test_add_your_first_plan_asks_for_the_form(qtbot, ctx: AppContext) -> None:
    screen = make(qtbot, ctx, show=True)
    with qtbot.waitSignal(screen.new_plan_requested, timeout=1000):
        qtbot.mouseClick(screen.add_first_button, Qt.MouseButton.LeftButton)


def test_the_first_plan_switches_to_the_dashboard(qtbot, ctx: AppContext) -> None:
    screen = make(qtbot, ctx)
    terms = PlanTerms(Model.TOTAL, 100000, 6, date(2026, 12, 10), Decimal("0.045"))
    ctx.act(None, "Add", sv.add_plan, sv.PlanInput("花呗 - 冰箱", terms, platform="花呗"))
    assert screen.stack.currentWidget() is screen.dashboard_page
    assert screen.owed_card.value.text() == "¥1,045.00"


def test_opening_another_database_reloads(qtbot, ctx: AppContext, tmp_path) -> None:
    add_flat_plan(ctx)
    screen = make(qtbot, ctx)
    assert screen.stack.currentWidget() is screen.dashboard_page
    ctx.replace_database(open_database(tmp_path / "other.sqlite3"))
    assert screen.stack.currentWidget() is screen.empty_page


def test_sample_data_from_an_empty_database_asks_nothing(qtbot, ctx: AppContext) -> None:
    screen = make(qtbot, ctx, show=True)
    qtbot.mouseClick(screen.sample_button, Qt.MouseButton.LeftButton)
    assert ctx.interaction.asked == []
    assert screen.stack.currentWidget() is screen.dashboard_page
    assert plan_count(ctx) == 5
    assert screen.overdue_card.alert
    assert [i.plan_name for i in screen.due_list.model.rows()] == [
        "空气净化器",
        "MacBook Air 账单分期",
        "戴森吹风机",
    ]


def test_undo_removes_the_sample_plans(qtbot, ctx: AppContext) -> None:
    screen = make(qtbot, ctx)
    screen.load_sample_data()
    assert ctx.undo_label() == "Load sample data"
    assert ctx.undo()
    assert plan_count(ctx) == 0
    assert sv.history(ctx.db) == []
    assert screen.stack.currentWidget() is screen.empty_page


def test_sample_data_next_to_existing_plans_asks_first(qtbot, ctx: AppContext) -> None:
    mine = add_flat_plan(ctx)
    screen = make(qtbot, ctx)
    ctx.interaction.answers = [False]
    screen.load_sample_data()
    assert len(ctx.interaction.asked) == 1
    assert plan_count(ctx) == 1
    ctx.interaction.answers = [True]
    screen.load_sample_data()
    assert plan_count(ctx) == 6
    ctx.undo()
    assert [p.id for p in sv.list_plans(ctx.db, TODAY)] == [mine]


# -- cards --------------------------------------------------------------------------------


def test_cards_show_exact_totals(qtbot, ctx: AppContext) -> None:
    add_flat_plan(ctx)
    screen = make(qtbot, ctx)
    assert screen.owed_card.value.text() == "¥3,859.20"
    assert screen.owed_card.detail.text() == "Open plans: 1"
    assert screen.soon_card.title.text() == "Due in the next 30 days"
    assert screen.soon_card.value.text() == "¥321.60"
    assert screen.overdue_card.value.text() == "¥321.60"
    assert screen.overdue_card.detail.text() == "Installments: 1 · penalty ¥0.00"
    assert screen.overdue_card.alert
    assert "#c62828" in screen.overdue_card.value.styleSheet()
    assert screen.next_card.value.text() == "¥321.60"
    assert screen.next_card.detail.text() == "2026-11-30 (in 9 days) · Xiaomi 14"


def test_nothing_scheduled_when_every_plan_is_paid(qtbot, ctx: AppContext) -> None:
    plan = add_flat_plan(ctx, periods=1, principal=10000, first_due=date(2026, 11, 1))
    sv.record_payment(ctx.db, plan, 10060, TODAY, TODAY)
    screen = make(qtbot, ctx)
    assert screen.stack.currentWidget() is screen.dashboard_page
    assert screen.owed_card.value.text() == "¥0.00"
    assert screen.next_card.detail.text() == "Nothing scheduled"
    assert not screen.overdue_card.alert
    assert screen.due_list.table.isHidden() and not screen.due_list.all_clear.isHidden()


# -- the attention list and paying --------------------------------------------------------


def test_record_payment_from_the_list_changes_the_cards(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_flat_plan(ctx)
    screen = make(qtbot, ctx, show=True)
    opened = accept_dialog(monkeypatch)
    button = screen.due_list.table.indexWidget(screen.due_list.proxy.index(0, ACTION_COLUMN))
    assert isinstance(button, QPushButton) and button.text() == "Record payment"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].amount() == 32160
    assert screen.overdue_card.value.text() == "¥0.00"
    assert screen.overdue_card.detail.text() == "Nothing overdue"
    assert not screen.overdue_card.alert
    assert screen.owed_card.value.text() == "¥3,537.60"
    assert screen.due_list.model.rows() == []
    ctx.undo()
    assert screen.overdue_card.value.text() == "¥321.60"


def test_ctrl_p_pays_the_selected_row(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_flat_plan(ctx, "first")
    second = add_flat_plan(ctx, "second", first_due=date(2026, 11, 24))
    screen = make(qtbot, ctx, show=True)
    asked: list[int] = []
    monkeypatch.setattr(
        payment_dialog,
        "record_payment_dialog",
        lambda c, p, pid, amount=None: asked.append(pid),
    )
    screen.due_list.table.selectRow(1)
    screen.record_payment()
    assert asked == [second]
    screen.due_list.table.doubleClicked.emit(screen.due_list.proxy.index(1, 1))
    assert asked == [second, second]
    screen.due_list.table.clearSelection()
    screen.record_payment()  # nothing selected: the most urgent row
    assert asked[-1] != second


def test_ctrl_p_with_nothing_due_says_so(qtbot, ctx: AppContext) -> None:
    add_flat_plan(ctx, first_due=date(2027, 3, 1))
    screen = make(qtbot, ctx)
    screen.record_payment()
    assert len(ctx.interaction.infos) == 1


def test_due_list_rows_columns_and_colours(qtbot, ctx: AppContext) -> None:
    ctx.settings.reminder_days = 10
    add_flat_plan(ctx)
    screen = make(qtbot, ctx)
    proxy = screen.due_list.proxy
    texts = [[proxy.index(r, c).data() for c in range(8)] for r in range(proxy.rowCount())]
    assert texts == [
        ["2026-10-31", "Xiaomi 14", "1/12", "¥321.60", "", "¥321.60", "Overdue", "21 days late"],
        ["2026-11-30", "Xiaomi 14", "2/12", "¥321.60", "", "¥321.60", "Due soon", ""],
    ]
    colour = proxy.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color()
    assert colour == QColor("#c62828")
    soon = proxy.index(1, 0).data(Qt.ItemDataRole.ForegroundRole).color()
    assert soon == QColor(LIGHT.soon)  # due soon has its own colour here too
    screen.due_list.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data() == "2026-11-30"
    assert isinstance(proxy.index(0, 3).data(SORT_ROLE), int)


def test_due_models_pass_the_model_tester(qtbot, qtmodeltester, ctx: AppContext) -> None:
    screen = make(qtbot, ctx)
    screen.load_sample_data()
    qtmodeltester.check(screen.due_list.model)
    qtmodeltester.check(screen.due_list.proxy)


# -- charts -------------------------------------------------------------------------------


def test_charts_draw_only_when_shown(qtbot, ctx: AppContext) -> None:
    add_flat_plan(ctx)
    screen = make(qtbot, ctx)
    assert screen.upcoming_chart.canvas is None
    screen.show()
    qtbot.waitExposed(screen)
    wait_for_charts(qtbot, screen)
    assert screen.upcoming_chart.canvas is not None
    assert screen.balance_chart.canvas is not None


def test_upcoming_chart_has_a_bar_set_per_plan_and_one_for_overdue(qtbot, ctx: AppContext) -> None:
    screen = make(qtbot, ctx, show=True)
    screen.load_sample_data()
    chart = screen.upcoming_chart
    # one bar set per plan, then the past-due bar: overdue (red) and in grace (amber)
    assert len(chart.ax.containers) == 5 + 2
    overdue, grace = chart.ax.containers[-2:]
    assert (overdue.get_label(), grace.get_label()) == ("Overdue", "In grace period")
    assert len(overdue) == len(grace) == 1
    assert overdue[0].get_height() == pytest.approx(275.87)  # 274.50 + penalty 1.37
    assert grace[0].get_height() == pytest.approx(817.40)
    assert grace[0].get_y() == pytest.approx(275.87)
    assert [len(c) for c in chart.ax.containers[:5]] == [12] * 5
    assert chart.hover_text(0) == (
        "Past due\nMacBook Air 账单分期: ¥817.40 (In grace period)\n空气净化器: ¥275.87"
        "\nTotal: ¥1,093.27"
    )
    ticks = [t.get_text() for t in chart.ax.get_xticklabels()]
    assert ticks[:3] == ["Overdue", "Nov\n2026", "Dec"]
    assert ticks[3] == "Jan\n2027" and len(ticks) == 13
    statuses, plans = chart.legend_texts()  # statuses apart from plans
    assert "This month" in statuses and "Overdue" in statuses and "空气净化器" in plans
    assert "空气净化器" not in statuses and "Overdue" not in plans
    chart.canvas.draw()


def test_no_overdue_means_no_overdue_bar(qtbot, ctx: AppContext) -> None:
    add_flat_plan(ctx, first_due=date(2026, 12, 5))
    screen = make(qtbot, ctx, show=True)
    chart = screen.upcoming_chart
    assert len(chart.ax.containers) == 1
    heights = [bar.get_height() for bar in chart.ax.containers[0]]
    assert heights[:2] == [0, pytest.approx(321.60)]


def test_only_grace_is_past_due_not_overdue(qtbot, ctx: AppContext) -> None:
    terms = PlanTerms(Model.FLAT, 360000, 12, date(2026, 11, 19), Decimal("0.0075"))
    sv.add_plan(ctx.db, sv.PlanInput("信用卡分期", terms, grace_days=3))
    screen = make(qtbot, ctx, show=True)
    chart = screen.upcoming_chart
    assert [c.get_label() for c in chart.ax.containers] == ["信用卡分期", "In grace period"]
    assert chart.ax.get_xticklabels()[0].get_text() == "Past due"
    assert not screen.overdue_card.alert
    assert screen.overdue_card.value.text() == "¥0.00"


def test_hover_shows_the_months_breakdown(qtbot, ctx: AppContext) -> None:
    add_flat_plan(ctx, "Xiaomi 14")
    add_flat_plan(ctx, "花呗 - 冰箱", first_due=date(2026, 12, 10), principal=100000, periods=6)
    screen = make(qtbot, ctx, show=True)
    chart = screen.upcoming_chart
    x, y = chart.ax.transData.transform((2, 100))  # the overdue bar is 0, November 1
    chart.canvas.callbacks.process(
        "motion_notify_event", MouseEvent("motion_notify_event", chart.canvas, x, y)
    )
    assert chart.annotation.get_visible()
    assert chart.annotation.get_text() == (
        "Dec 2026\nXiaomi 14: ¥321.60\n花呗 - 冰箱: ¥172.70\nTotal: ¥494.30"
    )
    assert chart.hover_text(0) == "Overdue\nXiaomi 14: ¥321.60"
    assert chart.hover_text(1.5) is None
    x, y = chart.ax.transData.transform((1.5, 100))
    chart.canvas.callbacks.process(
        "motion_notify_event", MouseEvent("motion_notify_event", chart.canvas, x, y)
    )
    assert not chart.annotation.get_visible()


def test_balance_chart_stacks_each_plan_down_to_zero(qtbot, ctx: AppContext) -> None:
    screen = make(qtbot, ctx, show=True)
    screen.load_sample_data()
    ax = screen.balance_chart.figure.axes[0]
    series = screen.balance_chart.series
    assert series is not None and series.late and series.grace
    # the past-due bands (overdue, grace) under one filled area per plan
    assert len(ax.collections) == 2 + 5
    (total,) = ax.get_lines()[:1]
    ys = total.get_ydata()
    assert ys[-1] == pytest.approx((series.late + series.grace) / 100)  # owed until paid
    owed = sum(p.remaining for p in sv.list_plans(ctx.db, TODAY))
    assert ys[0] == pytest.approx(owed / 100)
    band = ax.collections[0].get_paths()[0].vertices[:, 1]
    assert band.max() == pytest.approx(series.late / 100)  # flat: no cliff


def test_chinese_names_render_without_missing_glyphs(qtbot, ctx: AppContext) -> None:
    screen = make(qtbot, ctx)
    screen.load_sample_data()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        screen.show()
        qtbot.waitExposed(screen)
        wait_for_charts(qtbot, screen)
        screen.upcoming_chart.canvas.draw()
        screen.balance_chart.canvas.draw()
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert missing == []


def test_chart_colours_follow_a_dark_palette(qtbot, ctx: AppContext) -> None:
    add_flat_plan(ctx)
    screen = make(qtbot, ctx, show=True)
    chart = screen.upcoming_chart
    palette = chart.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(30, 30, 32))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(230, 230, 230))
    chart.setPalette(palette)
    assert colours_for(chart).dark
    assert chart.figure.get_facecolor()[:3] == pytest.approx((30 / 255, 30 / 255, 32 / 255))


def test_splitters_persist(qtbot, ctx: AppContext) -> None:
    add_flat_plan(ctx)
    screen = make(qtbot, ctx, show=True)
    screen.chart_splitter.setSizes([300, 700])
    before = screen.chart_splitter.sizes()
    screen.save_state()
    again = make(qtbot, ctx, show=True)
    assert again.chart_splitter.sizes() == before


def _bars(chart) -> list[float]:
    return [float(v) for c in chart.ax.containers for r in c for v in (r.get_y(), r.get_height())]


def _areas(chart) -> list[list[list[float]]]:
    ax = chart.figure.axes[0]
    return [c.get_paths()[0].vertices.round(6).tolist() for c in ax.collections]


def test_a_payment_updates_the_charts_in_place_as_drawing_afresh_would(
    qtbot, ctx: AppContext
) -> None:
    """With the same plans shown, a payment changes only the amounts: the figures keep their
    axes and legend, and show what a screen drawn afresh shows (heights, stacks, limits)."""
    screen = make(qtbot, ctx, show=True)
    screen.load_sample_data()
    upcoming, balance = screen.upcoming_chart, screen.balance_chart
    axes = (upcoming.ax, balance.figure.axes[0])
    item = screen.due_list.item_at(0)
    ctx.act(None, "Pay", sv.record_payment, item.plan_id, 5000, TODAY, TODAY)
    assert (upcoming.ax, balance.figure.axes[0]) == axes  # updated, not drawn afresh
    assert upcoming.drawn and balance.drawn
    fresh = make(qtbot, ctx, show=True)
    assert _bars(upcoming) == pytest.approx(_bars(fresh.upcoming_chart))
    assert upcoming.ax.get_ylim() == pytest.approx(fresh.upcoming_chart.ax.get_ylim())
    assert upcoming.hover_text(1) == fresh.upcoming_chart.hover_text(1)
    assert _areas(balance) == _areas(fresh.balance_chart)
    new_ax, old_ax = fresh.balance_chart.figure.axes[0], balance.figure.axes[0]
    assert old_ax.get_ylim() == pytest.approx(new_ax.get_ylim())
    assert old_ax.get_xlim() == pytest.approx(new_ax.get_xlim())
    assert list(old_ax.get_lines()[0].get_ydata()) == list(new_ax.get_lines()[0].get_ydata())


def test_a_small_payment_redraws_only_the_data_and_paints_what_a_full_draw_paints(
    qtbot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The axes keep their limits (they end on ticks), so the charts draw their bars and
    areas over the kept background instead of rendering everything; the pixels are the same
    as a full draw's."""
    screen = make(qtbot, ctx, show=True)
    screen.load_sample_data()
    charts = (screen.upcoming_chart, screen.balance_chart)
    wait_for_charts(qtbot, screen)
    full_draws: list[object] = []
    for chart in charts:
        monkeypatch.setattr(chart.canvas, "draw", lambda c=chart: full_draws.append(c))
    item = screen.due_list.item_at(0)
    ctx.act(None, "Pay", sv.record_payment, item.plan_id, 100, TODAY, TODAY)
    assert full_draws == [] and all(c.drawn for c in charts)
    blitted = [bytes(c.canvas.buffer_rgba()) for c in charts]
    monkeypatch.undo()
    for chart in charts:
        chart.canvas.draw()
    assert [bytes(c.canvas.buffer_rgba()) for c in charts] == blitted


def test_due_list_counts_every_period_of_the_plan_after_a_payment(qtbot, ctx: AppContext) -> None:
    ctx.settings.reminder_days = 10
    plan = add_flat_plan(ctx)
    screen = make(qtbot, ctx, show=True)
    ctx.act(None, "pay", sv.record_payment, plan, 32160, TODAY, TODAY, plan_id=plan)
    proxy = screen.due_list.proxy
    texts = [proxy.index(r, 2).data() for r in range(proxy.rowCount())]
    assert texts == ["2/12"]  # of the plan's 12, not of the 11 still owed
