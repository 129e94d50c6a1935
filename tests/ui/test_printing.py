"""Printed outputs, checked in real PDFs with poppler: page count and size, text, embedded fonts.

The drawing code takes the device, so the same functions draw the PDF, the printer and the
print preview; here the preview's ``paintRequested`` is answered with a QPrinter writing a PDF.
Reference plan (conftest ``add_flat_plan``): 3600.00 / 12 / 0.6% flat, 321.60 a month, first
due 2026-10-31; today is 2026-11-21, so the October installment is overdue.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from tests.ui.conftest import TODAY, add_flat_plan
from tracker import services as sv
from tracker.reports.print_data import calendar_pages, month_span, schedule_sheet
from tracker.services.calendar import installments_between
from tracker.ui import printing, printing_schedule
from tracker.ui.context import AppContext
from tracker.ui.i18n import install_translators
from tracker.ui.main_window import MainWindow

POPPLER = ("pdftoppm", "pdftotext", "pdffonts", "pdfinfo")
needs_poppler = pytest.mark.skipif(
    any(shutil.which(t) is None for t in POPPLER),
    reason="poppler-utils (pdftoppm, pdftotext, pdffonts, pdfinfo) is not installed",
)
pytestmark = needs_poppler


# --- PDF helpers --------------------------------------------------------------------------


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=60).stdout


def pdf_info(path: Path) -> dict[str, str]:
    lines = _run("pdfinfo", str(path)).splitlines()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


def pdf_text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return _run("pdftotext", "-enc", "UTF-8", *pages, str(path), "-")


def pdf_fonts(path: Path) -> list[tuple[str, str]]:
    """(font name, emb) of every font."""
    rows = _run("pdffonts", str(path)).splitlines()[2:]
    out = []
    for row in rows:
        parts = row.split()
        emb = next(p for p in parts if p in ("yes", "no"))
        out.append((parts[0], emb))
    return out


def render(path: Path, out: Path) -> list[Path]:
    """Rasterise every page at low resolution (proves poppler can draw them)."""
    _run("pdftoppm", "-png", "-r", "20", str(path), str(out / "page"))
    return sorted(out.glob("page*.png"))


def assert_cjk_embedded(path: Path) -> None:
    fonts = pdf_fonts(path)
    cjk = [(n, e) for n, e in fonts if re.search(r"(WenQuanYi|CJK|Hei|Han|YaHei|PingFang)", n)]
    assert cjk, f"no CJK font in {fonts}"
    assert all(e == "yes" for _, e in fonts), fonts


# --- fixtures -----------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def back_to_english(qapp) -> Iterator[None]:
    install_translators(qapp, "en")
    yield
    install_translators(qapp, "en")


@pytest.fixture
def plans(ctx: AppContext) -> dict[str, int]:
    """Xiaomi 14 (reference, Oct overdue) and 小米14 (5999.00 / 24 at 0.5%, from 2026-11-30)."""
    return {
        "Xiaomi 14": add_flat_plan(ctx),
        "小米14": add_flat_plan(
            ctx, "小米14", date(2026, 11, 30), principal=599900, periods=24, rate="0.005"
        ),
    }


def month_pages(ctx: AppContext, first: date, last: date):
    start, end = month_span(first, last)
    items = installments_between(ctx.db, start, end, TODAY, 7, include_closed=True)
    return calendar_pages(items, start, end, TODAY)


# --- calendar -----------------------------------------------------------------------------


def test_calendar_pdf_one_a4_landscape_page_per_month(ctx, plans, tmp_path: Path) -> None:
    pdf = tmp_path / "calendar.pdf"
    pages = month_pages(ctx, date(2026, 10, 1), date(2026, 12, 1))
    assert printing.write_calendar_pdf(pdf, pages, "a4") == 3
    info = pdf_info(pdf)
    assert info["Pages"] == "3"
    assert info["Page size"].startswith("841.89 x 595.276 pts") or "842 x 595" in info["Page size"]
    assert len(render(pdf, tmp_path)) == 3

    october, november, december = (pdf_text(pdf, n) for n in (1, 2, 3))
    assert "October 2026" in october and "November 2026" in november
    assert "December 2026" in december
    for name in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
        assert name in november
    # October: only the reference plan's first installment, overdue.
    assert "Xiaomi 14" in october and "¥321.60" in october
    assert "Overdue" in october and "Overdue: ¥321.60" in october
    assert "Total this month: ¥321.60" in october
    # November: 321.60 + 5999.00/24 + 0.5% fee (249.96 + 30.00 = 279.96 or so) on the 30th.
    detail = sv.plan_detail(ctx.db, plans["小米14"], TODAY)
    first = detail.installments[0].installment.total
    assert "小米14" in november and "Xiaomi 14" in november
    total = f"¥{(32160 + first) / 100:,.2f}"
    assert f"Total this month: {total}" in november and f"Still to pay: {total}" in november
    assert "Overdue:" not in november  # nothing of November is late…
    assert "Overdue from earlier months: 1 item, ¥321.60" in november  # …October's still is
    assert "Status as of 2026-11-21" in november and "Page 2 of 3" in november
    assert_cjk_embedded(pdf)


def test_calendar_pdf_on_letter_paper(ctx, plans, tmp_path: Path) -> None:
    pdf = tmp_path / "letter.pdf"
    printing.write_calendar_pdf(
        pdf, month_pages(ctx, date(2026, 11, 1), date(2026, 11, 1)), "letter"
    )
    info = pdf_info(pdf)
    assert info["Pages"] == "1"
    assert info["Page size"] == "792 x 612 pts (letter)"


def test_calendar_in_chinese(qapp, ctx, plans, tmp_path: Path) -> None:
    install_translators(qapp, "zh_CN")
    monday = QCoreApplication.translate("Print", "Mon")
    assert monday != "Mon", "the Print strings are not translated yet"
    pdf = tmp_path / "zh.pdf"
    printing.write_calendar_pdf(pdf, month_pages(ctx, date(2026, 10, 1), date(2026, 11, 1)))
    october, november = pdf_text(pdf, 1), pdf_text(pdf, 2)
    assert "2026年10月" in october and "2026年11月" in november
    assert monday in november and "逾期" in october
    assert "小米14" in november and "¥321.60" in november
    assert_cjk_embedded(pdf)


def test_a_crowded_day_lists_every_item_on_an_agenda_page(ctx, tmp_path: Path) -> None:
    """Twelve plans due on one day: the cell shows what fits and "+N more", and an agenda
    page after the grid lists all twelve, each with its period and amount."""
    for n in range(12):
        add_flat_plan(ctx, f"Plan {n:02d}", date(2026, 12, 10))
    pages = month_pages(ctx, date(2026, 12, 1), date(2026, 12, 1))
    pdf = tmp_path / "crowded.pdf"
    assert printing.write_calendar_pdf(pdf, pages) == 2
    grid, agenda = pdf_text(pdf, 1), pdf_text(pdf, 2)
    shown = len(re.findall(r"Plan \d\d", grid))
    assert 2 <= shown < 12
    assert f"+{12 - shown} more" in grid
    assert f"Total this month: ¥{12 * 321.60:,.2f}" in grid
    assert f"¥{12 * 321.60:,.2f}" in agenda  # the day's total
    for n in range(12):
        assert f"Plan {n:02d}" in agenda
    assert agenda.count("¥321.60") == 12 and "Page 2 of 2" in agenda


def test_similar_names_in_a_full_cell_stay_distinguishable(ctx, tmp_path: Path) -> None:
    """Names cut to fit are elided in the middle: "京东白条 电视机 第1台" and "… 第2台" keep
    their different ends instead of printing the same prefix."""
    for n in range(1, 10):
        add_flat_plan(ctx, f"京东白条 电视机 第{n}台", date(2026, 12, 10))
    pdf = tmp_path / "names.pdf"
    printing.write_calendar_pdf(pdf, month_pages(ctx, date(2026, 12, 1), date(2026, 12, 1)))
    grid = pdf_text(pdf, 1)
    shown = re.findall(r"第?(\d)台", grid)
    assert len(shown) >= 2 and len(set(shown)) == len(shown), grid


def test_every_month_page_carries_the_arrears_of_earlier_months(ctx, plans, tmp_path) -> None:
    """October's installment is overdue on 2026-11-21: the November and December pages
    each show it in an "Overdue from earlier months" block."""
    from tracker.services.export import calendar_print_items

    start, end = month_span(date(2026, 11, 1), date(2026, 12, 1))
    items = calendar_print_items(ctx.db, start, end, TODAY, 7)
    pages = calendar_pages(items, start, end, TODAY)
    assert [len(p.carried) for p in pages] == [1, 1]
    pdf = tmp_path / "carried.pdf"
    assert printing.write_calendar_pdf(pdf, pages) == 2
    for n in (1, 2):
        text = pdf_text(pdf, n)
        assert "Overdue from earlier months: 1 item, ¥321.60" in text
        assert "Xiaomi 14 1/12" in text and "2026-10-31" in text


def test_many_arrears_go_to_the_agenda_page_each_listed(ctx, tmp_path: Path) -> None:
    for n in range(9):
        add_flat_plan(ctx, f"Old plan {n}", date(2026, 8, 1 + n))
    start, end = month_span(date(2026, 12, 1), date(2026, 12, 1))
    from tracker.services.export import calendar_print_items

    pages = calendar_pages(calendar_print_items(ctx.db, start, end, TODAY, 7), start, end, TODAY)
    assert len(pages[0].carried) == 9 * 4  # August to November of each
    pdf = tmp_path / "arrears.pdf"
    count = printing.write_calendar_pdf(pdf, pages)
    text = "".join(pdf_text(pdf, n) for n in range(2, count + 1))
    assert "Overdue from earlier months: 36 items" in pdf_text(pdf, 1)
    for n in range(9):
        assert text.count(f"Old plan {n}") == 4


def test_layout_follows_the_device_resolution(ctx, plans, tmp_path: Path) -> None:
    """A low-resolution printer gets the same pages and text as a high-resolution one."""
    pages = month_pages(ctx, date(2026, 11, 1), date(2026, 11, 1))
    texts = []
    for mode in (QPrinter.PrinterMode.ScreenResolution, QPrinter.PrinterMode.HighResolution):
        printer = QPrinter(mode)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        out = tmp_path / f"{mode.name}.pdf"
        printer.setOutputFileName(str(out))
        printer.setPageLayout(printing.page_layout("a4", True))
        assert printing.paint_calendar(printer, pages) == 1
        assert pdf_info(out)["Pages"] == "1"
        texts.append(set(pdf_text(out).split()))
    assert texts[0] == texts[1]


# --- schedule -----------------------------------------------------------------------------


def test_schedule_pdf_has_every_period_and_the_apr(ctx, plans, tmp_path: Path) -> None:
    pdf = tmp_path / "schedule.pdf"
    sheet = schedule_sheet(sv.plan_detail(ctx.db, plans["Xiaomi 14"], TODAY))
    assert printing_schedule.write_schedule_pdf(pdf, sheet, "a4") == 1
    info = pdf_info(pdf)
    assert info["Pages"] == "1"
    assert "595" in info["Page size"] and "842" in info["Page size"]  # portrait
    text = pdf_text(pdf)
    assert "Xiaomi 14" in text and "小米分期" in text
    assert "13.03%" in text and "13.84%" in text and "0.60%" in text
    dues = re.findall(r"20\d\d-\d\d-\d\d", text)
    for due in ("2026-10-31", "2026-11-30", "2027-02-28", "2027-09-30"):
        assert due in dues
    assert text.count("¥321.60") >= 12
    assert "Overdue, 21 days" in text
    assert "¥3,859.20" in text  # remaining balance and the remaining column's total
    assert_cjk_embedded(pdf)


def test_a_long_schedule_flows_over_pages(ctx, tmp_path: Path) -> None:
    pid = add_flat_plan(ctx, "房贷", principal=120000000, periods=120, rate="0.003")
    pdf = tmp_path / "long.pdf"
    sheet = schedule_sheet(sv.plan_detail(ctx.db, pid, TODAY))
    pages = printing_schedule.write_schedule_pdf(pdf, sheet, "letter")
    assert pages >= 3 and pdf_info(pdf)["Pages"] == str(pages)
    text = pdf_text(pdf)
    dues = set(re.findall(r"20\d\d-\d\d-\d\d", text))
    detail = sv.plan_detail(ctx.db, pid, TODAY)
    assert {s.due_date.isoformat() for s in detail.installments} <= dues
    assert len(detail.installments) == 120
    assert "房贷 (continued)" in pdf_text(pdf, pages)
    assert f"Page {pages} of {pages}" in pdf_text(pdf, pages)


def test_write_pdf_refuses_a_missing_folder_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        printing.write_calendar_pdf(tmp_path / "no" / "x.pdf", [])
    assert not (tmp_path / "no").exists()
    target = tmp_path / "x.pdf"

    def fail(device):
        raise RuntimeError("drawing failed")

    with pytest.raises(RuntimeError):
        printing.write_pdf(target, fail)
    assert [p.name for p in tmp_path.iterdir() if "x.pdf" in p.name] == []


# --- GUI actions --------------------------------------------------------------------------


def print_to_pdf(dialog: QPrintPreviewDialog, path: Path) -> QPrinter:
    """What the preview's Print button does, into a PDF: emit paintRequested with a printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageLayout(dialog.printer().pageLayout())
    dialog.paintRequested.emit(printer)
    return printer


