"""The Plans screen: rows, filters, sorting, selection, detail, actions, delete + undo, state."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.domain.plan import Model, PlanTerms
from tracker.services import PlanStatus
from tracker.ui import plan_dialog
from tracker.ui.interaction import ScriptedInteraction
from tracker.ui.palette import LIGHT
from tracker.ui.plans_view import PlansScreen
from tracker.ui.table_model import ROW_ROLE

NAME, PLATFORM, PRINCIPAL, PAID, PER_PERIOD, NEXT_DUE, REMAINING, APR, STATUS = range(9)


def add_plan(ctx, name: str, principal: int, platform: str = "", notes: str = "", **kw) -> int:
    terms = PlanTerms(Model.INTEREST_FREE, principal, 1, kw.pop("first_due", date(2027, 1, 5)))
    data = sv.PlanInput(name=name, terms=terms, platform=platform, notes=notes)
    change = sv.add_plan(ctx.db, data)
    assert change.created_id is not None
    return change.created_id


@pytest.fixture
def screen(ctx, qtbot) -> PlansScreen:
    widget = PlansScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    return widget


@pytest.fixture
def three(ctx) -> dict[str, int]:
    """An overdue Xiaomi plan with 2 payments, a 花呗 plan, and a paid-off plan."""
    ids = {
        "xiaomi": add_flat_plan(ctx, first_due=date(2026, 8, 31)),
        "huabei": add_flat_plan(ctx, "冰箱", date(2026, 12, 10), 329900, 6, "0.0075", "花呗"),
        "closed": add_plan(ctx, "Headphones", 19900, "Klarna", "gift for 小王"),
    }
    sv.record_payment(ctx.db, ids["xiaomi"], 32160, date(2026, 8, 31), TODAY)
    sv.record_payment(ctx.db, ids["xiaomi"], 32160, date(2026, 9, 30), TODAY)
    sv.record_payment(ctx.db, ids["closed"], 19900, date(2026, 11, 1), TODAY)
    return ids


def visible(screen: PlansScreen) -> list[str]:
    proxy = screen.proxy
    return [proxy.index(r, NAME).data() for r in range(proxy.rowCount())]


def row_of(screen: PlansScreen, plan_id: int) -> int:
    return next(r for r, row in enumerate(screen.model.rows()) if row.id == plan_id)


def text(screen: PlansScreen, plan_id: int, column: int) -> str:
    return screen.model.index(row_of(screen, plan_id), column).data()


def test_rows_show_money_periods_apr_and_status(ctx, three, screen):
    x = three["xiaomi"]
    assert text(screen, x, PRINCIPAL) == "¥3,600.00"
    assert text(screen, x, PAID) == "2/12"
    assert text(screen, x, PER_PERIOD) == "¥321.60"
    assert text(screen, x, NEXT_DUE) == "2026-10-31"
    assert text(screen, x, REMAINING) == "¥3,216.00"
    assert text(screen, x, APR) == "13.03%"
    assert text(screen, x, STATUS) == "Overdue"
    assert text(screen, three["closed"], STATUS) == "Paid off"
    assert text(screen, three["closed"], NEXT_DUE) == "—"


def test_overdue_rows_are_red_and_closed_rows_grey(three, screen):
    def colour(plan_id: int) -> str:
        brush = screen.model.index(row_of(screen, plan_id), NAME).data(
            Qt.ItemDataRole.ForegroundRole
        )
        return brush.color().name() if isinstance(brush, QBrush) else ""

    assert colour(three["xiaomi"]) == "#c62828"
    assert colour(three["closed"]) == LIGHT.paid
    assert colour(three["huabei"]) == ""


def test_models_pass_the_model_tester(three, screen, qtmodeltester):
    qtmodeltester.check(screen.model)
    screen.show_plan(three["xiaomi"])
    assert screen.detail.schedule.rowCount() == 12
    qtmodeltester.check(screen.detail.schedule)
    screen.search.setText("小米")  # the filtering proxy, while it filters
    qtmodeltester.check(screen.proxy)


def test_detail_shows_terms_cost_and_schedule(three, screen):
    screen.show_plan(three["xiaomi"])
    values = {k: label.text() for k, label in screen.detail.values.items()}
    assert screen.detail.title.text() == "Xiaomi 14"
    assert values["rate"] == "0.60% per period"
    assert values["total_fee"] == "¥259.20"
    assert values["total_cost"] == "¥259.20"
    assert values["apr"] == "13.03%"
    assert values["effective"] == "13.84%"
    assert values["paid"] == "¥643.20"
    assert values["remaining"] == "¥3,216.00"
    assert values["policy"] == "Remaining principal + all remaining fees"
    schedule = screen.detail.schedule
    statuses = [schedule.index(r, 8).data() for r in range(schedule.rowCount())]
    assert statuses[:3] == ["Paid", "Paid", "Overdue (21 d)"]
    red = schedule.index(2, 0).data(Qt.ItemDataRole.ForegroundRole)
    grey = schedule.index(0, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert red.color().name() == "#c62828" and grey.color().name() == LIGHT.paid
    assert schedule.index(2, 7).data() == "¥321.60"


def test_search_by_name_platform_notes_and_chinese(three, screen):
    screen.search.setText("XIAOMI")
    assert visible(screen) == ["Xiaomi 14"]
    screen.search.setText("花呗")
    assert visible(screen) == ["冰箱"]
    screen.search.setText("冰")
    assert visible(screen) == ["冰箱"]
    screen.search.setText("小王")  # notes
    assert visible(screen) == ["Headphones"]
    screen.search.setText("klarna gift")  # every word, anywhere
    assert visible(screen) == ["Headphones"]
    screen.search.setText("nothing like this")
    assert visible(screen) == []
    assert screen.no_match.text() == "No matching plans. Esc clears the search."
    screen.search.clear()
    assert len(visible(screen)) == 3


def test_status_filter(three, screen):
    combo = screen.status_combo
    combo.setCurrentIndex(combo.findData("overdue"))
    assert visible(screen) == ["Xiaomi 14"]
    combo.setCurrentIndex(combo.findData("closed"))
    assert visible(screen) == ["Headphones"]
    combo.setCurrentIndex(combo.findData("active"))
    assert sorted(visible(screen)) == ["Xiaomi 14", "冰箱"]


def test_sorting_by_remaining_uses_amounts(ctx, screen):
    for name, amount in (("nine", 900), ("hundred", 10000), ("thousand", 100000)):
        add_plan(ctx, name, amount)
    screen.refresh()
    screen.table.sortByColumn(REMAINING, Qt.SortOrder.AscendingOrder)
    assert visible(screen) == ["nine", "hundred", "thousand"]  # text order would differ
    screen.table.sortByColumn(REMAINING, Qt.SortOrder.DescendingOrder)
    assert visible(screen) == ["thousand", "hundred", "nine"]


def test_sorting_next_due_puts_blanks_last(three, screen):
    screen.table.sortByColumn(NEXT_DUE, Qt.SortOrder.AscendingOrder)
    assert visible(screen) == ["Xiaomi 14", "冰箱", "Headphones"]


def test_selection_survives_refresh(ctx, three, screen):
    screen.show_plan(three["huabei"])
    ctx.act(screen, "pay", sv.record_payment, three["xiaomi"], 32160, TODAY, TODAY)
    assert screen.selected_id() == three["huabei"]
    assert screen.detail.title.text() == "冰箱"
    assert text(screen, three["xiaomi"], PAID) == "3/12"


def test_archive_hides_and_show_archived_shows(ctx, three, screen):
    screen.show_plan(three["huabei"])
    assert screen.archive_button.text() == "Archive"
    screen.toggle_archived()
    assert "冰箱" not in visible(screen)
    screen.archived_check.setChecked(True)
    assert "冰箱" in visible(screen)
    screen.show_plan(three["huabei"])
    assert screen.archive_button.text() == "Restore"
    screen.toggle_archived()
    screen.archived_check.setChecked(False)
    assert "冰箱" in visible(screen)


def test_show_plan_relaxes_filters_that_hide_it(ctx, three, screen):
    sv.set_archived(ctx.db, three["huabei"], True)
    screen.search.setText("xiaomi")
    screen.show_plan(three["huabei"])
    assert screen.archived_check.isChecked() and screen.search.text() == ""
    assert screen.selected_id() == three["huabei"]


def test_delete_asks_and_undo_restores_with_payments(ctx, three, screen):
    assert isinstance(ctx.interaction, ScriptedInteraction)
    x = three["xiaomi"]
    screen.show_plan(x)
    ctx.interaction.answers = [False]
    screen.delete_selected()
    assert "Xiaomi 14" in ctx.interaction.asked[-1] and "2 payments" in ctx.interaction.asked[-1]
    assert x in [p.id for p in sv.list_plans(ctx.db, TODAY)]

    ctx.interaction.answers = [True]
    screen.delete_selected()
    assert x not in [p.id for p in sv.list_plans(ctx.db, TODAY)]
    assert "Xiaomi 14" not in visible(screen)
    assert ctx.undo()
    assert len(sv.history(ctx.db, x)) == 2
    assert "Xiaomi 14" in visible(screen)
    assert text(screen, x, PAID) == "2/12"


def test_delete_wording_for_no_and_one_payment(ctx, three, screen):
    screen.show_plan(three["huabei"])
    ctx.interaction.answers = [False]
    screen.delete_selected()
    assert ctx.interaction.asked[-1].startswith("Delete “冰箱”? It has no payments.")
    screen.show_plan(three["closed"])
    ctx.interaction.answers = [False]
    screen.delete_selected()
    assert "and its 1 payment?" in ctx.interaction.asked[-1]


def test_buttons_follow_the_selection(three, screen):
    screen.table.clearSelection()
    assert not screen.edit_button.isEnabled() and not screen.delete_button.isEnabled()
    screen.show_plan(three["closed"])
    assert screen.edit_button.isEnabled()
    assert not screen.pay_button.isEnabled() and not screen.payoff_button.isEnabled()
    screen.show_plan(three["xiaomi"])
    assert screen.pay_button.isEnabled() and screen.payoff_button.isEnabled()


def test_actions_open_the_right_dialogs(ctx, three, screen, monkeypatch):
    from tracker.ui import payment_dialog

    calls: list[tuple[str, int | None]] = []
    monkeypatch.setattr(
        payment_dialog, "record_payment_dialog", lambda c, p, i: calls.append(("pay", i))
    )
    monkeypatch.setattr(payment_dialog, "payoff_dialog", lambda c, p, i: calls.append(("off", i)))
    monkeypatch.setattr(
        plan_dialog, "open_plan_dialog", lambda c, p, i=None: calls.append(("edit", i))
    )
    x = three["xiaomi"]
    screen.show_plan(x)
    screen.record_payment()
    screen.pay_off()
    screen.edit_selected()
    row = screen.proxy.index(screen.table.currentIndex().row(), NAME)
    screen.table.doubleClicked.emit(row)
    assert calls == [("pay", x), ("off", x), ("edit", x), ("edit", x)]


def test_record_payment_without_selection_says_so(ctx, three, screen):
    screen.table.clearSelection()
    screen.record_payment()
    assert ctx.interaction.infos == ["Select a plan in the table first."]


def test_new_plan_selects_the_saved_plan(ctx, three, screen, monkeypatch):
    def fake(c, parent, plan_id=None):
        return add_plan(ctx, "新的", 5000)

    monkeypatch.setattr(plan_dialog, "open_plan_dialog", fake)
    screen.search.setText("xiaomi")
    screen.new_plan()
    assert screen.selected_row() is not None and screen.selected_row().name == "新的"


def test_empty_state_hint(screen):
    assert "No plans yet" in screen.detail.hint.text()


def test_focus_search(screen, qtbot):
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    screen.search.setText("abc")
    screen.focus_search()
    qtbot.waitUntil(screen.search.hasFocus)
    assert screen.search.selectedText() == "abc"


def test_state_persists(ctx, qtbot, three, screen):
    screen.status_combo.setCurrentIndex(screen.status_combo.findData("overdue"))
    screen.archived_check.setChecked(True)
    screen.table.sortByColumn(REMAINING, Qt.SortOrder.DescendingOrder)
    screen.table.horizontalHeader().resizeSection(NAME, 321)
    screen.save_state()
    again = PlansScreen(ctx)
    qtbot.addWidget(again)
    assert again.status_combo.currentData() == "overdue"
    assert again.archived_check.isChecked()
    header = again.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        REMAINING,
        Qt.SortOrder.DescendingOrder,
    )
    assert header.sectionSize(NAME) == 321


def test_rows_carry_the_summary(three, screen):
    row = screen.proxy.index(0, 0).data(ROW_ROLE)
    assert isinstance(row, sv.PlanSummary)
    assert {r.status for r in screen.model.rows()} >= {PlanStatus.OVERDUE, PlanStatus.CLOSED}
    assert Decimal(0) <= min(r.apr for r in screen.model.rows())
