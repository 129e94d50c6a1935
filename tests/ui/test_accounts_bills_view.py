"""The setting "Show bills instead of single installments for accounts": the Overview's
attention list and the Calendar show one row per account bill (account, due date, total),
the row's payment action opens that bill; the Settings dialog stores the choice."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.ui.conftest import TODAY
from tracker import services as sv
from tracker.domain.accounts import AccountKind, DueRule, default_terms
from tracker.domain.ledger import Status
from tracker.domain.plan import Model, PlanTerms
from tracker.services import accounts as acc
from tracker.services.account_rows import bill_due_date, bill_rows, plan_accounts
from tracker.services.calendar import installments_between
from tracker.ui.bill_dialog import BillDialog
from tracker.ui.calendar_view import CalendarScreen
from tracker.ui.due_list import ACTION_COLUMN
from tracker.ui.overview import OverviewScreen
from tracker.ui.settings_dialog import SettingsDialog

BILL_DUE = date(2026, 11, 25)


def setup_plans(ctx) -> dict[str, int]:
    """A card (statement the 11th, due the 25th) carrying 321.60 + 200.00 on 11-25, and a
    plan on no account due 11-24."""
    terms = default_terms(AccountKind.CREDIT_CARD, 11, DueRule.day_of_month(25))
    card = acc.add_account(ctx.db, "CMB card", terms).created_id
    assert card is not None
    posted = date(2026, 10, 20)  # → the 11-11 statement, due 11-25
    ids = {"card": card}
    for name, t in (
        ("Phone", PlanTerms(Model.FLAT, 360000, 12, BILL_DUE, Decimal("0.006"))),
        ("Bike", PlanTerms(Model.INTEREST_FREE, 60000, 3, BILL_DUE)),
    ):
        data = sv.PlanInput(name=name, terms=t, purchase_date=posted, account_id=card)
        ids[name] = sv.add_plan(ctx.db, data).created_id
    desk = PlanTerms(Model.INTEREST_FREE, 30000, 3, date(2026, 11, 24))
    ids["Desk"] = sv.add_plan(ctx.db, sv.PlanInput(name="Desk", terms=desk)).created_id
    return ids


def test_bill_rows_fold_an_accounts_installments(ctx) -> None:
    ids = setup_plans(ctx)
    items = installments_between(ctx.db, date(2026, 11, 1), date(2026, 11, 30), TODAY, 7)
    assert len(items) == 3
    folded = bill_rows(items, plan_accounts(ctx.db))
    assert [(r.plan_id, r.plan_name, r.due_date, r.total, r.periods) for r in folded] == [
        (ids["Desk"], "Desk", date(2026, 11, 24), 10000, 3),
        (-ids["card"], "CMB card", BILL_DUE, 52160, 2),
    ]
    assert folded[1].status is Status.DUE_SOON
    terms = acc.get_account(ctx.db, ids["card"]).terms
    assert bill_due_date(terms, date(2026, 11, 12)) == BILL_DUE
    assert bill_due_date(terms, date(2026, 11, 26)) == date(2026, 12, 25)


def test_overview_lists_one_row_per_bill_when_set(qtbot, ctx) -> None:
    ids = setup_plans(ctx)
    screen = OverviewScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()  # the rows in view get their buttons
    qtbot.waitExposed(screen)
    assert sorted(i.plan_name for i in screen.due_list.model.rows()) == ["Bike", "Desk", "Phone"]
    ctx.settings.bills_for_accounts = True
    screen.refresh()
    proxy = screen.due_list.proxy
    cells = [[proxy.index(r, c).data() for c in range(4)] for r in range(proxy.rowCount())]
    assert cells == [
        ["2026-11-24", "Desk", "1/3", "¥100.00"],
        ["2026-11-25", "CMB card", "Bill", "¥521.60"],
    ]
    button = screen.due_list.table.indexWidget(proxy.index(1, ACTION_COLUMN))
    assert button.toolTip() == "Pay the bill of CMB card"
    button.click()
    (dialog,) = screen.findChildren(BillDialog)
    qtbot.addWidget(dialog)
    assert dialog.account_id == ids["card"] and dialog.due.text() == "2026-11-25"
    assert dialog.total.text() == "¥521.60"


def test_calendar_shows_bills_when_set(qtbot, ctx) -> None:
    ids = setup_plans(ctx)
    ctx.settings.bills_for_accounts = True
    screen = CalendarScreen(ctx)
    qtbot.addWidget(screen)
    (bill,) = screen.grid.items_on(BILL_DUE)
    assert (bill.plan_name, bill.amount_due) == ("CMB card", 52160)
    screen.select_day(BILL_DUE)
    assert [screen.proxy.index(0, c).data() for c in range(4)] == [
        "CMB card",
        "Bill · 2 installments",
        "¥521.60",
        "¥521.60",
    ]
    screen.record_payment()
    (dialog,) = screen.findChildren(BillDialog)
    qtbot.addWidget(dialog)
    assert dialog.account_id == ids["card"] and dialog.table.rowCount() == 2
    ctx.settings.bills_for_accounts = False
    screen.refresh()
    assert sorted(i.plan_name for i in screen.grid.items_on(BILL_DUE)) == ["Bike", "Phone"]


def test_settings_dialog_stores_the_choice(qtbot, ctx) -> None:
    assert ctx.settings.bills_for_accounts is False
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.bills.isChecked()
    dialog.bills.setChecked(True)
    dialog.apply()
    assert ctx.settings.bills_for_accounts is True
    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    assert again.bills.isChecked()


def test_next_payment_card_shows_the_accounts_bill_when_set(qtbot, ctx) -> None:
    ids = setup_plans(ctx)
    later = PlanTerms(Model.INTEREST_FREE, 30000, 3, date(2026, 11, 25))
    sv.add_plan(ctx.db, sv.PlanInput(name="Lamp", terms=later))  # on no account, same day
    sv.pay_off(ctx.db, ids["Desk"], TODAY, TODAY)  # the 11-24 plan: nothing before the bill
    screen = OverviewScreen(ctx)
    qtbot.addWidget(screen)
    card = screen.next_card
    assert card.value.text() == "¥321.60"  # a single installment of a plan on the card
    assert card.detail.text() == "2026-11-25 (in 4 days) · Phone and 2 more"
    ctx.settings.bills_for_accounts = True
    screen.refresh()
    assert card.value.text() == "¥521.60"  # the CMB card's bill: 321.60 + 200.00
    assert card.detail.text() == (
        "2026-11-25 (in 4 days) · CMB card · bill of 2 installments and 1 more"
    )
    ctx.settings.bills_for_accounts = False
    screen.refresh()
    assert card.value.text() == "¥321.60"
