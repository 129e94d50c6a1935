"""The month grid of the Calendar screen, painted with QPainter.

Seven columns Monday to Sunday, six week rows; each day shows its number and the installments
due that day as "plan  amount" lines in their status's colour (``palette``: overdue red, in
grace amber, due soon teal, paid grey with a check mark); a day with late items is tinted red
(overdue) or amber (grace only); today is outlined and the chosen day filled. Colours follow
the palette's lightness so the dark theme stays readable.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from tracker.domain.ledger import Status
from tracker.domain.rows import InstallmentRow

from . import fmt, palette

HEADER_HEIGHT = 24
LATE = (Status.OVERDUE, Status.GRACE)
"""Past due, in the order their tint wins a shared day: overdue first."""


def grid_start(year: int, month: int) -> date:
    """The Monday on or before the first of the month: the grid's top-left day."""
    first = date(year, month, 1)
    return first - timedelta(days=first.weekday())


class MonthGrid(QWidget):
    """Six weeks of days with their installments; emits ``day_clicked`` with a date."""

    day_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year, self.month = 2000, 1
        self.today = date(2000, 1, 1)  # set by set_month from ctx.today()
        self.selected: date | None = None
        self._items: dict[date, list[InstallmentRow]] = {}
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(560, 360)

    def set_month(self, year: int, month: int, items: list[InstallmentRow], today: date) -> None:
        """Show a month with the installments of its six-week grid."""
        self.year, self.month, self.today = year, month, today
        self._items = {}
        for item in items:
            self._items.setdefault(item.due_date, []).append(item)
        self.update()

    def start(self) -> date:
        """The first day shown."""
        return grid_start(self.year, self.month)

    def items_on(self, day: date) -> list[InstallmentRow]:
        """The installments due on a day shown in the grid."""
        return list(self._items.get(day, []))

    def cell_rect(self, day: date) -> QRect:
        """Where a day is drawn (an empty rect when it is not in the grid)."""
        offset = (day - self.start()).days
        if not 0 <= offset < 42:
            return QRect()
        w, h = self.width() / 7, (self.height() - HEADER_HEIGHT) / 6
        row, col = divmod(offset, 7)
        x0, y0 = round(col * w), round(HEADER_HEIGHT + row * h)
        return QRect(x0, y0, round((col + 1) * w) - x0, round(HEADER_HEIGHT + (row + 1) * h) - y0)

    def day_at(self, x: float, y: float) -> date | None:
        """The day under a point, or None (the weekday header)."""
        if y < HEADER_HEIGHT or self.width() <= 0:
            return None
        col = min(6, int(x * 7 / self.width()))
        row = min(5, int((y - HEADER_HEIGHT) * 6 / max(1, self.height() - HEADER_HEIGHT)))
        return self.start() + timedelta(days=row * 7 + col)

    # -- colours -------------------------------------------------------------------------
    def _dark(self) -> bool:
        return self.palette().base().color().lightness() < 128

    def _colour(self, kind: str) -> QColor:
        pal = palette.DARK if self._dark() else palette.LIGHT
        return palette.qcolor(getattr(pal, kind))

    def status_colour(self, item: InstallmentRow, inside: bool = True) -> QColor:
        """The colour an item is drawn in: its status's tone (overdue red, grace amber, due
        soon teal, paid grey), else the text colour (grey outside the month)."""
        pal = palette.DARK if self._dark() else palette.LIGHT
        tone = pal.tone(item.status) if item.amount_due > 0 or item.status is Status.PAID else None
        if tone:
            return palette.qcolor(tone)
        return self.palette().text().color() if inside else self._colour("paid")

    def cell_tint(self, day: date) -> QColor | None:
        """The background of a day with late items: overdue red over grace amber."""
        items = [i for i in self._items.get(day, []) if i.amount_due > 0]
        for status in LATE:
            if any(i.status is status for i in items):
                pal = palette.DARK if self._dark() else palette.LIGHT
                return palette.qcolor(pal.tint(status) or pal.base)
        return None

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        locale = QLocale()
        header_font = QFont(self.font())
        header_font.setBold(True)
        p.setFont(header_font)
        p.setPen(pal.text().color())
        w = self.width() / 7
        for col in range(7):
            rect = QRect(round(col * w), 0, round(w), HEADER_HEIGHT)
            name = locale.dayName(col + 1, QLocale.FormatType.ShortFormat)
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)
        for offset in range(42):
            day = self.start() + timedelta(days=offset)
            self._paint_day(p, day, self.cell_rect(day))
        p.setPen(QPen(self._colour("grid"), 1))
        p.drawRect(self.rect().adjusted(0, HEADER_HEIGHT, -1, -1))
        if self.selected is not None and self.hasFocus():
            rect = self.cell_rect(self.selected)
            if not rect.isEmpty():
                p.setPen(QPen(pal.highlight().color(), 1, Qt.PenStyle.DotLine))
                p.drawRect(rect.adjusted(2, 2, -3, -3))
        p.end()

    def _paint_day(self, p: QPainter, day: date, rect: QRect) -> None:
        pal = self.palette()
        inside = day.month == self.month
        items = self._items.get(day, [])
        tint = self.cell_tint(day)
        if day == self.selected:
            p.fillRect(rect, self._colour("selected"))
        elif tint is not None:
            p.fillRect(rect, tint)
        elif not inside:
            p.fillRect(rect, self._colour("outside"))
        p.setPen(QPen(self._colour("grid"), 1))
        p.drawRect(rect.adjusted(0, 0, -1, -1))
        if day == self.today:
            p.setPen(QPen(self._colour("today"), 2))
            p.drawRect(rect.adjusted(1, 1, -2, -2))
        font = QFont(self.font())
        font.setBold(day == self.today)
        p.setFont(font)
        p.setPen(pal.text().color() if inside else self._colour("paid"))
        fm = p.fontMetrics()
        line = fm.height() + 1
        inner = rect.adjusted(6, 3, -6, -3)
        p.drawText(inner.x(), inner.y() + fm.ascent(), str(day.day))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.92))
        p.setFont(small)
        fm = p.fontMetrics()
        line = fm.height() + 1
        y = inner.y() + max(line, 18) + 2
        room = max(0, (inner.bottom() - y) // line)
        shown = items if len(items) <= room else items[: max(0, room - 1)]
        for item in shown:
            self._paint_item(p, item, QRect(inner.x(), y, inner.width(), line), inside)
            y += line
        if len(shown) < len(items):
            p.setPen(self._colour("paid"))
            more = self.tr("+%1 more").replace("%1", str(len(items) - len(shown)))
            p.drawText(QRect(inner.x(), y, inner.width(), line), Qt.AlignmentFlag.AlignLeft, more)

    def _paint_item(self, p: QPainter, item: InstallmentRow, rect: QRect, inside: bool) -> None:
        fm = p.fontMetrics()
        if item.status is Status.PAID:
            amount = "✓ " + fmt.money(item.total, item.currency)
        else:
            amount = fmt.money(item.amount_due, item.currency)
        p.setPen(self.status_colour(item, inside))
        amount_w = fm.horizontalAdvance(amount)
        align = Qt.AlignmentFlag.AlignVCenter
        p.drawText(rect, align | Qt.AlignmentFlag.AlignRight, amount)
        name_w = rect.width() - amount_w - 6
        if name_w > fm.horizontalAdvance("…") * 2:
            name = fm.elidedText(item.plan_name, Qt.TextElideMode.ElideRight, name_w)
            p.drawText(rect.adjusted(0, 0, -(amount_w + 6), 0), align, name)

    # -- input ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            day = self.day_at(event.position().x(), event.position().y())
            if day is not None:
                self.day_clicked.emit(day)
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().x(), event.position().y())
        items = self._items.get(day, []) if day else []
        lines = [
            f"{i.plan_name}  {fmt.money(i.amount_due or i.total, i.currency)}"
            f"  ({fmt.status_label(i.status.value)})"
            for i in items
        ]
        self.setToolTip("\n".join([fmt.day(day), *lines]) if lines and day else "")
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        step = steps.get(Qt.Key(event.key()))
        if step is not None:
            base = self.selected or self.today
            self.day_clicked.emit(base + timedelta(days=step))
            return
        super().keyPressEvent(event)
