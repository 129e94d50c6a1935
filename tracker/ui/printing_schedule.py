"""Printing a plan's schedule sheet: terms, cost, APR and every period, drawn with QPainter.

Shares the page, font and colour conventions of ``printing`` (the calendar pages); the device
is passed in so print, preview and PDF draw the same sheet.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPagedPaintDevice

from tracker.domain.ledger import Status
from tracker.domain.rows import InstallmentRow
from tracker.reports.print_data import ScheduleSheet

from . import fmt
from .charge_words import charge_name, policy_label, total_charge
from .plan_detail import exact_percent
from .printing import (
    HEAD_BG,
    INK,
    LATE,
    LATE_BG,
    MUTED,
    Canvas,
    as_of_text,
    begin_document,
    write_pdf,
)
from .workday_words import calendar_label, coverage_note, moved_day

__all__ = ["paint_schedule", "write_schedule_pdf"]


COLUMN_SHARES = (0.045, 0.12, 0.135, 0.12, 0.135, 0.135, 0.135, 0.175)
MOVED_COLUMN_SHARES = (0.045, 0.2, 0.12, 0.105, 0.12, 0.115, 0.12, 0.175)
RIGHT_ALIGNED = (True, False, True, True, True, True, True, False)


def _column_labels(model: str) -> list[str]:
    return [
        QCoreApplication.translate("Print", "#"),
        QCoreApplication.translate("Print", "Due date"),
        QCoreApplication.translate("Print", "Principal"),
        charge_name(model),
        QCoreApplication.translate("Print", "Amount"),
        QCoreApplication.translate("Print", "Paid"),
        QCoreApplication.translate("Print", "Remaining"),
        QCoreApplication.translate("Print", "Status"),
    ]


def _rate_label(model: str) -> str:
    if model == "flat":
        return QCoreApplication.translate("Print", "Fee rate per period")
    if model == "total":
        return QCoreApplication.translate("Print", "Total fee rate")
    return QCoreApplication.translate("Print", "Annual interest rate")


def _rules(s: ScheduleSheet) -> list[tuple[str, str]]:
    """The overdue and payoff terms, worded as on the plan's detail panel."""
    grace = s.grace_days
    days = QCoreApplication.translate("PlanDetailPanel", "%n days", "", grace)
    if s.penalty_daily_rate:
        penalty = QCoreApplication.translate("PlanDetailPanel", "%1 per day overdue").replace(
            "%1", exact_percent(s.penalty_daily_rate)
        )
    else:
        penalty = QCoreApplication.translate("PlanDetailPanel", "none")
    return [
        (QCoreApplication.translate("PlanDetailPanel", "Grace period"), days),
        (
            QCoreApplication.translate("PlanDetailPanel", "Tolerance"),
            fmt.money(s.tolerance, s.currency),
        ),
        (QCoreApplication.translate("PlanDetailPanel", "Penalty"), penalty),
    ]


def _wide_facts(s: ScheduleSheet) -> list[tuple[str, str]]:
    """Facts whose value is a sentence: a full-width row each, under the two columns."""
    return [
        (
            QCoreApplication.translate("PlanDetailPanel", "Early payoff"),
            policy_label(s.model, s.payoff_policy, s.payoff_penalty_pct),
        ),
        *_calendar_fact(s),
    ]


def _calendar_fact(s: ScheduleSheet) -> list[tuple[str, str]]:
    """The working-day calendar the due dates move by, and the years it does not know."""
    if not s.holidays:
        return []
    shown = calendar_label(s.holidays)
    note = coverage_note(s.holidays, s.uncovered_years)
    label = QCoreApplication.translate("Print", "Working-day calendar")
    return [(label, note or shown)]  # the note names the calendar too


def column_shares(s: ScheduleSheet) -> tuple[float, ...]:
    """The columns' widths as shares of the page: a wider due date when dates were moved
    ("2026-02-24 (from 02-15)")."""
    return MOVED_COLUMN_SHARES if s.moved else COLUMN_SHARES


