"""Printing: the calendar's month pages and a plan's schedule sheet, drawn with QPainter.

Every function takes the paint device (the ``QPrinter`` of a print or a print preview, or a
``QPdfWriter`` for a PDF file), so preview, printer and PDF share one drawing code. The layout
is computed from the device's paintable area in device pixels and its DPI, so A4 or Letter,
portrait or landscape and any resolution work. Text uses ``cjk_qfont`` (a Latin family with a
CJK fallback), so Chinese prints with an embedded CJK font; labels are translated in the
"Print" context when drawn, so the current language applies.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from tracker.domain.ledger import Status
from tracker.domain.rows import InstallmentRow
from tracker.reports.print_data import (
    DayCell,
    MonthPage,
    Totals,
    shown_amount,
)
from tracker.storage.targets import check_output_path

from . import fmt
from .fonts import cjk_qfont
from .palette import PRINT

__all__ = [
    "PAPERS",
    "Canvas",
    "month_title",
    "page_layout",
    "paint_calendar",
    "totals_text",
    "weekday_names",
    "write_calendar_pdf",
    "write_pdf",
]

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 10.0
PDF_DPI = 300

INK = QColor(PRINT.ink)
MUTED = QColor(PRINT.muted)
LATE = QColor(PRINT.late)
LATE_BG = QColor(PRINT.late_bg)
GRACE = QColor(PRINT.grace)
SOON = QColor(PRINT.soon)
OUTSIDE_BG = QColor(PRINT.outside_bg)
RULE = QColor(PRINT.rule)
TODAY = QColor(PRINT.today)
HEAD_BG = QColor(PRINT.head_bg)


def page_layout(paper: str = "a4", landscape: bool = True) -> QPageLayout:
    """A4 or Letter, portrait or landscape, with 10 mm margins."""
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(QPageSize(PAPERS[paper]), orientation, margins, QPageLayout.Unit.Millimeter)


def weekday_names() -> list[str]:
    """Monday to Sunday in the current language ("Mon" … or 一 二 三 …)."""
    return [
        QCoreApplication.translate("Print", "Mon"),
        QCoreApplication.translate("Print", "Tue"),
        QCoreApplication.translate("Print", "Wed"),
        QCoreApplication.translate("Print", "Thu"),
        QCoreApplication.translate("Print", "Fri"),
        QCoreApplication.translate("Print", "Sat"),
        QCoreApplication.translate("Print", "Sun"),
    ]


def month_title(year: int, month: int) -> str:
    """ "November 2026" or 2026年11月, following the current language."""
    pattern = QCoreApplication.translate("Print", "MMMM yyyy")
    return QLocale().toString(QDate(year, month, 1), pattern)


def totals_text(totals: Totals) -> str:
    """Amounts per currency joined with " + " (¥0.00 when there are none)."""
    return " + ".join(fmt.money(v, c) for c, v in totals) or fmt.money(0)


class Canvas:
    """A painter on a paged device, with sizes in points converted to device pixels."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice) -> None:
        self.p = painter
        self.device = device
        self.pt = device.logicalDpiY() / 72.0
        self.rect = QRectF(0, 0, device.width(), device.height())
        self._fonts: dict[tuple[float, bool], QFont] = {}

    def font(self, size: float, bold: bool = False) -> QFont:
        """The print font (CJK fallback) at ``size`` points."""
        font = self._fonts.get((size, bold))
        if font is None:
            font = self._fonts[(size, bold)] = cjk_qfont(size)
            font.setBold(bold)
        return font

    def metrics(self, font: QFont) -> QFontMetricsF:
        """Font metrics on this device."""
        return QFontMetricsF(font, self.device)

    def text(
        self,
        rect: QRectF,
        text: str,
        font: QFont,
        colour: QColor = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        elide: bool = True,
        shrink: bool = False,
    ) -> None:
        """Draw one line of text in ``rect``: with ``shrink`` a smaller font (down to 70%) is
        used when it is too wide (amounts are never cut), then it is elided if ``elide``."""
        if shrink:
            wide = self.metrics(font).horizontalAdvance(text)
            if wide > rect.width() > 0:
                font = QFont(font)
                font.setPointSizeF(font.pointSizeF() * max(0.7, rect.width() / wide * 0.98))
        self.p.setFont(font)
        self.p.setPen(colour)
        if elide:
            text = self.metrics(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        self.p.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, text)

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.5) -> None:
        """A rule ``width`` points wide."""
        self.p.setPen(QPen(RULE, width * self.pt))
        self.p.drawLine(QPointF(x1, y1), QPointF(x2, y2))

    def footer(self, left: str, page: int, pages: int) -> float:
        """The footer line (left text, "Page n of m" right); return its top."""
        font = self.font(7.5)
        h = self.metrics(font).height() * 1.2
        rect = QRectF(self.rect.left(), self.rect.bottom() - h, self.rect.width(), h)
        self.text(rect, left, font, MUTED)
        number = QCoreApplication.translate("Print", "Page %1 of %2")
        number = number.replace("%1", str(page)).replace("%2", str(pages))
        self.text(rect, number, font, MUTED, Qt.AlignmentFlag.AlignRight, elide=False)
        return rect.top()


