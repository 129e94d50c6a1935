"""The plan form: every template to the fen, live validation, saving, editing and undo."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.domain.plan import Model
from tracker.ui import fmt
from tracker.ui.plan_dialog import PlanDialog, open_plan_dialog
from tracker.ui.plan_form import percent_text, split_amounts
from tracker.ui.plans_view import PlansScreen
from tracker.ui.table_model import ROW_ROLE


def make_dialog(ctx, qtbot, plan_id: int | None = None) -> PlanDialog:
    dialog = PlanDialog(ctx, None, plan_id)
    qtbot.addWidget(dialog)
    return dialog


def choose(dialog: PlanDialog, key: str) -> None:
    index = dialog.template_combo.findData(key)
    assert index > 0, key
    dialog.template_combo.setCurrentIndex(index)


def type_into(qtbot, edit, text: str) -> None:
    """Replace an ASCII field's text by typing, as a user would."""
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def totals(dialog: PlanDialog) -> list[int]:
    return [i.total for i in dialog.preview.model.rows()]


def cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


# key, name (Chinese through setText), principal, periods, rate, expected totals, APR
TEMPLATE_CASES = [
    ("xiaomi", "小米 14", "3600", None, None, [32160] * 12, "13.03%"),
    ("huabei", "花呗 - 冰箱", "1000", None, None, [17420] + [17416] * 5, "15.27%"),
    ("jd_baitiao", "京东 - 电视", "3600", None, None, [31800] * 12, "10.90%"),
    ("credit_card", "信用卡 - 笔记本", "3600", None, None, [32700] * 12, "16.22%"),
    ("annuity_loan", "车贷", "10000", "12", "12", [88849] * 11 + [88847], "12.00%"),
    ("equal_principal_loan", "房贷", "10000", "12", "12", None, "12.00%"),
    ("interest_free", "免息 - 耳机", "1000", "3", None, [33334, 33333, 33333], "0.00%"),
    ("pay_in_4", "Pay in 4 - shoes", "100.01", None, None, [2501, 2500, 2500, 2500], "0.00%"),
]


@pytest.mark.parametrize(
    ("key", "name", "principal", "periods", "rate", "expected", "apr"), TEMPLATE_CASES
)
def test_create_from_each_template(ctx, qtbot, key, name, principal, periods, rate, expected, apr):
    screen = PlansScreen(ctx)
    qtbot.addWidget(screen)
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, key)
    dialog.name_edit.setText(name)
    type_into(qtbot, dialog.principal_edit, principal)
    if periods:
        type_into(qtbot, dialog.periods_spin.lineEdit(), periods)
    if rate:
        type_into(qtbot, dialog.rate_edit, rate)
    got = totals(dialog)
    if expected is None:  # equal principal: 933.33 first, 841.70 last
        assert (got[0], got[-1], len(got)) == (93333, 84170, 12)
    else:
        assert got == expected
    assert dialog.preview.apr_value.text() == apr
    assert dialog.save_button.isEnabled(), dialog.message.text()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_id is not None
    rows = [r for r in screen.model.rows() if r.id == dialog.saved_id]
    assert len(rows) == 1 and rows[0].name == name
    row = screen.model.rows().index(rows[0])
    most = max(got.count(t) for t in got)
    per_period = next(t for t in got if got.count(t) == most)  # the regular amount
    assert cell(screen.model, row, 4) == fmt.money(per_period)
    assert cell(screen.model, row, 7) == apr


def test_pay_in_4_is_due_every_14_days_from_the_purchase(ctx, qtbot):
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, "pay_in_4")
    assert not dialog.form.isRowVisible(dialog.rate_edit)
    type_into(qtbot, dialog.principal_edit, "100.01")
    dues = [i.due_date for i in dialog.preview.model.rows()]
    assert dues == [TODAY + timedelta(days=14 * k) for k in range(4)]
    assert cell(dialog.preview.model, 0, 4) == "¥25.01"
    assert cell(dialog.preview.model, 1, 4) == "¥25.00"


