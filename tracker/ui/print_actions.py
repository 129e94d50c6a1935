"""File menu actions for printing: the calendar over a range of months, and a plan's schedule.

"Print calendar…" asks for the months and the paper, then opens a print preview whose
``paintRequested`` draws with ``printing.paint_calendar`` (the same code writes PDFs), so what
is previewed is what prints. "Print plan schedule…" does the same for the plan selected on the
Plans tab. The two "Export … as PDF…" actions write those pages to a file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMenu,
    QWidget,
)

from tracker import services as sv
from tracker.reports.print_data import MonthPage, ScheduleSheet, calendar_pages, month_span
from tracker.reports.print_data import schedule_sheet as make_sheet
from tracker.services.export import calendar_print_items
from tracker.storage import StorageError

from . import printing, printing_schedule
from .errors import describe
from .fmt import pydate, qdate

PaintFn = Callable[[QPrinter], object]


def default_paper() -> str:
    """Letter where it is the usual paper (the US, Canada, Mexico, …), else A4."""
    letter = {QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico}
    return "letter" if QLocale.system().territory() in letter else "a4"


def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


class _Preview(QPrintPreviewDialog):
    """A print preview that keeps its printer alive (the dialog does not own it)."""

    def __init__(self, printer: QPrinter, parent: QWidget | None) -> None:
        super().__init__(printer, parent)
        self._printer = printer


class MonthRangeDialog(QDialog):
    """Asks for a first and last month and the paper size."""

    def __init__(self, first: date, last: date, paper: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print calendar"))
        self.first_edit = QDateEdit(qdate(first))
        self.last_edit = QDateEdit(qdate(last))
        for edit in (self.first_edit, self.last_edit):
            edit.setDisplayFormat("yyyy-MM")
            edit.setDateRange(QDate(1900, 1, 1), QDate(9999, 12, 1))
        self.paper_combo = QComboBox()
        self.paper_combo.addItem(self.tr("A4"), "a4")
        self.paper_combo.addItem(self.tr("US Letter"), "letter")
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(paper)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("From month:"), self.first_edit)
        form.addRow(self.tr("To month:"), self.last_edit)
        form.addRow(self.tr("Paper:"), self.paper_combo)
        form.addRow(buttons)
        self.first_edit.dateChanged.connect(self._keep_order)

    def _keep_order(self, first: QDate) -> None:
        self.last_edit.setMinimumDate(first)

    def months(self) -> tuple[date, date]:
        """The first days of the first and last months chosen."""
        first = pydate(self.first_edit.date()).replace(day=1)
        last = pydate(self.last_edit.date()).replace(day=1)
        return first, max(first, last)

    def paper(self) -> str:
        """ "a4" or "letter"."""
        return str(self.paper_combo.currentData())


class PrintActions(QObject):
    """The printing actions of one main window (``window.ctx``, ``window.plans``)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx

    # -- seams (tests replace these) --------------------------------------------------------
    def ask_range(self) -> tuple[date, date, str] | None:
        """Months and paper from ``MonthRangeDialog``, or None when cancelled."""
        shown = getattr(self.window, "calendar", None)
        today = self.ctx.today()
        first = date(shown.year, shown.month, 1) if shown is not None else today.replace(day=1)
        dialog = MonthRangeDialog(first, _add_months(first, 2), self.paper(), self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.ctx.settings.set_value("print/paper", dialog.paper())
        return (*dialog.months(), dialog.paper())

    def ask_save_path(self, suggested: str) -> str:
        """A file name from the save dialog ('' when cancelled)."""
        path, _filter = QFileDialog.getSaveFileName(
            self.window, self.tr("Export as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        return path

    def show_preview(self, dialog: QPrintPreviewDialog) -> None:
        """Run the print preview (print from its toolbar)."""
        dialog.exec()

    # -- data -------------------------------------------------------------------------------
    def paper(self) -> str:
        """The paper last chosen, else the locale's usual one."""
        value = str(self.ctx.settings.value("print/paper", "") or "")
        return value if value in printing.PAPERS else default_paper()

    def calendar_pages(self, first: date, last: date) -> list[MonthPage]:
        """The month pages from ``first``'s month to ``last``'s as of today."""
        start, end = month_span(first, last)
        today = self.ctx.today()
        items = calendar_print_items(self.ctx.db, start, end, today, self.ctx.reminder_days)
        return calendar_pages(items, start, end, today)

    def schedule_sheet(self, plan_id: int) -> ScheduleSheet:
        """The schedule sheet of a plan as of today."""
        detail = sv.plan_detail(self.ctx.db, plan_id, self.ctx.today(), self.ctx.reminder_days)
        return make_sheet(detail)

    def _selected_plan(self) -> int | None:
        plans = getattr(self.window, "plans", None)
        plan_id = plans.selected_id() if plans is not None else None
        if plan_id is None:
            self.ctx.interaction.info(
                self.window,
                self.tr("Print plan schedule"),
                self.tr("Select a plan on the Plans tab first."),
            )
        return plan_id

    # -- previews ---------------------------------------------------------------------------
    def preview(self, paint: PaintFn, paper: str, landscape: bool) -> QPrintPreviewDialog:
        """A print preview over a printer set to ``paper``, drawing with ``paint``."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(printing.page_layout(paper, landscape))
        dialog = _Preview(printer, self.window)
        dialog.paintRequested.connect(paint)
        dialog.resize(1000, 760)
        return dialog

    def calendar_preview(self, first: date, last: date, paper: str) -> QPrintPreviewDialog:
        """The print preview of the calendar from ``first``'s month to ``last``'s."""
        pages = self.calendar_pages(first, last)
        dialog = self.preview(lambda p: printing.paint_calendar(p, pages), paper, True)
        dialog.setWindowTitle(self.tr("Print calendar"))
        return dialog

    def schedule_preview(self, plan_id: int, paper: str) -> QPrintPreviewDialog:
        """The print preview of a plan's schedule sheet."""
        sheet = self.schedule_sheet(plan_id)
        dialog = self.preview(lambda p: printing_schedule.paint_schedule(p, sheet), paper, False)
        dialog.setWindowTitle(self.tr("Print plan schedule"))
        return dialog

    # -- actions ----------------------------------------------------------------------------
    def _guard(self, title: str, func: Callable[[], None]) -> None:
        try:
            func()
        except (sv.ServiceError, StorageError, OSError, ValueError) as exc:
            self.ctx.interaction.error(self.window, title, describe(exc))

    def print_calendar(self) -> None:
        """File → Print calendar…"""
        chosen = self.ask_range()
        if chosen is not None:
            self._guard(
                self.tr("Print calendar"),
                lambda: self.show_preview(self.calendar_preview(*chosen)),
            )

    def print_schedule(self) -> None:
        """File → Print plan schedule…"""
        plan_id = self._selected_plan()
        if plan_id is not None:
            self._guard(
                self.tr("Print plan schedule"),
                lambda: self.show_preview(self.schedule_preview(plan_id, self.paper())),
            )

    def export_calendar(self) -> None:
        """File → Export calendar as PDF…"""
        chosen = self.ask_range()
        if chosen is None:
            return
        first, last, paper = chosen
        path = self.ask_save_path(f"calendar-{first:%Y-%m}-{last:%Y-%m}.pdf")
        if path:
            self._guard(
                self.tr("Export calendar as PDF"),
                lambda: self._done(
                    path,
                    printing.write_calendar_pdf(path, self.calendar_pages(first, last), paper),
                ),
            )

    def export_schedule(self) -> None:
        """File → Export plan schedule as PDF…"""
        plan_id = self._selected_plan()
        if plan_id is None:
            return
        path = self.ask_save_path(f"schedule-{plan_id}.pdf")
        if path:
            self._guard(
                self.tr("Export plan schedule as PDF"),
                lambda: self._done(
                    path,
                    printing_schedule.write_schedule_pdf(
                        path, self.schedule_sheet(plan_id), self.paper()
                    ),
                ),
            )

    def _done(self, path: str, pages: int) -> None:
        bar = getattr(self.window, "statusBar", None)
        if bar is not None:
            message = self.tr("Wrote %1 (%2 pages)").replace("%1", path).replace("%2", str(pages))
            bar().showMessage(message, 8000)


def install(window: Any, menu: QMenu) -> None:
    """Add the print and PDF actions to the File menu of ``window`` (kept as
    ``window.print_actions``)."""
    actions = PrintActions(window)
    window.print_actions = actions
    entries = (
        (
            "print_calendar",
            QCoreApplication.translate("PrintActions", "&Print calendar…"),
            actions.print_calendar,
        ),
        (
            "print_schedule",
            QCoreApplication.translate("PrintActions", "Print plan sc&hedule…"),
            actions.print_schedule,
        ),
        (
            "export_calendar_pdf",
            QCoreApplication.translate("PrintActions", "Export calendar as P&DF…"),
            actions.export_calendar,
        ),
        (
            "export_schedule_pdf",
            QCoreApplication.translate("PrintActions", "Export plan schedu&le as PDF…"),
            actions.export_schedule,
        ),
    )
    for name, text, slot in entries:
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False, run=slot: run())
        menu.addAction(action)