def as_of_text(as_of: date) -> str:
    app = QCoreApplication.translate("Print", "Installment Tracker")
    status = QCoreApplication.translate("Print", "Status as of %1").replace("%1", fmt.day(as_of))
    return f"{app} · {status}"


def begin_document(device: QPagedPaintDevice) -> QPainter:
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start printing on this device")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    return painter


# -- calendar -----------------------------------------------------------------------------


def paint_calendar(device: QPagedPaintDevice, pages: Sequence[MonthPage]) -> int:
    """Draw one month grid per page on ``device``, each followed by agenda pages when a day or
    the carried arrears do not fit on the grid (no item is ever left out); return pages."""
    painter = begin_document(device)
    try:
        canvas = Canvas(painter, device)
        plans = [_plan_month(canvas, page) for page in pages]
        total = sum(1 + len(plan.agenda) for plan in plans)
        number = 0
        for page, plan in zip(pages, plans, strict=True):
            if number:
                device.newPage()
            number += 1
            _paint_month(canvas, page, plan, number, total)
            for chunk in plan.agenda:
                device.newPage()
                number += 1
                _paint_agenda(canvas, page, chunk, number, total)
    finally:
        painter.end()
    return total


ENTRY_SIZES = (10.0, 8.5)
"""Point sizes of a day's items: 10 pt (legible across a room) unless the cell is too full."""

AgendaLine = tuple[str, str] | InstallmentRow
"""An agenda page line: ("head", text) or an item."""


@dataclass
class _Fit:
    """How a day's items are drawn in its cell."""

    size: float
    two_lines: bool
    shown: int


@dataclass
class _MonthPlan:
    """The geometry of a month page and what goes on its agenda pages."""

    title_h: float
    head_h: float
    grid_top: float
    row_h: float
    summary_top: float
    band_top: float
    band_lines: list[str]
    fits: dict[date, _Fit]
    agenda: list[list[AgendaLine]]


def _cell_inner(c: Canvas, rect: QRectF) -> QRectF:
    pad = 3 * c.pt
    return rect.adjusted(pad, pad * 0.6, -pad, -pad * 0.6)


def _day_h(c: Canvas) -> float:
    return c.metrics(c.font(10, bold=True)).height()


def _line_h(c: Canvas, size: float) -> float:
    return c.metrics(c.font(size)).height() * 1.08


