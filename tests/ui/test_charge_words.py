"""Loans say interest (利息), consumer plans say fee (手续费): the detail panel, the plan form's
preview and early-payoff choices, the payoff dialog and the printed sheet's labels."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.domain.payoff import PayoffPolicy
from tracker.domain.plan import Model, PlanTerms
from tracker.reports.print_data import schedule_sheet
from tracker.ui import charge_words
from tracker.ui.context import AppContext
from tracker.ui.i18n import install_translators
from tracker.ui.payment_dialog import PayoffDialog
from tracker.ui.plan_detail import PlanDetailPanel
from tracker.ui.plan_dialog import PlanDialog
from tracker.ui.printing_schedule import _column_labels, _facts

FEE_COLUMN = 3  # #, due date, principal, fee/interest, …


@pytest.fixture
def language(qapp) -> Iterator[str]:
    """English by default; tests switch with install_translators and are put back."""
    install_translators(qapp, "en")
    yield "en"
    install_translators(qapp, "en")


def add_loan(ctx: AppContext, model: Model = Model.ANNUITY, **extra: object) -> int:
    terms = PlanTerms(model, 1000000, 12, date(2026, 12, 10), Decimal("0.12"))
    change = sv.add_plan(ctx.db, sv.PlanInput(name="房贷", terms=terms, **extra))  # type: ignore[arg-type]
    assert change.created_id is not None
    return change.created_id


def form_of(dialog: PayoffDialog) -> QFormLayout:
    outer = dialog.layout()
    found = [outer.itemAt(i).layout() for i in range(outer.count())]
    return next(f for f in found if isinstance(f, QFormLayout))


def header(model, column: int = FEE_COLUMN) -> str:
    return model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)


def detail_panel(ctx: AppContext, qtbot, plan_id: int) -> PlanDetailPanel:
    panel = PlanDetailPanel()
    qtbot.addWidget(panel)
    panel.set_detail(sv.plan_detail(ctx.db, plan_id, TODAY))
    return panel


def caption_of(panel: PlanDetailPanel, key: str) -> str:
    """The caption left of a value in the detail grid."""
    value = panel.values[key]
    index = panel.grid.indexOf(value)
    row, _col, _rs, _cs = panel.grid.getItemPosition(index)
    item = panel.grid.itemAtPosition(row, 0)
    assert item is not None
    return item.widget().text()


@pytest.mark.parametrize(
    ("lang", "fee", "interest", "total_fee", "total_interest"),
    [("en", "Fee", "Interest", "Total fee", "Total interest"),
     ("zh_CN", "手续费", "利息", "总手续费", "总利息")],
)  # fmt: skip
def test_detail_says_interest_for_a_loan_and_fee_for_a_flat_plan(
    qapp, qtbot, ctx, language, lang, fee, interest, total_fee, total_interest
) -> None:
    install_translators(qapp, lang)
    loan, flat = add_loan(ctx, Model.EQUAL_PRINCIPAL), add_flat_plan(ctx)
    panel = detail_panel(ctx, qtbot, loan)
    assert header(panel.schedule) == interest
    assert caption_of(panel, "total_fee") == total_interest
    panel.set_detail(sv.plan_detail(ctx.db, flat, TODAY))
    assert header(panel.schedule) == fee
    assert caption_of(panel, "total_fee") == total_fee
    assert panel.values["total_fee"].text() == "¥259.20"


def test_detail_policy_wording_follows_the_model(qtbot, ctx, language) -> None:
    loan = add_loan(ctx, payoff_policy=PayoffPolicy.WAIVE_FUTURE_FEES)
    flat = add_flat_plan(ctx)
    assert detail_panel(ctx, qtbot, loan).values["policy"].text() == (
        "Remaining principal + interest already due"
    )
    assert detail_panel(ctx, qtbot, flat).values["policy"].text() == (
        "Remaining principal + all remaining fees"
    )


def test_form_preview_and_payoff_choices_follow_the_model(qtbot, ctx, language) -> None:
    dialog = PlanDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("annuity_loan"))
    dialog.principal_edit.setText("10000")
    dialog.rate_edit.setText("12")
    dialog.periods_spin.setValue(12)
    preview = dialog.preview
    assert header(preview.model) == "Interest"
    assert preview.fee_caption.text() == "Total interest"
    assert preview.fee_value.text() == "¥661.86"
    assert dialog.policy_combo.itemText(1) == "Pay only interest already due"
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("xiaomi"))
    dialog.principal_edit.setText("3600")
    assert header(preview.model) == "Fee"
    assert preview.fee_caption.text() == "Total fee"
    assert preview.fee_value.text() == "¥259.20"
    assert dialog.policy_combo.itemText(0) == "Pay all remaining fees"
    assert dialog.policy_combo.itemData(0) == PayoffPolicy.CHARGE_ALL_FEES.value


def test_payoff_dialog_says_interest_for_a_loan(qapp, qtbot, ctx, language) -> None:
    loan = add_loan(ctx, payoff_policy=PayoffPolicy.WAIVE_FUTURE_FEES)
    d = PayoffDialog(ctx, loan)
    qtbot.addWidget(d)
    form = form_of(d)
    captions = [form.labelForField(w).text() for w in (d.fees_value, d.waived_value)]
    assert captions == ["Interest charged:", "Interest waived:"]
    assert "Waive interest not yet due" in d.policy_label.text()
    install_translators(qapp, "zh_CN")
    d2 = PayoffDialog(ctx, loan)
    qtbot.addWidget(d2)
    form = form_of(d2)
    assert form.labelForField(d2.fees_value).text() == "计收利息："
    assert "未到期利息全部减免" in d2.policy_label.text()


def test_payoff_dialog_says_fees_for_a_flat_plan(qtbot, ctx, language) -> None:
    d = PayoffDialog(ctx, add_flat_plan(ctx))
    qtbot.addWidget(d)
    form = form_of(d)
    assert form.labelForField(d.fees_value).text() == "Fees charged:"
    assert form.labelForField(d.waived_value).text() == "Fees waived:"


@pytest.mark.parametrize(("lang", "word", "total"), [("en", "Interest", "Total interest"),
                                                     ("zh_CN", "利息", "总利息")])  # fmt: skip
def test_printed_sheet_labels_a_loan_interest(qapp, ctx, language, lang, word, total) -> None:
    install_translators(qapp, lang)
    sheet = schedule_sheet(sv.plan_detail(ctx.db, add_loan(ctx), TODAY))
    assert _column_labels(sheet.model)[FEE_COLUMN] == word
    facts = {label: value for label, value, _strong in _facts(sheet)}
    assert facts[total] == "¥661.86"


def test_printed_sheet_labels_a_flat_plan_fee(ctx, language) -> None:
    sheet = schedule_sheet(sv.plan_detail(ctx.db, add_flat_plan(ctx), TODAY))
    assert _column_labels(sheet.model)[FEE_COLUMN] == "Fee"
    assert ("Total fee", "¥259.20") in [(label, value) for label, value, _ in _facts(sheet)]


def test_every_model_has_its_word(language) -> None:
    words = {m: charge_words.charge_name(m) for m in Model}
    assert {m for m, w in words.items() if w == "Interest"} == {
        Model.ANNUITY,
        Model.EQUAL_PRINCIPAL,
    }
    assert {w for w in words.values()} == {"Interest", "Fee"}


@pytest.mark.parametrize(("lang", "loan", "fee"), [("en", "Interest rate", "Fee rate"),
                                                   ("zh_CN", "利率", "费率")])  # fmt: skip
def test_detail_rate_caption_follows_the_model(qapp, qtbot, ctx, language, lang, loan, fee) -> None:
    install_translators(qapp, lang)
    assert caption_of(detail_panel(ctx, qtbot, add_loan(ctx)), "rate") == loan
    assert caption_of(detail_panel(ctx, qtbot, add_flat_plan(ctx)), "rate") == fee


def test_detail_status_column_fits_its_text(qtbot, ctx, language) -> None:
    panel = detail_panel(ctx, qtbot, add_loan(ctx))
    header = panel.table.horizontalHeader()
    last = panel.schedule.columnCount() - 1
    assert header.sectionResizeMode(last) == header.ResizeMode.ResizeToContents
