"""The plan form and issue 8: the fee-rounding choice (total plans only), the options each
model shows, the payoff default when the model changes, the first due date against the
purchase, and the amber warning label near the preview (English and Chinese)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from tests.ui.conftest import TODAY
from tracker import services as sv
from tracker.domain.payoff import PayoffPolicy
from tracker.domain.plan import FeeRounding, Model
from tracker.ui import fmt
from tracker.ui.i18n import install_translators
from tracker.ui.palette import LIGHT
from tracker.ui.plan_dialog import PlanDialog
from tracker.ui.plan_form import set_combo


def make_dialog(ctx, qtbot) -> PlanDialog:
    dialog = PlanDialog(ctx, None, None)
    qtbot.addWidget(dialog)
    return dialog


def choose(dialog: PlanDialog, key: str) -> None:
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData(key))


def totals(dialog: PlanDialog) -> list[int]:
    return [i.total for i in dialog.preview.model.rows()]


def shown(dialog: PlanDialog, widget) -> bool:
    return dialog.form.isRowVisible(widget)


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


def test_fee_rounding_choice_only_for_total_plans(ctx, qtbot) -> None:
    dialog = make_dialog(ctx, qtbot)
    for model in Model:
        set_combo(dialog.model_combo, model.value)
        assert shown(dialog, dialog.fee_rounding_combo) is (model is Model.TOTAL), model
        assert shown(dialog, dialog.fee_mode_combo) is (model is Model.FLAT), model
        loan_or_custom = model in (Model.ANNUITY, Model.EQUAL_PRINCIPAL, Model.CUSTOM)
        assert shown(dialog, dialog.remainder_combo) is not loan_or_custom, model


def test_huabei_template_rounds_half_even_and_the_choice_changes_the_preview(ctx, qtbot) -> None:
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, "huabei")
    assert dialog.fee_rounding_combo.currentData() == "half_even"
    dialog.name_edit.setText("花呗 - 1001")
    dialog.principal_edit.setText("1001")
    assert totals(dialog) == [17439] + [17433] * 5  # F = 45.04
    set_combo(dialog.fee_rounding_combo, "half_up")
    assert totals(dialog) == [17440] + [17433] * 5  # F = 45.05
    set_combo(dialog.fee_rounding_combo, "half_even")
    dialog.save()
    assert dialog.saved_id is not None
    saved = sv.plan_detail(ctx.db, dialog.saved_id, TODAY)
    assert saved.input.terms.fee_rounding is FeeRounding.HALF_EVEN
    assert [s.installment.total for s in saved.installments][:2] == [17439, 17433]
    edit = PlanDialog(ctx, None, dialog.saved_id)
    qtbot.addWidget(edit)
    assert edit.fee_rounding_combo.currentData() == "half_even"


def test_switching_the_model_sets_its_payoff_default(ctx, qtbot) -> None:
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, "custom")
    assert dialog.policy_combo.currentData() == PayoffPolicy.CHARGE_ALL_FEES.value
    set_combo(dialog.model_combo, Model.ANNUITY.value)
    assert dialog.policy_combo.currentData() == PayoffPolicy.WAIVE_FUTURE_FEES.value
    set_combo(dialog.model_combo, Model.EQUAL_PRINCIPAL.value)
    assert dialog.policy_combo.currentData() == PayoffPolicy.WAIVE_FUTURE_FEES.value
    set_combo(dialog.model_combo, Model.FLAT.value)
    assert dialog.policy_combo.currentData() == PayoffPolicy.CHARGE_ALL_FEES.value
    # A template keeps its own policy.
    choose(dialog, "xiaomi")
    assert dialog.policy_combo.currentData() == PayoffPolicy.CHARGE_ALL_FEES.value


def test_equal_principal_preview_splits_like_the_banks(ctx, qtbot) -> None:
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, "equal_principal_loan")
    dialog.principal_edit.setText("1000000")
    dialog.periods_spin.setValue(360)
    dialog.rate_edit.setText("4.9")
    assert totals(dialog)[:2] == [686111, 684977]


def test_first_due_before_purchase_is_marked_and_save_disabled(ctx, qtbot) -> None:
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, "xiaomi")
    dialog.name_edit.setText("小米")
    dialog.principal_edit.setText("3600")
    dialog.purchase_edit.setDate(fmt.qdate(date(2026, 2, 1)))
    dialog.first_due_edit.setDate(fmt.qdate(date(2026, 1, 10)))
    assert not dialog.save_button.isEnabled()
    assert dialog.message.text() == (
        "First due date: the first due date 2026-01-10 is before the purchase date 2026-02-01; "
        "enter a first due date on or after the purchase date"
    )
    assert "#c62828" in dialog.first_due_edit.styleSheet()
    dialog.first_due_edit.setDate(fmt.qdate(date(2026, 2, 1)))  # on the purchase date
    assert dialog.save_button.isEnabled()
    assert dialog.first_due_edit.styleSheet() == ""


def test_warning_label_is_amber_and_does_not_block_saving(ctx, qtbot) -> None:
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, "xiaomi")
    dialog.name_edit.setText("贵")
    dialog.principal_edit.setText("3600")
    assert dialog.warning.isHidden()
    dialog.rate_edit.setText("3.5")
    assert not dialog.warning.isHidden()
    assert dialog.warning.text().splitlines() == [
        "a fee of 3.50% per period is unusually high (most are under 3%); check the rate",
        "the APR (IRR) is 70.26%, above 36%; check the rate, the fees and the periods",
    ]
    assert LIGHT.grace in dialog.warning.styleSheet()  # amber: the grace tone
    assert dialog.save_button.isEnabled()
    dialog.rate_edit.setText("0.6")
    assert dialog.warning.isHidden() and dialog.warning.text() == ""


def test_warning_label_in_chinese(ctx, qtbot, chinese) -> None:
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, "annuity_loan")
    dialog.principal_edit.setText("10000")
    dialog.rate_edit.setText("40")
    assert dialog.warning.text().splitlines() == [
        "年利率 40.00% 超过 36%；请核对利率",
        "年化利率（IRR）为 40.00%，超过 36%；请核对费率、费用和期数",
    ]