def _fit(c: Canvas, count: int, height: float) -> _Fit:
    """The largest size at which all ``count`` items fit in ``height`` (two lines each when
    there is room: name, then platform and amount); else as many as fit less one line for
    "+N more"."""
    for size in ENTRY_SIZES:
        room = int(height // _line_h(c, size))
        if 2 * count <= room:
            return _Fit(size, True, count)
        if count <= room:
            return _Fit(size, False, count)
    room = int(height // _line_h(c, ENTRY_SIZES[-1]))
    return _Fit(ENTRY_SIZES[-1], False, max(0, room - 1))


def _carried_chunk(e: InstallmentRow) -> str:
    return f"☐ {e.plan_name} {e.period}/{e.periods} · {fmt.day(e.due_date)} · " + fmt.money(
        e.amount_due, e.currency
    )


def _plan_month(c: Canvas, page: MonthPage) -> _MonthPlan:
    r = c.rect
    title_h = c.metrics(c.font(18, bold=True)).height() * 1.3
    footer_h = c.metrics(c.font(7.5)).height() * 1.2
    summary_h = c.metrics(c.font(10, bold=True)).height() * 1.5
    legend_h = c.metrics(c.font(7.5)).height() * 1.3
    summary_top = r.bottom() - footer_h - legend_h - summary_h
    band_font = c.font(10)
    band_line_h = c.metrics(band_font).height() * 1.2
    band_lines: list[str] = []
    carried_on_agenda = False
    if page.carried:
        fm = c.metrics(band_font)
        lines: list[str] = []
        for chunk in (_carried_chunk(e) for e in page.carried):
            if lines and fm.horizontalAdvance(lines[-1] + "    " + chunk) <= r.width():
                lines[-1] += "    " + chunk
            else:
                lines.append(chunk)
        if len(lines) > 2 or any(fm.horizontalAdvance(line) > r.width() for line in lines):
            carried_on_agenda = True
            lines = [
                QCoreApplication.translate(
                    "Print", "Each of them is listed on the agenda page after this month."
                )
            ]
        band_lines = lines
    band_h = (len(band_lines) + 1) * band_line_h if page.carried else 0.0
    band_top = summary_top - band_h
    head_h = c.metrics(c.font(9, bold=True)).height() * 1.5
    grid_top = r.top() + title_h + 2 * c.pt + head_h
    row_h = (band_top - 3 * c.pt - grid_top) / len(page.weeks)
    fits: dict[date, _Fit] = {}
    full: list[DayCell] = []
    for week in page.weeks:
        for cell in week:
            if not cell.entries:
                continue
            inner = _cell_inner(c, QRectF(0, 0, 100, row_h))
            fit = _fit(c, len(cell.entries), inner.height() - _day_h(c) - c.pt)
            fits[cell.day] = fit
            if fit.shown < len(cell.entries):
                full.append(cell)
    lines_out: list[AgendaLine] = []
    if carried_on_agenda:
        lines_out.append(("head", _carried_heading(page)))
        lines_out.extend(page.carried)
    for cell in full:
        n = len(cell.entries)  # a plain name: lupdate reads no expression as the count
        count = QCoreApplication.translate("Print", "%n items", "", n)
        lines_out.append(("head", f"{fmt.day(cell.day)} · {count} · {_day_total(cell)}"))
        lines_out.extend(cell.entries)
    agenda_row = c.metrics(c.font(10)).height() * 1.45
    per_page = max(1, int((r.height() - title_h - 2 * footer_h) // agenda_row) - 1)
    agenda = [lines_out[i : i + per_page] for i in range(0, len(lines_out), per_page)]
    return _MonthPlan(
        title_h, head_h, grid_top, row_h, summary_top, band_top, band_lines, fits, agenda
    )


def _carried_heading(page: MonthPage) -> str:
    n = len(page.carried)
    return QCoreApplication.translate(
        "Print", "Overdue from earlier months: %n items, %2", "", n
    ).replace("%2", totals_text(page.carried_total))


def _day_total(cell: DayCell) -> str:
    sums: dict[str, int] = {}
    for e in cell.entries:
        sums[e.currency] = sums.get(e.currency, 0) + shown_amount(e)
    return totals_text(tuple(sums.items()))


def _paint_title(c: Canvas, page: MonthPage, title_h: float, side: str) -> None:
    r = c.rect
    title_font = c.font(18, bold=True)
    c.text(
        QRectF(r.left(), r.top(), r.width() * 0.6, title_h),
        month_title(page.year, page.month),
        title_font,
    )
    c.text(
        QRectF(r.left(), r.top(), r.width(), title_h),
        side,
        c.font(10),
        MUTED,
        Qt.AlignmentFlag.AlignRight,
    )


def _paint_month(c: Canvas, page: MonthPage, plan: _MonthPlan, number: int, count: int) -> None:
    r = c.rect
    title_h = plan.title_h
    _paint_title(c, page, title_h, QCoreApplication.translate("Print", "Installments due"))
    c.footer(as_of_text(page.as_of), number, count)
    summary_font = c.font(10, bold=True)
    summary_h = c.metrics(summary_font).height() * 1.5
    legend_font = c.font(7.5)
    legend_h = c.metrics(legend_font).height() * 1.3
    summary_top = plan.summary_top
    parts = [
        QCoreApplication.translate("Print", "Total this month: %1").replace(
            "%1", totals_text(page.total)
        ),
        QCoreApplication.translate("Print", "Still to pay: %1").replace(
            "%1", totals_text(page.due)
        ),
    ]
    if page.overdue_count:
        parts.append(
            QCoreApplication.translate("Print", "Overdue: %1").replace(
                "%1", totals_text(page.overdue)
            )
        )
    summary_rect = QRectF(r.left(), summary_top, r.width(), summary_h)
    c.text(summary_rect, "    ".join(parts[:2]), summary_font)
    if page.overdue_count:
        c.text(summary_rect, parts[2], summary_font, LATE, Qt.AlignmentFlag.AlignRight)
    legend = QCoreApplication.translate(
        "Print", "✓ paid (amount scheduled) · other amounts: still to pay · red: overdue"
    )
    c.text(
        QRectF(r.left(), summary_top + summary_h, r.width(), legend_h), legend, legend_font, MUTED
    )
    if page.carried:
        band_font = c.font(10)
        line_h = c.metrics(band_font).height() * 1.2
        band = QRectF(r.left(), plan.band_top, r.width(), summary_top - plan.band_top)
        c.p.fillRect(band.adjusted(0, c.pt, 0, -c.pt), LATE_BG)
        y = plan.band_top + c.pt
        c.text(
            QRectF(r.left() + 2 * c.pt, y, r.width(), line_h),
            _carried_heading(page),
            c.font(10, bold=True),
            LATE,
        )
        for text in plan.band_lines:
            y += line_h
            c.text(QRectF(r.left() + 2 * c.pt, y, r.width(), line_h), text, band_font, LATE)

    head_font = c.font(9, bold=True)
    head_h = plan.head_h
    top = plan.grid_top - head_h
    col_w = r.width() / 7
    c.p.fillRect(QRectF(r.left(), top, r.width(), head_h), HEAD_BG)
    for col, name in enumerate(weekday_names()):
        rect = QRectF(r.left() + col * col_w, top, col_w, head_h)
        c.text(rect, name, head_font, INK, Qt.AlignmentFlag.AlignHCenter)
    grid_top = plan.grid_top
    row_h = plan.row_h
    for row, week in enumerate(page.weeks):
        for col, cell in enumerate(week):
            rect = QRectF(r.left() + col * col_w, grid_top + row * row_h, col_w, row_h)
            _paint_day(c, cell, rect, plan.fits.get(cell.day), bool(plan.agenda))
    bottom = grid_top + row_h * len(page.weeks)
    for row in range(len(page.weeks) + 1):
        y = grid_top + row * row_h
        c.line(r.left(), y, r.right(), y)
    for col in range(8):
        x = r.left() + col * col_w
        c.line(x, top, x, bottom)
    c.line(r.left(), top, r.right(), top)
    offset = (page.as_of - page.weeks[0][0].day).days
    if page.as_of.month == page.month and page.as_of.year == page.year:
        row, col = divmod(offset, 7)
        rect = QRectF(r.left() + col * col_w, grid_top + row * row_h, col_w, row_h)
        c.p.setPen(QPen(TODAY, 1.5 * c.pt))
        c.p.setBrush(Qt.BrushStyle.NoBrush)
        c.p.drawRect(rect)


def _paint_day(c: Canvas, cell: DayCell, rect: QRectF, fit: _Fit | None, has_agenda: bool) -> None:
    if not cell.in_month:
        c.p.fillRect(rect, OUTSIDE_BG)
    elif cell.overdue:
        c.p.fillRect(rect, LATE_BG)
    inner = _cell_inner(c, rect)
    day_font = c.font(10, bold=True)
    day_h = _day_h(c)
    head = QRectF(inner.left(), inner.top(), inner.width(), day_h)
    c.text(head, str(cell.day.day), day_font, INK if cell.in_month else MUTED)
    day_w = c.metrics(day_font).horizontalAdvance(f"{cell.day.day} ")
    if cell.overdue:
        c.text(
            QRectF(inner.left() + day_w, inner.top(), inner.width() - day_w, day_h),
            fmt.status_label("overdue"),
            c.font(7.5, bold=True),
            LATE,
        )
    if not cell.entries or fit is None:
        return
    tag_w = c.metrics(c.font(7.5, bold=True)).horizontalAdvance(fmt.status_label("overdue") + " ")
    total_left = inner.left() + day_w + (tag_w if cell.overdue else 0)
    c.text(
        QRectF(total_left, inner.top(), inner.right() - total_left, day_h),
        _day_total(cell),
        c.font(9, bold=True),
        LATE if cell.overdue else INK,
        Qt.AlignmentFlag.AlignRight,
        elide=False,
        shrink=True,
    )
    font = c.font(fit.size)
    line_h = _line_h(c, fit.size)
    y = inner.top() + day_h + 1 * c.pt
    entries = list(cell.entries)
    for entry in entries[: fit.shown]:
        line = QRectF(inner.left(), y, inner.width(), line_h)
        if fit.two_lines:
            _paint_entry_two_lines(c, entry, line, font)
            y += 2 * line_h
        else:
            _paint_entry(c, entry, line, font)
            y += line_h
    hidden = entries[fit.shown :]
    if hidden:
        more = QCoreApplication.translate("Print", "+%1 more: see the agenda page").replace(
            "%1", str(len(hidden))
        )
        colour = LATE if any(e.overdue for e in hidden) else MUTED
        c.text(
            QRectF(inner.left(), y, inner.width(), line_h),
            more,
            font,
            colour,
            Qt.AlignmentFlag.AlignRight,
            shrink=True,
        )


def _entry_style(entry: InstallmentRow) -> tuple[QColor, str]:
    """The colour of an item and the amount text it shows (✓ and the total once paid)."""
    if entry.status is Status.PAID:
        return MUTED, "✓ " + fmt.money(entry.total, entry.currency)
    amount = fmt.money(entry.amount_due, entry.currency)
    if entry.overdue:
        return LATE, amount
    if entry.status is Status.GRACE:
        return GRACE, amount
    if entry.status.value in ("due_today", "due_soon"):
        return SOON, amount
    return INK, amount


def _tick_box(c: Canvas, entry: InstallmentRow, line: QRectF, colour: QColor) -> float:
    """A box to tick by hand (ticked once paid) at the left of ``line``; return its width."""
    side = line.height() * 0.62
    box = QRectF(line.left(), line.center().y() - side / 2, side, side)
    c.p.setPen(QPen(colour, 0.6 * c.pt))
    c.p.setBrush(Qt.BrushStyle.NoBrush)
    c.p.drawRect(box)
    if entry.status is Status.PAID:
        c.p.drawLine(
            QPointF(box.left() + side * 0.2, box.top() + side * 0.55),
            QPointF(box.left() + side * 0.42, box.bottom() - side * 0.18),
        )
        c.p.drawLine(
            QPointF(box.left() + side * 0.42, box.bottom() - side * 0.18),
            QPointF(box.right() - side * 0.15, box.top() + side * 0.2),
        )
    return side + 2 * c.pt


def _name_and_period(
    c: Canvas, entry: InstallmentRow, rect: QRectF, font: QFont, colour: QColor
) -> None:
    """The plan's name (elided in the middle, so similar names stay apart) and n/N."""
    small = c.font(max(6.5, font.pointSizeF() * 0.75))
    period = f" {entry.period}/{entry.periods}"
    fm = c.metrics(font)
    name_room = rect.width() - c.metrics(small).horizontalAdvance(period)
    if name_room < fm.horizontalAdvance("…") * 3:
        name_room, period = rect.width(), ""
    name = fm.elidedText(entry.plan_name, Qt.TextElideMode.ElideMiddle, name_room)
    c.text(rect, name, font, colour, elide=False)
    if period:
        name_w = fm.horizontalAdvance(name)
        c.text(
            QRectF(rect.left() + name_w, rect.top(), rect.width() - name_w, rect.height()),
            period,
            small,
            MUTED,
            elide=False,
        )


def _paint_entry_two_lines(c: Canvas, entry: InstallmentRow, line: QRectF, font: QFont) -> None:
    """Tick box, name and period on one line; the platform and the amount on the next."""
    colour, amount = _entry_style(entry)
    box_w = _tick_box(c, entry, line, colour)
    _name_and_period(c, entry, line.adjusted(box_w, 0, 0, 0), font, colour)
    below = line.translated(0, line.height()).adjusted(box_w, 0, 0, 0)
    amount_w = c.metrics(font).horizontalAdvance(amount)
    c.text(below, amount, font, colour, Qt.AlignmentFlag.AlignRight, elide=False, shrink=True)
    room = below.width() - amount_w - 4 * c.pt
    if entry.platform and room > 0:
        c.text(
            QRectF(below.left(), below.top(), room, below.height()),
            entry.platform,
            c.font(max(7.5, font.pointSizeF() - 1.5)),
            MUTED,
        )


def _paint_entry(c: Canvas, entry: InstallmentRow, rect: QRectF, font: QFont) -> None:
    """Tick box, name and period, the amount right-aligned, on one line."""
    colour, amount = _entry_style(entry)
    box_w = _tick_box(c, entry, rect, colour)
    fm = c.metrics(font)
    amount_w = fm.horizontalAdvance(amount)
    c.text(rect, amount, font, colour, Qt.AlignmentFlag.AlignRight, elide=False, shrink=True)
    room = rect.width() - box_w - amount_w - 4 * c.pt
    if room < fm.horizontalAdvance("…") * 2:
        return
    _name_and_period(
        c, entry, QRectF(rect.left() + box_w, rect.top(), room, rect.height()), font, colour
    )


AGENDA_SHARES = (0.04, 0.14, 0.34, 0.08, 0.2, 0.2)
"""Agenda columns: tick box, date, plan, period, platform, amount."""


def _paint_agenda(
    c: Canvas, page: MonthPage, lines: Sequence[AgendaLine], number: int, count: int
) -> None:
    """An agenda page: every item the month grid had no room for, by day, each with its
    tick box, date, plan, period, platform and amount."""
    r = c.rect
    title_h = c.metrics(c.font(18, bold=True)).height() * 1.3
    _paint_title(
        c,
        page,
        title_h,
        QCoreApplication.translate("Print", "Agenda: the items the grid has no room for"),
    )
    c.footer(as_of_text(page.as_of), number, count)
    font = c.font(10)
    row_h = c.metrics(font).height() * 1.45
    xs = [r.left()]
    for share in AGENDA_SHARES:
        xs.append(xs[-1] + share * r.width())
    y = r.top() + title_h + 4 * c.pt
    pad = 3 * c.pt
    for line in lines:
        if isinstance(line, tuple):
            c.p.fillRect(QRectF(r.left(), y, r.width(), row_h), HEAD_BG)
            c.text(
                QRectF(r.left() + pad, y, r.width() - 2 * pad, row_h),
                line[1],
                c.font(10, bold=True),
            )
        else:
            colour, amount = _entry_style(line)
            cell = QRectF(xs[0] + pad, y, xs[1] - xs[0], row_h)
            _tick_box(c, line, cell, colour)
            cells = [
                fmt.day(line.due_date),
                line.plan_name,
                f"{line.period}/{line.periods}",
                line.platform,
                amount,
            ]
            for col, text in enumerate(cells, start=1):
                rect = QRectF(xs[col] + pad, y, xs[col + 1] - xs[col] - 2 * pad, row_h)
                align = Qt.AlignmentFlag.AlignRight if col == 5 else Qt.AlignmentFlag.AlignLeft
                c.text(rect, text, font, colour, align, shrink=col == 5)
            c.line(r.left(), y + row_h, r.right(), y + row_h, 0.25)
        y += row_h


# -- schedule -----------------------------------------------------------------------------


def write_pdf(
    path: str | os.PathLike[str],
    paint: Callable[[QPagedPaintDevice], int],
    *,
    paper: str = "a4",
    landscape: bool = True,
    title: str = "",
) -> int:
    """Write a PDF drawn by ``paint(device)``; return its page count.

    The file is written next to ``path`` and moved into place once complete, so a failure
    leaves no half-written file. Raises OSError when it cannot be written.
    """
    target = Path(path)
    check_output_path(target)  # never over a database or its -wal/-shm
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        writer.setResolution(PDF_DPI)
        writer.setPageLayout(page_layout(paper, landscape))
        writer.setCreator(QCoreApplication.translate("Print", "Installment Tracker"))
        writer.setTitle(title)
        pages = paint(writer)
        del writer
        os.chmod(tmp, 0o600)  # private finances, like the CSV and calendar exports
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return pages


def write_calendar_pdf(
    path: str | os.PathLike[str], pages: Sequence[MonthPage], paper: str = "a4"
) -> int:
    """The month pages as a landscape PDF; return the page count."""
    title = QCoreApplication.translate("Print", "Installment calendar")
    if pages:
        title += f" {pages[0].first:%Y-%m} – {pages[-1].first:%Y-%m}"
    return write_pdf(path, lambda device: paint_calendar(device, pages), paper=paper, title=title)
