"""The Payments screen: rows from the history, filters, totals, void with confirmation, state."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.storage import open_database
from tracker.ui import payments_view
from tracker.ui.context import AppContext
from tracker.ui.palette import LIGHT
from tracker.ui.payment_dialog import RecordPaymentDialog
from tracker.ui.payments_view import PaymentsScreen
from tracker.ui.table_model import SORT_ROLE


@pytest.fixture
def data(ctx: AppContext) -> dict[str, int]:
    """Two plans; three payments on 小米 (Oct, Nov), one on 花呗 (Nov)."""
    xiaomi = add_flat_plan(ctx, name="小米14", first_due=date(2026, 9, 30))
    huabei = add_flat_plan(ctx, name="花呗 冰箱", principal=120000, periods=6, rate="0.005")
    sv.record_payment(ctx.db, xiaomi, 32160, date(2026, 9, 30), TODAY, "支付宝", "九月")
    sv.record_payment(ctx.db, xiaomi, 32160, date(2026, 10, 30), TODAY, "银行卡", "十月 on time")
    sv.record_payment(ctx.db, huabei, 20600, date(2026, 11, 3), TODAY, "微信支付", "")
    sv.record_payment(ctx.db, xiaomi, 5000, date(2026, 11, 20), TODAY, "现金", "partial")
    return {"xiaomi": xiaomi, "huabei": huabei}


@pytest.fixture
def screen(qtbot, ctx: AppContext, data) -> PaymentsScreen:
    s = PaymentsScreen(ctx)
    qtbot.addWidget(s)
    s.resize(1200, 700)
    return s


def amounts(screen: PaymentsScreen) -> list[int]:
    return [r.amount for r in screen.shown_rows()]


def test_lists_all_payments_newest_first(screen: PaymentsScreen, qtmodeltester) -> None:
    qtmodeltester.check(screen.model)
    qtmodeltester.check(screen.proxy)
    assert amounts(screen) == [5000, 20600, 32160, 32160]
    first = screen.proxy.index(0, 0)
    texts = [screen.proxy.index(0, c).data() for c in range(screen.proxy.columnCount())]
    assert texts == [
        "2026-11-20",
        "小米14",
        "¥50.00",
        "Period 3/12",
        "Cash",
        "Payment",
        "partial",
    ]  # 现金 stored
    assert first.data(SORT_ROLE).startswith("2026-11-20")
    assert screen.total_shown() == {"CNY": 89920}
    assert "4 payments shown, total ¥899.20" in screen.totals.text()


def test_sort_by_amount_uses_raw_values(screen: PaymentsScreen) -> None:
    screen.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert amounts(screen) == [5000, 20600, 32160, 32160]
    screen.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert next(r.plan_name for r in screen.shown_rows()) == "花呗 冰箱"


def test_filter_by_plan(screen: PaymentsScreen, data) -> None:
    assert screen.plan_combo.itemText(0) == "All plans"
    screen.plan_combo.setCurrentIndex(screen.plan_combo.findData(data["huabei"]))
    assert [(r.plan_name, r.amount) for r in screen.shown_rows()] == [("花呗 冰箱", 20600)]
    assert screen.total_shown() == {"CNY": 20600}
    screen.plan_combo.setCurrentIndex(0)
    assert len(screen.shown_rows()) == 4


def test_filter_by_date_range(screen: PaymentsScreen) -> None:
    assert not screen.date_from.isEnabled()
    screen.date_from.setDate(QDate(2026, 10, 1))
    screen.date_to.setDate(QDate(2026, 11, 3))
    assert len(screen.shown_rows()) == 4  # "All dates" still ticked
    screen.all_dates.setChecked(False)
    assert screen.date_from.isEnabled()
    assert amounts(screen) == [20600, 32160]
    screen.date_to.setDate(QDate(2026, 10, 29))
    assert amounts(screen) == []
    assert screen.total_shown() == {}
    assert "0 payments shown, total ¥0.00" in screen.totals.text()


def test_text_search_over_note_and_method(screen: PaymentsScreen) -> None:
    screen.search.setText("十月")
    assert amounts(screen) == [32160]
    screen.search.setText("微信")
    assert amounts(screen) == [20600]
    screen.search.setText("PARTIAL")
    assert amounts(screen) == [5000]
    screen.search.clear()
    assert len(screen.shown_rows()) == 4


def test_void_after_confirmation(qtbot, screen: PaymentsScreen, ctx: AppContext) -> None:
    ctx.interaction.answers = [True]
    assert not screen.void_button.isEnabled()
    screen.select_payment(screen.shown_rows()[1].id)
    assert screen.void_button.isEnabled()
    with qtbot.waitSignal(ctx.changed):
        qtbot.mouseClick(screen.void_button, Qt.MouseButton.LeftButton)
    assert "¥206.00" in ctx.interaction.asked[0] and "花呗 冰箱" in ctx.interaction.asked[0]
    row = next(r for r in screen.shown_rows() if r.amount == 20600)
    assert row.voided
    index = screen.proxy.index(1, 0)
    assert index.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == LIGHT.paid
    assert screen.proxy.index(1, 5).data() == "Payment (voided)"
    assert screen.proxy.index(1, 3).data() == ""  # a voided payment settles nothing
    assert screen.total_shown() == {"CNY": 69320}
    assert "1 voided" in screen.totals.text()
    assert not screen.void_button.isEnabled()  # still selected, already void
    screen.delete_selected()  # nothing to ask
    assert len(ctx.interaction.asked) == 1
    assert ctx.undo()
    assert not next(r for r in screen.shown_rows() if r.amount == 20600).voided


def test_cancelled_confirmation_leaves_it(screen: PaymentsScreen, ctx: AppContext) -> None:
    ctx.interaction.answers = [False]
    screen.select_payment(screen.shown_rows()[0].id)
    screen.delete_selected()
    assert len(ctx.interaction.asked) == 1
    assert not any(p.voided for p in sv.history(ctx.db))
    assert ctx.undo_label() is None


def test_delete_without_selection_asks_nothing(screen: PaymentsScreen, ctx: AppContext) -> None:
    screen.delete_selected()
    assert ctx.interaction.asked == []


def test_record_payment_uses_selected_plan(
    screen: PaymentsScreen, data, monkeypatch, ctx: AppContext
) -> None:
    opened: list[int] = []
    monkeypatch.setattr(
        payments_view, "record_payment_dialog", lambda c, p, pid: opened.append(pid)
    )
    screen.record_payment()
    assert opened == [] and not screen.record_button.isEnabled()
    screen.select_payment(screen.shown_rows()[1].id)
    assert screen.record_button.isEnabled()
    screen.record_payment()
    assert opened == [data["huabei"]]


def test_payment_recorded_elsewhere_appears(
    qtbot, screen: PaymentsScreen, data, ctx: AppContext
) -> None:
    dialog = RecordPaymentDialog(ctx, data["huabei"])
    qtbot.addWidget(dialog)
    dialog.amount_edit.setText("１００")
    dialog.accept()
    assert amounts(screen) == [10000, 5000, 20600, 32160, 32160]
    assert screen.total_shown() == {"CNY": 99920}


def test_new_plan_shows_in_plan_filter_and_selection_survives_refresh(
    screen: PaymentsScreen, ctx: AppContext
) -> None:
    chosen = screen.shown_rows()[2].id
    screen.select_payment(chosen)
    new_id = add_flat_plan(ctx, name="京东白条")
    ctx.changed.emit(sv.Change("plan_added", frozenset({new_id})))
    assert screen.plan_combo.findData(new_id) > 0
    assert screen.selected_payment() is not None and screen.selected_payment().id == chosen


def test_state_is_saved_and_restored(qtbot, screen: PaymentsScreen, ctx: AppContext, data) -> None:
    screen.all_dates.setChecked(False)
    screen.date_from.setDate(QDate(2026, 10, 1))
    screen.date_to.setDate(QDate(2026, 11, 15))
    screen.plan_combo.setCurrentIndex(screen.plan_combo.findData(data["xiaomi"]))
    screen.search.setText("十月")
    screen.table.setColumnWidth(1, 321)
    screen.save_state()
    again = PaymentsScreen(ctx)
    qtbot.addWidget(again)
    assert not again.all_dates.isChecked()
    assert again.date_from.date() == QDate(2026, 10, 1)
    assert again.date_to.date() == QDate(2026, 11, 15)
    assert again.plan_combo.currentData() == data["xiaomi"]
    assert again.search.text() == "十月"
    assert again.table.columnWidth(1) == 321
    assert amounts(again) == [32160]


def test_focus_search(qtbot, screen: PaymentsScreen) -> None:
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    screen.search.setText("abc")
    screen.focus_search()
    assert screen.search.selectedText() == "abc"


def test_database_replaced_reloads(screen: PaymentsScreen, ctx: AppContext, tmp_path) -> None:
    ctx.replace_database(open_database(tmp_path / "other.sqlite3"))
    assert screen.shown_rows() == []
    assert screen.plan_combo.count() == 1


def test_each_row_says_which_periods_it_settled(
    qtbot, screen: PaymentsScreen, ctx: AppContext, data
) -> None:
    settled = {r.date: screen.proxy.index(i, 3).data() for i, r in enumerate(screen.shown_rows())}
    assert settled == {
        date(2026, 9, 30): "Period 1/12",
        date(2026, 10, 30): "Period 2/12",
        date(2026, 11, 3): "Period 1/6",
        date(2026, 11, 20): "Period 3/12",
    }
    assert screen.model.headerData(3, Qt.Orientation.Horizontal) == "Settled"
    october = next(r for r in screen.shown_rows() if r.date == date(2026, 10, 30))
    ctx.act(None, "void", sv.void_payment, october.id, TODAY, plan_id=october.plan_id)
    texts = {r.date: screen.proxy.index(i, 3).data() for i, r in enumerate(screen.shown_rows())}
    assert texts[date(2026, 11, 20)] == "Period 2/12"  # the later payment moved down
    assert texts[date(2026, 10, 30)] == ""
    big = add_flat_plan(ctx, name="三期", first_due=date(2026, 9, 30))
    ctx.act(None, "pay", sv.record_payment, big, 3 * 32160, TODAY, TODAY, plan_id=big)
    row = next(i for i, r in enumerate(screen.shown_rows()) if r.plan_id == big)
    assert screen.proxy.index(row, 3).data() == "Periods 1–3/12"