@pytest.fixture
def window(qtbot, ctx: AppContext, plans) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    return win


def menu_actions(window: MainWindow) -> dict[str, object]:
    return {
        a.objectName(): a for a in window.findChildren(type(window.undo_action)) if a.objectName()
    }


def test_file_menu_has_the_print_actions(window: MainWindow) -> None:
    actions = menu_actions(window)
    for name in ("print_calendar", "print_schedule", "export_calendar_pdf", "export_schedule_pdf"):
        assert name in actions
    assert actions["print_calendar"].text() == "&Print calendar…"


def test_print_calendar_previews_and_prints_the_months(window, tmp_path, monkeypatch) -> None:
    actions = window.print_actions
    shown: list[QPrintPreviewDialog] = []
    monkeypatch.setattr(
        actions, "ask_range", lambda: (date(2026, 10, 1), date(2026, 11, 1), "letter")
    )
    monkeypatch.setattr(actions, "show_preview", shown.append)
    menu_actions(window)["print_calendar"].trigger()
    (dialog,) = shown
    assert isinstance(dialog, QPrintPreviewDialog)
    layout = dialog.printer().pageLayout()
    assert layout.pageSize().id() == printing.PAPERS["letter"]
    assert layout.orientation() == layout.Orientation.Landscape
    pdf = tmp_path / "printed.pdf"
    print_to_pdf(dialog, pdf)
    assert pdf_info(pdf)["Pages"] == "2"
    assert "October 2026" in pdf_text(pdf, 1) and "小米14" in pdf_text(pdf, 2)
    assert_cjk_embedded(pdf)