def test_custom_amounts_are_checked_against_the_periods(ctx, qtbot):
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, "custom")
    dialog.name_edit.setText("自定义 - 沙发")
    type_into(qtbot, dialog.principal_edit, "1000")
    type_into(qtbot, dialog.periods_spin.lineEdit(), "3")
    type_into(qtbot, dialog.amounts_edit, "340.34, 340.33")
    assert not dialog.save_button.isEnabled()
    assert "2 amounts for 3 periods" in dialog.message.text()
    assert "c62828" in dialog.amounts_edit.styleSheet()
    type_into(qtbot, dialog.amounts_edit, "340.34, 340.33, 340.33")
    assert totals(dialog) == [34034, 34033, 34033]
    assert dialog.preview.fee_value.text() == "¥21.00"
    assert dialog.preview.apr_value.text() == "12.56%"
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = sv.plan_detail(ctx.db, dialog.saved_id, TODAY).input.terms
    assert stored.model is Model.CUSTOM and stored.custom_amounts == (34034, 34033, 34033)


def test_custom_amounts_below_the_principal_are_refused(ctx, qtbot):
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, "custom")
    dialog.name_edit.setText("x")
    type_into(qtbot, dialog.principal_edit, "1000")
    type_into(qtbot, dialog.periods_spin.lineEdit(), "2")
    type_into(qtbot, dialog.amounts_edit, "100 100")
    assert not dialog.save_button.isEnabled()
    assert "less than the principal" in dialog.message.text()


@pytest.mark.parametrize(
    ("field", "text", "reason"),
    [
        ("principal", "12.345", "more than 2 decimal places"),
        ("principal", "abc", "is not an amount"),
        ("principal", "-5", "negative"),
        ("periods", "0", "out of range"),
        ("rate", "101", "above 100%"),
        ("rate", "abc", "is not a rate"),
        ("upfront", "5000", "upfront fee must be less than the principal"),
        ("tolerance", "1.001", "more than 2 decimal places"),
    ],
)
def test_invalid_input_keeps_save_disabled_with_the_reason(ctx, qtbot, field, text, reason):
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, "xiaomi")
    dialog.name_edit.setText("小米")
    type_into(qtbot, dialog.principal_edit, "3600")
    assert dialog.save_button.isEnabled()
    widget = {
        "principal": dialog.principal_edit,
        "periods": dialog.periods_spin.lineEdit(),
        "rate": dialog.rate_edit,
        "upfront": dialog.upfront_edit,
        "tolerance": dialog.tolerance_edit,
    }[field]
    type_into(qtbot, widget, text)
    assert not dialog.save_button.isEnabled()
    assert reason in dialog.message.text()
    assert dialog.message.isVisible() or not dialog.isVisible()
    marked = dialog.periods_spin if field == "periods" else widget
    assert "c62828" in marked.styleSheet()
    assert reason in marked.toolTip()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert sv.list_plans(ctx.db, TODAY) == []


def test_missing_fields_are_listed_with_the_chinese_enumeration_comma(qapp, ctx, qtbot):
    from tracker.ui.i18n import install_translators

    install_translators(qapp, "zh_CN")
    try:
        dialog = make_dialog(ctx, qtbot)
        assert "请先填写：名称、本金" in dialog.message.text()
    finally:
        install_translators(qapp, "en")


def test_a_fresh_form_names_what_is_missing_without_red(ctx, qtbot):
    dialog = make_dialog(ctx, qtbot)
    assert not dialog.save_button.isEnabled()
    assert "To save, fill in: Name, Principal" in dialog.message.text()
    assert dialog.principal_edit.styleSheet() == ""
    type_into(qtbot, dialog.principal_edit, "x")
    qtbot.keyClick(dialog.principal_edit, Qt.Key.Key_Backspace)
    assert "an amount is required" in dialog.message.text()
    assert "c62828" in dialog.principal_edit.styleSheet()


def test_rate_label_and_fields_follow_the_model(ctx, qtbot):
    dialog = make_dialog(ctx, qtbot)
    expected = {
        Model.FLAT: "Fee per period (%)",
        Model.TOTAL: "Total fee rate (%)",
        Model.ANNUITY: "Annual interest rate (%)",
        Model.EQUAL_PRINCIPAL: "Annual interest rate (%)",
    }
    for model in Model:
        dialog.model_combo.setCurrentIndex(dialog.model_combo.findData(model.value))
        assert dialog.form.isRowVisible(dialog.rate_edit) == model.uses_rate
        if model.uses_rate:
            assert dialog.rate_label.text() == expected[model]
        assert dialog.form.isRowVisible(dialog.amounts_edit) == (model is Model.CUSTOM)
        assert dialog.form.isRowVisible(dialog.fee_mode_combo) == (model is Model.FLAT)