def _facts(s: ScheduleSheet) -> list[tuple[str, str, bool]]:
    """(label, value, emphasised) of the sheet's header, in reading order."""
    m = s.currency
    facts = [(QCoreApplication.translate("Print", "Schedule model"), fmt.model_label(s.model))]
    if s.platform:
        facts.append((QCoreApplication.translate("Print", "Platform"), s.platform))
    facts.append((QCoreApplication.translate("Print", "Principal"), fmt.money(s.principal, m)))
    facts.append((QCoreApplication.translate("Print", "Periods"), str(s.periods)))
    if s.rate_percent is not None:
        facts.append((_rate_label(s.model), f"{s.rate_percent}%"))
    facts.append((QCoreApplication.translate("Print", "First due date"), fmt.day(s.first_due)))
    if s.down_payment:
        label = QCoreApplication.translate("Print", "Down payment")
        facts.append((label, fmt.money(s.down_payment, m)))
    if s.upfront_fee:
        facts.append(
            (QCoreApplication.translate("Print", "Upfront fee"), fmt.money(s.upfront_fee, m))
        )
    facts += _rules(s)
    facts.append((total_charge(s.model), fmt.money(s.total_fee, m)))
    facts.append((QCoreApplication.translate("Print", "Total cost"), fmt.money(s.total_cost, m)))
    facts.append((QCoreApplication.translate("Print", "APR"), f"{s.apr_percent}%"))
    label = QCoreApplication.translate("Print", "Effective annual rate")
    facts.append((label, f"{s.effective_percent}%"))
    facts.append((QCoreApplication.translate("Print", "Paid so far"), fmt.money(s.paid_total, m)))
    label = QCoreApplication.translate("Print", "Remaining balance")
    facts.append((label, fmt.money(s.balance, m)))
    facts.append((QCoreApplication.translate("Print", "Status"), fmt.status_label(s.status)))
    strong = {
        QCoreApplication.translate("Print", "APR"),
        QCoreApplication.translate("Print", "Remaining balance"),
    }
    return [(label, value, label in strong) for label, value in facts]


def _status_text(row: InstallmentRow) -> str:
    if row.overdue and row.days_overdue:
        n = row.days_overdue
        return QCoreApplication.translate("Print", "Overdue, %n days", "", n)
    return fmt.status_label(row.status.value)


def _row_cells(row: InstallmentRow, m: str, moved: Mapping[int, date]) -> list[str]:
    return [
        str(row.period),
        moved_day(row.due_date, moved.get(row.period)),
        fmt.money(row.principal, m),
        fmt.money(row.fee, m),
        fmt.money(row.total, m),
        fmt.money(row.paid, m),
        fmt.money(row.amount_due, m),
        _status_text(row),
    ]


def _total_cells(s: ScheduleSheet) -> list[str]:
    m = s.currency
    rows = s.rows
    return [
        "",
        QCoreApplication.translate("Print", "Total"),
        fmt.money(sum(r.principal for r in rows), m),
        fmt.money(sum(r.fee for r in rows), m),
        fmt.money(s.scheduled_total, m),
        fmt.money(sum(r.paid for r in rows), m),
        fmt.money(sum(r.amount_due for r in rows), m),
        "",
    ]


