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

INK = QColor("#202020")
MUTED = QColor("#757575")
LATE = QColor("#c62828")
LATE_BG = QColor("#fdecea")
SOON = QColor("#b26a00")
OUTSIDE_BG = QColor("#f3f3f3")
RULE = QColor("#9e9e9e")
TODAY = QColor("#1565c0")
HEAD_BG = QColor("#e8e8e8")


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
    """Draw one month grid per page on ``device`` (a new page between months); return pages."""
    painter = begin_document(device)
    try:
        canvas = Canvas(painter, device)
        for index, page in enumerate(pages):
            if index:
                device.newPage()
            _paint_month(canvas, page, index + 1, len(pages))
    finally:
        painter.end()
    return len(pages)


def _paint_month(c: Canvas, page: MonthPage, number: int, count: int) -> None:
    r = c.rect
    title_font = c.font(18, bold=True)
    title_h = c.metrics(title_font).height() * 1.3
    c.text(
        QRectF(r.left(), r.top(), r.width() * 0.6, title_h),
        month_title(page.year, page.month),
        title_font,
    )
    side = QCoreApplication.translate("Print", "Installments due")
    c.text(
        QRectF(r.left(), r.top(), r.width(), title_h),
        side,
        c.font(10),
        MUTED,
        Qt.AlignmentFlag.AlignRight,
    )
    footer_top = c.footer(as_of_text(page.as_of), number, count)
    summary_font = c.font(10, bold=True)
    summary_h = c.metrics(summary_font).height() * 1.5
    legend_font = c.font(7.5)
    legend_h = c.metrics(legend_font).height() * 1.3
    summary_top = footer_top - legend_h - summary_h
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

    head_font = c.font(9, bold=True)
    head_h = c.metrics(head_font).height() * 1.5
    top = r.top() + title_h + 2 * c.pt
    col_w = r.width() / 7
    c.p.fillRect(QRectF(r.left(), top, r.width(), head_h), HEAD_BG)
    for col, name in enumerate(weekday_names()):
        rect = QRectF(r.left() + col * col_w, top, col_w, head_h)
        c.text(rect, name, head_font, INK, Qt.AlignmentFlag.AlignHCenter)
    grid_top = top + head_h
    row_h = (summary_top - 3 * c.pt - grid_top) / len(page.weeks)
    for row, week in enumerate(page.weeks):
        for col, cell in enumerate(week):
            rect = QRectF(r.left() + col * col_w, grid_top + row * row_h, col_w, row_h)
            _paint_day(c, cell, rect)
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


def _paint_day(c: Canvas, cell: DayCell, rect: QRectF) -> None:
    if not cell.in_month:
        c.p.fillRect(rect, OUTSIDE_BG)
    elif cell.overdue:
        c.p.fillRect(rect, LATE_BG)
    pad = 3 * c.pt
    inner = rect.adjusted(pad, pad * 0.6, -pad, -pad * 0.6)
    day_font = c.font(10, bold=True)
    day_h = c.metrics(day_font).height()
    c.text(
        QRectF(inner.left(), inner.top(), inner.width(), day_h),
        str(cell.day.day),
        day_font,
        INK if cell.in_month else MUTED,
    )
    if cell.overdue:
        tag = fmt.status_label("overdue")
        c.text(
            QRectF(inner.left(), inner.top(), inner.width(), day_h),
            tag,
            c.font(7.5, bold=True),
            LATE,
            Qt.AlignmentFlag.AlignRight,
        )
    if not cell.entries:
        return
    font = c.font(8.5)
    line_h = c.metrics(font).height() * 1.08
    y = inner.top() + day_h + 1 * c.pt
    room = max(0, int((inner.bottom() - y) // line_h))
    entries = list(cell.entries)
    if 2 * len(entries) <= room:  # room for the whole name above the amount
        for entry in entries:
            _paint_entry_two_lines(c, entry, QRectF(inner.left(), y, inner.width(), line_h), font)
            y += 2 * line_h
        return
    shown = entries if len(entries) <= room else entries[: max(0, room - 1)]
    for entry in shown:
        _paint_entry(c, entry, QRectF(inner.left(), y, inner.width(), line_h), font)
        y += line_h
    hidden = entries[len(shown) :]
    if hidden and room:
        more = QCoreApplication.translate("Print", "+%1 more").replace("%1", str(len(hidden)))
        sums: dict[str, int] = {}
        for e in hidden:
            sums[e.currency] = sums.get(e.currency, 0) + shown_amount(e)
        text = f"{more}  {totals_text(tuple(sums.items()))}"
        colour = LATE if any(e.overdue for e in hidden) else MUTED
        c.text(
            QRectF(inner.left(), y, inner.width(), line_h),
            text,
            font,
            colour,
            Qt.AlignmentFlag.AlignRight,
        )


def _entry_style(entry: InstallmentRow) -> tuple[QColor, str]:
    """The colour of an item and the amount text it shows (✓ and the total once paid)."""
    if entry.status is Status.PAID:
        return MUTED, "✓ " + fmt.money(entry.total, entry.currency)
    amount = fmt.money(entry.amount_due, entry.currency)
    if entry.overdue:
        return LATE, amount
    if entry.status.value in ("due_today", "due_soon", "grace"):
        return SOON, amount
    return INK, amount


def _paint_entry_two_lines(c: Canvas, entry: InstallmentRow, line: QRectF, font: QFont) -> None:
    """Name and period on one line, the amount right-aligned on the next."""
    colour, amount = _entry_style(entry)
    small = c.font(6.5)
    period = f" {entry.period}/{entry.periods}"
    fm = c.metrics(font)
    name_room = line.width() - c.metrics(small).horizontalAdvance(period)
    name = fm.elidedText(entry.plan_name, Qt.TextElideMode.ElideRight, name_room)
    c.text(line, name, font, colour)
    name_w = fm.horizontalAdvance(name)
    c.text(
        QRectF(line.left() + name_w, line.top(), line.width() - name_w, line.height()),
        period,
        small,
        MUTED,
        elide=False,
    )
    below = line.translated(0, line.height())
    c.text(below, amount, font, colour, Qt.AlignmentFlag.AlignRight, elide=False, shrink=True)


def _paint_entry(c: Canvas, entry: InstallmentRow, rect: QRectF, font: QFont) -> None:
    colour, amount = _entry_style(entry)
    fm = c.metrics(font)
    amount_w = fm.horizontalAdvance(amount)
    c.text(rect, amount, font, colour, Qt.AlignmentFlag.AlignRight, elide=False, shrink=True)
    room = rect.width() - amount_w - 4 * c.pt
    if room < fm.horizontalAdvance("…") * 2:
        return
    small = c.font(6.5)
    period = f" {entry.period}/{entry.periods}"
    name_room = room - c.metrics(small).horizontalAdvance(period)
    if name_room < fm.horizontalAdvance(entry.plan_name) and name_room < room * 0.6:
        c.text(QRectF(rect.left(), rect.top(), room, rect.height()), entry.plan_name, font, colour)
        return
    name = fm.elidedText(entry.plan_name, Qt.TextElideMode.ElideRight, name_room)
    c.text(QRectF(rect.left(), rect.top(), name_room, rect.height()), name, font, colour)
    name_w = fm.horizontalAdvance(name)
    c.text(
        QRectF(rect.left() + name_w, rect.top(), room - name_w, rect.height()),
        period,
        small,
        MUTED,
        elide=False,
    )


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