def test_first_due_follows_the_purchase_date_until_chosen(ctx, qtbot):
    dialog = make_dialog(ctx, qtbot)
    assert fmt.pydate(dialog.first_due_edit.date()) == date(2026, 12, 21)
    dialog.purchase_edit.setDate(fmt.qdate(date(2026, 1, 31)))
    assert fmt.pydate(dialog.first_due_edit.date()) == date(2026, 2, 28)
    choose(dialog, "pay_in_4")
    assert fmt.pydate(dialog.first_due_edit.date()) == date(2026, 1, 31)
    choose(dialog, "xiaomi")
    dialog.first_due_edit.setDate(fmt.qdate(date(2026, 3, 5)))
    dialog.purchase_edit.setDate(fmt.qdate(date(2026, 2, 10)))
    assert fmt.pydate(dialog.first_due_edit.date()) == date(2026, 3, 5)


def test_template_fills_options_and_huabei_rate_follows_the_term(ctx, qtbot):
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, "credit_card")
    assert dialog.grace_spin.value() == 3
    assert dialog.rate_edit.text() == "0.75"
    assert dialog.penalty_edit.text() == "0.05"
    choose(dialog, "huabei")
    assert dialog.platform_edit.text() == "花呗"
    assert dialog.rate_edit.text() == "4.5"
    assert dialog.grace_spin.value() == 0
    dialog.periods_spin.setValue(12)
    assert dialog.rate_edit.text() == "7.5"
    type_into(qtbot, dialog.rate_edit, "7")  # the user's own rate is kept from now on
    dialog.periods_spin.setValue(3)
    assert dialog.rate_edit.text() == "7"
    dialog.platform_edit.setText("支付宝")
    choose(dialog, "jd_baitiao")
    assert dialog.platform_edit.text() == "支付宝"  # typed by the user: kept


def test_edit_prefills_and_keeps_payments(ctx, qtbot):
    plan_id = add_flat_plan(ctx, first_due=date(2026, 8, 31))
    for day in (date(2026, 8, 31), date(2026, 9, 30)):
        sv.record_payment(ctx.db, plan_id, 32160, day, TODAY)
    dialog = make_dialog(ctx, qtbot, plan_id)
    assert dialog.name_edit.text() == "Xiaomi 14"
    assert dialog.principal_edit.text() == "3600.00"
    assert dialog.rate_edit.text() == "0.6"
    assert dialog.periods_spin.value() == 12
    assert fmt.pydate(dialog.first_due_edit.date()) == date(2026, 8, 31)
    assert dialog.save_button.isEnabled()
    assert "payments" in dialog.note.text()
    dialog.name_edit.setText("小米 14 Pro")
    type_into(qtbot, dialog.principal_edit, "4800")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_id == plan_id
    detail = sv.plan_detail(ctx.db, plan_id, TODAY)
    assert detail.input.name == "小米 14 Pro"
    assert detail.input.terms.principal == 480000
    assert detail.input.purchase_date is None  # never entered, still none
    assert len(sv.history(ctx.db, plan_id)) == 2
    assert detail.state.periods_paid == 2
    assert ctx.undo()
    before = sv.plan_detail(ctx.db, plan_id, TODAY)
    assert (before.input.name, before.input.terms.principal) == ("Xiaomi 14", 360000)


def test_new_plan_is_undoable(ctx, qtbot):
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, "xiaomi")
    dialog.name_edit.setText("小米")
    type_into(qtbot, dialog.principal_edit, "3600")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [p.id for p in sv.list_plans(ctx.db, TODAY)] == [dialog.saved_id]
    assert ctx.undo_label() == "Add plan"
    assert ctx.undo()
    assert sv.list_plans(ctx.db, TODAY) == []


