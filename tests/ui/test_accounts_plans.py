"""Accounts on the Plans screen (grouping, filter, persisted, context menu to the bill) and in
the plan form (the Account field puts due dates on the account's statements), on real widgets
over a real SQLite file."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import TODAY
from tracker import services as sv
from tracker.domain.accounts import AccountKind, DueRule, default_terms
from tracker.domain.plan import Model, PlanTerms
from tracker.services import accounts as acc
from tracker.ui.bill_dialog import BillDialog
from tracker.ui.plan_dialog import PlanDialog
from tracker.ui.plans_table import AccountGroup
from tracker.ui.plans_view import PlansScreen
from tracker.ui.table_model import ROW_ROLE


def account(ctx, name: str, day: int, rule: DueRule, kind=AccountKind.CREDIT_CARD) -> int:
    change = acc.add_account(ctx.db, name, default_terms(kind, day, rule))
    assert change.created_id is not None
    return change.created_id


def plan(ctx, name: str, account_id: int | None, first_due=date(2027, 1, 5)) -> sv.Change:
    terms = PlanTerms(Model.INTEREST_FREE, 60000, 3, first_due)
    return sv.PlanInput(name=name, terms=terms, account_id=account_id)


def add(ctx, name: str, account_id: int | None) -> int:
    change = sv.add_plan(ctx.db, plan(ctx, name, account_id))
    assert change.created_id is not None
    return change.created_id


def visible(screen: PlansScreen) -> list[str]:
    p = screen.proxy
    return [p.index(r, 0).data() for r in range(p.rowCount())]


@pytest.fixture
def accounts(ctx) -> dict[str, int]:
    ids = {
        "cmb": account(ctx, "CMB card", 11, DueRule.day_of_month(25)),
        "huabei": account(ctx, "花呗", 1, DueRule.day_of_month(10), AccountKind.HUABEI),
    }
    add(ctx, "Phone", ids["cmb"])
    add(ctx, "Bike", ids["cmb"])
    add(ctx, "冰箱", ids["huabei"])
    add(ctx, "Desk", None)
    return ids


def make_screen(ctx, qtbot) -> PlansScreen:
    screen = PlansScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1200, 600)
    screen.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return screen


def test_grouping_by_account_and_the_filter_persist(ctx, qtbot, qtmodeltester, accounts) -> None:
    screen = make_screen(ctx, qtbot)
    assert visible(screen) == ["Bike", "Desk", "Phone", "冰箱"]  # not grouped: plans only
    assert [screen.accounts.combo.itemText(i) for i in range(4)] == [
        "All accounts",
        "CMB card",
        "花呗",
        "No account",
    ]
    screen.accounts.group_check.setChecked(True)
    assert visible(screen) == [
        "CMB card · 2 plans",
        "Bike",
        "Phone",
        "花呗 · 1 plan",
        "冰箱",
        "No account · 1 plan",
        "Desk",
    ]
    qtmodeltester.check(screen.model)
    qtmodeltester.check(screen.proxy)
    heading = screen.proxy.index(0, 0)
    assert heading.data(Qt.ItemDataRole.FontRole).bold()
    assert screen.proxy.index(0, 6).data() == "¥1,200.00"  # what its plans still owe
    screen.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # headings stay on top
    assert visible(screen)[:3] == ["CMB card · 2 plans", "Phone", "Bike"]
    assert visible(screen)[-2:] == ["No account · 1 plan", "Desk"]
    screen.table.selectRow(0)  # a heading is not a plan
    assert screen.selected_row() is None and not screen.edit_button.isEnabled()
    screen.accounts.combo.setCurrentIndex(screen.accounts.combo.findData(accounts["huabei"]))
    assert visible(screen) == ["花呗 · 1 plan", "冰箱"]
    screen.accounts.combo.setCurrentIndex(screen.accounts.combo.findData("none"))
    assert visible(screen) == ["No account · 1 plan", "Desk"]
    screen.search.setText("nothing like it")
    assert visible(screen) == []  # no heading without plans
    screen.search.clear()
    screen.save_state()
    again = make_screen(ctx, qtbot)
    assert again.accounts.grouped() and again.accounts.current() == "none"
    assert visible(again) == ["No account · 1 plan", "Desk"]


def test_a_new_plan_on_an_account_joins_its_group(ctx, qtbot, accounts) -> None:
    screen = make_screen(ctx, qtbot)
    screen.accounts.group_check.setChecked(True)
    ctx.act(None, "Add plan", sv.add_plan, plan(ctx, "Laptop", accounts["huabei"]))
    assert visible(screen)[3:6] == ["花呗 · 2 plans", "Laptop", "冰箱"]  # by name
    change = ctx.act(
        None, "Add", acc.add_account, "BOC", default_terms("other", 5, DueRule.days_after(20))
    )
    assert change is not None  # a new account: the filter offers it at once
    assert screen.accounts.combo.findText("BOC") > 0


def test_context_menu_on_an_account_opens_its_bill(ctx, qtbot, accounts) -> None:
    screen = make_screen(ctx, qtbot)
    screen.accounts.group_check.setChecked(True)
    screen.show()
    qtbot.waitExposed(screen)
    pos = screen.table.visualRect(screen.proxy.index(3, 0)).center()  # 花呗's heading
    assert isinstance(screen.proxy.index(3, 0).data(ROW_ROLE), AccountGroup)
    assert screen.accounts.account_at(pos) == accounts["huabei"]
    menu = screen.accounts.show_menu(pos)
    assert menu is not None
    assert [a.text() for a in menu.actions()] == ["Bill of “花呗”…", "Edit account “花呗”…"]
    menu.close()
    dialog = screen.accounts.open_bill(accounts["huabei"])
    qtbot.addWidget(dialog)
    assert isinstance(dialog, BillDialog) and dialog.windowTitle() == "Bill: 花呗"
    desk = screen.table.visualRect(screen.proxy.index(6, 0)).center()  # a plan on no account
    assert screen.accounts.account_at(desk) is None and screen.accounts.show_menu(desk) is None


def test_plan_form_takes_due_dates_from_the_account(ctx, qtbot) -> None:
    # statement on the 28th, due 20 days after: 01-17, 02-17, 03-20 (Feb 28 + 20), 04-17
    ccb = account(ctx, "CCB", 28, DueRule.days_after(20))
    dialog = PlanDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("电视")
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("interest_free"))
    dialog.principal_edit.setText("4000")
    dialog.periods_spin.setValue(4)
    assert dialog.purchase_edit.date().toString("yyyy-MM-dd") == "2026-11-21"  # today
    assert dialog.first_due_edit.date().toString("yyyy-MM-dd") == "2026-12-21"
    assert [dialog.account_combo.itemText(i) for i in range(2)] == ["None", "CCB"]
    dialog.account_combo.setCurrentIndex(1)
    # 11-21 → the 11-28 statement, due 12-18
    assert dialog.first_due_edit.date().toString("yyyy-MM-dd") == "2026-12-18"
    dates = [i.due_date for i in dialog.preview.model.rows()]
    assert dates == [date(2026, 12, 18), date(2027, 1, 17), date(2027, 2, 17), date(2027, 3, 20)]
    dialog.save()
    assert dialog.saved_id is not None
    detail = sv.plan_detail(ctx.db, dialog.saved_id, TODAY)
    assert detail.input.account_id == ccb
    assert [s.due_date for s in detail.state.installments] == dates
    edit = PlanDialog(ctx, None, dialog.saved_id)
    qtbot.addWidget(edit)
    assert edit.account_combo.currentText() == "CCB"
    edit.account_combo.setCurrentIndex(0)  # an edit keeps its own first due date
    assert edit.first_due_edit.date().toString("yyyy-MM-dd") == "2026-12-18"


def test_a_first_due_date_the_user_chose_stays(ctx, qtbot) -> None:
    account(ctx, "CCB", 28, DueRule.days_after(20))
    dialog = PlanDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Sofa")
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("interest_free"))
    dialog.principal_edit.setText("1200")
    dialog.first_due_edit.setDate(dialog.first_due_edit.date().addDays(3))  # 2026-12-24
    dialog.account_combo.setCurrentIndex(1)
    assert dialog.first_due_edit.date().toString("yyyy-MM-dd") == "2026-12-24"
    dates = [i.due_date for i in dialog.preview.model.rows()]
    assert dates[:2] == [date(2026, 12, 24), date(2027, 1, 24)]  # monthly from its own date
    assert dialog.reader.read().data.account_id is not None


def test_plan_summary_carries_the_account(ctx, accounts) -> None:
    rows = {r.name: r.account_id for r in sv.list_plans(ctx.db, TODAY)}
    assert rows == {"Phone": accounts["cmb"], "Bike": accounts["cmb"], "冰箱": accounts["huabei"],
                    "Desk": None}  # fmt: skip
    assert Decimal(0) == 0
