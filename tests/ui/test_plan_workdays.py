"""The plan form's working-day choice, its preview and the plan detail with moved due dates.

Set ``TRACKER_GRAB_DIR`` to save offscreen grabs of the form and the detail (for a person to
look at); the tests assert the same text either way.
"""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import TODAY
from tracker import services as sv
from tracker.domain.plan import Model, PlanTerms
from tracker.ui.i18n import install_translators
from tracker.ui.plan_detail import PlanDetailPanel
from tracker.ui.plan_dialog import PlanDialog
from tracker.ui.workday_words import moved_day

MOVED = {
    "en": ("2026-02-24 (from 02-15)", "2026-03-16 (from 03-15)", "China"),
    "zh_CN": ("2026-02-24（原 02-15）", "2026-03-16（原 03-15）", "中国"),
}


@pytest.fixture(autouse=True)
def english(qapp):
    """English unless a test switches; put back afterwards."""
    install_translators(qapp, "en")
    yield
    install_translators(qapp, "en")


def _grab(widget, name: str) -> None:
    folder = os.environ.get("TRACKER_GRAB_DIR")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def _cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def _form(ctx, qtbot, first_due: date) -> PlanDialog:
    dialog = PlanDialog(ctx, None, None)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 720)
    dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("xiaomi"))
    dialog.name_edit.setText("小米 14")
    dialog.principal_edit.setText("3600")
    dialog.purchase_edit.setDate(date(2026, 1, 20))
    dialog.first_due_edit.setDate(first_due)
    return dialog


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_choosing_china_moves_due_dates_in_the_preview_and_saves_the_choice(ctx, qtbot, qapp, lang):
    install_translators(qapp, lang)
    first, second, china = MOVED[lang]
    dialog = _form(ctx, qtbot, date(2026, 2, 15))
    assert dialog.holidays_combo.currentData() is None  # off unless chosen
    preview = dialog.preview.model
    assert _cell(preview, 0, 1) == "2026-02-15"
    dialog.holidays_combo.setCurrentIndex(dialog.holidays_combo.findData("CN"))
    rows = dialog.preview.model.rows()
    due = [i.due_date for i in rows[:3]]
    assert due == [date(2026, 2, 24), date(2026, 3, 16), date(2026, 4, 15)]
    assert [i.total for i in rows] == [32160] * 12  # amounts never move
    assert _cell(preview, 0, 1) == first
    assert _cell(preview, 2, 1) == "2026-04-15"
    # 2027-01-15 is a Friday, but 2027's calendar is not in the package: said, not hidden
    assert dialog.preview.workday_note.isVisibleTo(dialog)
    assert "2027" in dialog.preview.workday_note.text()
    _grab(dialog, f"plan_form_workdays_{lang}")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    detail = sv.plan_detail(ctx.db, dialog.saved_id, TODAY)
    assert detail.input.holidays == "CN"
    assert detail.installments[0].due_date == date(2026, 2, 24)

    panel = PlanDetailPanel()
    qtbot.addWidget(panel)
    panel.resize(1100, 560)
    panel.set_detail(detail)
    assert _cell(panel.schedule, 0, 1) == first
    assert _cell(panel.schedule, 1, 1) == second
    assert panel.values["holidays"].text().startswith(china)
    assert "2027" in panel.values["holidays"].text()
    _grab(panel, f"plan_detail_workdays_{lang}")


def test_a_make_up_working_day_stays_and_none_changes_nothing(ctx, qtbot):
    dialog = _form(ctx, qtbot, date(2026, 2, 14))  # a Saturday, but 调休: a working day
    dialog.holidays_combo.setCurrentIndex(dialog.holidays_combo.findData("CN"))
    assert dialog.preview.model.rows()[0].due_date == date(2026, 2, 14)
    assert _cell(dialog.preview.model, 0, 1) == "2026-02-14"
    dialog.holidays_combo.setCurrentIndex(0)
    assert [i.due_date for i in dialog.preview.model.rows()][1] == date(2026, 3, 14)
    assert not dialog.preview.workday_note.isVisibleTo(dialog)


def test_editing_keeps_the_calendar_and_can_turn_it_off(ctx, qtbot):
    terms = PlanTerms(Model.FLAT, 360000, 3, date(2026, 2, 15), Decimal("0.006"))
    pid = sv.add_plan(ctx.db, sv.PlanInput("小米", terms, holidays="CN")).created_id
    dialog = PlanDialog(ctx, None, pid)
    qtbot.addWidget(dialog)
    assert dialog.holidays_combo.currentData() == "CN"
    dialog.holidays_combo.setCurrentIndex(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    detail = sv.plan_detail(ctx.db, pid, TODAY)
    assert detail.input.holidays is None
    assert [s.due_date for s in detail.installments] == [
        date(2026, 2, 15),
        date(2026, 3, 15),
        date(2026, 4, 15),
    ]


def test_moved_day_text_in_chinese(qapp):
    install_translators(qapp, "zh_CN")
    assert moved_day(date(2026, 2, 24), date(2026, 2, 15)) == "2026-02-24（原 02-15）"
    assert moved_day(date(2027, 1, 4), date(2026, 12, 31)) == "2027-01-04（原 2026-12-31）"


@pytest.mark.parametrize(
    ("lang", "mark"), [("en", "2026-02-24 (from 02-15)"), ("zh_CN", "（原 02-15）")]
)
def test_the_printed_schedule_marks_moved_dates(ctx, qapp, tmp_path, lang, mark):
    from tests.ui.test_printing import pdf_text
    from tracker.reports.print_data import schedule_sheet
    from tracker.ui import printing_schedule

    install_translators(qapp, lang)
    terms = PlanTerms(Model.FLAT, 360000, 12, date(2026, 2, 15), Decimal("0.006"))
    pid = sv.add_plan(ctx.db, sv.PlanInput("小米", terms, holidays="CN")).created_id
    sheet = schedule_sheet(sv.plan_detail(ctx.db, pid, TODAY))
    assert sheet.moved[1] == date(2026, 2, 15) and sheet.uncovered_years == (2027,)
    pdf = tmp_path / "s.pdf"
    assert printing_schedule.write_schedule_pdf(pdf, sheet, "a4") == 1
    text = pdf_text(pdf)
    assert mark in text
    assert "2027" in text