def test_print_schedule_uses_the_selected_plan(window, ctx, plans, tmp_path, monkeypatch) -> None:
    actions = window.print_actions
    shown: list[QPrintPreviewDialog] = []
    monkeypatch.setattr(actions, "show_preview", shown.append)
    window.plans.show_plan(plans["小米14"])
    menu_actions(window)["print_schedule"].trigger()
    (dialog,) = shown
    assert (
        dialog.printer().pageLayout().orientation()
        == dialog.printer().pageLayout().Orientation.Portrait
    )
    pdf = tmp_path / "schedule.pdf"
    print_to_pdf(dialog, pdf)
    text = pdf_text(pdf)
    assert "小米14" in text and "2028-10-30" in text  # the 24th period
    assert ctx.interaction.infos == []


def test_print_schedule_without_a_selected_plan_says_so(window, ctx, monkeypatch) -> None:
    shown: list[QPrintPreviewDialog] = []
    monkeypatch.setattr(window.print_actions, "show_preview", shown.append)
    window.plans.table.clearSelection()
    menu_actions(window)["print_schedule"].trigger()
    assert shown == []
    assert ctx.interaction.infos == ["Select a plan on the Plans tab first."]


def test_export_calendar_as_pdf(window, tmp_path, monkeypatch) -> None:
    actions = window.print_actions
    target = tmp_path / "export.pdf"
    monkeypatch.setattr(actions, "ask_range", lambda: (date(2026, 11, 1), date(2027, 1, 1), "a4"))
    monkeypatch.setattr(actions, "ask_save_path", lambda suggested: str(target))
    menu_actions(window)["export_calendar_pdf"].trigger()
    assert pdf_info(target)["Pages"] == "3"
    assert "2027-01" in pdf_info(target).get("Title", "")


def test_export_to_a_missing_folder_shows_the_error(window, ctx, tmp_path, monkeypatch) -> None:
    actions = window.print_actions
    monkeypatch.setattr(actions, "ask_range", lambda: (date(2026, 11, 1), date(2026, 11, 1), "a4"))
    monkeypatch.setattr(actions, "ask_save_path", lambda s: str(tmp_path / "missing" / "x.pdf"))
    menu_actions(window)["export_calendar_pdf"].trigger()
    assert len(ctx.interaction.errors) == 1 and "No such file" in ctx.interaction.errors[0]


def test_month_range_dialog_keeps_the_months_in_order(qtbot) -> None:
    from tracker.ui.print_actions import MonthRangeDialog

    dialog = MonthRangeDialog(date(2026, 11, 1), date(2027, 1, 1), "letter")
    qtbot.addWidget(dialog)
    assert dialog.months() == (date(2026, 11, 1), date(2027, 1, 1))
    assert dialog.paper() == "letter"
    dialog.first_edit.setDate(dialog.first_edit.date().addMonths(5))
    assert dialog.months() == (date(2027, 4, 1), date(2027, 4, 1))