def test_open_plan_dialog_returns_the_saved_id(ctx, qtbot):
    def fill_and_save() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, PlanDialog) and w.isVisible()
        )
        choose(dialog, "interest_free")
        dialog.name_edit.setText("免息 - 吹风机")
        dialog.principal_edit.setText("999")
        dialog.save_button.click()

    QTimer.singleShot(0, fill_and_save)
    plan_id = open_plan_dialog(ctx, None)
    assert plan_id is not None
    assert sv.plan_detail(ctx.db, plan_id, TODAY).input.name == "免息 - 吹风机"

    QTimer.singleShot(
        0,
        lambda: next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, PlanDialog) and w.isVisible()
        ).reject(),
    )
    assert open_plan_dialog(ctx, None, plan_id) is None


def test_preview_model_passes_the_model_tester(ctx, qtbot, qtmodeltester):
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, "xiaomi")
    type_into(qtbot, dialog.principal_edit, "3600")
    qtmodeltester.check(dialog.preview.model)
    assert dialog.preview.model.index(0, 0).data(ROW_ROLE).total == 32160


def test_helpers():
    from decimal import Decimal

    assert percent_text(Decimal("0.006")) == "0.6"
    assert percent_text(Decimal("0.0435")) == "4.35"
    assert percent_text(Decimal("0.1")) == "10"
    assert percent_text(Decimal(0)) == "0"
    assert split_amounts(" 340.34, 340.33；340.33\n1 ") == ["340.34", "340.33", "340.33", "1"]


def test_a_refused_edit_keeps_the_form_open_with_the_reason(ctx, qtbot):
    plan_id = add_flat_plan(ctx, first_due=date(2026, 8, 31))
    for day in (date(2026, 8, 31), date(2026, 9, 30)):
        sv.record_payment(ctx.db, plan_id, 32160, day, TODAY)
    dialog = make_dialog(ctx, qtbot, plan_id)
    dialog.periods_spin.setValue(2)
    assert dialog.save_button.isEnabled()  # the form is valid; the service refuses
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_id is None and dialog.result() != dialog.DialogCode.Accepted
    assert "already paid" in ctx.interaction.errors[-1]
    assert sv.plan_detail(ctx.db, plan_id, TODAY).input.terms.periods == 12


def test_a_paid_off_plan_can_be_renamed_but_not_re_termed(ctx, qtbot):
    plan_id = add_flat_plan(ctx, principal=10000, periods=1, rate="0")
    sv.record_payment(ctx.db, plan_id, 10000, date(2026, 10, 31), TODAY)
    dialog = make_dialog(ctx, qtbot, plan_id)
    assert not dialog.principal_edit.isEnabled() and not dialog.model_combo.isEnabled()
    assert "paid off" in dialog.note.text()
    dialog.name_edit.setText("已结清")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert sv.plan_detail(ctx.db, plan_id, TODAY).input.name == "已结清"


def test_advanced_options_are_saved(ctx, qtbot):
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, "credit_card")
    dialog.name_edit.setText("招行 - 笔记本")
    type_into(qtbot, dialog.principal_edit, "8999")
    type_into(qtbot, dialog.down_edit, "1000")
    type_into(qtbot, dialog.upfront_edit, "50")
    type_into(qtbot, dialog.tolerance_edit, "10.00")
    assert not dialog.advanced.isRowVisible(dialog.policy_pct_edit)
    dialog.policy_combo.setCurrentIndex(dialog.policy_combo.findData("penalty_pct"))
    assert dialog.advanced.isRowVisible(dialog.policy_pct_edit)
    type_into(qtbot, dialog.policy_pct_edit, "3")
    dialog.notes_edit.setPlainText("双十一")
    assert dialog.preview.cost_value.text() == "¥859.88"  # 12 × 67.49 + 50.00 upfront
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    data = sv.plan_detail(ctx.db, dialog.saved_id, TODAY).input
    assert (data.grace_days, data.tolerance, data.notes) == (3, 1000, "双十一")
    assert (data.terms.down_payment, data.terms.upfront_fee) == (100000, 5000)
    assert data.penalty_daily_rate == Decimal("0.0005")
    assert (data.payoff_policy.value, data.payoff_penalty_pct) == ("penalty_pct", Decimal("0.03"))
    assert data.purchase_date == TODAY
