"""The plan form's preview leads with what each period costs, marks periods already paid when
editing, and the 小米分期 template says plainly that its penalty is not known."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.domain.templates import template
from tracker.ui.context import AppContext
from tracker.ui.i18n import install_translators
from tracker.ui.plan_dialog import PlanDialog


@pytest.fixture(autouse=True)
def back_to_english(qapp) -> Iterator[None]:
    yield
    install_translators(qapp, "en")


def make_dialog(ctx: AppContext, qtbot, plan_id: int | None = None) -> PlanDialog:
    dialog = PlanDialog(ctx, None, plan_id)
    qtbot.addWidget(dialog)
    return dialog


def choose(dialog: PlanDialog, key: str) -> None:
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData(key))


def fill(dialog: PlanDialog, principal: str, periods: int | None = None) -> None:
    dialog.name_edit.setText("小米手机")
    dialog.principal_edit.setText(principal)
    if periods is not None:
        dialog.periods_spin.setValue(periods)


def test_headline_leads_with_the_amount_per_period(ctx: AppContext, qtbot) -> None:
    dialog = make_dialog(ctx, qtbot)
    assert dialog.preview.headline.text() == "—"  # nothing valid yet
    choose(dialog, "xiaomi")
    fill(dialog, "3600")
    assert dialog.preview.headline.text() == "¥321.60 × 12 periods"


def test_headline_lists_a_few_amounts_and_ranges_many(ctx: AppContext, qtbot) -> None:
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, "interest_free")
    fill(dialog, "1000", 3)  # 333.34, 333.33, 333.33
    assert dialog.preview.headline.text() == "¥333.34 × 1 + ¥333.33 × 2 (3 periods)"
    choose(dialog, "equal_principal_loan")
    fill(dialog, "10000", 12)
    dialog.rate_edit.setText("12")
    rows = dialog.preview.model.rows()
    assert len({r.total for r in rows}) > 3  # every period differs: given as a range
    first, last = rows[0].total, rows[-1].total
    expected = f"¥{first // 100:,}.{first % 100:02d} to ¥{last // 100:,}.{last % 100:02d}"
    assert dialog.preview.headline.text() == f"{expected} a period, 12 periods"


def test_headline_in_chinese(qapp, ctx: AppContext, qtbot) -> None:
    install_translators(qapp, "zh_CN")
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, "xiaomi")
    fill(dialog, "3600")
    assert dialog.preview.headline.text() == "每期 ¥321.60 × 12 期"


def test_editing_marks_the_periods_already_paid(ctx: AppContext, qtbot) -> None:
    plan_id = add_flat_plan(ctx, name="小米手机")  # first due 2026-10-31
    sv.record_payment(ctx.db, plan_id, 32160, TODAY, TODAY, method="银行卡")
    dialog = make_dialog(ctx, qtbot, plan_id)
    model = dialog.preview.model
    status = model.columnCount() - 1
    texts = [model.index(r, status).data() for r in range(3)]
    assert texts == ["Paid 2026-11-21", "", ""]
    assert dialog.preview.headline.text() == "¥321.60 × 12 periods"


def test_xiaomi_template_says_its_penalty_is_unknown(ctx: AppContext, qtbot) -> None:
    assert template("xiaomi").penalty_known is False
    assert template("xiaomi").penalty_daily_rate == 0
    dialog = make_dialog(ctx, qtbot)
    choose(dialog, "xiaomi")
    assert dialog.penalty_hint.isVisibleTo(dialog)
    assert dialog.penalty_hint.text().startswith("Xiaomi installments (小米分期) does not publish")
    assert dialog.penalty_edit.text() in ("", "0")
    choose(dialog, "credit_card")  # a template with a known penalty: no such note
    assert not dialog.penalty_hint.isVisibleTo(dialog)
    assert dialog.penalty_edit.text() == "0.05"
