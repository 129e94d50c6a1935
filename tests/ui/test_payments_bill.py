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

METHOD, KIND, NOTE = 4, 5, 6  # after Date, Plan, Amount, Settled
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
    kinds = {screen.proxy.index(k, KIND).data() for k in range(2)}
    assert kinds == {f"Bill payment {change.created_id}"}
    assert {screen.proxy.index(k, METHOD).data() for k in range(2)} == {"招行App"}
    assert {screen.proxy.index(k, NOTE).data() for k in range(2)} == {"Bill 2026-03 · 招行信用卡"}
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


def test_the_bill_note_shows_in_the_ui_language(qtbot, qapp, ctx: AppContext, tmp_path) -> None:
    from tracker.ui.i18n import install_translators

    card = acc.add_account(ctx.db, "招行信用卡", CARD).created_id
    assert card is not None
    phone = PlanTerms(Model.FLAT, 360000, 12, date(2026, 3, 25), Decimal("0.006"))
    data = sv.PlanInput(name="小米手机", terms=phone, purchase_date=date(2026, 2, 20),
                        account_id=card)  # fmt: skip
    pid = sv.add_plan(ctx.db, data, as_of=date(2026, 6, 1), paid_periods=0).created_id
    sv.record_payment(ctx.db, pid, 100, date(2026, 3, 1), date(2026, 6, 1), note="bill 2026-02 · x")
    acc.pay_bill(ctx.db, card, date(2026, 3, 1), 32060, date(2026, 4, 20), date(2026, 6, 1))
    assert [p.note for p in sv.history(ctx.db)] == ["bill 2026-02 · x", "bill 2026-03 · 招行信用卡"]
    try:
        for lang, want in (
            ("en", "Bill 2026-03 · 招行信用卡"),
            ("zh_CN", "2026-03 账单 · 招行信用卡"),
        ):
            install_translators(qapp, lang)
            screen = PaymentsScreen(ctx)
            qtbot.addWidget(screen)
            screen.resize(1400, 200)
            notes = [screen.proxy.index(k, NOTE).data() for k in range(screen.proxy.rowCount())]
            # a note the user typed stays as typed, even one that looks like a bill's
            assert sorted(notes) == sorted([want, "bill 2026-02 · x"])
            screen.grab().save(str(tmp_path / f"payments-{lang}.png"))
    finally:
        install_translators(qapp, "en")
