"""A bill payment on the Payments screen: each plan's part shows the bill payment (kind, the
bill's note and method), voiding one part asks about the whole bill and voids it all, and
Ctrl+Z brings every part back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from tracker import services as sv
from tracker.domain import Model, PlanTerms
from tracker.domain.accounts import MONTH_END, AccountKind, DueRule, default_terms
from tracker.services import accounts as acc
from tracker.services.audit import audit
from tracker.ui.context import AppContext
from tracker.ui.payments_view import PaymentsScreen

CARD = default_terms(AccountKind.CREDIT_CARD, MONTH_END, DueRule.day_of_month(25))


def test_bill_parts_show_and_void_together(qtbot, ctx: AppContext) -> None:
    card = acc.add_account(ctx.db, "招行信用卡", CARD).created_id
    phone = PlanTerms(Model.FLAT, 360000, 12, date(2026, 3, 25), Decimal("0.006"))
    tv = PlanTerms(Model.INTEREST_FREE, 90000, 3, date(2026, 4, 25))
    for name, terms, bought in (("小米手机", phone, date(2026, 2, 20)),
                                ("电视", tv, date(2026, 3, 5))):  # fmt: skip
        data = sv.PlanInput(name=name, terms=terms, purchase_date=bought, account_id=card)
        sv.add_plan(ctx.db, data, as_of=date(2026, 6, 1), paid_periods=0)
    assert card is not None
    change, _ = acc.pay_bill(ctx.db, card, date(2026, 3, 1), 70000, date(2026, 4, 20),
                             date(2026, 6, 1), "招行App")  # fmt: skip
    screen = PaymentsScreen(ctx)
    qtbot.addWidget(screen)
    rows = screen.shown_rows()
    assert sorted(r.amount for r in rows) == [30000, 32160]
    kinds = {screen.proxy.index(k, 5).data() for k in range(2)}  # after Settled, Method
    assert kinds == {f"Bill payment {change.created_id}"}
    assert {screen.proxy.index(k, 4).data() for k in range(2)} == {"招行App"}
    assert {screen.proxy.index(k, 6).data() for k in range(2)} == {"bill 2026-03 · 招行信用卡"}
    ctx.interaction.answers = [True]
    screen.select_payment(rows[0].id)
    with qtbot.waitSignal(ctx.changed):
        qtbot.mouseClick(screen.void_button, Qt.MouseButton.LeftButton)
    assert f"part of bill payment {change.created_id}" in ctx.interaction.asked[0]
    assert all(r.voided for r in screen.shown_rows())
    assert audit(ctx.db).ok
    assert ctx.undo()
    assert not any(r.voided for r in screen.shown_rows())
    assert sorted(r.amount for r in sv.history(ctx.db) if not r.voided) == [30000, 32160]
    assert audit(ctx.db).ok