class _SheetLayout:
    """Sizes of one schedule sheet on one device, and which rows go on which page."""

    def __init__(self, c: Canvas, sheet: ScheduleSheet) -> None:
        self.title_font = c.font(16, bold=True)
        self.fact_font = c.font(9.5)
        self.fact_bold = c.font(9.5, bold=True)
        self.cell_font = c.font(9)
        self.head_font = c.font(9, bold=True)
        self.title_h = c.metrics(self.title_font).height() * 1.4
        self.fact_h = c.metrics(self.fact_font).height() * 1.45
        self.row_h = c.metrics(self.cell_font).height() * 1.6
        self.facts = _facts(sheet)
        self.wide = _wide_facts(sheet)
        self.fact_rows = (len(self.facts) + 1) // 2
        self.head_rows = self.fact_rows + len(self.wide)
        footer_h = c.metrics(c.font(7.5)).height() * 1.2
        bottom = c.rect.bottom() - footer_h - 4 * c.pt
        first_top = c.rect.top() + self.title_h + self.head_rows * self.fact_h + 10 * c.pt
        next_top = c.rect.top() + self.title_h
        # The rows flow over the pages followed by the totals row and, if any, the penalty note.
        penalty = sum(r.penalty for r in sheet.rows)
        lines: list[InstallmentRow | str] = [*sheet.rows, "total"]
        if penalty:
            lines.append("note")
        self.pages: list[tuple[float, list[InstallmentRow | str]]] = []
        top = first_top
        while True:
            fits = max(1, int((bottom - top) // self.row_h) - 1)  # less the column header
            self.pages.append((top, lines[:fits]))
            lines = lines[fits:]
            if not lines:
                break
            top = next_top


def paint_schedule(device: QPagedPaintDevice, sheet: ScheduleSheet) -> int:
    """Draw a plan's schedule sheet on ``device`` (as many pages as it takes); return pages."""
    painter = begin_document(device)
    try:
        c = Canvas(painter, device)
        layout = _SheetLayout(c, sheet)
        count = len(layout.pages)
        for index, (top, lines) in enumerate(layout.pages):
            if index:
                device.newPage()
            _paint_sheet_head(c, sheet, layout, first=index == 0)
            _paint_table(c, sheet, layout, top, lines)
            c.footer(as_of_text(sheet.as_of), index + 1, count)
    finally:
        painter.end()
    return count


def _paint_sheet_head(c: Canvas, s: ScheduleSheet, layout: _SheetLayout, first: bool) -> None:
    r = c.rect
    title_rect = QRectF(r.left(), r.top(), r.width() * 0.7, layout.title_h)
    name = s.name if first else QCoreApplication.translate("Print", "%1 (continued)")
    c.text(title_rect, name.replace("%1", s.name), layout.title_font)
    heading = QCoreApplication.translate("Print", "Payment schedule")
    c.text(
        QRectF(r.left(), r.top(), r.width(), layout.title_h),
        heading,
        c.font(10),
        MUTED,
        Qt.AlignmentFlag.AlignRight,
    )
    if not first:
        return
    c.line(r.left(), r.top() + layout.title_h, r.right(), r.top() + layout.title_h)
    half = r.width() / 2
    label_w = half * 0.45
    for index, (label, value, strong) in enumerate(layout.facts):
        col, row = divmod(index, layout.fact_rows)
        x = r.left() + col * half
        y = r.top() + layout.title_h + 4 * c.pt + row * layout.fact_h
        c.text(QRectF(x, y, label_w, layout.fact_h), label, layout.fact_font, MUTED)
        font = layout.fact_bold if strong else layout.fact_font
        c.text(
            QRectF(x + label_w, y, half - label_w - 6 * c.pt, layout.fact_h),
            value,
            font,
            shrink=True,
        )
    for index, (label, value) in enumerate(layout.wide, start=layout.fact_rows):
        y = r.top() + layout.title_h + 4 * c.pt + index * layout.fact_h
        c.text(QRectF(r.left(), y, label_w, layout.fact_h), label, layout.fact_font, MUTED)
        width = r.width() - label_w - 6 * c.pt
        c.text(QRectF(r.left() + label_w, y, width, layout.fact_h), value, layout.fact_font)


def _paint_table(
    c: Canvas, s: ScheduleSheet, layout: _SheetLayout, top: float, lines: list[InstallmentRow | str]
) -> None:
    r = c.rect
    pad = 4 * c.pt
    xs = [r.left()]
    for share in column_shares(s):
        xs.append(xs[-1] + share * r.width())

    def draw(
        cells: list[str], y: float, font: QFont, colour: QColor, uniform: bool = False
    ) -> None:
        if uniform:  # one size for the whole row: the smallest any of its cells needs
            fm = c.metrics(font)
            scale = 1.0
            for col, text in enumerate(cells):
                room = xs[col + 1] - xs[col] - 2 * pad
                wide = fm.horizontalAdvance(text)
                if wide > room > 0:
                    scale = min(scale, room / wide * 0.98)
            if scale < 1.0:
                font = QFont(font)
                font.setPointSizeF(font.pointSizeF() * max(0.7, scale))
        for col, text in enumerate(cells):
            rect = QRectF(xs[col] + pad, y, xs[col + 1] - xs[col] - 2 * pad, layout.row_h)
            align = (
                Qt.AlignmentFlag.AlignRight if RIGHT_ALIGNED[col] else Qt.AlignmentFlag.AlignLeft
            )
            c.text(rect, text, font, colour, align, shrink=True)

    c.p.fillRect(QRectF(r.left(), top, r.width(), layout.row_h), HEAD_BG)
    draw(_column_labels(s.model), top, layout.head_font, INK)
    y = top + layout.row_h
    for line in lines:
        if isinstance(line, InstallmentRow):
            colour = LATE if line.overdue else MUTED if line.status is Status.PAID else INK
            if line.overdue:
                c.p.fillRect(QRectF(r.left(), y, r.width(), layout.row_h), LATE_BG)
            draw(_row_cells(line, s.currency, s.moved), y, layout.cell_font, colour)
            c.line(r.left(), y + layout.row_h, r.right(), y + layout.row_h, 0.25)
        elif line == "total":
            c.line(r.left(), y, r.right(), y, 1.0)
            draw(_total_cells(s), y, layout.head_font, INK, uniform=True)
        else:
            penalty = fmt.money(sum(row.penalty for row in s.rows), s.currency)
            note = QCoreApplication.translate(
                "Print", "Remaining includes late-payment penalties of %1."
            ).replace("%1", penalty)
            c.text(QRectF(r.left() + pad, y, r.width(), layout.row_h), note, layout.cell_font, LATE)
        y += layout.row_h


# -- PDF ----------------------------------------------------------------------------------


def write_schedule_pdf(
    path: str | os.PathLike[str], sheet: ScheduleSheet, paper: str = "a4"
) -> int:
    """A plan's schedule sheet as a portrait PDF; return the page count."""
    title = QCoreApplication.translate("Print", "Payment schedule") + f" – {sheet.name}"
    return write_pdf(
        path,
        lambda device: paint_schedule(device, sheet),
        paper=paper,
        landscape=False,
        title=title,
    )
